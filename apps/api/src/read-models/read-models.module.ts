import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { openReadModelDataSource, readModelSet, type ReadModelContext } from '@ccb/read-models';
import { DATABASE } from '../database/database.module';
import type { Database } from '@ccb/runtime';
import { ConfigService } from '@nestjs/config';
import type { Environment } from '../config/environment';
import { ProjectionsService } from './projections.service';
import { ReadAfterInterceptor } from './read-after.interceptor';
import { SharedReadsInterceptor } from './shared-reads.interceptor';
import { READ_MODELS } from './read-models.tokens';
import { RelationshipsController } from './relationships.controller';
import { FundingQueriesController } from './funding.controller';
import { LocalOwnershipController } from './local-ownership.controller';
import { InclusionController } from './inclusion.controller';
import { CoordinationController } from './coordination.controller';
import { ScorecardController } from './scorecard.controller';
import { TimelineController } from './timeline.controller';
import { ProjectionsController } from './projections.controller';
import { PartnershipQueriesController } from './partnership-queries.controller';

/**
 * The read side: TypeORM over the shared pool, the projections that fill it from `$all`, and one
 * controller per read model.
 */
@Injectable()
class DataSourceCloser implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}
  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

@Global()
@Module({
  controllers: [
    PartnershipQueriesController,
    RelationshipsController,
    FundingQueriesController,
    LocalOwnershipController,
    InclusionController,
    CoordinationController,
    ScorecardController,
    TimelineController,
    ProjectionsController,
  ],
  providers: [
    {
      provide: DataSource,
      inject: [DATABASE, ConfigService],
      // TypeORM over the shared pool; on the embedded database one process owns the data, so the
      // migrations need no cross-process lock (nor could its one connection hold one).
      useFactory: (database: Database, config: ConfigService<Environment, true>) =>
        openReadModelDataSource(database.typeormDriver, readModelSet(config.get('READ_MODEL_SCHEMA_PREFIX', { infer: true })), {
          shared: database.kind === 'postgresql',
        }),
    },
    DataSourceCloser,
    {
      provide: READ_MODELS,
      inject: [DataSource, ConfigService],
      useFactory: (db: DataSource, config: ConfigService<Environment, true>): ReadModelContext => ({
        db,
        models: readModelSet(config.get('READ_MODEL_SCHEMA_PREFIX', { infer: true })),
      }),
    },
    ProjectionsService,
    ReadAfterInterceptor,
    { provide: APP_INTERCEPTOR, useExisting: ReadAfterInterceptor },
    SharedReadsInterceptor,
    { provide: APP_INTERCEPTOR, useExisting: SharedReadsInterceptor },
  ],
  exports: [DataSource, READ_MODELS, ProjectionsService],
})
export class ReadModelsModule {}
