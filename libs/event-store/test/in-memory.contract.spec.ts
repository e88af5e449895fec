import { InMemoryEventStore } from '../src';
import { eventStoreContract } from '../src/testing/event-store-contract';

eventStoreContract('in memory', async () => {
  const store = new InMemoryEventStore();
  return { store, dispose: () => store.close() };
});
