import type { RecordedEvent } from '@ccb/event-store';
import type { EntityManager } from 'typeorm';
import type { ReadModelSchema } from '../storage/read-model-schemas';

/** A batch worked out in memory, ready to be written in the batch's transaction. */
export interface PreparedBatch {
  /** Writes the rows. Runs inside the transaction that also moves the checkpoint. */
  write(tx: EntityManager): Promise<void>;
  /** Called once the transaction committed: only now may in-memory state move forward. */
  committed(): void;
}

/**
 * One projection's logic for one physical schema. `prepare` reads what it needs (streams, the
 * organisation directory) before the transaction opens: on the embedded database the transaction
 * holds the only connection.
 */
export interface ProjectionHandler {
  /** `parked`: ids of events set aside as unfoldable; a fold that re-reads a stream skips them too. */
  prepare(events: readonly RecordedEvent[], parked?: ReadonlySet<string>): Promise<PreparedBatch>;
  /** Forgets everything held in memory (after a failed batch or a blue/green switch). */
  reset(): void;
  /**
   * A rebuild calls this once, after the last batch and before the switch: work that depends on the
   * whole set of rows (pairs between partnerships) is done once there instead of after every batch.
   */
  finish?(tx: EntityManager): Promise<void>;
}

/** `rebuild`: the handler may defer set-wide work to `finish`. */
export type HandlerMode = 'live' | 'rebuild';

export interface Projection {
  readonly name: string;
  readonly model: ReadModelSchema;
  handlerFor(schema: string, mode?: HandlerMode): ProjectionHandler;
}
