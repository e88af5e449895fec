import { migrateEventStore, PostgresEventStore } from '../src';
import { eventStoreContract } from '../src/testing/event-store-contract';
import { asPoolLike, openEmbeddedTestDatabase } from '../src/testing/test-databases';

eventStoreContract('embedded PGlite', async () => {
  const db = await openEmbeddedTestDatabase();
  await migrateEventStore(asPoolLike(db.pool));
  return { store: new PostgresEventStore(asPoolLike(db.pool), { name: 'embedded' }), dispose: () => db.close() };
});
