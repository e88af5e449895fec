import { migrateEventStore, PostgresEventStore } from '../src';
import { eventStoreContract } from '../src/testing/event-store-contract';
import { asPoolLike, openPostgresTestDatabase } from '../src/testing/test-databases';

eventStoreContract('PostgreSQL', async () => {
  const db = await openPostgresTestDatabase();
  await migrateEventStore(asPoolLike(db.pool));
  return { store: new PostgresEventStore(asPoolLike(db.pool)), dispose: () => db.close() };
});
