import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { createApp } from '../../apps/api/src/app.factory';
import { TEST_DATABASE_URL } from '../../libs/event-store/src/testing/test-databases';

/** Every test app signs and verifies with this key, so tests can mint tokens without asking the app. */
export const TEST_JWT_SECRET = 'test-secret-for-e2e-tests-only-0123456789abcdef';

export type Backend = 'embedded' | 'postgresql';
export const BACKENDS: Backend[] = ['embedded', 'postgresql'];

/**
 * For tests of the HTTP edge alone (who may call what, token checks, request validation), whose outcome no
 * storage can change: they run on the product's default, the embedded database. Anything that reads or writes
 * what a database keeps runs on BACKENDS.
 */
export const HTTP_EDGE: Backend[] = ['embedded'];

export interface TestApp {
  readonly app: INestApplication;
  /** On PostgreSQL: the URL of this app's own schema, for a child process (a CLI) to read the same data. */
  readonly databaseUrl?: string;
  close(): Promise<void>;
}

/** The real app on a fresh database: in-memory PGlite, or a PostgreSQL schema of its own. */
export async function startTestApp(backend: Backend, overrides: Record<string, string> = {}): Promise<TestApp> {
  const base = { LOG_LEVEL: 'silent', DEMO_DATA: 'false', JWT_SECRET: TEST_JWT_SECRET, ...overrides };
  if (backend === 'embedded') {
    const app = await createApp({ ...base, DATA_DIR: 'memory', DATABASE_URL: '' });
    await app.init();
    return { app, close: () => app.close() };
  }
  const schema = `e2e_${randomBytes(6).toString('hex')}`;
  const admin = new Pool({ connectionString: TEST_DATABASE_URL, max: 1 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  // Read models live in schemas of their own (rm_portfolio...): a prefix keeps parallel test files apart.
  const prefix = `${schema}_`;
  const app = await createApp({ ...base, DATABASE_URL: url.toString(), READ_MODEL_SCHEMA_PREFIX: prefix });
  await app.init();
  return {
    app,
    databaseUrl: url.toString(),
    async close() {
      await app.close();
      const { rows } = await admin.query<{ nspname: string }>('SELECT nspname FROM pg_namespace WHERE starts_with(nspname, $1)', [prefix]);
      for (const { nspname } of rows) await admin.query(`DROP SCHEMA ${nspname} CASCADE`);
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}
