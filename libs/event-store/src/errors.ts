import type { ExpectedRevision } from './types';

export type ActualRevision = 'no_stream' | number;

export class EventStoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class WrongExpectedRevisionError extends EventStoreError {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: ActualRevision,
  ) {
    super(`Stream "${streamId}": expected revision ${String(expected)}, actual ${String(actual)}`);
  }
}

export class StreamNotFoundError extends EventStoreError {
  constructor(readonly streamId: string) {
    super(`Stream "${streamId}" not found`);
  }
}

/** The same event id was appended to the stream before, at a place a retry cannot explain. */
export class DuplicateEventIdError extends EventStoreError {
  constructor(
    readonly streamId: string,
    readonly eventIds: readonly string[],
  ) {
    super(`Stream "${streamId}" already holds event id(s) ${eventIds.join(', ')}`);
  }
}

/** The store did not answer in time or could not be reached; the operation may be retried. */
export class EventStoreUnavailableError extends EventStoreError {}
