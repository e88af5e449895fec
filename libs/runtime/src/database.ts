import * as pg from 'pg';
import { openEmbeddedDatabase, type PoolLike } from '@ccb/event-store';
import { sharedPoolDriver } from '@ccb/read-models';

/**
 * The process's connections. On PostgreSQL, two pools: `pool` for the event store, idempotency keys and leases
 * (the command path), and another behind `typeormDriver` for the read models (queries and projector writes), so
 * a crowd of dashboard reads never queues a command behind it. Embedded: one connection for everything.
 */
export interface Database {
  readonly kind: 'postgresql' | 'embedded';
  readonly pool: pg.Pool;
  readonly poolLike: PoolLike;
  /** A pg "driver" for TypeORM whose Pool is the read models' pool (embedded: the one connection). */
  readonly typeormDriver: typeof pg;
  /** PostgreSQL only: a connection outside the pool, for LISTEN (it stays open for the process's life). */
  readonly dedicatedClient?: () => Promise<pg.Client>;
  close(): Promise<void>;
}

export async function openDatabase(options: { databaseUrl?: string; dataDir: string; poolSize?: number; readPoolSize?: number }): Promise<Database> {
  let pool: pg.Pool;
  let readPool: pg.Pool;
  let closeUnderlying: () => Promise<void>;
  let kind: Database['kind'];
  if (options.databaseUrl) {
    // The read models' aggregates cross PostgreSQL's JIT threshold on large portfolios, and compiling took
    // 60 ms of a 390 ms query while saving nothing measurable: every statement here is short. `options` in
    // DATABASE_URL, when given, wins.
    const open = (max: number, name: string) => {
      const opened = new pg.Pool({ connectionString: options.databaseUrl, max, application_name: name, options: '-c jit=off' });
      // An idle client that loses its server is replaced on next use; the error must not crash the process.
      opened.on('error', () => undefined);
      return opened;
    };
    pool = open(options.poolSize ?? 10, 'ccb-tracker');
    readPool = open(options.readPoolSize ?? 20, 'ccb-tracker-read');
    closeUnderlying = async () => {
      await Promise.all([pool.end(), readPool.end()]);
    };
    kind = 'postgresql';
  } else {
    const embedded = await openEmbeddedDatabase(options.dataDir === 'memory' ? undefined : options.dataDir);
    pool = embedded.pool;
    readPool = embedded.pool;
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
    typeormDriver: sharedPoolDriver(readPool),
    close: closeUnderlying,
  };
}
