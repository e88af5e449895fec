import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import {
  chained,
  GENESIS_HASH,
  makePosition,
  WrongExpectedRevisionError,
  type EventData,
  type EventMetadata,
  type EventStore,
  type ExpectedRevision,
  type Position,
  type RequestFingerprint,
  StreamQueue,
} from '@ccb/event-store';
import type { Decider } from '@ccb/domain';
import { EVENT_STORE } from '../event-store/event-store.module';
import type { StageTimings } from '../common/server-timing';
import { differingParts, IdempotencyKeys, type IdempotencyKeyStore, type RequestPart } from './idempotency-keys';
import { appliedKey, FoldedStreams, type FoldedStream } from './folded-streams';

/** A domain event: what decide returns and evolve folds. */
export interface EventShape {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: object;
}

export interface Execution<Command> {
  readonly streamId: string;
  readonly command: Command;
  /** The stream must exist (every command but the one that creates it). */
  readonly mustExist: boolean;
  /** From If-Match: the revision the client saw. Without it, a conflict is retried on fresh state. */
  readonly expectedRevision?: number;
  readonly idempotencyKey?: string;
  /** What the idempotency key is bound to, besides the principal (metadata.actor). */
  readonly request?: RequestFingerprint;
  readonly metadata: Omit<EventMetadata, 'commandId' | 'request'>;
  /** The request's Server-Timing laps, when it came over HTTP. */
  readonly timings?: StageTimings;
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

/** A create command named an id already in use by a stream the caller may not see. */
export class StreamIdUnavailableError extends Error {
  constructor(readonly streamId: string) {
    super(`${streamId} cannot be created`);
  }
}

/** The same Idempotency-Key came with a different request: the second one is refused, never swallowed. */
export class IdempotencyKeyReusedError extends Error {
  constructor(readonly differs: readonly ('method' | 'path' | 'body')[]) {
    super(`this Idempotency-Key was already used for a request with another ${differs.join(' and ')}`);
  }
}

/** How the Idempotency-Key claim ended: claimed (true), a retry of this very request (false), another request (the parts that differ). */
type ClaimSettled = { readonly outcome: true | false | RequestPart[] } | { readonly error: unknown };
const NO_CLAIM: Promise<ClaimSettled> = Promise.resolve({ outcome: false });

/** Contention between processes: retried on fresh state with jittered backoff, this many times at most. */
const MAX_ATTEMPTS = 40;
const backoffMs = (attempt: number) => Math.random() * Math.min(250, 5 * 2 ** attempt);

/**
 * The one path every command takes: load the stream, decide, append at the loaded revision. Commands
 * on one stream run one after another in this process (a single writer per stream), so they never
 * conflict with each other; conflicts with other processes are decided again on fresh state.
 */
@Injectable()
export class CommandExecutor {
  private readonly queue = new StreamQueue();
  private readonly folds: FoldedStreams;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(IdempotencyKeys) private readonly keys: IdempotencyKeyStore,
  ) {
    this.folds = new FoldedStreams(store);
  }

  async execute<Command, Event extends EventShape, State>(decider: Decider<Command, Event, State>, execution: Execution<Command>): Promise<CommandResult> {
    const { idempotencyKey: key, request } = execution;
    const principal = execution.metadata.actor;
    execution.timings?.lap('validate');
    // The key is claimed while the command waits for its stream and the stream is read: one round trip
    // fewer on the way to the append. Settled here, so a failed claim is never an unhandled rejection.
    const claim: Promise<ClaimSettled> =
      key && request
        ? this.keys.claim(principal, key, request, execution.streamId).then(
            (outcome) => ({ outcome }),
            (error: unknown) => ({ error }),
          )
        : NO_CLAIM;
    const claimed = async (): Promise<void> => {
      const settled = await claim;
      if ('error' in settled) throw settled.error;
      if (Array.isArray(settled.outcome)) throw new IdempotencyKeyReusedError(settled.outcome);
    };
    try {
      return await this.queue.run(execution.streamId, () => {
        execution.timings?.lap('queue');
        return this.executeNow(decider, execution, claimed);
      });
    } catch (error) {
      const settled = await claim;
      if (key && 'outcome' in settled && settled.outcome === true) await this.keys.release(principal, key);
      throw error;
    }
  }

  private async executeNow<Command, Event extends EventShape, State>(
    decider: Decider<Command, Event, State>,
    execution: Execution<Command>,
    claimed: () => Promise<void>,
  ): Promise<CommandResult> {
    for (let attempt = 1; ; attempt++) {
      const timings = execution.timings;
      const [, stream] = await Promise.all([attempt === 1 ? claimed() : undefined, this.folds.load(decider, execution.streamId)]);
      timings?.lap('load');
      if (stream.revision < 0 && execution.mustExist) throw new StreamMissingError(execution.streamId);
      if (stream.revision >= 0 && decider.isParty && !decider.isParty(stream.state, execution.metadata.organisation ?? '')) {
        throw execution.mustExist ? new StreamMissingError(execution.streamId) : new StreamIdUnavailableError(execution.streamId);
      }
      const previous = this.previousResult(execution, stream);
      if (previous) return previous;

      const loadedRevision = stream.revision;
      if (execution.expectedRevision !== undefined && execution.expectedRevision !== loadedRevision) {
        throw new WrongExpectedRevisionError(execution.streamId, execution.expectedRevision, loadedRevision < 0 ? 'no_stream' : loadedRevision);
      }
      const events = decider.decide(execution.command, stream.state);
      timings?.lap('decide');
      // Nothing to record (the same IATI identity again, an unchanged import): answered as the stream stands.
      if (events.length === 0) {
        return { streamId: execution.streamId, revision: loadedRevision, position: stream.lastPosition ?? makePosition(0, 0), events: [], replayed: false };
      }
      const expected: ExpectedRevision = loadedRevision < 0 ? 'no_stream' : loadedRevision;
      const data = this.toEventData(execution, stream, events);
      timings?.lap('chain');
      try {
        const result = await this.store.appendToStream(execution.streamId, data, { expectedRevision: expected });
        timings?.lap('append');
        return {
          streamId: execution.streamId,
          revision: result.nextExpectedRevision,
          position: result.position,
          events: data.map((e) => ({ id: e.id, type: e.type })),
          replayed: false,
        };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) {
          // The append may or may not have landed: the next load folds from the store alone.
          this.folds.forget(execution.streamId);
          throw error;
        }
        // Another process wrote first. A client that named its revision hears about it (unless it was its own
        // retry that won); otherwise decide again on what is there now.
        if (execution.expectedRevision !== undefined) {
          const previousNow = this.previousResult(execution, await this.folds.load(decider, execution.streamId));
          if (previousNow) return previousNow;
          throw error;
        }
        if (attempt >= MAX_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)));
      }
    }
  }

  private toEventData<Command>(execution: Execution<Command>, stream: FoldedStream<unknown>, events: readonly EventShape[]): EventData[] {
    const key = execution.idempotencyKey;
    const loadedRevision = stream.revision;
    // Each event links to the one before it in the stream: an edit made behind the store's back shows.
    let previousHash = stream.lastHash ?? GENESIS_HASH;
    return events.map((event, index) => {
      const unlinked = {
        id: key ? deterministicId(execution.streamId, execution.metadata.actor, key, index) : randomUUID(),
        streamId: execution.streamId,
        revision: loadedRevision + 1 + index,
        type: event.type,
        schemaVersion: event.schemaVersion,
        data: event.data as Record<string, unknown>,
        metadata: { ...execution.metadata, ...(key ? { commandId: key, ...(execution.request ? { request: execution.request } : {}) } : {}) },
      };
      const metadata = chained(unlinked, previousHash);
      previousHash = metadata.hash!;
      return { id: unlinked.id, type: unlinked.type, schemaVersion: unlinked.schemaVersion, data: unlinked.data, metadata };
    });
  }

  /**
   * The answer to a retry: the events this principal's key produced, if it sent this very request. A key
   * is the principal's own: another user's identical key is another command.
   */
  private previousResult<Command>(execution: Execution<Command>, stream: FoldedStream<unknown>): CommandResult | undefined {
    const key = execution.idempotencyKey;
    if (!key) return undefined;
    const applied = stream.applied.get(appliedKey(execution.metadata.actor, key)) ?? [];
    if (applied.length === 0) return undefined;
    const first = applied[0].request;
    const now = execution.request;
    // Events written before requests were fingerprinted carry none: they are taken as the same request.
    if (first && now) {
      const differs = differingParts(first, now);
      if (differs.length > 0) throw new IdempotencyKeyReusedError(differs);
    }
    const last = applied[applied.length - 1];
    return {
      streamId: execution.streamId,
      revision: last.revision,
      position: last.position,
      events: applied.map((e) => ({ id: e.id, type: e.type })),
      replayed: true,
    };
  }
}

/** A UUID derived from the stream, the principal, its idempotency key and the event's place in the command. */
function deterministicId(streamId: string, principal: string, key: string, index: number): string {
  const hex = createHash('sha256').update(`${streamId}\u0000${principal}\u0000${key}\u0000${index}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
