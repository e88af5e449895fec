import { Global, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CheckpointStore, EventStoreDbEventStore, migrateEventStore, PostgresEventStore, type EventStore } from '@ccb/event-store';
import type { Environment } from '../config/environment';
import { DATABASE } from '../database/database.module';
import type { Database } from '../database/database';

export const EVENT_STORE = Symbol('EVENT_STORE');

@Injectable()
class EventStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [ConfigService, DATABASE],
      useFactory: async (config: ConfigService<Environment, true>, database: Database): Promise<EventStore> => {
        const logger = new Logger('EventStore');
        const onSubscriptionError = (error: unknown, attempt: number) =>
          logger.warn(`subscription read failed (attempt ${attempt}): ${(error as Error).message}`);
        const esdb = config.get('EVENTSTORE_CONNECTION_STRING', { infer: true });
        if (esdb) return new EventStoreDbEventStore(esdb, { onSubscriptionError });
        await migrateEventStore(database.poolLike);
        return new PostgresEventStore(database.poolLike, { name: database.kind, onSubscriptionError });
      },
    },
    { provide: CheckpointStore, useValue: new CheckpointStore() },
    EventStoreCloser,
  ],
  exports: [EVENT_STORE, CheckpointStore],
})
export class EventStoreModule {}
