import type { EventStore, Position, RecordedEvent } from '@ccb/event-store';
import type { DataSource } from 'typeorm';
import { afterOf, advanceCheckpoint, projectionLockKey, readCheckpoint } from './checkpoint';
import type { Projection, ProjectionHandler } from './projection';
import type { ProjectorLease } from './projector-lease';

export interface RunnerLogger {
  log(message: string): void;
  warn(message: string): void;
}

export interface ProjectionRunnerOptions {
  readonly batchSize?: number;
  /** How long to sleep when caught up, unless woken. */
  readonly idleMs?: number;
  readonly lease: ProjectorLease;
  readonly logger?: RunnerLogger;
  /**
   * Fault injection for the crash-safety test: sleep this long inside each batch's transaction, after
   * the rows are written and before the checkpoint moves, so a kill lands mid-batch.
   */
  readonly pauseInsideBatchMs?: number;
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
  private readonly listeners = new Set<(position: Position) => void>();

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
    this.loop = this.run(this.controller.signal);
  }

  async stop(): Promise<void> {
    this.controller?.abort();
    this.wakeUp?.();
    await this.loop;
    this.loop = null;
    await this.options.lease.release();
  }

  /** New events were appended: skip the rest of the idle wait. */
  wake(): void {
    this.wakeUp?.();
  }

  onCheckpoint(listener: (position: Position) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Processes one page; false when there was nothing to do. Exposed for tests and the CLI. */
  async step(): Promise<boolean> {
    if (this.position === undefined) this.position = (await readCheckpoint(this.dataSource, this.schema, this.name)).position;
    const from = this.position;
    const events: RecordedEvent[] = await this.store.readAll({ after: afterOf(from), maxCount: this.options.batchSize ?? 1000 });
    if (events.length === 0) return false;
    const prepared = await this.handler.prepare(events);
    const last = events[events.length - 1];
    const applied = await this.dataSource.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [projectionLockKey(this.schema)]);
      const current = await readCheckpoint(tx, this.schema, this.name, { forUpdate: true });
      if (current.position !== from) return false;
      await prepared.write(tx);
      if (this.options.pauseInsideBatchMs) await sleep(this.options.pauseInsideBatchMs);
      await advanceCheckpoint(tx, this.schema, this.name, last.position, last.metadata.recordedAt, events.length);
      return true;
    });
    if (!applied) {
      this.options.logger?.warn(`${this.name}: checkpoint moved under this projector (switch or second instance); starting again from the database`);
      this.handler.reset();
      this.position = undefined;
      return true;
    }
    prepared.committed();
    this.position = last.position;
    for (const listener of this.listeners) listener(last.position);
    return true;
  }

  private async run(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      try {
        if (!(await this.options.lease.acquire())) {
          await this.idle(2000, signal);
          continue;
        }
        const worked = await this.step();
        failures = 0;
        if (!worked) await this.idle(this.options.idleMs ?? 100, signal);
      } catch (error) {
        failures += 1;
        // Nothing of a failed batch was committed: forget what memory holds and read it again.
        this.handler.reset();
        this.position = undefined;
        const delay = Math.min(30_000, 100 * 2 ** Math.min(failures, 9));
        this.options.logger?.warn(`${this.name}: batch failed (attempt ${failures}), retrying in ${delay} ms: ${(error as Error).message}`);
        await this.idle(delay, signal);
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
      if (signal.aborted) done();
    });
  }
}
