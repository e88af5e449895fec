/** A position in the global log: opaque to callers, ordered, and safe to put in JSON. */
export type Position = string & { readonly __brand: 'Position' };

export interface RequestFingerprint {
  readonly method: string;
  readonly path: string;
  /** SHA-256 of the body's canonical JSON. */
  readonly bodyHash: string;
}

export interface EventMetadata {
  /** Who recorded the fact (a user id). */
  readonly actor: string;
  /** The organisation the actor acted for, when there is one. */
  readonly organisation: string | null;
  readonly correlationId: string;
  readonly causationId: string | null;
  /** When the fact was recorded by the application (ISO 8601). */
  readonly recordedAt: string;
  /** The client's command id, kept so a retried command can be recognised. */
  readonly commandId?: string;
  /** The request the command id was sent with: a retry must be this very request (method, path, body hash). */
  readonly request?: RequestFingerprint;
  readonly reason?: string;
  /** This event's link in its stream's hash chain (see integrity/hash-chain.ts). */
  readonly hash?: string;
  readonly previousHash?: string;
}

export interface EventData<Type extends string = string, Data = Record<string, unknown>> {
  /** A UUID chosen by the writer: retrying with the same ids is how appends stay idempotent. */
  readonly id: string;
  readonly type: Type;
  readonly schemaVersion: number;
  readonly data: Data;
  readonly metadata: EventMetadata;
}

export interface RecordedEvent<Type extends string = string, Data = Record<string, unknown>> extends EventData<Type, Data> {
  readonly streamId: string;
  /** 0-based revision of the event within its stream. */
  readonly revision: number;
  readonly position: Position;
  /** When the store committed the event (ISO 8601). */
  readonly created: string;
}

/** Mirrors EventStoreDB: a number is the 0-based revision of the stream's last event. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

export interface AppendResult {
  readonly nextExpectedRevision: number;
  /** Position of the last event appended. */
  readonly position: Position;
}

export interface ReadStreamOptions {
  readonly direction?: 'forwards' | 'backwards';
  /** Inclusive; defaults to the start (forwards) or the end (backwards). */
  readonly fromRevision?: number | 'start' | 'end';
  readonly maxCount?: number;
}

export interface ReadStreamResult {
  readonly events: RecordedEvent[];
  /** The revision of the stream's last event, whatever part of it was read; null when it does not exist. */
  readonly currentStreamVersion: number | null;
  readonly streamExists: boolean;
}

export const NO_SUCH_STREAM: ReadStreamResult = { events: [], currentStreamVersion: null, streamExists: false };

export interface AllFilter {
  /** Exact event types to keep. */
  readonly eventTypes?: readonly string[];
  /** Stream id prefixes to keep. */
  readonly streamPrefixes?: readonly string[];
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. Undefined means from the beginning. */
  readonly after?: Position;
  readonly maxCount?: number;
  readonly filter?: AllFilter;
}

export interface SubscribeToAllOptions {
  readonly after?: Position;
  readonly filter?: AllFilter;
  /** Events fetched per round trip; the subscriber pulls, so at most this many are buffered. */
  readonly batchSize?: number;
  readonly signal?: AbortSignal;
}
