import { EventStoreDbEventStore, migrateCheckpoints, migrateEventStore, PostgresEventStore, type EventStore } from '@ccb/event-store';
import type { Database } from './database';

/** EventStoreDB when a connection string is given, else the same database as the read models. */
export async function openEventStore(
  database: Database,
  options: { eventStoreConnectionString?: string; onSubscriptionError?: (error: unknown, attempt: number) => void } = {},
): Promise<EventStore> {
  await migrateCheckpoints(database.poolLike);
  if (options.eventStoreConnectionString) return new EventStoreDbEventStore(options.eventStoreConnectionString, { onSubscriptionError: options.onSubscriptionError });
  await migrateEventStore(database.poolLike);
  return new PostgresEventStore(database.poolLike, {
    name: database.kind,
    onSubscriptionError: options.onSubscriptionError,
    // Other processes' appends (a second API instance, the projector) wake this one's readers at commit.
    listenConnection: database.dedicatedClient,
  });
}
