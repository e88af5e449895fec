import type { Pool, PoolClient } from 'pg';

/** Leadership among projector instances: only the holder processes; the others stand by. */
export interface ProjectorLease {
  acquire(): Promise<boolean>;
  release(): Promise<void>;
}

/**
 * A PostgreSQL session advisory lock held on a connection of its own: if the process dies, the
 * server drops the connection and the lock with it, and a standby takes over.
 */
export class AdvisoryLockLease implements ProjectorLease {
  private client: PoolClient | null = null;

  constructor(
    private readonly pool: Pool,
    private readonly key: string,
  ) {}

  async acquire(): Promise<boolean> {
    if (this.client) return true;
    const client = await this.pool.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [this.key]);
      if (!rows[0].locked) {
        client.release();
        return false;
      }
    } catch (error) {
      client.release(true);
      throw error;
    }
    client.on('error', () => {
      // The server is gone, and so is the lock: the next acquire() has to win it again.
      if (this.client === client) this.client = null;
      client.release(true);
    });
    this.client = client;
    return true;
  }

  async release(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (!client) return;
    try {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [this.key]);
      client.release();
    } catch {
      client.release(true);
    }
  }
}

/** The embedded database belongs to one process, which runs one projector per projection. */
export class InProcessLease implements ProjectorLease {
  async acquire(): Promise<boolean> {
    return true;
  }
  async release(): Promise<void> {}
}
