import type { EventStore } from '@ccb/event-store';
import {
  AdvisoryLockLease,
  InProcessLease,
  openReadModelDataSource,
  openProjections,
  ProjectionRunner,
  projectionList,
  readModelSet,
  type Projection,
  type ProjectionRunnerOptions,
  type ReadModelContext,
} from '@ccb/read-models';
import { openDatabase, type Database } from './database';
import { openEventStore } from './event-store';

/** Where the process's data lives: the conventions of the README (DATABASE_URL, DATA_DIR, ...). */
export interface RuntimeSettings {
  readonly databaseUrl?: string;
  readonly dataDir: string;
  readonly eventStoreConnectionString?: string;
  readonly readModelSchemaPrefix?: string;
  readonly poolSize?: number;
}

/** A process's database, event store, read models and projections, opened the way the API opens them. */
export interface ReadModelRuntime extends ReadModelContext {
  readonly database: Database;
  readonly store: EventStore;
  readonly projections: readonly Projection[];
  runner(projection: Projection, options?: Partial<ProjectionRunnerOptions>): ProjectionRunner;
  close(): Promise<void>;
}

export async function openReadModelRuntime(settings: RuntimeSettings, hooks: { onSubscriptionError?: (error: unknown, attempt: number) => void } = {}): Promise<ReadModelRuntime> {
  const database = await openDatabase({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir, poolSize: settings.poolSize });
  const store = await openEventStore(database, { eventStoreConnectionString: settings.eventStoreConnectionString, onSubscriptionError: hooks.onSubscriptionError });
  const models = readModelSet(settings.readModelSchemaPrefix ?? '');
  const db = await openReadModelDataSource(database.typeormDriver, models, { shared: database.kind === 'postgresql' });
  const projections = projectionList(openProjections(models, store, db));
  return {
    database,
    store,
    db,
    models,
    projections,
    runner: (projection, options = {}) =>
      new ProjectionRunner(db, store, projection, {
        lease: database.kind === 'embedded' ? new InProcessLease() : new AdvisoryLockLease(database.pool, `projector:${projection.model.schema}`),
        batchSize: 1000,
        ...options,
      }),
    async close() {
      await db.destroy();
      await store.close();
      await database.close();
    },
  };
}
