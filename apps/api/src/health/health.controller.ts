import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access-policy';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { EventStore } from '@ccb/event-store';
import { DATABASE } from '../database/database.module';
import type { Database } from '@ccb/runtime';
import { EVENT_STORE } from '../event-store/event-store.module';
import { ProjectionsService } from '../read-models/projections.service';

const CHECK_TIMEOUT_MS = 3_000;

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS).unref())]);
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(DATABASE) private readonly database: Database,
    private readonly projections: ProjectionsService,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Whether the event store, the read-model database and the projections answer; parked events say "degraded"' })
  @ApiServiceUnavailableResponse({ description: 'One of the checks failed or did not answer within 3 s' })
  check() {
    return this.health.check([
      async () => {
        const session = this.indicators.check('eventStore');
        try {
          const head = await withTimeout(this.eventStore.headPosition());
          return session.up({ adapter: this.eventStore.name, head });
        } catch (error) {
          return session.down({ adapter: this.eventStore.name, message: (error as Error).message });
        }
      },
      async () => {
        const session = this.indicators.check('readModels');
        try {
          await withTimeout(this.database.pool.query('SELECT 1'));
          return session.up({ database: this.database.kind });
        } catch (error) {
          return session.down({ database: this.database.kind, message: (error as Error).message });
        }
      },
      async () => {
        // Parked events degrade the read models without stopping them: the service stays up and says so.
        const session = this.indicators.check('projections');
        try {
          const parked = await withTimeout(this.projections.parkedCounts());
          const total = parked.reduce((sum, p) => sum + p.parked, 0);
          return session.up({ state: total > 0 ? 'degraded' : 'ok', parked: total, byProjection: parked });
        } catch (error) {
          return session.down({ message: (error as Error).message });
        }
      },
    ]);
  }
}
