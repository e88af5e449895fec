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
        idleMs: this.database.kind === 'embedded' ? 25 : 50,
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
   * Waits until the projection has processed `position`, polling its checkpoint (the projector may
   * be another process), and gives up with a 503 after `READ_WAIT_MS`.
   */
  async waitFor(names: readonly ProjectionName[], position: Position): Promise<void> {
    const bound = this.config.get('READ_WAIT_MS', { infer: true });
    const started = Date.now();
    for (const name of names) {
      const projection = this.projections[name];
      for (let delay = 5; ; delay = Math.min(delay * 2, 100)) {
        const checkpoint = afterOf((await readCheckpoint(this.readModels.db, projection.model.schema, projection.name)).position);
        if (checkpoint !== undefined && comparePositions(checkpoint, position) >= 0) break;
        const waited = Date.now() - started;
        if (waited >= bound) throw new ProjectionBehindError(name, position, checkpoint ?? null, waited);
        for (const runner of this.runners) runner.wake();
        await new Promise((resolve) => setTimeout(resolve, Math.min(delay, bound - waited)));
      }
    }
  }
}
