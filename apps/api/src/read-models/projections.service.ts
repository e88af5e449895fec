import { HttpException, HttpStatus, Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { comparePositions, type EventStore, type Position } from '@ccb/event-store';
import {
  AdvisoryLockLease,
  afterOf,
  InProcessLease,
  openProjections,
  ProjectionRunner,
  projectionStatus,
  readCheckpoint,
  type Projection,
  type ProjectionName,
  type ProjectionSet,
  type ProjectionStatus,
  type ReadModelContext,
} from '@ccb/read-models';
import type { Environment } from '../config/environment';
import { DATABASE } from '../database/database.module';
import type { Database } from '@ccb/runtime';
import { EVENT_STORE } from '../event-store/event-store.module';
import { READ_MODELS } from './read-models.tokens';
import { InvalidInputError } from '../common/invalid-input';
import { CheckpointWatch } from './checkpoint-watch';

export type { ProjectionName };

/** A read that asked for a position the projection has not reached within the bound. */
export class ProjectionBehindError extends HttpException {
  constructor(projection: string, requested: string, checkpoint: string | null, waitedMs: number) {
    super(
      {
        code: 'projection.behind',
        message: `The ${projection} read model has not yet reached position ${requested} (waited ${waitedMs} ms); retry shortly`,
        projection,
        requested,
        checkpoint,
      },
      HttpStatus.SERVICE_UNAVAILABLE,
    );
  }
}

/**
 * Owns the projections: runs them in this process unless PROJECTOR=off (then apps/projector does),
 * reports their status, and lets a read wait for a position (read-your-writes).
 */
@Injectable()
export class ProjectionsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Projections');
  readonly projections: ProjectionSet;
  private readonly runners: ProjectionRunner[] = [];
  private readonly watches: Readonly<Record<ProjectionName, CheckpointWatch>>;
  private knownHead: Position | null = null;
  private headQuery: Promise<Position | null> | null = null;

  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModelContext,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATABASE) private readonly database: Database,
    private readonly config: ConfigService<Environment, true>,
  ) {
    this.projections = openProjections(readModels.models, store, readModels.db);
    const watch = (projection: Projection) =>
      new CheckpointWatch(async () => afterOf((await readCheckpoint(this.readModels.db, projection.model.schema, projection.name)).position));
    this.watches = { portfolio: watch(this.projections.portfolio), timeline: watch(this.projections.timeline) };
  }

  onApplicationBootstrap(): void {
    if (this.config.get('PROJECTOR', { infer: true }) !== 'in-process') return;
    for (const [name, projection] of Object.entries(this.projections) as [ProjectionName, Projection][]) {
      const lease = this.database.kind === 'embedded' ? new InProcessLease() : new AdvisoryLockLease(this.database.pool, `projector:${projection.model.schema}`);
      const runner = new ProjectionRunner(this.readModels.db, this.store, projection, {
        lease,
        batchSize: this.config.get('PROJECTOR_BATCH_SIZE', { infer: true }),
        logger: { log: (m) => this.logger.log(m), warn: (m) => this.logger.warn(m) },
      });
      runner.onCheckpoint((position) => this.watches[name].advance(position));
      runner.start();
      this.runners.push(runner);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.runners.map((r) => r.stop()));
  }

  /** Parked events per projection, cheaply (health asks this on every probe). */
  async parkedCounts(): Promise<{ projection: ProjectionName; parked: number }[]> {
    return Promise.all(
      (Object.keys(this.projections) as ProjectionName[]).map(async (name) => {
        const { schema } = this.projections[name].model;
        const [row] = await this.readModels.db.query<{ n: string }[]>(`SELECT count(*) AS n FROM ${schema}.dead_letters`);
        return { projection: name, parked: Number(row.n) };
      }),
    );
  }

  status(name: ProjectionName): Promise<ProjectionStatus> {
    return projectionStatus(this.readModels.db, this.store, this.projections[name]);
  }

  /**
   * Waits until the projections have processed `position` (read-your-writes), for at most
   * `READ_WAIT_MS`, then answers 503. Every waiting read shares one watch per projection (told by the
   * projector here, and reading the checkpoint table once per 50 ms while anyone waits). A position past
   * the newest event is a 400 at once.
   */
  /** Reads waiting for a position the read models have not reached yet, across projections. */
  waitingReads(): number {
    return Object.values(this.watches).reduce((sum, watch) => sum + watch.waiting(), 0);
  }

  async waitFor(names: readonly ProjectionName[], position: Position): Promise<void> {
    const bound = this.config.get('READ_WAIT_MS', { infer: true });
    const started = Date.now();
    const deadline = started + bound;
    await this.ensureNotBeyondHead(position);
    for (const name of names) {
      for (const runner of this.runners) runner.wake();
      const watch = this.watches[name];
      if (!(await watch.reached(position, deadline))) throw new ProjectionBehindError(name, position, watch.current() ?? null, Date.now() - started);
    }
  }

  /**
   * A position no command has returned yet cannot be waited for. The head is read twice, 50 ms apart,
   * because on PostgreSQL an append still committing next to this one can keep the head just short of it.
   */
  private async ensureNotBeyondHead(position: Position): Promise<void> {
    const beyond = async (fresh: boolean) => {
      const head = await this.head(fresh);
      return head === null || comparePositions(position, head) > 0;
    };
    if (!(await beyond(false)) || !(await beyond(true))) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (await beyond(true)) {
      throw new InvalidInputError([{ field: 'X-Min-Position', reason: 'is beyond the newest event recorded: send a position a command returned' }]);
    }
  }

  /**
   * The newest position seen: the head only grows, so a position at or below it needs no query, and
   * concurrent reads share one query for a newer one.
   */
  private async head(fresh: boolean): Promise<Position | null> {
    if (!fresh && this.knownHead !== null) return this.knownHead;
    this.headQuery ??= this.store.headPosition().finally(() => (this.headQuery = null));
    const head = await this.headQuery;
    if (head !== null && (this.knownHead === null || comparePositions(head, this.knownHead) > 0)) this.knownHead = head;
    return this.knownHead;
  }
}
