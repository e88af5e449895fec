/**
 * npm run bench:projections — read models at programme scale, on PostgreSQL.
 * 1. A realistic generator writes --partnerships (10,000) partnerships and about --events (1,000,000)
 *    events to the database `ccb_bench_projections` (kept between runs; --fresh writes it again).
 * 2. Full rebuild of each projection from event 0 (blue/green, as `npm run projections:rebuild`): events/s.
 * 3. p50/p95 latency of every read endpoint through the HTTP API at that size.
 * 4. Projection lag p50/p99 while commands arrive at a sustained --rate (200/s) for --seconds (30).
 */
import { Pool } from 'pg';
import type { INestApplication } from '@nestjs/common';
import { rebuildProjection, type Projection } from '@ccb/read-models';
import { loadSettings, openReadModelRuntime, ProgressBar, type ReadModelRuntime } from '@ccb/runtime';
import type { Position } from '@ccb/event-store';
import { comparePositions } from '@ccb/event-store';
import { listeningBenchApp } from './bench-app';
import { TokenService } from '../apps/api/src/auth/token-service';
import { arg, describeMachine, formatRate, percentile, printTable } from './machine';
import { partnershipWorkload, workloadOrganisations, type WorkloadStep } from './workload/partnership-workload';
import { appendWorkload } from './workload/append-workload';

const ADMIN_URL = loadSettings().DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BENCH_DB = 'ccb_bench_projections';

async function benchDatabaseUrl(fresh: boolean): Promise<string> {
  const admin = new Pool({ connectionString: ADMIN_URL, max: 1 });
  const { rows } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [BENCH_DB]);
  if (fresh && rows.length) await admin.query(`DROP DATABASE ${BENCH_DB} WITH (FORCE)`);
  if (fresh || !rows.length) await admin.query(`CREATE DATABASE ${BENCH_DB}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${BENCH_DB}`;
  return url.toString();
}

async function seed(runtime: ReadModelRuntime, partnerships: number, events: number): Promise<void> {
  const pool = runtime.database.pool;
  await pool.query('CREATE TABLE IF NOT EXISTS bench_meta (partnerships int, events int, written bigint)');
  const { rows } = await pool.query<{ partnerships: number; events: number; written: string }>('SELECT * FROM bench_meta');
  if (rows.length && rows[0].partnerships === partnerships && rows[0].events === events) {
    console.log(`Reusing the workload already in ${BENCH_DB}: ${Number(rows[0].written).toLocaleString('en')} events (--fresh to write it again)`);
    return;
  }
  if (rows.length || (await runtime.store.headPosition()) !== null) throw new Error(`${BENCH_DB} holds another workload: run with --fresh`);
  const orgs = workloadOrganisations(42);
  await appendWorkload(runtime.store, orgs.steps, { concurrency: 8 });
  const bar = new ProgressBar('writing workload', events);
  const result = await appendWorkload(runtime.store, partnershipWorkload({ partnerships, events, seed: 42, concurrent: 400 }, orgs), {
    concurrency: 8,
    coalesce: 4,
    onProgress: (n) => bar.update(n),
  });
  bar.finish(result.events);
  await pool.query('INSERT INTO bench_meta VALUES ($1, $2, $3)', [partnerships, events, result.events + orgs.steps.reduce((n, s) => n + s.events.length, 0)]);
  await pool.query('VACUUM ANALYZE');
}

async function rebuildAll(runtime: ReadModelRuntime): Promise<(string | number)[][]> {
  const rows: (string | number)[][] = [];
  for (const projection of runtime.projections) {
    const bar = new ProgressBar(`rebuild ${projection.name.padEnd(9)}`, null);
    // The batch size `npm run projections:rebuild` uses.
    const report = await rebuildProjection(runtime.db, runtime.store, projection, {
      batchSize: loadSettings().REBUILD_BATCH_SIZE,
      onProgress: (p) => bar.update(p.processed, p.total),
    });
    bar.finish(report.events);
    rows.push([projection.name, report.events.toLocaleString('en'), (report.elapsedMs / 1000).toFixed(1), formatRate(report.events / (report.elapsedMs / 1000))]);
  }
  await runtime.database.pool.query('ANALYZE');
  return rows;
}

async function endpointLatencies(app: INestApplication, runtime: ReadModelRuntime, samples: number): Promise<(string | number)[][]> {
  const base = await app.getUrl();
  // The operator reads every read model (as an administrator sees the portfolio), through the same token checks as anyone.
  const token = await app.get(TokenService).sign({ userId: 'bench-operator', organisationId: 'org-bench-operator', roles: ['admin'] });
  const some = async (sql: string) => ((await runtime.database.pool.query(sql)).rows[0] as { id: string }).id;
  const s = runtime.models.portfolio.schema;
  const partnership = await some(`SELECT partnership_id AS id FROM ${s}.partnerships ORDER BY partnership_id OFFSET (SELECT count(*) / 2 FROM ${s}.partnerships) LIMIT 1`);
  const organisation = await some(`SELECT organisation_id AS id FROM ${s}.organisations ORDER BY organisation_id OFFSET 7 LIMIT 1`);
  const donor = await some(`SELECT donor_ids[1] AS id FROM ${s}.partnerships WHERE partnership_id = '${partnership}'`);
  const country = await some(`SELECT beneficiary_country AS id FROM ${s}.partnerships WHERE partnership_id = '${partnership}'`);
  const paths = [
    '/api/partnerships?limit=50',
    `/api/partnerships?country=${country}&theme=incident-response-cert&sort=-localOwnershipIndex`,
    `/api/partnerships/${partnership}`,
    '/api/organisations?limit=50',
    `/api/organisations/${organisation}/partners`,
    `/api/relationships/triads?donorId=${donor}`,
    `/api/relationships/network?country=${country}`,
    '/api/relationships/counts?by=modality',
    '/api/relationships/counts?by=theme',
    `/api/funding/totals?groupBy=donor&reportingCurrency=USD`,
    '/api/funding/totals?groupBy=country',
    '/api/funding/totals?groupBy=theme',
    '/api/funding/totals?groupBy=year',
    `/api/funding/totals?groupBy=partnership&donorId=${donor}`,
    `/api/funding/totals?groupBy=implementer&country=${country}`,
    `/api/funding/chains/${partnership}`,
    '/api/local-ownership/partnerships?limit=50',
    '/api/local-ownership/portfolios?by=donor',
    '/api/local-ownership/portfolios?by=beneficiary',
    '/api/inclusion?groupBy=theme',
    '/api/inclusion?groupBy=country',
    `/api/inclusion?groupBy=activity&organisationId=${organisation}&limit=50`,
    `/api/coordination/overlaps?country=${country}`,
    '/api/registry?limit=50',
    '/api/scorecard',
    '/api/scorecard/scores?limit=50',
    `/api/partnerships/${partnership}/timeline?limit=100`,
    '/api/timeline?limit=50&order=desc',
    '/api/projections',
  ];
  const rows: (string | number)[][] = [];
  for (const path of paths) {
    const timings: number[] = [];
    let bytes = 0;
    for (let i = 0; i < samples + 3; i++) {
      const started = performance.now();
      const res = await fetch(`${base}${path}`, { headers: { Authorization: `Bearer ${token}` } });
      const body = await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${Buffer.from(body).toString()}`);
      if (i >= 3) timings.push(performance.now() - started);
      bytes = body.byteLength;
    }
    timings.sort((a, b) => a - b);
    rows.push([
      path.replace(partnership, ':partnership').replace(organisation, ':organisation').replace(donor, ':donor'),
      percentile(timings, 50).toFixed(1),
      percentile(timings, 95).toFixed(1),
      `${Math.round(bytes / 1024)} KiB`,
    ]);
  }
  return rows;
}

async function projectionLag(runtime: ReadModelRuntime, rate: number, seconds: number): Promise<(string | number)[][]> {
  const committed: Map<string, { position: Position; at: number }[]> = new Map();
  const runners = runtime.projections.map((projection: Projection) => {
    const runner = runtime.runner(projection);
    committed.set(projection.name, []);
    runner.onCheckpoint((position) => committed.get(projection.name)!.push({ position, at: performance.now() }));
    return runner;
  });
  for (const runner of runners) runner.start();
  // New partnerships, one command's events per append, as users would send them.
  const steps: Iterator<WorkloadStep> = partnershipWorkload({ partnerships: 2000, events: rate * seconds * 2, seed: 4242, concurrent: 300 }, workloadOrganisations(42))[
    Symbol.iterator
  ]();
  const run = Date.now().toString(36);
  const acked: { position: Position; at: number }[] = [];
  const revisions = new Map<string, number>();
  const started = performance.now();
  const inFlight = new Set<Promise<void>>();
  const busy = new Set<string>();
  let sent = 0;
  while (performance.now() - started < seconds * 1000) {
    const due = Math.floor(((performance.now() - started) / 1000) * rate);
    while (sent < due) {
      const next = steps.next();
      if (next.done) break;
      const step = next.value;
      // A run of its own: the database is kept between runs, and the last run's lag streams are still in it.
      const streamId = step.streamId.replace('partnership-w-', `partnership-lag-${run}-`);
      while (busy.has(streamId)) await Promise.race(inFlight);
      busy.add(streamId);
      sent += 1;
      const expected = revisions.get(streamId) ?? -1;
      revisions.set(streamId, expected + step.events.length);
      const p = (async () => {
        const result = await runtime.store.appendToStream(
          streamId,
          step.events.map((e) => ({
            id: crypto.randomUUID(),
            type: e.type,
            schemaVersion: e.schemaVersion,
            data: (e.type === 'PartnershipProposed' ? { ...e.data, partnershipId: streamId.slice('partnership-'.length) } : e.data) as Record<string, unknown>,
            metadata: { actor: 'bench', organisation: null, correlationId: crypto.randomUUID(), causationId: null, recordedAt: new Date().toISOString() },
          })),
          { expectedRevision: expected === -1 ? 'no_stream' : expected },
        );
        acked.push({ position: result.position, at: performance.now() });
        busy.delete(streamId);
      })();
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await Promise.all(inFlight);
  const achieved = sent / ((performance.now() - started) / 1000);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  for (const runner of runners) await runner.stop();
  const rows: (string | number)[][] = [];
  for (const [name, commits] of committed) {
    const lags: number[] = [];
    for (const a of acked) {
      const c = commits.find((x) => comparePositions(x.position, a.position) >= 0);
      if (c) lags.push(Math.max(0, c.at - a.at));
    }
    lags.sort((x, y) => x - y);
    rows.push([
      name,
      acked.length,
      formatRate(achieved),
      percentile(lags, 50).toFixed(0),
      percentile(lags, 99).toFixed(0),
      lags.length === acked.length ? 'all' : `${lags.length}`,
    ]);
  }
  return rows;
}

async function main(): Promise<void> {
  const partnerships = arg('partnerships', 10_000);
  const events = arg('events', 1_000_000);
  const samples = arg('samples', 40);
  const rate = arg('rate', 200);
  const seconds = arg('seconds', 30);
  const url = await benchDatabaseUrl(process.argv.includes('--fresh'));
  const runtime = await openReadModelRuntime({ databaseUrl: url, dataDir: 'memory', poolSize: 12 });
  console.log(`Machine: ${await describeMachine(runtime.database.pool)}`);
  await seed(runtime, partnerships, events);
  const total = await runtime.store.countEvents();
  console.log(`Data: ${partnerships.toLocaleString('en')} partnerships, ${total?.toLocaleString('en')} events in $all\n`);

  console.log('Full rebuild from event 0 (blue/green, one projection at a time; target >= 20,000 events/s)');
  printTable(['projection', 'events', 'seconds', 'events/s'], await rebuildAll(runtime));

  const app = await listeningBenchApp({ url }, { projector: false });
  console.log(`\nRead endpoints over HTTP at that size, ${samples} sequential requests each after 3 warm-ups (target p95 < 50 ms)`);
  printTable(['endpoint', 'p50 ms', 'p95 ms', 'body'], await endpointLatencies(app, runtime, samples));
  await app.close();

  console.log(`\nProjection lag under ${rate} commands/s for ${seconds} s: command acknowledged -> its position committed by the projector (target p99 < 250 ms)`);
  printTable(['projection', 'commands', 'commands/s', 'lag p50 ms', 'lag p99 ms', 'seen'], await projectionLag(runtime, rate, seconds));
  await runtime.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
