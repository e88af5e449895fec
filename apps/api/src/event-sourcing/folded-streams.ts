import type { Decider } from '@ccb/domain';
import type { EventStore, Position, RecordedEvent } from '@ccb/event-store';

/** What a retry needs to be answered from: the events one principal's key produced. */
export type AppliedEvent = Pick<RecordedEvent, 'id' | 'type' | 'revision' | 'position'> & { readonly request: RecordedEvent['metadata']['request'] };

/** A stream folded up to its last event, with what the command path asks of its history. */
export interface FoldedStream<State> {
  readonly state: State;
  /** -1: the stream does not exist. */
  readonly revision: number;
  readonly lastEventId: string | null;
  readonly lastHash: string | null;
  readonly lastPosition: Position | null;
  /** By `${actor}\u0000${commandId}`: the events each idempotency key wrote, oldest first. */
  readonly applied: Map<string, AppliedEvent[]>;
}

export const appliedKey = (actor: string, commandId: string) => `${actor}\u0000${commandId}`;

/**
 * Folded state per stream, kept between commands so a command on a long stream reads only what was appended
 * since (a partnership with 11,000 events is folded once, not on every command). The store stays the truth:
 * every load re-reads the stream from the last event seen and drops the fold unless that event is still there
 * with the same id, so a stream written by another process, or reset, is caught and folded again from the start.
 */
export class FoldedStreams {
  private readonly folds = new Map<string, { decider: object; fold: FoldedStream<unknown> }>();

  constructor(
    private readonly store: EventStore,
    private readonly capacity = 2_000,
  ) {}

  /**
   * The stream folded to its end. Callers hold the stream's queue (one command per stream at a time in this
   * process), which is what lets a fold be extended in place.
   */
  async load<Command, Event, State>(decider: Decider<Command, Event, State>, streamId: string): Promise<FoldedStream<State>> {
    try {
      return await this.loadNow(decider, streamId);
    } catch (error) {
      // A fold left half-extended by a failure is never reused.
      this.forget(streamId);
      throw error;
    }
  }

  private async loadNow<Command, Event, State>(decider: Decider<Command, Event, State>, streamId: string): Promise<FoldedStream<State>> {
    const cached = this.folds.get(streamId);
    const kept = cached && cached.decider === decider && cached.fold.revision >= 0 ? (cached.fold as FoldedStream<State>) : null;
    let fold: FoldedStream<State>;
    if (kept) {
      const { events } = await this.store.readStream(streamId, { fromRevision: kept.revision });
      fold = events[0]?.id === kept.lastEventId && events[0].revision === kept.revision ? foldOnto(decider, kept, events.slice(1)) : await this.full(decider, streamId);
    } else {
      fold = await this.full(decider, streamId);
    }
    this.remember(streamId, decider, fold);
    return fold;
  }

  /** Drops what is kept of a stream (after an append whose outcome is unknown). */
  forget(streamId: string): void {
    this.folds.delete(streamId);
  }

  private async full<Command, Event, State>(decider: Decider<Command, Event, State>, streamId: string): Promise<FoldedStream<State>> {
    const { events } = await this.store.readStream(streamId);
    const empty = { state: decider.initialState, revision: -1, lastEventId: null, lastHash: null, lastPosition: null, applied: new Map() };
    return foldOnto(decider, empty, events);
  }

  private remember(streamId: string, decider: object, fold: FoldedStream<unknown>): void {
    // Most recently used last: the first key is the one to drop.
    this.folds.delete(streamId);
    if (fold.revision < 0) return;
    this.folds.set(streamId, { decider, fold });
    if (this.folds.size > this.capacity) {
      const oldest = this.folds.keys().next();
      if (!oldest.done) this.folds.delete(oldest.value);
    }
  }
}

function foldOnto<Command, Event, State>(decider: Decider<Command, Event, State>, from: FoldedStream<State>, events: readonly RecordedEvent[]): FoldedStream<State> {
  if (events.length === 0) return from;
  let state = from.state;
  const applied = from.applied;
  for (const event of events) {
    state = decider.evolve(state, decider.upcast(event));
    const { commandId, actor, request } = event.metadata;
    if (commandId === undefined) continue;
    const key = appliedKey(actor, commandId);
    const list = applied.get(key) ?? [];
    list.push({ id: event.id, type: event.type, revision: event.revision, position: event.position, request });
    applied.set(key, list);
  }
  const last = events[events.length - 1];
  return {
    state,
    revision: last.revision,
    lastEventId: last.id,
    lastHash: last.metadata.hash ?? null,
    lastPosition: last.position,
    applied,
  };
}
