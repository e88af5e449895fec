import { HttpException, HttpStatus, Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { comparePositions, type EventStore, type Position } from '@ccb/event-store';
import {
  AdvisoryLockLease,
  afterOf,
  InProcessLease,
  portfolioProjection,
  ProjectionRunner,
  projectionStatus,
  readCheckpoint,
  timelineProjection,
  type Projection,
  type ProjectionStatus,
  type ReadModelContext,
} from '@ccb/read-models';
import type { Environment } from '../config/environment';
import { DATABASE } from '../database/database.module';
import type { Database } from '@ccb/runtime';
import { EVENT_STORE } from '../event-store/event-store.module';
import { READ_MODELS } from './read-models.tokens';
import { InvalidInputError } from '../common/api-error.filter';

export type ProjectionName = 'portfolio' | 'timeline';

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
  readonly projections: Readonly<Record<ProjectionName, Projection>>;
  private readonly runners: ProjectionRunner[] = [];

  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModelContext,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATABASE) private readonly database: Database,
    private readonly config: ConfigService<Environment, true>,
  ) {
    this.projections = {
      portfolio: portfolioProjection(readModels.models.portfolio, store, readModels.db),
      timeline: timelineProjection(readModels.models.timeline),
    };
  }

  onApplicationBootstrap(): void {
    if (this.config.get('PROJECTOR', { infer: true }) !== 'in-process') return;
    for (const projection of Object.values(this.projections)) {
      const lease = this.database.kind === 'embedded' ? new InProcessLease() : new AdvisoryLockLease(this.database.pool, `projector:${projection.model.schema}`);
      const runner = new ProjectionRunner(this.readModels.db, this.store, projection, {
        lease,
        batchSize: 1000,
        logger: { log: (m) => this.logger.log(m), warn: (m) => this.logger.warn(m) },
      });
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
   * `READ_WAIT_MS`, then answers 503. With the projectors in this process the wait is a listener on
   * their checkpoints and holds no connection (on the embedded database there is only one); with the
   * projector elsewhere it polls the checkpoint table. A position past the newest event is a 400 at once.
   */
  async waitFor(names: readonly ProjectionName[], position: Position): Promise<void> {
    const bound = this.config.get('READ_WAIT_MS', { infer: true });
    const started = Date.now();
    const deadline = started + bound;
    await this.ensureNotBeyondHead(position);
    for (const name of names) {
      const projection = this.projections[name];
      const reached = async () => {
        const checkpoint = afterOf((await readCheckpoint(this.readModels.db, projection.model.schema, projection.name)).position);
        return { ok: checkpoint !== undefined && comparePositions(checkpoint, position) >= 0, checkpoint: checkpoint ?? null };
      };
      const runner = this.runners.find((r) => r.name === projection.name);
      let state = { ok: false, checkpoint: null as Position | null };
      if (runner) {
        // Listening before the first look, so a checkpoint moved in between is not missed.
        const ok = await new Promise<boolean>((resolve) => {
          let settled = false;
          const finish = (result: boolean) => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            stop();
            resolve(result);
          };
          const unlisten = runner.onCheckpoint((p) => {
            if (comparePositions(p, position) >= 0) finish(true);
          });
          // On PostgreSQL another replica may hold the projector lease: its checkpoints are only in the table.
          const poll = this.database.kind === 'postgresql' ? setInterval(() => void look(), 200) : null;
          const stop = () => {
            unlisten();
            if (poll) clearInterval(poll);
          };
          const timer = setTimeout(() => finish(false), Math.max(0, deadline - Date.now()));
          const look = () => reached().then((s) => s.ok && finish(true), () => undefined);
          void look();
          runner.wake();
        });
        if (ok) continue;
        state = await reached();
      } else {
        state = await reached();
        for (let delay = 5; !state.ok && Date.now() < deadline; delay = Math.min(delay * 2, 100)) {
          await new Promise((resolve) => setTimeout(resolve, Math.min(delay, Math.max(0, deadline - Date.now()))));
          state = await reached();
        }
      }
      if (!state.ok) throw new ProjectionBehindError(name, position, state.checkpoint, Date.now() - started);
    }
  }

  /**
   * A position no command has returned yet cannot be waited for. The head is read twice, 50 ms apart,
   * because on PostgreSQL an append still committing next to this one can keep the head just short of it.
   */
  private async ensureNotBeyondHead(position: Position): Promise<void> {
    const beyond = async () => {
      const head = await this.store.headPosition();
      return head === null || comparePositions(position, head) > 0;
    };
    if (!(await beyond())) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (await beyond()) {
      throw new InvalidInputError([{ field: 'X-Min-Position', reason: 'is beyond the newest event recorded: send a position a command returned' }]);
    }
  }
}
