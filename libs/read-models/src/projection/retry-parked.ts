import type { EventStore } from '@ccb/event-store';
import type { DataSource } from 'typeorm';
import { readDeadLetters, type DeadLetter } from './dead-letters';
import type { Projection } from './projection';
import { rebuildProjection, type RebuildReport } from './rebuild';

export interface RetryReport {
  readonly projection: string;
  /** Parked before the retry. */
  readonly before: readonly DeadLetter[];
  /** Still parked after it: the events the code still cannot apply. */
  readonly after: readonly DeadLetter[];
  readonly rebuild: RebuildReport | null;
}

/**
 * Applies parked events again once the code that refused them is fixed. A parked event's place in the
 * rows depends on everything after it in its stream, so the retry is a blue/green rebuild: the tables
 * come out exactly as a clean rebuild's, and whatever still fails is parked again in the new schema.
 */
export async function retryParked(dataSource: DataSource, store: EventStore, projection: Projection, options: { batchSize?: number } = {}): Promise<RetryReport> {
  const before = await readDeadLetters(dataSource, projection.model.schema, projection.name);
  if (before.length === 0) return { projection: projection.name, before, after: [], rebuild: null };
  const rebuild = await rebuildProjection(dataSource, store, projection, { batchSize: options.batchSize });
  const after = await readDeadLetters(dataSource, projection.model.schema, projection.name);
  return { projection: projection.name, before, after, rebuild };
}
