import { mkdirSync } from 'node:fs';
import { Client, Pool, type ClientConfig } from 'pg';

export interface EmbeddedDatabase {
  /** A pg Pool of exactly one connection: every user of the database in this process shares it. */
  readonly pool: Pool;
  close(): Promise<void>;
}

/**
 * PGlite is one Postgres backend with one session. Two pg connections to it would share that session,
 * so one caller's open transaction would swallow another's statements. A pool of one connection makes
 * every transaction (an append, a read-model batch) wait for the previous one instead: serialised, never
 * interleaved. `dataDir` undefined means in memory.
 */
export async function openEmbeddedDatabase(dataDir?: string): Promise<EmbeddedDatabase> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const { PglitePgConnection } = await import('@electric-sql/pglite/node-postgres');
  const pglite = await PGlite.create(dataDir ? { dataDir } : {});

  /**
   * pg-pool throws a client away after any failed `pool.query` and builds a new one from the same
   * config. PGlite's shim reuses one connection object for that, and the old client's queued "end"
   * reaches the new client, which then dies. Each client gets a connection object of its own instead,
   * and clears whatever transaction a discarded client may have left open in the shared session.
   */
  class EmbeddedClient extends Client {
    constructor(config: ClientConfig) {
      super({ ...config, ...({ connection: new PglitePgConnection({ pglite }) } as object) });
    }

    override connect(): Promise<Client>;
    override connect(callback: ((err: Error) => void) | ((err: null, client: Client) => void)): void;
    override connect(callback?: ((err: Error) => void) | ((err: null, client: Client) => void)): Promise<Client> | void {
      const ready = super.connect().then(async () => {
        if (pglite.isInTransaction()) await super.query('ROLLBACK');
        return this;
      });
      if (!callback) return ready;
      ready.then(
        (client) => (callback as (err: null, client: Client) => void)(null, client),
        (error: Error) => (callback as (err: Error) => void)(error),
      );
    }
  }

  const pool = new Pool({
    // pg's Pool types its Client option as a constructor of no arguments; ours takes pg's config like any Client.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- the linter resolves `typeof Client` loosely; tsc needs the cast
    Client: EmbeddedClient as unknown as typeof Client,
    user: 'postgres',
    database: 'postgres',
    max: 1,
    idleTimeoutMillis: 0,
  });
  let closed = false;
  return {
    pool,
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
      await pglite.close();
    },
  };
}
