/**
 * npm run bench:load — reads under load, on the demo data, on the embedded database and on PostgreSQL.
 * --readers (200) concurrent readers go round eight dashboard endpoints as fast as answers come, while
 * --rate (20) commands per second are written (a risk raised on a demo partnership by its beneficiary) and the
 * projector folds them, for --seconds (20) per database. Readers and writers run in a worker thread.
 */
import { Pool } from 'pg';
import type { INestApplication } from '@nestjs/common';
import { listeningBenchApp } from './bench-app';
import { TokenService } from '../apps/api/src/auth/token-service';
import { DemoLoader } from '../apps/api/src/demo/demo-loader';
import { DEMO_USERS } from '../apps/api/src/auth/demo-users';
import { ADMIN_URL, arg, describeMachine, freshBenchDatabase, formatRate, percentile, printTable } from './machine';
import { runMixedLoad, type MixedLoad } from './workload/http-load';

const TARGET = { p95: 250, p99: 500 };

interface PartnershipItem {
  readonly partnershipId: string;
  readonly beneficiaryIds: readonly string[];
  readonly phase: string;
}

async function getJson<T>(base: string, path: string, token: string): Promise<T> {
  const res = await fetch(`${base}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Waits until every projection has folded every event: the load starts on caught-up read models. */
async function caughtUp(base: string, token: string): Promise<void> {
  for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
    const { items } = await getJson<{ items: { eventsBehind: number }[] }>(base, '/api/projections', token);
    if (items.every((p) => p.eventsBehind === 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the projections did not catch up with the demo data in 2 minutes');
}

async function run(label: string, databaseUrl: string | undefined, options: { readers: number; rate: number; seconds: number }): Promise<(string | number)[][]> {
  const app: INestApplication = await listeningBenchApp(databaseUrl ? { url: databaseUrl } : 'memory', { projector: true });
  await app.get(DemoLoader).load();
  const base = await app.getUrl();
  const tokens = app.get(TokenService);
  const admin = await tokens.sign({ userId: 'bench-operator', organisationId: 'org-bench-operator', roles: ['admin'] });
  await caughtUp(base, admin);

  const { items } = await getJson<{ items: PartnershipItem[] }>(base, '/api/partnerships?limit=200', admin);
  const open = items.filter((p) => p.phase !== 'closed' && p.phase !== 'cancelled' && p.beneficiaryIds.length > 0);
  const writes: MixedLoad['writes'] = await Promise.all(
    open.map(async (p) => ({
      path: `/api/partnerships/${p.partnershipId}/risks`,
      token: await tokens.sign({ userId: `bench-${p.beneficiaryIds[0]}`, organisationId: p.beneficiaryIds[0], roles: ['beneficiary'] }),
      body: { riskId: 'r-{id}', kind: 'risk', description: 'Trained staff leaving the CERT before the exercise', severity: 'medium' },
    })),
  );
  // Every demo user reads, each through its own token: what a party may see is filtered for it, and only its own
  // identical requests share an answer, as with real users.
  const endpoints = (partnershipId: string): [string, string][] => [
    ['partnerships list', '/api/partnerships?limit=50'],
    ['funding by donor, USD', '/api/funding/totals?groupBy=donor&reportingCurrency=USD'],
    ['funding by country', '/api/funding/totals?groupBy=country'],
    ['local ownership by donor', '/api/local-ownership/portfolios?by=donor'],
    ['inclusion by theme', '/api/inclusion?groupBy=theme'],
    ['relationship network', '/api/relationships/network'],
    ['registry', '/api/registry?limit=50'],
    ['partnership timeline', `/api/partnerships/${partnershipId}/timeline?limit=100`],
  ];
  const reads: MixedLoad['reads'] = (
    await Promise.all(
      DEMO_USERS.map(async (user) => {
        const token = await tokens.sign({ userId: user.name, organisationId: user.organisationId, roles: user.roles });
        const own = (await getJson<{ items: PartnershipItem[] }>(base, '/api/partnerships?limit=1', token)).items[0];
        return own ? endpoints(own.partnershipId).map(([name, path]) => ({ label: name, path, token })) : [];
      }),
    )
  ).flat();
  const users = new Set(reads.map((r) => r.token)).size;

  const result = await runMixedLoad({ base, reads, readers: options.readers, writes, rate: options.rate, seconds: options.seconds });
  await app.close();
  if (result.failures.length > 0) throw new Error(`${label}: ${result.failures.length} requests failed, first: ${result.failures[0]}`);

  const row = (name: string, latencies: number[], target: boolean): (string | number)[] => {
    const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(latencies, p));
    const met = p95 < TARGET.p95 && p99 < TARGET.p99;
    return [label, name, latencies.length, formatRate(latencies.length / result.seconds), p50.toFixed(0), p95.toFixed(0), p99.toFixed(0), target ? (met ? 'met' : 'NOT met') : ''];
  };
  const all = Object.values(result.reads)
    .flat()
    .sort((a, b) => a - b);
  return [
    ...Object.entries(result.reads).map(([name, latencies]) => row(name, latencies, true)),
    row(`all reads, ${users} users`, all, true),
    row(`commands (${options.rate}/s offered)`, result.writes, false),
  ];
}

async function main(): Promise<void> {
  const options = { readers: arg('readers', 200), rate: arg('rate', 20), seconds: arg('seconds', 20) };
  const pool = new Pool({ connectionString: ADMIN_URL, max: 1 });
  console.log(`Machine: ${await describeMachine(pool)}`);
  await pool.end();
  console.log(`Data: the demo data; ${options.readers} readers over 8 endpoints and ${options.rate} commands/s for ${options.seconds} s per database, projector running\n`);
  const rows = [...(await run('embedded', undefined, options)), ...(await run('postgresql', await freshBenchDatabase('ccb_bench_load'), options))];
  console.log(`Reads under load (target p95 < ${TARGET.p95} ms and p99 < ${TARGET.p99} ms on both databases)`);
  printTable(['database', 'endpoint', 'requests', 'per s', 'p50 ms', 'p95 ms', 'p99 ms', 'target'], rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
