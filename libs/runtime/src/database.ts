import * as pg from 'pg';
import { openEmbeddedDatabase, type PoolLike } from '@ccb/event-store';
import { sharedPoolDriver } from '@ccb/read-models';

/** The one connection pool of the process, shared by the event store and the read models. */
export interface Database {
  readonly kind: 'postgresql' | 'embedded';
  readonly pool: pg.Pool;
  readonly poolLike: PoolLike;
  /** A pg "driver" for TypeORM whose Pool is this very pool, so both share one (embedded: single) connection. */
  readonly typeormDriver: typeof pg;
  /** PostgreSQL only: a connection outside the pool, for LISTEN (it stays open for the process's life). */
  readonly dedicatedClient?: () => Promise<pg.Client>;
  close(): Promise<void>;
}

export async function openDatabase(options: { databaseUrl?: string; dataDir: string; poolSize?: number }): Promise<Database> {
  let pool: pg.Pool;
  let closeUnderlying: () => Promise<void>;
  let kind: Database['kind'];
  if (options.databaseUrl) {
    // The read models' aggregates cross PostgreSQL's JIT threshold on large portfolios, and compiling took
    // 60 ms of a 390 ms query while saving nothing measurable: every statement here is short. `options` in
    // DATABASE_URL, when given, wins.
    pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 20, application_name: 'ccb-tracker', options: '-c jit=off' });
    // An idle client that loses its server is replaced on next use; the error must not crash the process.
    pool.on('error', () => undefined);
    closeUnderlying = () => pool.end();
    kind = 'postgresql';
  } else {
    const embedded = await openEmbeddedDatabase(options.dataDir === 'memory' ? undefined : options.dataDir);
    pool = embedded.pool;
    closeUnderlying = () => embedded.close();
    kind = 'embedded';
  }
  const url = options.databaseUrl;
  return {
    kind,
    pool,
    ...(url
      ? {
          dedicatedClient: async () => {
            const client = new pg.Client({ connectionString: url, application_name: 'ccb-tracker-listen' });
            await client.connect();
            return client;
          },
        }
      : {}),
    poolLike: pool as unknown as PoolLike,
    typeormDriver: sharedPoolDriver(pool),
    close: closeUnderlying,
  };
}
