import { Global, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CheckpointStore, type EventStore } from '@ccb/event-store';
import { openEventStore, type Database } from '@ccb/runtime';
import type { Environment } from '../config/environment';
import { DATABASE } from '../database/database.module';

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
        const onSubscriptionError = (error: unknown, attempt: number) => logger.warn(`subscription read failed (attempt ${attempt}): ${(error as Error).message}`);
        return openEventStore(database, { eventStoreConnectionString: config.get('EVENTSTORE_CONNECTION_STRING', { infer: true }), onSubscriptionError });
      },
    },
    { provide: CheckpointStore, useValue: new CheckpointStore() },
    EventStoreCloser,
  ],
  exports: [EVENT_STORE, CheckpointStore],
})
export class EventStoreModule {}
