import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule } from './auth/auth.module';
import { HistoryModule } from './history/history.module';
import { IatiModule } from './iati/iati.module';
import type { Environment } from './config/environment';
import { DatabaseModule } from './database/database.module';
import { EventStoreModule } from './event-store/event-store.module';
import { EventSourcingModule } from './event-sourcing/event-sourcing.module';
import { DemoModule } from './demo/demo.module';
import { HealthModule } from './health/health.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { ExchangeRatesModule } from './exchange-rates/exchange-rates.module';
import { PartnershipsModule } from './partnerships/partnerships.module';
import { ReadModelsModule } from './read-models/read-models.module';

function withoutReasonText(req: { headers?: Record<string, unknown> }): unknown {
  const reason = req.headers?.['x-reason'];
  if (typeof reason !== 'string') return req;
  return { ...req, headers: { ...req.headers, 'x-reason': `[${reason.length} characters]` } };
}

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
              // X-Reason is free text users write ("dismissed for fraud..."): the log keeps its length, never its words.
              serializers: { req: withoutReasonText },
              autoLogging: { ignore: (req) => req.url === '/health' },
            },
          }),
        }),
        ThrottlerModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<Environment, true>) => {
            const limit = config.get('RATE_LIMIT_PER_MINUTE', { infer: true });
            return { throttlers: [{ name: 'per-minute', ttl: 60_000, limit: Math.max(limit, 1) }], skipIf: () => limit === 0 };
          },
        }),
        DatabaseModule,
        EventStoreModule,
        EventSourcingModule,
        AuthModule,
        HealthModule,
        OrganisationsModule,
        ExchangeRatesModule,
        PartnershipsModule,
        ReadModelsModule,
        HistoryModule,
        IatiModule,
        DemoModule,
      ],
    };
  }
}
