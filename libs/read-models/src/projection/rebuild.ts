import type { EventStore, Position } from '@ccb/event-store';
import type { DataSource } from 'typeorm';
import { readModelDdl, START } from '../storage/read-model-migrations';
import { advanceCheckpoint, projectionLockKey } from './checkpoint';
import type { Projection } from './projection';

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
    const prepared = await handler.prepare(events);
    await dataSource.transaction(async (tx) => {
      await prepared.write(tx);
      await advanceCheckpoint(tx, next, projection.name, last.position, last.metadata.recordedAt, events.length);
    });
    prepared.committed();
    position = last.position;
    processed += events.length;
    report();
  }

  if (handler.finish) await dataSource.transaction((tx) => handler.finish!(tx));
  await dataSource.query(`ANALYZE`);
  await dataSource.query(`DROP SCHEMA IF EXISTS ${retired} CASCADE`);
  await dataSource.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [projectionLockKey(live)]);
    await tx.query(`ALTER SCHEMA ${live} RENAME TO ${retired}`);
    await tx.query(`ALTER SCHEMA ${next} RENAME TO ${live}`);
  });
  await dataSource.query(`DROP SCHEMA IF EXISTS ${retired} CASCADE`);
  report();
  return { projection: projection.name, events: processed, elapsedMs: Date.now() - started, position: position === START ? null : position };
}
