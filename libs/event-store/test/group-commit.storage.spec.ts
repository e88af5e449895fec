import { randomUUID } from 'node:crypto';
import { migrateEventStore, PostgresEventStore, WrongExpectedRevisionError } from '../src';
import { anEvent } from '../src/testing/event-store-contract';
import { asPoolLike, openPostgresTestDatabase, type TestDatabase } from '../src/testing/test-databases';

/**
 * Group commit on PostgreSQL: concurrent appends share statements and commits (fewer transactions than
 * appends), and a second process writing the same new streams at once loses nothing and doubles nothing.
 */
describe('PostgreSQL group commit', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let other: PostgresEventStore;

  beforeAll(async () => {
    db = await openPostgresTestDatabase();
    await migrateEventStore(asPoolLike(db.pool));
    store = new PostgresEventStore(asPoolLike(db.pool));
    // Another process: its own pool and its own batches.
    other = new PostgresEventStore(asPoolLike(db.newPool!(8)));
  });
  afterAll(() => db.close());

  it('writes 64 concurrent appends in fewer transactions than appends, each with its own revision', async () => {
    const prefix = `gc-${randomUUID().slice(0, 8)}-`;
    const results = await Promise.all(Array.from({ length: 64 }, (_, i) => store.appendToStream(`${prefix}${i}`, [anEvent(), anEvent()], { expectedRevision: 'no_stream' })));
    expect(results.every((r) => r.nextExpectedRevision === 1)).toBe(true);
    const { rows } = await db.pool.query<{ n: number; txids: number }>(
      'SELECT count(*)::int AS n, count(DISTINCT transaction_id)::int AS txids FROM es_events WHERE starts_with(stream_id, $1)',
      [prefix],
    );
    expect(rows[0].n).toBe(128);
    expect(rows[0].txids).toBeLessThan(64);
  });

  it('two processes creating the same streams at once: each stream is created once, the losers are told the actual revision', async () => {
    const prefix = `gc-race-${randomUUID().slice(0, 8)}-`;
    const attempts = Array.from({ length: 40 }, (_, i) => [store, other].map((s) => s.appendToStream(`${prefix}${i}`, [anEvent()], { expectedRevision: 'no_stream' }))).flat();
    const settled = await Promise.allSettled(attempts);
    expect(settled.filter((r) => r.status === 'fulfilled')).toHaveLength(40);
    for (const r of settled) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(WrongExpectedRevisionError);
    const { rows } = await db.pool.query<{ stream_id: string; n: number }>(
      'SELECT stream_id, count(*)::int AS n FROM es_events WHERE starts_with(stream_id, $1) GROUP BY stream_id',
      [prefix],
    );
    expect(rows).toHaveLength(40);
    expect(rows.every((r) => r.n === 1)).toBe(true);
  });

  it('with expected revision any from two processes, every append is written once', async () => {
    const prefix = `gc-any-${randomUUID().slice(0, 8)}-`;
    const attempts = Array.from({ length: 30 }, (_, i) => [store, other].map((s) => s.appendToStream(`${prefix}${i % 5}`, [anEvent()], { expectedRevision: 'any' }))).flat();
    await Promise.all(attempts);
    const { rows } = await db.pool.query<{ n: number; max: number }>('SELECT count(*)::int AS n, max(revision)::int AS max FROM es_events WHERE starts_with(stream_id, $1)', [
      prefix,
    ]);
    expect(rows[0]).toEqual({ n: 60, max: 11 });
  });
});
