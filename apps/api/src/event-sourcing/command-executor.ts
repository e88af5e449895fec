import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import {
  chained,
  GENESIS_HASH,
  StreamNotFoundError,
  WrongExpectedRevisionError,
  type EventData,
  type EventMetadata,
  type EventStore,
  type ExpectedRevision,
  type Position,
  type RecordedEvent,
} from '@ccb/event-store';
import { EVENT_STORE } from '../event-store/event-store.module';

export interface StoredShape {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: Readonly<Record<string, unknown>>;
}

/** A domain event: what decide returns and evolve folds. */
export interface EventShape {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: object;
}

/** How one kind of stream is decided: the pure functions from libs/domain and how to read old events. */
export interface Decider<Command, Event extends EventShape, State> {
  readonly initialState: State;
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  upcast(stored: StoredShape): Event;
}

export interface Execution<Command> {
  readonly streamId: string;
  readonly command: Command;
  /** The stream must exist (every command but the one that creates it). */
  readonly mustExist: boolean;
  /** From If-Match: the revision the client saw. Without it, a conflict is retried on fresh state. */
  readonly expectedRevision?: number;
  readonly idempotencyKey?: string;
  readonly metadata: Omit<EventMetadata, 'commandId'>;
}

export interface CommandResult {
  readonly streamId: string;
  readonly revision: number;
  readonly position: Position;
  readonly events: readonly { readonly id: string; readonly type: string }[];
  /** True when this answers a retry of a command already applied. */
  readonly replayed: boolean;
}

export class StreamMissingError extends Error {
  constructor(readonly streamId: string) {
    super(`${streamId} does not exist`);
  }
}

const MAX_ATTEMPTS = 5;

/** The one path every command takes: load the stream, decide, append at the loaded revision. */
@Injectable()
export class CommandExecutor {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute<Command, Event extends EventShape, State>(decider: Decider<Command, Event, State>, execution: Execution<Command>): Promise<CommandResult> {
    for (let attempt = 1; ; attempt++) {
      const recorded = await this.load(execution.streamId);
      if (recorded.length === 0 && execution.mustExist) throw new StreamMissingError(execution.streamId);
      const previous = execution.idempotencyKey ? this.previousResult(execution.streamId, recorded, execution.idempotencyKey) : undefined;
      if (previous) return previous;

      const loadedRevision = recorded.length - 1;
      if (execution.expectedRevision !== undefined && execution.expectedRevision !== loadedRevision) {
        throw new WrongExpectedRevisionError(execution.streamId, execution.expectedRevision, loadedRevision < 0 ? 'no_stream' : loadedRevision);
      }
      const state = recorded.map((e) => decider.upcast(e)).reduce(decider.evolve, decider.initialState);
      const events = decider.decide(execution.command, state);
      const expected: ExpectedRevision = loadedRevision < 0 ? 'no_stream' : loadedRevision;
      // Each event links to the one before it in the stream: an edit made behind the store's back shows.
      let previousHash = recorded.at(-1)?.metadata.hash ?? GENESIS_HASH;
      const data: EventData[] = events.map((event, index) => {
        const unlinked = {
          id: execution.idempotencyKey ? deterministicId(execution.streamId, execution.idempotencyKey, index) : randomUUID(),
          streamId: execution.streamId,
          revision: loadedRevision + 1 + index,
          type: event.type,
          schemaVersion: event.schemaVersion,
          data: event.data as Record<string, unknown>,
          metadata: { ...execution.metadata, ...(execution.idempotencyKey ? { commandId: execution.idempotencyKey } : {}) },
        };
        const metadata = chained(unlinked, previousHash);
        previousHash = metadata.hash!;
        return { id: unlinked.id, type: unlinked.type, schemaVersion: unlinked.schemaVersion, data: unlinked.data, metadata };
      });
      try {
        const result = await this.store.appendToStream(execution.streamId, data, { expectedRevision: expected });
        return {
          streamId: execution.streamId,
          revision: result.nextExpectedRevision,
          position: result.position,
          events: data.map((e) => ({ id: e.id, type: e.type })),
          replayed: false,
        };
      } catch (error) {
        // Someone else wrote first. A client that named its revision hears about it; otherwise decide again.
        const retry = error instanceof WrongExpectedRevisionError && execution.expectedRevision === undefined && attempt < MAX_ATTEMPTS;
        if (!retry) {
          if (error instanceof WrongExpectedRevisionError && execution.idempotencyKey) {
            const previousNow = this.previousResult(execution.streamId, await this.load(execution.streamId), execution.idempotencyKey);
            if (previousNow) return previousNow;
          }
          throw error;
        }
      }
    }
  }

  async load(streamId: string): Promise<RecordedEvent[]> {
    try {
      return await this.store.readStream(streamId);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }

  private previousResult(streamId: string, recorded: readonly RecordedEvent[], key: string): CommandResult | undefined {
    const applied = recorded.filter((e) => e.metadata.commandId === key);
    if (applied.length === 0) return undefined;
    const last = applied[applied.length - 1];
    return { streamId, revision: last.revision, position: last.position, events: applied.map((e) => ({ id: e.id, type: e.type })), replayed: true };
  }
}

/** A UUID derived from the stream, the client's idempotency key and the event's place in the command. */
function deterministicId(streamId: string, key: string, index: number): string {
  const hex = createHash('sha256').update(`${streamId}\u0000${key}\u0000${index}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
