import type { EventStore } from '../event-store';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../errors';
import { pollingSubscription, type LogPage, type LogSource } from '../polling-subscription';
import { comparePositions, makePosition } from '../position';
import {
  NO_SUCH_STREAM,
  type AllFilter,
  type AppendResult,
  type EventData,
  type ExpectedRevision,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type ReadStreamResult,
  type RecordedEvent,
  type SubscribeToAllOptions,
} from '../types';

const matches = (event: RecordedEvent, filter: AllFilter | undefined): boolean =>
  (!filter?.eventTypes?.length || filter.eventTypes.includes(event.type)) && (!filter?.streamPrefixes?.length || filter.streamPrefixes.some((p) => event.streamId.startsWith(p)));

/**
 * The port held in a process's memory, for unit tests of the executor and the handlers: it passes the same
 * contract suite as the databases (expected revisions, idempotent retries, $all in order, catch-up
 * subscriptions), and loses everything when the process ends, so nothing but tests may use it.
 */
export class InMemoryEventStore implements EventStore, LogSource {
  readonly name = 'in-memory';
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly byId = new Map<string, RecordedEvent>();
  private readonly listeners = new Set<() => void>();

  // Everything between reading the stream and pushing the events runs without an await: an append is atomic.
  async appendToStream(streamId: string, events: readonly EventData[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    const stream = this.streams.get(streamId) ?? [];
    const actual = stream.length === 0 ? 'no_stream' : stream.length - 1;
    const expected = options.expectedRevision;
    const revisionHolds =
      expected === 'any' || (expected === 'no_stream' && actual === 'no_stream') || (expected === 'stream_exists' && actual !== 'no_stream') || expected === actual;
    const duplicate = events.some((e) => this.byId.has(e.id));
    if (!revisionHolds || duplicate) return this.resolveRetry(streamId, events, expected, actual, duplicate);
    const created = new Date().toISOString();
    for (const event of events) {
      const recorded: RecordedEvent = { ...structuredClone(event), streamId, revision: stream.length, position: makePosition(1, this.log.length + 1), created };
      stream.push(recorded);
      this.log.push(recorded);
      this.byId.set(recorded.id, recorded);
    }
    this.streams.set(streamId, stream);
    for (const listener of this.listeners) listener();
    const last = stream[stream.length - 1];
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  /** Refused: if these very events already stand where the expected revision puts them, it is a retry (as EventStoreDB answers). */
  private resolveRetry(streamId: string, events: readonly EventData[], expected: ExpectedRevision, actual: 'no_stream' | number, duplicate: boolean): AppendResult {
    const found = events.map((e) => this.byId.get(e.id)).filter((e): e is RecordedEvent => e !== undefined && e.streamId === streamId);
    const first = found[0]?.revision ?? -1;
    const inPlace =
      found.length === events.length &&
      found.every((e, i) => e.id === events[i].id && e.revision === first + i) &&
      (typeof expected !== 'number' || first === expected + 1) &&
      (expected !== 'no_stream' || first === 0);
    if (inPlace) {
      const last = found[found.length - 1];
      return { nextExpectedRevision: last.revision, position: last.position };
    }
    if (duplicate)
      throw new DuplicateEventIdError(
        streamId,
        events.filter((e) => this.byId.has(e.id)).map((e) => e.id),
      );
    throw new WrongExpectedRevisionError(streamId, expected, actual);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<ReadStreamResult> {
    const stream = this.streams.get(streamId);
    if (!stream) return NO_SUCH_STREAM;
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? 'end' : 'start');
    const selected = backwards
      ? stream.filter((e) => from === 'end' || from === 'start' || e.revision <= from).reverse()
      : stream.filter((e) => from === 'start' || from === 'end' || e.revision >= from);
    const events = structuredClone(selected.slice(0, options.maxCount ?? selected.length));
    return { events, currentStreamVersion: stream.length - 1, streamExists: true };
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after;
    const selected = this.log.filter((e) => (after === undefined || comparePositions(e.position, after) > 0) && matches(e, options.filter));
    return structuredClone(selected.slice(0, options.maxCount ?? selected.length));
  }

  async headPosition(): Promise<Position | null> {
    return this.log[this.log.length - 1]?.position ?? null;
  }

  async countEvents(): Promise<number | null> {
    return this.log.length;
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AsyncIterable<RecordedEvent> {
    return pollingSubscription(this, options);
  }

  async readPage(after: Position | undefined, limit: number, filter: AllFilter | undefined): Promise<LogPage> {
    const start = after === undefined ? 0 : this.log.findIndex((e) => comparePositions(e.position, after) > 0);
    const scanned = start < 0 ? [] : this.log.slice(start, start + limit);
    return {
      events: structuredClone(scanned.filter((e) => matches(e, filter))),
      scannedTo: scanned[scanned.length - 1]?.position ?? null,
      exhausted: scanned.length < limit,
    };
  }

  waitForAppend(ms: number, signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.listeners.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  onAppend(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
