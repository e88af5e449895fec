import type { OpenAPIObject } from '@nestjs/swagger';
import { createApp } from '../apps/api/src/app.factory';
import { openApiDocument } from '../apps/api/src/openapi/openapi-document';

/** The document /docs-json serves, from an app on an in-memory database (no data needed: routes only). */
export async function servedDocument(): Promise<OpenAPIObject> {
  const app = await createApp({ LOG_LEVEL: 'silent', DEMO_DATA: 'false', DATA_DIR: 'memory', DATABASE_URL: '', JWT_SECRET: 'openapi-types-only-0123456789abcdef0123' });
  try {
    await app.init();
    return openApiDocument(app);
  } finally {
    await app.close();
  }
}
