import { randomUUID } from 'node:crypto';
import { migrateEventStore, PostgresEventStore } from '../src';
import { anEvent } from '../src/testing/event-store-contract';
import { asPoolLike, openPostgresTestDatabase, type TestDatabase } from '../src/testing/test-databases';

/** What lets a verification skip rows it verified before: a token of the rows that any edit below the bound changes. */
describe('PostgreSQL rows fingerprint', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await openPostgresTestDatabase();
    await migrateEventStore(asPoolLike(db.pool));
    store = new PostgresEventStore(asPoolLike(db.pool));
  });
  afterAll(() => db.close());

  it('keeps the prefix through appends after it, and changes it on an edit, a delete or a re-insert below the bound', async () => {
    const stream = `fp-${randomUUID().slice(0, 8)}`;
    await store.appendToStream(stream, [anEvent(), anEvent(), anEvent()], { expectedRevision: 'no_stream' });
    const first = await store.rowsFingerprint(stream, 3);
    expect(first.count).toBe(3);
    expect(first.prefix).toBe(first.all);

    await store.appendToStream(stream, [anEvent()], { expectedRevision: 2 });
    const appended = await store.rowsFingerprint(stream, 3);
    expect(appended).toMatchObject({ prefix: first.all, count: 4 });
    expect(appended.all).not.toBe(first.all);

    // The same value written again is still a new row version: a verification kept for it no longer counts.
    await db.pool.query(`UPDATE es_events SET data = data WHERE stream_id = $1 AND revision = 1`, [stream]);
    const edited = await store.rowsFingerprint(stream, 3);
    expect(edited.prefix).not.toBe(first.all);

    const { rows } = await db.pool.query<{ event_id: string }>(`SELECT event_id FROM es_events WHERE stream_id = $1 AND revision = 0`, [stream]);
    await db.pool.query(`DELETE FROM es_events WHERE stream_id = $1 AND revision = 0`, [stream]);
    expect((await store.rowsFingerprint(stream, 3)).prefix).not.toBe(edited.prefix);
    await db.pool.query(`INSERT INTO es_events (stream_id, revision, event_id, event_type, schema_version, data, metadata) VALUES ($1, 0, $2, 'Reinserted', 1, '{}', '{}')`, [
      stream,
      rows[0].event_id,
    ]);
    const reinserted = await store.rowsFingerprint(stream, 3);
    expect(reinserted.count).toBe(4);
    expect(reinserted.prefix).not.toBe(edited.prefix);
  });
});
