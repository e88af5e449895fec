import type { Queryable } from '../postgres/sql';
import type { Position } from '../types';

/**
 * Where each subscriber got to. `store` takes the connection of the caller's transaction, so a
 * read-model batch and its checkpoint commit together: after a crash, neither or both are there.
 */
export class CheckpointStore {
  async load(db: Queryable, subscriptionId: string): Promise<Position | undefined> {
    const { rows } = await db.query<{ position: string }>('SELECT position FROM es_checkpoints WHERE subscription_id = $1', [subscriptionId]);
    return rows.length ? (rows[0].position as Position) : undefined;
  }

  async store(db: Queryable, subscriptionId: string, position: Position): Promise<void> {
    await db.query(
      `INSERT INTO es_checkpoints (subscription_id, position, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (subscription_id) DO UPDATE SET position = EXCLUDED.position, updated_at = EXCLUDED.updated_at`,
      [subscriptionId, position],
    );
  }

  async reset(db: Queryable, subscriptionId: string): Promise<void> {
    await db.query('DELETE FROM es_checkpoints WHERE subscription_id = $1', [subscriptionId]);
  }
}
