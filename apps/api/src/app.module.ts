import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import type { Environment } from './config/environment';
import { DatabaseModule } from './database/database.module';
import { EventStoreModule } from './event-store/event-store.module';
import { DemoModule } from './demo/demo.module';
import { HealthModule } from './health/health.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { PartnershipsModule } from './partnerships/partnerships.module';
import { ReadModelsModule } from './read-models/read-models.module';

@Module({})
export class AppModule {
  /** Takes the environment already validated, so a bad value fails before anything starts. */
  static forRoot(environment: Environment): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          ignoreEnvVars: true,
          skipProcessEnv: true,
          load: [() => ({ ...environment })],
        }),
        LoggerModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<Environment, true>) => ({
            pinoHttp: {
              level: config.get('LOG_LEVEL', { infer: true }),
              redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
              autoLogging: { ignore: (req) => req.url === '/health' },
            },
          }),
        }),
        DatabaseModule,
        EventStoreModule,
        HealthModule,
        OrganisationsModule,
        PartnershipsModule,
        ReadModelsModule,
        DemoModule,
      ],
    };
  }
}
