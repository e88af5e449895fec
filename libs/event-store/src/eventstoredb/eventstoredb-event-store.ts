import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError as EsdbStreamNotFoundError,
  WrongExpectedVersionError,
  excludeSystemEvents,
  eventTypeFilter,
  jsonEvent,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type Filter,
  type ResolvedEvent,
} from '@eventstore/db-client';
import type { EventStore } from '../event-store';
import { EventStoreUnavailableError, StreamNotFoundError, WrongExpectedRevisionError } from '../errors';
import { delay } from '../polling-subscription';
import { makePosition, parsePosition } from '../position';
import {
  NO_SUCH_STREAM,
  type AllFilter,
  type AppendResult,
  type EventData,
  type EventMetadata,
  type ExpectedRevision,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type ReadStreamResult,
  type RecordedEvent,
  type SubscribeToAllOptions,
} from '../types';

export interface EventStoreDbOptions {
  /** Every call fails with EventStoreUnavailableError after this long (a silent port hangs the client otherwise). */
  readonly deadlineMs?: number;
  readonly maxRetryDelayMs?: number;
  readonly onSubscriptionError?: (error: unknown, attempt: number) => void;
}

/** Stored in EventStoreDB's metadata beside ours, since it has no schema-version field of its own. */
interface StoredMetadata extends EventMetadata {
  readonly schemaVersion: number;
}

type AnyRecorded = NonNullable<ResolvedEvent['event']> & { position?: { commit: bigint; prepare: bigint } };

/** A thin adapter: the client's semantics already match the port; this maps names, types and errors. */
export class EventStoreDbEventStore implements EventStore {
  readonly name = 'eventstoredb';
  private readonly client: EventStoreDBClient;
  private readonly deadlineMs: number;

  constructor(
    connectionString: string,
    private readonly options: EventStoreDbOptions = {},
  ) {
    this.client = EventStoreDBClient.connectionString(connectionString);
    this.deadlineMs = options.deadlineMs ?? 10_000;
  }

  async appendToStream(streamId: string, events: readonly EventData[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    const expectedRevision = toEsdbExpected(options.expectedRevision);
    try {
      const result = await this.withDeadline(
        this.client.appendToStream(
          streamId,
          events.map((e) =>
            jsonEvent({
              id: e.id,
              type: e.type,
              data: e.data,
              metadata: { ...e.metadata, schemaVersion: e.schemaVersion } satisfies StoredMetadata,
            }),
          ),
          { expectedRevision, deadline: this.deadlineMs },
        ),
      );
      if (!result.position) throw new EventStoreUnavailableError(`Append to "${streamId}" returned no position`);
      return {
        nextExpectedRevision: Number(result.nextExpectedRevision),
        position: makePosition(result.position.commit, result.position.prepare),
      };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        const actual = error.actualVersion;
        throw new WrongExpectedRevisionError(streamId, options.expectedRevision, actual === NO_STREAM ? 'no_stream' : Number(actual));
      }
      throw mapError(error);
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<ReadStreamResult> {
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? 'end' : 'start');
    const read = async (direction: typeof FORWARDS | typeof BACKWARDS, fromRevision: typeof START | typeof END | bigint, maxCount: number) => {
      const events: RecordedEvent[] = [];
      await this.withDeadline(
        (async () => {
          for await (const resolved of this.client.readStream(streamId, { direction, fromRevision, maxCount, deadline: this.deadlineMs })) {
            if (resolved.event) events.push(toRecordedEvent(resolved.event));
          }
        })(),
      );
      return events;
    };
    try {
      const events = await read(backwards ? BACKWARDS : FORWARDS, from === 'start' ? START : from === 'end' ? END : BigInt(from), options.maxCount ?? Number.MAX_SAFE_INTEGER);
      // A whole stream read forwards ends at its version; any other read asks for the last event.
      const whole = !backwards && from === 'start' && options.maxCount === undefined && events.length > 0;
      const last = whole ? events[events.length - 1] : (await read(BACKWARDS, END, 1))[0];
      return last === undefined ? NO_SUCH_STREAM : { events, currentStreamVersion: last.revision, streamExists: true };
    } catch (error) {
      if (error instanceof EsdbStreamNotFoundError) return NO_SUCH_STREAM;
      throw mapError(error);
    }
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const wanted = options.maxCount ?? 1000;
    const events: RecordedEvent[] = [];
    let after = options.after;
    try {
      await this.withDeadline(
        (async () => {
          // EventStoreDB reads $all from a position inclusively and without filters: page and filter here.
          for (;;) {
            const from = after ? parsePosition(after) : undefined;
            const read = this.client.readAll({
              fromPosition: from ? { commit: from.major, prepare: from.minor } : START,
              maxCount: Math.max(wanted, 500) + 1,
              deadline: this.deadlineMs,
            });
            let scanned = 0;
            for await (const resolved of read) {
              scanned += 1;
              const event = userEvent(resolved);
              if (!event || event.position === after) continue;
              after = event.position;
              if (matches(event, options.filter)) events.push(event);
              if (events.length >= wanted) return;
            }
            if (scanned <= 1) return;
          }
        })(),
      );
    } catch (error) {
      throw mapError(error);
    }
    return events;
  }

  /** EventStoreDB keeps no count of `$all`; reading it all to count would cost what it measures. */
  async countEvents(): Promise<number | null> {
    return null;
  }

  async headPosition(): Promise<Position | null> {
    try {
      return await this.withDeadline(
        (async () => {
          const read = this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 100, deadline: this.deadlineMs });
          for await (const resolved of read) {
            const event = userEvent(resolved);
            if (event) return event.position;
          }
          return null;
        })(),
      );
    } catch (error) {
      throw mapError(error);
    }
  }

  async *subscribeToAll(options: SubscribeToAllOptions = {}): AsyncGenerator<RecordedEvent> {
    const { signal } = options;
    let after = options.after;
    let failures = 0;
    while (!signal?.aborted) {
      const from = after ? parsePosition(after) : undefined;
      const subscription = this.client.subscribeToAll(
        { fromPosition: from ? { commit: from.major, prepare: from.minor } : START, filter: serverFilter(options.filter) },
        { highWaterMark: options.batchSize ?? 500 },
      );
      const stop = () => void subscription.unsubscribe();
      signal?.addEventListener('abort', stop, { once: true });
      try {
        for await (const resolved of subscription) {
          failures = 0;
          const event = userEvent(resolved);
          if (!event) continue;
          after = event.position;
          if (matches(event, options.filter)) yield event;
          if (signal?.aborted) return;
        }
      } catch (error) {
        if (signal?.aborted) return;
        failures += 1;
        this.options.onSubscriptionError?.(mapError(error), failures);
        await delay(Math.min(this.options.maxRetryDelayMs ?? 5_000, 100 * 2 ** Math.min(failures, 10)), signal);
      } finally {
        signal?.removeEventListener('abort', stop);
        await subscription.unsubscribe().catch(() => undefined);
      }
    }
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  private async withDeadline<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new EventStoreUnavailableError(`EventStoreDB did not answer within ${this.deadlineMs} ms`)), this.deadlineMs);
    });
    try {
      return await Promise.race([work, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }
}

function toEsdbExpected(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'any') return ANY;
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'stream_exists') return STREAM_EXISTS;
  return BigInt(expected);
}

function userEvent(resolved: AllStreamResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event || event.type.startsWith('$') || event.streamId.startsWith('$')) return undefined;
  return toRecordedEvent(event);
}

function toRecordedEvent(event: AnyRecorded): RecordedEvent {
  const { schemaVersion, ...metadata } = (event.metadata ?? {}) as unknown as StoredMetadata;
  const position = event.position;
  return {
    id: event.id,
    type: event.type,
    schemaVersion: schemaVersion ?? 1,
    data: (event.isJson ? event.data : {}) as Record<string, unknown>,
    metadata,
    streamId: event.streamId,
    revision: Number(event.revision),
    position: position ? makePosition(position.commit, position.prepare) : makePosition(0, 0),
    created: event.created.toISOString(),
  };
}

function serverFilter(filter: AllFilter | undefined): Filter {
  if (filter?.eventTypes?.length) {
    return eventTypeFilter({ regex: `^(?:${filter.eventTypes.map(escapeRegex).join('|')})$` });
  }
  if (filter?.streamPrefixes?.length) return streamNameFilter({ prefixes: [...filter.streamPrefixes] });
  return excludeSystemEvents();
}

function matches(event: RecordedEvent, filter: AllFilter | undefined): boolean {
  if (filter?.eventTypes?.length && !filter.eventTypes.includes(event.type)) return false;
  if (filter?.streamPrefixes?.length && !filter.streamPrefixes.some((p) => event.streamId.startsWith(p))) return false;
  return true;
}

function escapeRegex(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function mapError(error: unknown): unknown {
  if (error instanceof EventStoreUnavailableError || error instanceof StreamNotFoundError || error instanceof WrongExpectedRevisionError) {
    return error;
  }
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'unavailable' || type === 'deadline-exceeded' || type === 'timeout' || type === 'not-leader' || type === 'cancelled') {
    return new EventStoreUnavailableError(`EventStoreDB unavailable: ${(error as Error).message}`, { cause: error });
  }
  return error;
}
