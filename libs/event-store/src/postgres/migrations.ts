import { inTransaction, type PoolLike } from './sql';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: string;
}

/**
 * The event store's own schema. Order within the global log is (transaction_id, global_position):
 * a reader only reads below the oldest transaction still running, so a transaction that took its
 * sequence value early but commits late can never be skipped (see postgres-event-store.ts).
 */
export const eventStoreMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'event store: streams and events',
    up: `
      CREATE TABLE es_streams (
        stream_id text PRIMARY KEY,
        revision bigint NOT NULL CHECK (revision >= 0)
      );
      CREATE TABLE es_events (
        global_position bigint GENERATED ALWAYS AS IDENTITY,
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        stream_id text NOT NULL,
        revision bigint NOT NULL CHECK (revision >= 0),
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        schema_version integer NOT NULL CHECK (schema_version > 0),
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        created timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (global_position),
        UNIQUE (stream_id, revision),
        UNIQUE (stream_id, event_id)
      );
      CREATE INDEX es_events_log_order ON es_events (transaction_id, global_position);
    `,
  },
];

/**
 * Checkpoints live beside the read models (whatever stores the events), so both commit together; so do
 * the idempotency keys, which must be found across every stream whichever store holds the events.
 */
export const checkpointMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'subscription checkpoints',
    up: `
      CREATE TABLE es_checkpoints (
        subscription_id text PRIMARY KEY,
        position text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
  {
    version: 2,
    name: 'idempotency keys, per principal',
    up: `
      CREATE TABLE es_idempotency_keys (
        principal text NOT NULL,
        key text NOT NULL,
        method text NOT NULL,
        path text NOT NULL,
        body_hash text NOT NULL,
        stream_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (principal, key)
      );
    `,
  },
];

/** Applies what is missing, under an advisory lock so that concurrent starts do not race. */
export async function migrate(pool: PoolLike, migrations: readonly Migration[], table: string): Promise<number[]> {
  if (!/^[a-z_]+$/.test(table)) throw new Error(`Bad migrations table name: ${table}`);
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [table]);
    await client.query(`CREATE TABLE IF NOT EXISTS ${table} (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: number }>(`SELECT version FROM ${table}`);
    const applied = new Set(rows.map((r) => r.version));
    const done: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.up);
      await client.query(`INSERT INTO ${table} (version, name) VALUES ($1, $2)`, [migration.version, migration.name]);
      done.push(migration.version);
    }
    return done;
  });
}

export function migrateEventStore(pool: PoolLike): Promise<number[]> {
  return migrate(pool, eventStoreMigrations, 'es_schema_migrations');
}

export function migrateCheckpoints(pool: PoolLike): Promise<number[]> {
  return migrate(pool, checkpointMigrations, 'es_checkpoint_migrations');
}
