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
  type Position,
  type RequestFingerprint,
} from '@ccb/event-store';
import type { Decider } from '@ccb/domain';
import { EVENT_STORE } from '../event-store/event-store.module';
import type { StageTimings } from '../common/server-timing';
import { differingParts, IdempotencyKeys, type IdempotencyKeyStore, type RequestPart } from './idempotency-keys';
import { appliedKey, FoldedStreams, type FoldedStream } from './folded-streams';
import { StreamBatches } from './stream-batches';

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
/** Commands of one stream decided together and written in one append, at most. */
const MAX_BATCH = 64;

/** One command waiting for its stream: settled once, with its own outcome. */
interface Job {
  readonly decider: Decider<unknown, EventShape, unknown>;
  readonly execution: Execution<unknown>;
  /** Resolves once the Idempotency-Key is known to be this request's (at once without a key). */
  readonly claimed: () => Promise<void>;
  readonly resolve: (result: CommandResult) => void;
  readonly reject: (error: unknown) => void;
}

/** What deciding one command of a batch came to, kept until the batch's append says whether it stands. */
type Decision =
  | { readonly job: Job; readonly kind: 'append'; readonly data: EventData[]; readonly revision: number }
  | { readonly job: Job; readonly kind: 'nothing'; readonly revision: number }
  | { readonly job: Job; readonly kind: 'answered'; readonly result: CommandResult }
  | { readonly job: Job; readonly kind: 'refused'; readonly error: unknown };

/**
 * The one path every command takes: load the stream, decide, append at the loaded revision. Commands on one
 * stream are never raced against each other in this process: those that arrive while the stream is busy wait,
 * and are then decided one after another on one read of the stream, each on the state the ones before it
 * leave, and written in one append (group commit per stream: one round trip and one commit for all). Each keeps
 * its own outcome: a command the rules refuse fails alone. Conflicts with other processes are decided again on
 * fresh state.
 */
@Injectable()
export class CommandExecutor {
  private readonly batches: StreamBatches<Job>;
  private readonly folds: FoldedStreams;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(IdempotencyKeys) private readonly keys: IdempotencyKeyStore,
  ) {
    this.folds = new FoldedStreams(store);
    this.batches = new StreamBatches<Job>((streamId, jobs) => this.runBatch(streamId, jobs), takeBatch);
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
      return await new Promise<CommandResult>((resolve, reject) =>
        this.batches.add(execution.streamId, {
          // A stream holds one kind of aggregate, so one decider: a batch takes only jobs of the first job's.
          decider,
          execution,
          claimed,
          resolve,
          reject,
        }),
      );
    } catch (error) {
      const settled = await claim;
      if (key && 'outcome' in settled && settled.outcome === true) await this.keys.release(principal, key);
      throw error;
    }
  }

  /** Decides and appends one batch of a stream's commands, settling every one of them whatever happens. */
  private async runBatch(streamId: string, jobs: readonly Job[]): Promise<void> {
    for (const job of jobs) job.execution.timings?.lap('queue');
    let pending: readonly Job[] = jobs;
    try {
      // Claims first: a key sent with another request fails its own command only.
      const claims = Promise.allSettled(pending.map((job) => job.claimed()));
      for (let attempt = 1; pending.length > 0; attempt++) {
        const decider = pending[0].decider;
        const [claimed, stream] = await Promise.all([attempt === 1 ? claims : undefined, this.folds.load(decider, streamId)]);
        if (claimed) {
          claimed.forEach((outcome, index) => outcome.status === 'rejected' && pending[index].reject(outcome.reason));
          pending = pending.filter((_, index) => claimed[index].status === 'fulfilled');
        }
        for (const job of pending) job.execution.timings?.lap('load');
        const decisions = this.decideAll(decider, stream, pending);
        const data = decisions.flatMap((d) => (d.kind === 'append' ? d.data : []));
        if (data.length === 0) {
          this.settle(streamId, decisions, stream.lastPosition ?? makePosition(0, 0));
          return;
        }
        try {
          const result = await this.store.appendToStream(streamId, data, { expectedRevision: stream.revision < 0 ? 'no_stream' : stream.revision });
          for (const job of pending) job.execution.timings?.lap('append');
          this.settle(streamId, decisions, result.position);
          return;
        } catch (error) {
          if (!(error instanceof WrongExpectedRevisionError) || attempt >= MAX_ATTEMPTS) {
            // The append may or may not have landed: the next load folds from the store alone.
            this.folds.forget(streamId);
            this.failAfter(decisions, error);
            return;
          }
          // Another process wrote first: every command is decided again on what is there now (a client that
          // named its revision then hears about it, unless it was its own retry that won).
          await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)));
        }
      }
    } catch (error) {
      // Reading the stream failed: no command of the batch was decided.
      for (const job of pending) job.reject(error);
    }
  }

  /** Each command on the state the ones before it leave: one that is refused leaves the state as it was. */
  private decideAll(decider: Decider<unknown, EventShape, unknown>, stream: FoldedStream<unknown>, jobs: readonly Job[]): Decision[] {
    let state = stream.state;
    let revision = stream.revision;
    let lastHash = stream.lastHash;
    return jobs.map((job): Decision => {
      const execution = job.execution;
      try {
        if (revision < 0 && execution.mustExist) throw new StreamMissingError(execution.streamId);
        if (revision >= 0 && decider.isParty && !decider.isParty(state, execution.metadata.organisation ?? '')) {
          throw execution.mustExist ? new StreamMissingError(execution.streamId) : new StreamIdUnavailableError(execution.streamId);
        }
        const previous = this.previousResult(execution, stream);
        if (previous) return { job, kind: 'answered', result: previous };
        if (execution.expectedRevision !== undefined && execution.expectedRevision !== revision) {
          throw new WrongExpectedRevisionError(execution.streamId, execution.expectedRevision, revision < 0 ? 'no_stream' : revision);
        }
        const events = decider.decide(execution.command, state);
        execution.timings?.lap('decide');
        // Nothing to record (the same IATI identity again, an unchanged import): answered as the stream stands.
        if (events.length === 0) return { job, kind: 'nothing', revision };
        const data = this.toEventData(execution, revision, lastHash, events);
        execution.timings?.lap('chain');
        state = events.reduce((s, event) => decider.evolve(s, event), state);
        revision += events.length;
        lastHash = data[data.length - 1].metadata.hash ?? lastHash;
        return { job, kind: 'append', data, revision };
      } catch (error) {
        return { job, kind: 'refused', error };
      }
    });
  }

  /**
   * The append failed and its outcome is unknown: every command that was to be written, or was decided on the
   * state those left, gets the error. A refusal or an answer that came before any of them stands.
   */
  private failAfter(decisions: readonly Decision[], error: unknown): void {
    let written = false;
    for (const d of decisions) {
      written ||= d.kind === 'append';
      if (written) d.job.reject(error);
      else if (d.kind === 'refused') d.job.reject(d.error);
      else if (d.kind === 'answered') d.job.resolve(d.result);
      else d.job.reject(error);
    }
  }

  private settle(streamId: string, decisions: readonly Decision[], position: Position): void {
    for (const d of decisions) {
      if (d.kind === 'refused') d.job.reject(d.error);
      else if (d.kind === 'answered') d.job.resolve(d.result);
      else
        d.job.resolve({
          streamId,
          revision: d.revision,
          position,
          events: d.kind === 'append' ? d.data.map((e) => ({ id: e.id, type: e.type })) : [],
          replayed: false,
        });
    }
  }

  private toEventData<Command>(execution: Execution<Command>, loadedRevision: number, lastHash: string | null, events: readonly EventShape[]): EventData[] {
    const key = execution.idempotencyKey;
    // Each event links to the one before it in the stream: an edit made behind the store's back shows.
    let previousHash = lastHash ?? GENESIS_HASH;
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

/**
 * The commands waiting on a stream that go together: those of one decider, at most MAX_BATCH, and never two with
 * the same principal's Idempotency-Key (the second must be answered from what the first wrote).
 */
function takeBatch(waiting: readonly Job[]): number {
  const keys = new Set<string>();
  let taken = 0;
  for (const job of waiting) {
    if (taken >= MAX_BATCH || job.decider !== waiting[0].decider) break;
    const key = job.execution.idempotencyKey;
    if (key !== undefined) {
      const applied = appliedKey(job.execution.metadata.actor, key);
      if (keys.has(applied)) break;
      keys.add(applied);
    }
    taken++;
  }
  return taken;
}

/** A UUID derived from the stream, the principal, its idempotency key and the event's place in the command. */
function deterministicId(streamId: string, principal: string, key: string, index: number): string {
  const hex = createHash('sha256').update(`${streamId}\u0000${principal}\u0000${key}\u0000${index}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
