import { comparePositions, type EventStore, type Position, type RecordedEvent } from '@ccb/event-store';
import type { DataSource, EntityManager } from 'typeorm';
import { afterOf, advanceCheckpoint, projectionLockKey, readCheckpoint } from './checkpoint';
import { describeFailure, isPoisonError, PARK_AFTER_ATTEMPTS, parkedEventIds, parkEvent } from './dead-letters';
import type { Projection, ProjectionHandler } from './projection';
import type { ProjectorLease } from './projector-lease';

export interface RunnerLogger {
  log(message: string): void;
  warn(message: string): void;
}

export interface ProjectionRunnerOptions {
  readonly batchSize?: number;
  /** How long to sleep when caught up, unless woken (by an append, when the store can tell). */
  readonly idleMs?: number;
  readonly lease: ProjectorLease;
  readonly logger?: RunnerLogger;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/**
 * Reads `$all` page by page after the projection's checkpoint; each page is one batch whose rows and
 * checkpoint commit in one transaction. The checkpoint is re-read under the projection's lock before
 * writing: if it moved (another instance, or a blue/green switch), the batch is dropped and the runner
 * starts again from what the database says.
 */
export class ProjectionRunner {
  private readonly handler: ProjectionHandler;
  private readonly schema: string;
  private position: Position | 'start' | undefined;
  private controller: AbortController | null = null;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private stopListening: (() => void) | null = null;
  /** An append announced while a page was being read: it may not be in that page, so do not sleep. */
  private wokenWhileBusy = false;
  private readonly listeners = new Set<(position: Position) => void>();
  /** Events parked in this schema: skipped by every fold until a rebuild tries them again. */
  private parked = new Set<string>();
  /** Consecutive failures of the page at the current checkpoint. */
  private failures = 0;
  /** While set, pages are one event long, up to this position: the page that kept failing, taken apart. */
  private isolateUntil: Position | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    readonly projection: Projection,
    private readonly options: ProjectionRunnerOptions,
  ) {
    this.schema = projection.model.schema;
    this.handler = projection.handlerFor(this.schema);
  }

  get name(): string {
    return this.projection.name;
  }

  start(): void {
    if (this.loop) return;
    this.controller = new AbortController();
    this.stopListening = this.store.onAppend?.(() => this.wake()) ?? null;
    this.loop = this.run(this.controller.signal);
  }

  async stop(): Promise<void> {
    this.stopListening?.();
    this.stopListening = null;
    this.controller?.abort();
    this.wakeUp?.();
    await this.loop;
    this.loop = null;
    await this.options.lease.release();
  }

  /** New events were appended: skip the rest of the idle wait (or the next one, if a page is being read now). */
  wake(): void {
    if (this.wakeUp) this.wakeUp();
    else this.wokenWhileBusy = true;
  }

  onCheckpoint(listener: (position: Position) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Processes one page; false when there was nothing to do. Exposed for tests and the CLI. */
  async step(): Promise<boolean> {
    if (this.position === undefined) {
      this.position = (await readCheckpoint(this.dataSource, this.schema, this.name)).position;
      this.parked = await parkedEventIds(this.dataSource, this.schema, this.name);
    }
    const from = this.position;
    const events: RecordedEvent[] = await this.store.readAll({ after: afterOf(from), maxCount: this.isolateUntil ? 1 : (this.options.batchSize ?? 1000) });
    if (events.length === 0) return false;
    const last = events[events.length - 1];
    let applied: boolean;
    try {
      applied = await this.apply(from, events);
    } catch (error) {
      this.forget();
      if (!isPoisonError(error)) throw error;
      this.failures += 1;
      if (this.failures < PARK_AFTER_ATTEMPTS) throw error;
      this.failures = 0;
      if (events.length > 1) {
        this.isolateUntil = last.position;
        this.options.logger?.warn(`${this.name}: a page of ${events.length} events failed ${PARK_AFTER_ATTEMPTS} times; applying it event by event to find the one at fault`);
        return true;
      }
      await this.park(from, events[0], error);
      return true;
    }
    if (!applied) {
      this.options.logger?.warn(`${this.name}: checkpoint moved under this projector (switch or second instance); starting again from the database`);
      this.forget();
      return true;
    }
    this.failures = 0;
    if (this.isolateUntil && comparePositions(last.position, this.isolateUntil) >= 0) this.isolateUntil = null;
    this.position = last.position;
    for (const listener of this.listeners) listener(last.position);
    return true;
  }

  /** Rows and checkpoint in one transaction; false when another writer moved the checkpoint first. */
  private async apply(from: Position | 'start', events: readonly RecordedEvent[]): Promise<boolean> {
    const prepared = await this.handler.prepare(events, this.parked);
    const last = events[events.length - 1];
    const applied = await this.dataSource.transaction(async (tx) => {
      if (!(await this.holdCheckpoint(tx, from))) return false;
      await prepared.write(tx);
      await advanceCheckpoint(tx, this.schema, this.name, last.position, last.metadata.recordedAt, events.length);
      return true;
    });
    if (applied) prepared.committed();
    return applied;
  }

  /** Sets the event aside and moves the checkpoint past it, in one transaction. */
  private async park(from: Position | 'start', event: RecordedEvent, error: unknown): Promise<void> {
    const parked = await this.dataSource.transaction(async (tx) => {
      if (!(await this.holdCheckpoint(tx, from))) return false;
      await parkEvent(tx, this.schema, this.name, event, error, PARK_AFTER_ATTEMPTS);
      await advanceCheckpoint(tx, this.schema, this.name, event.position, event.metadata.recordedAt, 1);
      return true;
    });
    this.forget();
    if (!parked) return;
    const { errorClass, errorMessage } = describeFailure(error);
    this.options.logger?.warn(
      `${this.name}: parked event ${event.id} (${event.type}, ${event.streamId}@${event.revision}, position ${event.position}) after ${PARK_AFTER_ATTEMPTS} failures: ${errorClass}: ${errorMessage}`,
    );
    for (const listener of this.listeners) listener(event.position);
  }

  private async holdCheckpoint(tx: EntityManager, from: Position | 'start'): Promise<boolean> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [projectionLockKey(this.schema)]);
    const current = await readCheckpoint(tx, this.schema, this.name, { forUpdate: true });
    return current.position === from;
  }

  /** Nothing of a failed or superseded batch was committed: memory is dropped and the database read again. */
  private forget(): void {
    this.handler.reset();
    this.position = undefined;
  }

  private async run(signal: AbortSignal): Promise<void> {
    let errors = 0;
    while (!signal.aborted) {
      try {
        if (!(await this.options.lease.acquire())) {
          await this.idle(2000, signal);
          continue;
        }
        const worked = await this.step();
        errors = 0;
        // Woken by the store on append; the idle wait is only the fallback poll.
        if (!worked) await this.idle(this.options.idleMs ?? (this.store.onAppend ? 1_000 : 100), signal);
      } catch (error) {
        errors += 1;
        const delay = Math.min(30_000, 100 * 2 ** Math.min(errors, 9));
        this.options.logger?.warn(
          `${this.name}: batch failed (attempt ${errors}), retrying in ${delay} ms: ${describeFailure(error).errorClass}: ${describeFailure(error).errorMessage}`,
        );
        // A backoff is not cut short by new appends or waiting readers: that would retry a failing batch in a busy loop.
        await sleep(delay, signal);
      }
    }
  }

  private idle(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
      if (signal.aborted || this.wokenWhileBusy) done();
      this.wokenWhileBusy = false;
    });
  }
}
