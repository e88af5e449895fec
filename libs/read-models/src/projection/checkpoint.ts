import type { Position } from '@ccb/event-store';
import type { DataSource, EntityManager } from 'typeorm';
import { START } from '../storage/read-model-migrations';

export interface CheckpointRow {
  readonly position: Position | typeof START;
  readonly lastEventAt: string | null;
  readonly eventsProcessed: number;
  readonly updatedAt: string;
}

type Runner = Pick<DataSource | EntityManager, 'query'>;

export async function readCheckpoint(db: Runner, schema: string, projection: string, options: { forUpdate?: boolean } = {}): Promise<CheckpointRow> {
  const rows: { position: string; last_event_at: Date | null; events_processed: string; updated_at: Date }[] = await db.query(
    `SELECT position, last_event_at, events_processed, updated_at FROM ${schema}.projection_checkpoint WHERE projection = $1${options.forUpdate ? ' FOR UPDATE' : ''}`,
    [projection],
  );
  if (rows.length === 0) throw new Error(`Projection "${projection}" has no checkpoint row in schema ${schema}: run the read-model migrations`);
  const row = rows[0];
  return {
    position: row.position as Position,
    lastEventAt: row.last_event_at ? new Date(row.last_event_at).toISOString() : null,
    eventsProcessed: Number(row.events_processed),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export async function advanceCheckpoint(tx: EntityManager, schema: string, projection: string, to: Position, lastEventAt: string, count: number): Promise<void> {
  await tx.query(
    `UPDATE ${schema}.projection_checkpoint
        SET position = $2, last_event_at = $3, events_processed = events_processed + $4, updated_at = now()
      WHERE projection = $1`,
    [projection, to, lastEventAt, count],
  );
}

/** The key both a projector's batches and a rebuild's switch lock, so the two never interleave. */
export const projectionLockKey = (schema: string) => `projection:${schema}`;

export const afterOf = (position: Position | typeof START): Position | undefined => (position === START ? undefined : position);
