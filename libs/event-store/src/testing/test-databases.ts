import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { openEmbeddedDatabase } from '../embedded/embedded-database';
import type { PoolLike } from '../postgres/sql';

export const TEST_DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  readonly pool: Pool;
  readonly name: string;
  /** Only PostgreSQL: a pool for a second process-like client in the same schema. */
  readonly newPool?: (max?: number) => Pool;
  close(): Promise<void>;
}

/** A schema of its own per test file, so parallel Jest workers never see each other's events. */
export async function openPostgresTestDatabase(max = 10): Promise<TestDatabase> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new Pool({ connectionString: TEST_DATABASE_URL, max: 1 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  const pools: Pool[] = [];
  const newPool = (size = max) => {
    const pool = new Pool({ connectionString: TEST_DATABASE_URL, max: size, options: `-c search_path=${schema}`, application_name: schema });
    pool.on('error', () => undefined);
    pools.push(pool);
    return pool;
  };
  const pool = newPool(max);
  return {
    pool,
    name: 'postgresql',
    newPool,
    async close() {
      await Promise.all(pools.map((p) => p.end().catch(() => undefined)));
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

export async function openEmbeddedTestDatabase(): Promise<TestDatabase> {
  const db = await openEmbeddedDatabase();
  return { pool: db.pool, name: 'embedded', close: () => db.close() };
}

export function asPoolLike(pool: Pool): PoolLike {
  return pool;
}
