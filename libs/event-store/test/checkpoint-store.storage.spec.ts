import { CheckpointStore, inTransaction, makePosition, migrateCheckpoints } from '../src';
import { asPoolLike, openEmbeddedTestDatabase, openPostgresTestDatabase, type TestDatabase } from '../src/testing/test-databases';

describe.each([
  ['PostgreSQL', openPostgresTestDatabase],
  ['embedded PGlite', openEmbeddedTestDatabase],
])('CheckpointStore on %s', (_name, open: () => Promise<TestDatabase>) => {
  let db: TestDatabase;
  const checkpoints = new CheckpointStore();

  beforeAll(async () => {
    db = await open();
    await migrateCheckpoints(asPoolLike(db.pool));
    await db.pool.query('CREATE TABLE rm_things (id int PRIMARY KEY)');
  });
  afterAll(() => db.close());

  it('stores and loads a position', async () => {
    expect(await checkpoints.load(db.pool, 'p1')).toBeUndefined();
    await checkpoints.store(db.pool, 'p1', makePosition(5, 9));
    await checkpoints.store(db.pool, 'p1', makePosition(6, 10));
    expect(await checkpoints.load(db.pool, 'p1')).toBe('6:10');
  });

  it('commits or rolls back together with a read-model write', async () => {
    await inTransaction(asPoolLike(db.pool), async (tx) => {
      await tx.query('INSERT INTO rm_things (id) VALUES (1)');
      await checkpoints.store(tx, 'p2', makePosition(1, 1));
    });
    await expect(
      inTransaction(asPoolLike(db.pool), async (tx) => {
        await checkpoints.store(tx, 'p2', makePosition(2, 2));
        await tx.query('INSERT INTO rm_things (id) VALUES (1)');
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await checkpoints.load(db.pool, 'p2')).toBe('1:1');
    expect((await db.pool.query('SELECT count(*)::int AS n FROM rm_things')).rows[0].n).toBe(1);
  });
});
