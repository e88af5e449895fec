import type { INestApplication } from '@nestjs/common';
import { createApp } from '../apps/api/src/app.factory';

/** The API as a benchmark runs it: a benchmark key to sign tokens with, no logs, no rate limit, no demo data. */
export async function listeningBenchApp(database: { readonly url: string } | 'memory', options: { readonly projector: boolean }): Promise<INestApplication> {
  const app = await createApp({
    ...(database === 'memory' ? { DATA_DIR: 'memory' } : { DATABASE_URL: database.url }),
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret!!',
    LOG_LEVEL: 'silent',
    ...(options.projector ? {} : { PROJECTOR: 'off' }),
    DEMO_DATA: 'false',
    RATE_LIMIT_PER_MINUTE: '0',
    PORT: '0',
  });
  await app.listen(0, '127.0.0.1');
  return app;
}
