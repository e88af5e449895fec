import { inTransaction, migrateEventStore, PostgresEventStore } from '../src';
import { anEvent } from '../src/testing/event-store-contract';
import { asPoolLike, openEmbeddedTestDatabase, type TestDatabase } from '../src/testing/test-databases';

/**
 * PGlite has a single session. Two writers whose transactions overlap in time (an append and a
 * read-model batch) must both keep their writes: the second waits for the first instead of running
 * its statements inside the first one's transaction.
 */
describe('embedded PGlite: overlapping writers', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await openEmbeddedTestDatabase();
    await migrateEventStore(asPoolLike(db.pool));
    await db.pool.query('CREATE TABLE rm_totals (id text PRIMARY KEY, total int NOT NULL)');
    store = new PostgresEventStore(asPoolLike(db.pool));
  });
  afterAll(() => db.close());

  it('an append made while a read-model transaction is open is kept when that transaction rolls back', async () => {
    let appended: Promise<unknown> = Promise.resolve();
    await expect(
      inTransaction(asPoolLike(db.pool), async (tx) => {
        await tx.query(`INSERT INTO rm_totals VALUES ('a', 1)`);
        appended = store.appendToStream('overlap-1', [anEvent()], { expectedRevision: 'no_stream' });
        await new Promise((r) => setTimeout(r, 50));
        throw new Error('read-model batch failed');
      }),
    ).rejects.toThrow('read-model batch failed');
    await appended;
    expect((await store.readStream('overlap-1')).events).toHaveLength(1);
    expect((await db.pool.query('SELECT count(*)::int AS n FROM rm_totals')).rows[0].n).toBe(0);
  });

  it('both overlapping writers commit their own writes', async () => {
    const readModel = inTransaction(asPoolLike(db.pool), async (tx) => {
      await tx.query(`INSERT INTO rm_totals VALUES ('b', 1)`);
      await new Promise((r) => setTimeout(r, 50));
      await tx.query(`UPDATE rm_totals SET total = total + 1 WHERE id = 'b'`);
    });
    const appends = Promise.all([1, 2, 3].map((i) => store.appendToStream(`overlap-2-${i}`, [anEvent()], { expectedRevision: 'no_stream' })));
    await Promise.all([readModel, appends]);
    expect((await db.pool.query(`SELECT total FROM rm_totals WHERE id = 'b'`)).rows[0].total).toBe(2);
    for (const i of [1, 2, 3]) expect((await store.readStream(`overlap-2-${i}`)).events).toHaveLength(1);
  });

  it('a failed statement does not break the shared connection', async () => {
    await expect(db.pool.query(`INSERT INTO rm_totals VALUES ('b', 1)`)).rejects.toThrow(/duplicate key/);
    expect((await db.pool.query('SELECT 1 AS one')).rows[0].one).toBe(1);
    await store.appendToStream('overlap-3', [anEvent()], { expectedRevision: 'no_stream' });
    expect((await store.readStream('overlap-3')).events).toHaveLength(1);
  });
});
