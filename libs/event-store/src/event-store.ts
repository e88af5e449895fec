import type { AppendResult, EventData, ExpectedRevision, Position, ReadAllOptions, ReadStreamOptions, ReadStreamResult, RecordedEvent, SubscribeToAllOptions } from './types';

/**
 * The port every adapter implements (PostgreSQL, embedded PGlite, EventStoreDB), held to one contract
 * suite (`testing/event-store-contract.ts`).
 */
export interface EventStore {
  readonly name: string;

  /** Atomic: all events are appended or none. Throws WrongExpectedRevisionError on a mismatch. */
  appendToStream(streamId: string, events: readonly EventData[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult>;

  /**
   * The events asked for, and whether the stream exists at all (Emmett's answer): a missing stream is an
   * ordinary answer, `{ events: [], streamExists: false, currentStreamVersion: null }`, never an error.
   */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<ReadStreamResult>;

  /** One page of the global log in order, strictly after `options.after`. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;

  /** The position of the newest event a reader can see, or null for an empty store. */
  headPosition(): Promise<Position | null>;

  /** How many events `$all` holds, for progress bars; null when the store cannot count cheaply. */
  countEvents(): Promise<number | null>;

  /**
   * A catch-up subscription: every event after `after`, then live ones, pulled one at a time
   * (nothing is read ahead of the consumer beyond one batch). Survives dropped connections by
   * resuming after the last event it delivered. Ends when `signal` aborts or the loop breaks.
   */
  subscribeToAll(options?: SubscribeToAllOptions): AsyncIterable<RecordedEvent>;

  /**
   * Calls `listener` when something may have been appended (by this process, or another one where the
   * store can tell), so a caught-up reader sleeps instead of polling. A hint: readers still poll, slowly.
   */
  onAppend?(listener: () => void): () => void;

  /**
   * Where the store can tell (PostgreSQL and the embedded store: rows can be edited in place), a token of the
   * stream's stored rows as they are now: over those below `beforeRevision`, and over all of them, read in one
   * snapshot. Any change to a row below the bound (an edit, a delete, a re-insert) changes `prefix`, so a
   * verification kept for that prefix is known to still hold without reading it again.
   */
  rowsFingerprint?(streamId: string, beforeRevision: number): Promise<RowsFingerprint>;

  close(): Promise<void>;
}

export interface RowsFingerprint {
  /** Rows below the bound: their count and a sum over their row versions. */
  readonly prefix: string;
  /** Every row of the stream, in the same snapshot. */
  readonly all: string;
  readonly count: number;
}
