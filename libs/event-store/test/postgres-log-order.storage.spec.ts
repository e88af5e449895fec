import { randomUUID } from 'node:crypto';
import { Client, Pool } from 'pg';
import { migrateEventStore, PostgresEventStore, type RecordedEvent } from '../src';
import { anEvent } from '../src/testing/event-store-contract';
import { asPoolLike, openPostgresTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../src/testing/test-databases';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The global log must be gap-safe: a transaction that took its sequence value early and commits late
 * must still be delivered, once, to a subscriber that has already read events committed after it.
 */
describe('PostgreSQL $all under out-of-order commits', () => {
  let db: TestDatabase;
  let writers: Pool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await openPostgresTestDatabase();
    await migrateEventStore(asPoolLike(db.pool));
    writers = db.newPool!(24);
    store = new PostgresEventStore(asPoolLike(db.pool), { pollIntervalMs: 5 });
  });
  afterAll(() => db.close());

  it('does not deliver a later commit before an earlier-sequenced transaction that is still open', async () => {
    const prefix = `ooo-${randomUUID().slice(0, 8)}-`;
    const early = await writers.connect();
    await early.query('BEGIN');
    const a = await store.appendWithin(early, `${prefix}a`, [anEvent()], 'no_stream');
    const b = await store.appendToStream(`${prefix}b`, [anEvent()], { expectedRevision: 'no_stream' });

    const before = await store.readAll({ filter: { streamPrefixes: [prefix] } });
    expect(before).toEqual([]);

    await early.query('COMMIT');
    early.release();
    const after = await store.readAll({ filter: { streamPrefixes: [prefix] } });
    expect(after.map((e) => e.position)).toEqual([a.position, b.position]);
  });

  it('delivers every committed event exactly once to a live subscriber while 16 connections commit out of order', async () => {
    const prefix = `load-${randomUUID().slice(0, 8)}-`;
    const controller = new AbortController();
    const received: RecordedEvent[] = [];
    const subscriber = (async () => {
      const reader = new PostgresEventStore(asPoolLike(db.newPool!(2)), { pollIntervalMs: 2 });
      for await (const event of reader.subscribeToAll({ filter: { streamPrefixes: [prefix] }, batchSize: 50, signal: controller.signal })) {
        received.push(event);
      }
    })();

    const committed = new Set<string>();
    const rolledBack = new Set<string>();
    const worker = async (w: number) => {
      for (let i = 0; i < 25; i++) {
        const client = await writers.connect();
        try {
          await client.query('BEGIN');
          const events = [anEvent(), anEvent()];
          await store.appendWithin(client, `${prefix}${w}-${i % 5}`, events, 'any');
          // Hold some transactions open long, so commits land in a different order than sequence values.
          await sleep(w % 4 === 0 ? 40 + Math.random() * 60 : Math.random() * 8);
          if (Math.random() < 0.1) {
            await client.query('ROLLBACK');
            for (const e of events) rolledBack.add(e.id);
          } else {
            await client.query('COMMIT');
            for (const e of events) committed.add(e.id);
          }
        } finally {
          client.release();
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, (_, w) => worker(w)));

    const deadline = Date.now() + 20_000;
    while (received.length < committed.size && Date.now() < deadline) await sleep(20);
    await sleep(100);
    controller.abort();
    await subscriber;

    const ids = received.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => rolledBack.has(id))).toEqual([]);
    expect(new Set(ids)).toEqual(committed);
    for (let i = 1; i < received.length; i++) {
      const [p, q] = [received[i - 1].position, received[i].position].map((x) => x.split(':').map(BigInt));
      expect(p[0] < q[0] || (p[0] === q[0] && p[1] < q[1])).toBe(true);
    }
  });

  /** How long a new append takes to reach a live subscriber while `blocker` holds a transaction id open. */
  async function deliveryDelayWhile(blocker: { query(sql: string): Promise<unknown> }, hold: string): Promise<number> {
    const prefix = `held-${randomUUID().slice(0, 8)}-`;
    await blocker.query('BEGIN');
    await blocker.query(hold);
    await blocker.query('SELECT pg_current_xact_id()');
    try {
      const controller = new AbortController();
      const reader = new PostgresEventStore(asPoolLike(db.newPool!(2)), { pollIntervalMs: 20 });
      const iterator = reader.subscribeToAll({ filter: { streamPrefixes: [prefix] }, signal: controller.signal })[Symbol.asyncIterator]();
      const started = Date.now();
      const first = iterator.next();
      await store.appendToStream(`${prefix}s`, [anEvent()], { expectedRevision: 'no_stream' });
      const outcome = await Promise.race([first.then(() => 'delivered'), sleep(5_000).then(() => 'stalled')]);
      const delay = Date.now() - started;
      controller.abort();
      expect(outcome).toBe('delivered');
      return delay;
    } finally {
      await blocker.query('ROLLBACK');
    }
  }

  it('is not held back by a write transaction left open in another database of the same server', async () => {
    const other = new Pool({ connectionString: TEST_DATABASE_URL.replace(/\/[^/?]+(\?|$)/, '/postgres$1'), max: 1 });
    const client = await other.connect();
    try {
      await client.query('CREATE TABLE IF NOT EXISTS ccb_foreign_batch (n integer)');
      expect(await deliveryDelayWhile(client, 'INSERT INTO ccb_foreign_batch VALUES (1)')).toBeLessThan(1_000);
    } finally {
      client.release();
      await other.end();
    }
  });

  it('is not held back by a write transaction on an unrelated table of the same database', async () => {
    const client = await writers.connect();
    try {
      await client.query('CREATE TABLE IF NOT EXISTS unrelated_batch (n integer)');
      expect(await deliveryDelayWhile(client, 'INSERT INTO unrelated_batch VALUES (1)')).toBeLessThan(1_000);
    } finally {
      client.release();
    }
  });

  it("wakes another process's readers at commit, by NOTIFY", async () => {
    const listen = async () => {
      const client = new Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      return client;
    };
    const writer = new PostgresEventStore(asPoolLike(db.newPool!(1)), { listenConnection: listen });
    const reader = new PostgresEventStore(asPoolLike(db.newPool!(1)), { listenConnection: listen });
    try {
      let woken = 0;
      reader.onAppend(() => (woken += 1));
      await sleep(300); // LISTEN is issued on first use
      await writer.appendToStream(`notify-${randomUUID()}`, [anEvent()], { expectedRevision: 'no_stream' });
      const deadline = Date.now() + 2_000;
      while (woken === 0 && Date.now() < deadline) await sleep(10);
      expect(woken).toBeGreaterThan(0);
    } finally {
      await writer.close();
      await reader.close();
    }
  });

  it('resumes after its connection is killed, with nothing missed or repeated', async () => {
    const prefix = `drop-${randomUUID().slice(0, 8)}-`;
    const readerPool = db.newPool!(1);
    const reader = new PostgresEventStore(asPoolLike(readerPool), { pollIntervalMs: 5 });
    await store.appendToStream(
      `${prefix}s`,
      Array.from({ length: 10 }, () => anEvent()),
      { expectedRevision: 'no_stream' },
    );

    const controller = new AbortController();
    const received: RecordedEvent[] = [];
    const iterator = reader.subscribeToAll({ filter: { streamPrefixes: [prefix] }, batchSize: 4, signal: controller.signal })[Symbol.asyncIterator]();
    for (let i = 0; i < 6; i++) received.push((await iterator.next()).value as RecordedEvent);

    const { rows } = await readerPool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    await db.pool.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
    await store.appendToStream(
      `${prefix}s`,
      Array.from({ length: 10 }, () => anEvent()),
      { expectedRevision: 9 },
    );

    while (received.length < 20) received.push((await iterator.next()).value as RecordedEvent);
    controller.abort();
    await iterator.return?.(undefined);
    expect(received.map((e) => e.revision)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
});
