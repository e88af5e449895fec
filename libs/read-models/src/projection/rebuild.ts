import type { EventStore, Position } from '@ccb/event-store';
import type { DataSource } from 'typeorm';
import { readModelDdl, START } from '../storage/read-model-migrations';
import type { RecordedEvent } from '@ccb/event-store';
import { advanceCheckpoint, projectionLockKey } from './checkpoint';
import { isPoisonError, PARK_AFTER_ATTEMPTS, parkEvent } from './dead-letters';
import type { Projection, ProjectionHandler } from './projection';

export interface RebuildProgress {
  readonly projection: string;
  readonly processed: number;
  /** Events in the store when the rebuild started; null when the store cannot count. */
  readonly total: number | null;
  readonly elapsedMs: number;
}

export interface RebuildReport {
  readonly projection: string;
  readonly events: number;
  readonly elapsedMs: number;
  readonly position: Position | null;
  /** Events that failed alone and were parked in the new schema (an unfixed one fails again here). */
  readonly parked: number;
}

/**
 * Blue/green: fills `<schema>__next` from event 0 while the live schema keeps serving and its
 * projector keeps running, then swaps the two names in one transaction under the projection's lock.
 * The new schema carries its own checkpoint, so the live projector (which finds its checkpoint moved)
 * carries on from where the rebuild stopped.
 */
export async function rebuildProjection(
  dataSource: DataSource,
  store: EventStore,
  projection: Projection,
  options: { batchSize?: number; onProgress?: (progress: RebuildProgress) => void; signal?: AbortSignal } = {},
): Promise<RebuildReport> {
  const live = projection.model.schema;
  const next = `${live}__next`;
  const retired = `${live}__old`;
  const started = Date.now();
  const total = await store.countEvents();

  await dataSource.query(`DROP SCHEMA IF EXISTS ${next} CASCADE`);
  await dataSource.transaction(async (tx) => {
    for (const statement of readModelDdl(projection.model, next)) await tx.query(statement);
    await tx.query(`INSERT INTO ${next}.projection_checkpoint (projection, position) VALUES ($1, $2)`, [projection.name, START]);
  });

  const handler = projection.handlerFor(next, 'rebuild');
  const parked = new Set<string>();
  let position: Position | typeof START = START;
  let processed = 0;
  const report = () => options.onProgress?.({ projection: projection.name, processed, total, elapsedMs: Date.now() - started });
  const batchSize = options.batchSize ?? 5000;
  let page = store.readAll({ maxCount: batchSize });
  for (;;) {
    if (options.signal?.aborted) throw new Error('rebuild aborted');
    const events = await page;
    if (events.length === 0) break;
    const last = events[events.length - 1];
    // The next page is read while this one is written: the store and the writes overlap.
    page = store.readAll({ after: last.position, maxCount: batchSize });
    await applyOrPark(dataSource, handler, next, projection.name, events, parked);
    position = last.position;
    processed += events.length;
    report();
  }

  if (handler.finish) await dataSource.transaction((tx) => handler.finish!(tx));
  // Building updates each row once per event: the dead versions go before the tables serve, and the planner
  // gets statistics of what they hold now.
  const tables: { tablename: string }[] = await dataSource.query(`SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY tablename`, [next]);
  if (tables.length > 0) await dataSource.query(`VACUUM (ANALYZE) ${tables.map((t) => `${next}.${t.tablename}`).join(', ')}`);
  await dataSource.query(`DROP SCHEMA IF EXISTS ${retired} CASCADE`);
  await dataSource.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [projectionLockKey(live)]);
    await tx.query(`ALTER SCHEMA ${live} RENAME TO ${retired}`);
    await tx.query(`ALTER SCHEMA ${next} RENAME TO ${live}`);
  });
  await dataSource.query(`DROP SCHEMA IF EXISTS ${retired} CASCADE`);
  report();
  return { projection: projection.name, events: processed, elapsedMs: Date.now() - started, position: position === START ? null : position, parked: parked.size };
}

/**
 * A page as the live projector applies it: whole if it can be, else event by event, parking each event
 * that fails alone. Parking the same events as the live projector keeps a rebuild equal to it.
 */
async function applyOrPark(dataSource: DataSource, handler: ProjectionHandler, schema: string, name: string, events: readonly RecordedEvent[], parked: Set<string>): Promise<void> {
  const attempt = async (page: readonly RecordedEvent[]) => {
    const last = page[page.length - 1];
    const prepared = await handler.prepare(page, parked);
    await dataSource.transaction(async (tx) => {
      await prepared.write(tx);
      await advanceCheckpoint(tx, schema, name, last.position, last.metadata.recordedAt, page.length);
    });
    prepared.committed();
  };
  try {
    return await attempt(events);
  } catch (error) {
    handler.reset();
    if (!isPoisonError(error)) throw error;
  }
  for (const event of events) {
    for (let tries = 1; ; tries++) {
      try {
        await attempt([event]);
        break;
      } catch (error) {
        handler.reset();
        if (!isPoisonError(error)) throw error;
        if (tries < PARK_AFTER_ATTEMPTS) continue;
        await dataSource.transaction(async (tx) => {
          await parkEvent(tx, schema, name, event, error, tries);
          await advanceCheckpoint(tx, schema, name, event.position, event.metadata.recordedAt, 1);
        });
        parked.add(event.id);
        break;
      }
    }
  }
}
