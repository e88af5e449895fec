/**
 * npm run bench:commands — commands through the whole HTTP path (auth, validation, load, decide, hash chain,
 * append) on PostgreSQL, beside the event store's own append rate measured in the same run on the same database.
 * 1. The store alone: one event per append to many streams, at 1 and 16 concurrent callers.
 * 2. `POST /api/partnerships/:id/risks` (one RiskRaised event each, with an Idempotency-Key as the dashboard
 *    sends), at 1 and 16 clients, on one partnership and spread over --partnerships (1,000).
 * 3. Where each command's time went, from the Server-Timing header the API returns.
 * The clients run in a worker thread, so they do not share the API's event loop.
 * Options: --commands N per row (2,000), --partnerships N (1,000). The projector is off: this is the write path alone.
 */
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { INestApplication } from '@nestjs/common';
import type { EventStore } from '@ccb/event-store';
import { listeningBenchApp } from './bench-app';
import { TokenService } from '../apps/api/src/auth/token-service';
import { EVENT_STORE } from '../apps/api/src/event-store/event-store.module';
import { STAGES } from '../apps/api/src/common/server-timing';
import { arg, describeMachine, freshBenchDatabase, formatRate, percentile, printTable } from './machine';
import { runHttpLoad } from './workload/http-load';

const CLIENTS = [1, 16] as const;
const TARGET_RATIO = 0.5;

const ORGS = { beneficiary: 'org-bench-cert', donor: 'org-bench-donor', admin: 'org-bench-operator' } as const;

/** About the size of a risk as implementers write them. */
const riskBody = (riskId: string) => ({
  riskId,
  kind: 'risk',
  description: 'Two of the five trained incident handlers are leaving the national CERT for the private sector before the tabletop exercise',
  severity: 'medium',
});

interface Client {
  readonly base: string;
  readonly tokens: { readonly admin: string; readonly beneficiary: string };
}

async function send(client: Client, path: string, token: string, body: object, headers: Record<string, string> = {}): Promise<Response> {
  const res = await fetch(`${client.base}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res;
}

async function setUp(client: Client, partnerships: number): Promise<string[]> {
  for (const [organisationId, kind] of [
    [ORGS.beneficiary, 'state-body'],
    [ORGS.donor, 'state-body'],
  ] as const) {
    await send(client, '/api/organisations', client.tokens.admin, {
      organisationId,
      name: `Bench ${organisationId}`,
      kind,
      country: 'GH',
      region: 'africa',
      developmentStatus: 'developing',
      contacts: [{ name: 'Focal point', function: 'Programme lead', email: 'focal@example.org' }],
    });
  }
  const ids = Array.from({ length: partnerships }, (_, i) => `p-bench-${String(i).padStart(5, '0')}`);
  await inParallel(ids, 16, async (partnershipId) => {
    await send(client, '/api/partnerships', client.tokens.beneficiary, {
      partnershipId,
      title: `National CERT readiness ${partnershipId}`,
      summary: 'Incident handling, SOC staffing and a national tabletop exercise',
      beneficiaryCountry: 'GH',
      initiatedBy: 'beneficiary',
      proposerRole: 'beneficiary',
      themes: ['incident-response-cert'],
      levels: ['technical'],
      sdgs: [9, 16],
      genderMarker: 1,
      plannedStart: '2026-01-01',
      plannedEnd: '2027-12-31',
    });
  });
  return ids;
}

async function inParallel<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index], index);
      }
    }),
  );
}

interface RowResult {
  readonly rate: number;
  readonly p50: number;
  readonly p99: number;
  /** Summed ms per Server-Timing stage, and the clients' own summed latency. */
  readonly stages: Map<string, number>;
  readonly latency: number;
}

async function httpRow(client: Client, targets: readonly string[], clients: number, commands: number): Promise<RowResult> {
  const { riskId: _id, ...rest } = riskBody('');
  const result = await runHttpLoad({
    base: client.base,
    token: client.tokens.beneficiary,
    paths: targets.map((id) => `/api/partnerships/${id}/risks`),
    body: { riskId: 'r-{id}', ...rest },
    clients,
    commands,
  });
  if (result.failures.length > 0) throw new Error(`${result.failures.length} commands refused, first: ${result.failures[0]}`);
  const { latencies, stages } = result;
  return {
    rate: commands / result.seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    stages: new Map(Object.entries(stages)),
    latency: latencies.reduce((a, b) => a + b, 0),
  };
}

/** The store's own rate on the same database: one event per append, each caller on its own streams. */
async function storeRow(store: EventStore, clients: number, appends: number): Promise<{ rate: number; p50: number; p99: number }> {
  const streams = Array.from({ length: 1000 }, () => `bench-store-${randomUUID()}`);
  const revisions = new Map<string, number>();
  const latencies: number[] = [];
  const started = performance.now();
  await inParallel(
    Array.from({ length: appends }, (_, i) => i),
    clients,
    async (i) => {
      // Caller c only ever touches streams c, c + clients, ...: no conflicts, as in the HTTP rows' spread.
      const streamId = streams[(i % clients) + clients * (Math.floor(i / clients) % Math.floor(streams.length / clients))];
      const expected = revisions.get(streamId) ?? -1;
      const t0 = performance.now();
      const result = await store.appendToStream(
        streamId,
        [
          {
            id: randomUUID(),
            type: 'RiskRaised',
            schemaVersion: 1,
            data: riskBody(`r-${i}`),
            metadata: { actor: 'bench', organisation: ORGS.beneficiary, correlationId: randomUUID(), causationId: null, recordedAt: new Date().toISOString() },
          },
        ],
        { expectedRevision: expected < 0 ? 'no_stream' : expected },
      );
      latencies.push(performance.now() - t0);
      revisions.set(streamId, result.nextExpectedRevision);
    },
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { rate: appends / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

async function main(): Promise<void> {
  const commands = arg('commands', 2000);
  const partnerships = arg('partnerships', 1000);
  const url = await freshBenchDatabase('ccb_bench_commands');
  const app: INestApplication = await listeningBenchApp({ url }, { projector: false });
  const pool = new Pool({ connectionString: url, max: 1 });
  console.log(`Machine: ${await describeMachine(pool)}`);
  await pool.end();
  const tokens = app.get(TokenService);
  const client: Client = {
    base: await app.getUrl(),
    tokens: {
      admin: await tokens.sign({ userId: 'bench-operator', organisationId: ORGS.admin, roles: ['admin'] }),
      beneficiary: await tokens.sign({ userId: 'bench-cert-lead', organisationId: ORGS.beneficiary, roles: ['beneficiary'] }),
    },
  };
  const ids = await setUp(client, partnerships);
  console.log(`Data: ${partnerships.toLocaleString('en')} partnerships proposed over HTTP; ${commands.toLocaleString('en')} commands per row, one RiskRaised event each\n`);

  const store = app.get<EventStore>(EVENT_STORE);
  const storeRates = new Map<number, { rate: number; p50: number; p99: number }>();
  for (const clients of CLIENTS) storeRates.set(clients, await storeRow(store, clients, commands));

  const rows: (string | number)[][] = [];
  const shares: (string | number)[][] = [];
  for (const clients of CLIENTS) {
    const own = storeRates.get(clients)!;
    rows.push(['event store alone, 1 event per append', clients, formatRate(own.rate), own.p50.toFixed(1), own.p99.toFixed(1), '1.00', '']);
  }
  for (const [label, targets] of [
    ['one partnership', ids.slice(0, 1)],
    [`${partnerships.toLocaleString('en')} partnerships`, ids],
  ] as const) {
    for (const clients of CLIENTS) {
      const r = await httpRow(client, targets, clients, commands);
      const ratio = r.rate / storeRates.get(clients)!.rate;
      rows.push([`HTTP, ${label}`, clients, formatRate(r.rate), r.p50.toFixed(1), r.p99.toFixed(1), ratio.toFixed(2), ratio >= TARGET_RATIO ? 'met' : 'NOT met']);
      const measured = STAGES.reduce((sum, s) => sum + (r.stages.get(s) ?? 0), 0);
      const pct = (ms: number) => `${((ms / r.latency) * 100).toFixed(1)} %`;
      shares.push([`${label}, ${clients}`, ...STAGES.map((s) => pct(r.stages.get(s) ?? 0)), pct(Math.max(0, r.latency - measured))]);
    }
  }
  console.log(`Commands through HTTP against the store's own append rate at the same number of callers (target >= ${TARGET_RATIO}x)`);
  printTable(['path', 'clients', 'per s', 'p50 ms', 'p99 ms', 'x store', 'target'], rows);
  console.log(
    '\nShare of each command\'s time (client-measured latency) per stage, from Server-Timing; "other" is what the server does not time: HTTP framing, routing, writing the answer, the client',
  );
  printTable(['row, clients', ...STAGES, 'other'], shares);
  await app.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
