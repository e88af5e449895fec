import type { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication, NestExpressBodyParserOptionsFor } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import type { Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { ApiErrorFilter } from './api-error.filter';
import { apiValidationPipe } from './common/validation';
import { rejectDeepJson } from './common/request-shape';
import { serverTiming } from './common/server-timing';
import { validateEnvironment, type Environment } from './config/environment';
import { serveDashboard } from './dashboard/serve-dashboard';
import { openApiDocument } from './openapi/openapi-document';

/**
 * Builds the HTTP app exactly as production runs it. `overrides` win over the process environment:
 * tests give each app its own database this way.
 */
export async function createApp(overrides: Record<string, string> = {}): Promise<INestApplication> {
  const environment = validateEnvironment({ ...process.env, ...overrides });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(environment), { bufferLogs: true, bodyParser: false });
  const logger = app.get(Logger);
  app.useLogger(logger);
  const config = app.get(ConfigService<Environment, true>);
  app.use(serverTiming());
  const limit = config.get('BODY_LIMIT_BYTES', { infer: true });
  // Nest keeps `verify` for its raw-body option, off here, and passes it to body-parser as given: depth is
  // measured on the bytes, before JSON.parse and the validators recurse into them.
  app.useBodyParser('json', { limit, verify: rejectDeepJson() } as NestExpressBodyParserOptionsFor<'json'>);
  app.use(
    helmet({
      contentSecurityPolicy: {
        // The server speaks plain HTTP (TLS, where there is any, ends at a proxy): upgrading the dashboard's
        // requests to https would break it when opened by address on a local network.
        directives: {
          defaultSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          scriptSrc: ["'self'"],
          connectSrc: ["'self'"],
          upgradeInsecureRequests: null,
        },
      },
    }),
  );
  // JSON, CSV and XML answers compressed as sent; the dashboard's files come pre-compressed (serveDashboard) and
  // are left alone. A sign-in answer carries a token next to what the caller sent: never compressed (BREACH).
  const signIn = (req: Request) => req.method === 'POST' && req.url.startsWith('/api/auth/');
  app.use(compression({ threshold: 1024, filter: (req: Request, res: Response) => !signIn(req) && compression.filter(req, res) }));
  const origins = config.get('CORS_ORIGINS', { infer: true });
  if (origins) {
    app.enableCors({
      origin: origins === '*' ? '*' : origins.split(','),
      allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key', 'X-Correlation-Id', 'X-Causation-Id', 'X-Reason', 'X-Min-Position'],
      exposedHeaders: ['ETag', 'Location'],
    });
  }
  serveDashboard(app, config.get('DASHBOARD_DIR', { infer: true }), logger);
  app.setGlobalPrefix('api', { exclude: ['health', 'docs', 'docs-json'] });
  app.useGlobalFilters(new ApiErrorFilter());
  app.useGlobalPipes(apiValidationPipe());
  app.enableShutdownHooks();

  const document = openApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
