/**
 * npm run bench:replay — the evaluator's replay of one long partnership, on PostgreSQL.
 * Writes one partnership of --events (10,000) events (a realistic life: money, activities, milestones,
 * measurements, risks) with its hash chain into the database `ccb_bench_replay`, then measures:
 *  - the fold alone (domain state + read-model view + dossier) to a random revision;
 *  - GET /api/partnerships/:id/as-of?revision=R through HTTP (read the stream, party check, replay, figures);
 *  - as-of by date, diff between two random revisions, verify: from the first event, and kept from the last verified link.
 */
import request from 'supertest';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { chained, GENESIS_HASH, verifyChain, type EventData, type EventStore } from '@ccb/event-store';
import { replayTo } from '@ccb/read-models';
import { createApp } from '../apps/api/src/app.factory';
import { EVENT_STORE } from '../apps/api/src/event-store/event-store.module';
import { TokenService } from '../apps/api/src/auth/token-service';
import { arg, describeMachine, freshBenchDatabase, percentile, printTable } from './machine';
import { partnershipWorkload, workloadOrganisations } from './workload/partnership-workload';
import { appendWorkload } from './workload/append-workload';

/** One partnership's whole life, chained as the command executor chains it. */
async function writeLongPartnership(store: EventStore, events: number): Promise<{ streamId: string; partnershipId: string; proposer: string; written: number }> {
  const orgs = workloadOrganisations(7);
  await appendWorkload(store, orgs.steps, { concurrency: 4 });
  const steps = [...partnershipWorkload({ partnerships: 1, events, seed: 7, concurrent: 1 }, orgs)];
  const streamId = steps[0].streamId;
  const all = steps.flatMap((s) => s.events);
  const proposal = all[0].data as { partnershipId: string; proposerId: string };
  let previous = GENESIS_HASH;
  const start = Date.parse('2024-01-01T00:00:00Z');
  for (let from = 0; from < all.length; from += 500) {
    const batch: EventData[] = all.slice(from, from + 500).map((e, i) => {
      const revision = from + i;
      // Spread over three years so dates pick points inside the history.
      const recordedAt = new Date(start + revision * 3 * 3600_000).toISOString();
      const unlinked = {
        id: randomUUID(),
        streamId,
        revision,
        type: e.type,
        schemaVersion: e.schemaVersion,
        data: e.data as Record<string, unknown>,
        metadata: { actor: 'bench', organisation: proposal.proposerId, correlationId: 'bench', causationId: null, recordedAt },
      };
      const metadata = chained(unlinked, previous);
      previous = metadata.hash!;
      return { id: unlinked.id, type: unlinked.type, schemaVersion: unlinked.schemaVersion, data: unlinked.data, metadata };
    });
    await store.appendToStream(streamId, batch, { expectedRevision: from === 0 ? 'no_stream' : from - 1 });
  }
  return { streamId, partnershipId: streamId.replace(/^partnership-/, ''), proposer: proposal.proposerId, written: all.length };
}

function stats(samples: number[]): [string, string, string] {
  const sorted = [...samples].sort((a, b) => a - b);
  return [percentile(sorted, 50).toFixed(1), percentile(sorted, 95).toFixed(1), sorted[sorted.length - 1].toFixed(1)];
}

async function main(): Promise<void> {
  const events = arg('events', 10_000);
  const runs = arg('runs', 200);
  const url = await freshBenchDatabase('ccb_bench_replay');
  const app = await createApp({
    DATABASE_URL: url,
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret!!',
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'false',
    PROJECTOR: 'off',
    RATE_LIMIT_PER_MINUTE: '0',
  });
  await app.init();
  const store = app.get<EventStore>(EVENT_STORE);
  console.log(await describeMachine());
  const { streamId, partnershipId, proposer, written } = await writeLongPartnership(store, events);
  const { events: recorded } = await store.readStream(streamId);
  console.log(`One partnership, ${written.toLocaleString('en')} events (${streamId}); ${runs} runs each, random points\n`);

  const token = await app.get(TokenService).sign({ userId: 'bench-evaluator', organisationId: proposer, roles: ['donor', 'implementer', 'beneficiary', 'evaluator'] });
  const http = request(app.getHttpServer());
  const random = () => Math.floor(Math.random() * written);
  const time = async (work: () => Promise<unknown> | unknown, n = runs) => {
    const samples: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await work();
      samples.push(performance.now() - t0);
    }
    return samples;
  };
  const get = async (path: string) => {
    const res = await http.get(`/api/partnerships/${partnershipId}${path}`).set('Authorization', `Bearer ${token}`);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
    return res.body;
  };
  await time(() => get(`/as-of?revision=${random()}`), 10); // warm-up

  const verified = await get('/verify');
  if (!verified.ok) throw new Error(`the chain did not verify: ${JSON.stringify(verified.firstBroken)}`);
  const dateOf = (revision: number) => recorded[revision].metadata.recordedAt;
  const rows = [
    ['fold only (in process, events in memory)', ...stats(await time(() => replayTo(recorded, { revision: random() })))],
    ['read stream from PostgreSQL', ...stats(await time(() => store.readStream(streamId)))],
    ['GET as-of?revision=R (HTTP)', ...stats(await time(() => get(`/as-of?revision=${random()}`)))],
    ['GET as-of?at=DATE (HTTP)', ...stats(await time(() => get(`/as-of?at=${encodeURIComponent(dateOf(random()))}`)))],
    ['GET diff?fromRevision=A&toRevision=B (HTTP; first 500 events listed)', ...stats(await time(() => get(`/diff?fromRevision=${random()}&toRevision=${random()}`), 50))],
    ['GET diff?…&eventsLimit=10000 (HTTP; every event listed)', ...stats(await time(() => get(`/diff?fromRevision=${random()}&toRevision=${random()}&eventsLimit=10000`), 50))],
    // The first verification (and any after an edit below the kept link) reads and re-hashes every row.
    ['verify from the first event, in process (read + re-hash)', ...stats(await time(async () => verifyChain(streamId, (await store.readStream(streamId)).events), 20))],
    ['GET verify (HTTP): rows below the last verified link unchanged, by fingerprint', ...stats(await time(() => get('/verify'), 50))],
  ];
  printTable(['replay of a 10k-event partnership', 'p50 ms', 'p95 ms', 'max ms'], rows);
  await app.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
