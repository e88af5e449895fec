import { EventStoreDbEventStore } from '../src';
import { eventStoreContract } from '../src/testing/event-store-contract';

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

if (connectionString) {
  eventStoreContract('EventStoreDB', async () => {
    const store = new EventStoreDbEventStore(connectionString, { deadlineMs: 5_000 });
    return { store, dispose: () => store.close() };
  });
} else {
  // The one expected skip: no EventStoreDB server can run on our machines (no Docker engine).
  describe.skip('EventStore contract: EventStoreDB (skipped: EVENTSTORE_CONNECTION_STRING is not set)', () => {
    it('runs the shared contract suite against a live EventStoreDB', () => undefined);
  });
}
