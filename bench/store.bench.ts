/**
 * npm run bench:store — our PostgreSQL event store against Emmett's, same database, same process.
 * Options: --appends N (calls per append row), --all-events N (size of the $all read),
 * --emmett-read-seconds S (time budget for Emmett's slower $all read; its rate is over what it read).
 */
import { randomUUID } from 'node:crypto';
import { Pool, types, type CustomTypesConfig } from 'pg';
import { getPostgreSQLEventStore, readMessagesBatch } from '@event-driven-io/emmett-postgresql';
import { dumbo } from '@event-driven-io/dumbo';
import { migrateEventStore, PostgresEventStore, StreamQueue, WrongExpectedRevisionError, type EventData } from '@ccb/event-store';
import { arg, describeMachine, formatRate, percentile, printTable } from './machine';
import { loadSettings } from '@ccb/runtime';

const ADMIN_URL = loadSettings().DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BENCH_DB = 'ccb_bench_store';

interface Side {
  name: string;
  /** Appends and returns true, or false on a concurrency conflict (the caller retries). */
  append(stream: string, count: number, expected: bigint | 'any'): Promise<{ ok: true; next: bigint } | { ok: false; current: bigint }>;
}

function ourEvents(count: number): EventData[] {
  return Array.from({ length: count }, () => ({
    id: randomUUID(),
    type: 'MilestoneAchieved',
    schemaVersion: 1,
    data: payload(),
    metadata: { actor: 'bench', organisation: 'org-bench', correlationId: randomUUID(), causationId: null, recordedAt: new Date().toISOString() },
  }));
}

/** About 390 bytes, like the measured event rows in shared/event-store-facts.md. */
function payload() {
  return {
    partnershipId: randomUUID(),
    milestoneId: randomUUID(),
    title: 'National CERT incident-handling procedures adopted and tested in a tabletop exercise',
    achievedOn: '2026-03-14',
    evidence: [{ kind: 'report', uri: 'https://example.org/evidence/tabletop-exercise-report.pdf' }],
    note: 'Validated with the national CERT lead; participants from three ministries.',
  };
}

interface Row {
  label: string;
  clients: number;
  perAppend: number;
  hot: boolean;
}

async function runRow(side: Side, row: Row, appends: number): Promise<{ rate: number; p50: number; p99: number; conflicts: number }> {
  const latencies: number[] = [];
  let conflicts = 0;
  let next = 0;
  const hotStream = `hot-${side.name}-${randomUUID()}`;
  const perClient = Math.ceil(appends / row.clients);
  const revisions = new Map<string, bigint>();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: row.clients }, async () => {
      for (let i = 0; i < perClient; i++) {
        const stream = row.hot ? hotStream : `spread-${side.name}-${(next++ % 10_000).toString().padStart(5, '0')}-${row.label}`;
        for (;;) {
          const expected = row.hot ? (revisions.get(stream) ?? -1n) : 'any';
          const t0 = performance.now();
          const result = await side.append(stream, row.perAppend, expected === -1n ? 'any' : expected);
          if (result.ok) {
            latencies.push(performance.now() - t0);
            if (row.hot) revisions.set(stream, result.next);
            break;
          }
          conflicts += 1;
          revisions.set(stream, result.current);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { rate: (latencies.length * row.perAppend) / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), conflicts };
}

/**
 * Emmett's SQL layer replaces pg's process-wide type parsers (int8 to BigInt, jsonb through its own
 * serializer) when it creates a pool. Our pool keeps pg's standard parsers, captured before that, so each
 * store reads rows the way it does in its own process.
 */
function standardTypes(): CustomTypesConfig {
  const pinned = new Map([20, 114, 1184, 3802].map((oid) => [oid, types.getTypeParser(oid, 'text')]));
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      (format ?? 'text') === 'text' && pinned.has(oid) ? pinned.get(oid) : types.getTypeParser(oid, format)) as CustomTypesConfig['getTypeParser'],
  };
}

async function main(): Promise<void> {
  const ourTypes = standardTypes();
  const appends = arg('appends', 4000);
  const allEvents = arg('all-events', 1_000_000);
  const emmettReadSeconds = arg('emmett-read-seconds', 120);

  const admin = new Pool({ connectionString: ADMIN_URL, max: 1 });
  await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DB}`);
  await admin.query(`CREATE DATABASE ${BENCH_DB}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${BENCH_DB}`;
  const connectionString = url.toString();

  const pool = new Pool({ connectionString, max: 16, types: ourTypes });
  await migrateEventStore(pool);
  const ours = new PostgresEventStore(pool);
  const emmett = getPostgreSQLEventStore(connectionString, { connectionOptions: { pooled: true } } as never);
  await emmett.schema.migrate();

  // Raw PostgreSQL: the same event-shaped rows inserted with node pg, one statement per call, no event store
  // (no expected-revision check, no stream table, no log horizon): the machine's own figure for these rows.
  await pool.query(`CREATE TABLE raw_events (global_position bigserial PRIMARY KEY, stream_id text NOT NULL, revision bigint NOT NULL,
    event_id uuid NOT NULL UNIQUE, event_type text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL, created timestamptz NOT NULL DEFAULT now())`);
  await pool.query('CREATE INDEX ON raw_events (stream_id, revision)');
  const raw: Side = {
    name: 'raw',
    async append(stream, count) {
      const events = ourEvents(count).map((e) => ({ id: e.id, type: e.type, data: e.data, metadata: e.metadata }));
      await pool.query(
        `INSERT INTO raw_events (stream_id, revision, event_id, event_type, data, metadata)
         SELECT $1, e.ord - 1, (e.ev->>'id')::uuid, e.ev->>'type', e.ev->'data', e.ev->'metadata' FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS e(ev, ord)`,
        [stream, JSON.stringify(events)],
      );
      return { ok: true, next: BigInt(count - 1) };
    },
  };

  const hotQueue = new StreamQueue();
  const sides: Side[] = [
    {
      name: 'ours',
      async append(stream, count, expected) {
        // One hot stream with one writer per stream in this process (StreamQueue), as the command path never races a stream:
        // each append reads the revision it writes after, so none conflicts with another from this process.
        if (stream.startsWith('hot-')) {
          return hotQueue.run(stream, async () => {
            const { currentStreamVersion } = await ours.readStream(stream, { direction: 'backwards', maxCount: 1 });
            const r = await ours.appendToStream(stream, ourEvents(count), { expectedRevision: currentStreamVersion ?? 'no_stream' });
            return { ok: true as const, next: BigInt(r.nextExpectedRevision) };
          });
        }
        try {
          const r = await ours.appendToStream(stream, ourEvents(count), { expectedRevision: expected === 'any' ? 'any' : Number(expected) });
          return { ok: true, next: BigInt(r.nextExpectedRevision) };
        } catch (error) {
          if (error instanceof WrongExpectedRevisionError) return { ok: false, current: error.actual === 'no_stream' ? -1n : BigInt(error.actual) };
          throw error;
        }
      },
    },
    {
      name: 'emmett',
      async append(stream, count, expected) {
        try {
          const events = Array.from({ length: count }, () => ({ type: 'MilestoneAchieved', data: payload() }));
          // Emmett counts versions from 1: its version n is our revision n - 1.
          const r = await emmett.appendToStream(stream, events, expected === 'any' ? undefined : { expectedStreamVersion: expected + 1n });
          return { ok: true, next: r.nextExpectedStreamVersion - 1n };
        } catch (error) {
          if ((error as { errorCode?: number }).errorCode !== 412 && !(error as Error).constructor.name.includes('ExpectedVersionConflict')) throw error;
          // Emmett's conflict error does not say where the stream is: ask, as its client would have to.
          const { rows } = await pool.query<{ v: string }>('SELECT stream_position AS v FROM emt_streams WHERE stream_id = $1', [stream]);
          return { ok: false, current: rows.length ? BigInt(rows[0].v) - 1n : -1n };
        }
      },
    },
  ];

  const rows: Row[] = [];
  for (const perAppend of [1, 10])
    for (const hot of [false, true])
      for (const clients of [1, 16]) {
        rows.push({ label: `${perAppend}ev-${hot ? 'hot' : 'spread'}-${clients}c`, clients, perAppend, hot });
      }

  const machine = await describeMachine(pool);
  console.log(`\nEvent store benchmark — ${machine}`);
  console.log(
    `Append rows: ${appends} append calls each (${appends / 2} for 10-event rows); spread = 10,000 streams; hot = one stream: ours through the per-stream queue of the command path, emmett with optimistic retries.\n`,
  );
  // Warm both stores (connections, caches, first pages of the tables) so the first row measures appends, not start-up.
  for (const side of sides) await runRow(side, { label: 'warm-up', clients: 16, perAppend: 1, hot: false }, 400);

  for (let i = 0; i < 2; i++) await runRow(raw, { label: 'warm-up', clients: 16, perAppend: 1, hot: false }, 400);

  // Targets of the group-commit work, as ours/raw ratios measured in this run (raw has no hot-stream figure: it checks no revision).
  const TARGETS: Readonly<Record<string, string>> = {
    '1ev-spread-1c': '>= 0.8x raw',
    '1ev-spread-16c': '>= 1.0x raw',
    '10ev-spread-1c': '>= 0.8x raw',
    '10ev-spread-16c': '>= 0.8x raw',
    '1ev-hot-16c': '0 conflicts, >= 1-client rate',
  };
  const table: (string | number)[][] = [];
  const rates = new Map<string, number>();
  for (const row of rows) {
    const calls = row.perAppend === 10 ? appends / 2 : appends;
    // Raw is measured before and after the stores, and the better of the two kept: the ratio is not flattered by a slow window.
    const rawBefore = row.hot ? null : await runRow(raw, row, calls);
    const results = [];
    for (const side of sides) {
      results.push(await runRow(side, row, calls));
    }
    const rawAfter = row.hot ? null : await runRow(raw, row, calls);
    const r = rawBefore && rawAfter ? (rawBefore.rate >= rawAfter.rate ? rawBefore : rawAfter) : null;
    const [o, e] = results;
    rates.set(row.label, o.rate);
    table.push([
      `${row.perAppend} event/append, ${row.hot ? 'one hot stream' : '10,000 streams'}, ${row.clients} client${row.clients > 1 ? 's' : ''}`,
      r ? `${formatRate(r.rate)} (${r.p50.toFixed(2)} / ${r.p99.toFixed(2)})` : '—',
      formatRate(o.rate),
      `${o.p50.toFixed(2)} / ${o.p99.toFixed(2)}`,
      r ? `${(o.rate / r.rate).toFixed(2)}x` : '—',
      formatRate(e.rate),
      `${(o.rate / e.rate).toFixed(2)}x`,
      `${o.conflicts} / ${e.conflicts}`,
      TARGETS[row.label] ?? '',
    ]);
  }
  printTable(['append', 'raw PG ev/s (p50 / p99 ms)', 'ours ev/s', 'ours p50/p99 ms', 'ours/raw', 'emmett ev/s', 'ours/emmett', 'conflicts ours/emmett', 'target'], table);
  const hot1 = rates.get('1ev-hot-1c') ?? 0;
  const hot16 = rates.get('1ev-hot-16c') ?? 0;
  console.log(`\nHot stream, 16 callers vs 1 caller (ours): ${(hot16 / Math.max(hot1, 1)).toFixed(2)}x`);

  console.log(`\nLoading ${allEvents.toLocaleString('en-US')} events into each store for the $all read (each store is loaded, then read)...`);
  const load = async (side: Side) => {
    const existing =
      side.name === 'ours' ? (await pool.query('SELECT count(*)::int AS n FROM es_events')).rows[0].n : (await pool.query('SELECT count(*)::int AS n FROM emt_messages')).rows[0].n;
    let remaining = allEvents - existing;
    let s = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (remaining > 0) {
          const n = Math.min(100, remaining);
          remaining -= n;
          await side.append(`load-${side.name}-${s++ % 10_000}`, n, 'any');
        }
      }),
    );
  };
  await load(sides[0]);

  const readTable: (string | number)[][] = [];
  const readOurs = async (label: string) => {
    const started = performance.now();
    let count = 0;
    const controller = new AbortController();
    for await (const event of ours.subscribeToAll({ batchSize: 1000, signal: controller.signal })) {
      void event;
      count += 1;
      if (count >= allEvents) break;
    }
    const seconds = (performance.now() - started) / 1000;
    readTable.push([label, count.toLocaleString('en-US'), seconds.toFixed(1), formatRate(count / seconds)]);
  };
  // Right after a bulk load every row still needs its hint bits set, which makes the first read write;
  // a log being caught up on has usually been vacuumed since. Both conditions are reported.
  await readOurs('ours: catch-up subscription, batches of 1,000, right after loading');
  await pool.query('VACUUM ANALYZE es_events');
  await readOurs('ours: catch-up subscription, batches of 1,000, after VACUUM');
  await load(sides[1]);
  await pool.query('VACUUM ANALYZE emt_messages');
  {
    const executor = dumbo({ connectionString });
    const started = performance.now();
    let after = 0n;
    let count = 0;
    for (;;) {
      const batch = await readMessagesBatch(executor.execute, { after, batchSize: 1000 });
      count += batch.messages.length;
      after = batch.currentGlobalPosition;
      if (!batch.areMessagesLeft || batch.messages.length === 0) break;
      if ((performance.now() - started) / 1000 > emmettReadSeconds) break;
    }
    const seconds = (performance.now() - started) / 1000;
    readTable.push([
      `emmett: readMessagesBatch, batches of 1,000, after VACUUM${count < allEvents ? ` (stopped after ${emmettReadSeconds} s)` : ''}`,
      count.toLocaleString('en-US'),
      seconds.toFixed(1),
      formatRate(count / seconds),
    ]);
    await executor.close();
  }
  const ourRate = Number(String(readTable[1][3]).replace(/,/g, ''));
  const theirRate = Number(String(readTable[2][3]).replace(/,/g, ''));
  console.log(`\n$all read over a log of ${allEvents.toLocaleString('en-US')} events per store:\n`);
  printTable(['reader', 'events read', 'seconds', 'events/s'], readTable);
  console.log(`\nours/emmett $all read (both after VACUUM): ${(ourRate / theirRate).toFixed(1)}x`);

  await emmett.close();
  await pool.end();
  await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DB}`);
  await admin.end();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
