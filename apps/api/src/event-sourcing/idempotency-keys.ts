import { Inject, Injectable } from '@nestjs/common';
import type { RequestFingerprint } from '@ccb/event-store';
import type { Database } from '@ccb/runtime';
import { DATABASE } from '../database/database.module';

export type RequestPart = 'method' | 'path' | 'body';

/** What differs between the request a key was first sent with and this one. */
export function differingParts(first: RequestFingerprint, now: RequestFingerprint): RequestPart[] {
  return (['method', 'path', 'body'] as const).filter((part) => (part === 'body' ? first.bodyHash !== now.bodyHash : first[part] !== now[part]));
}

/** What the executor needs of the key table: a unit test hands it one kept in memory. */
export type IdempotencyKeyStore = Pick<IdempotencyKeys, 'claim' | 'release'>;

/**
 * Which request each principal's Idempotency-Key was first sent with, across every stream: the events
 * of a stream can only say what a key did there, so the same key on another partnership is caught here.
 */
@Injectable()
export class IdempotencyKeys {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  /**
   * Claims the key for this request. Returns true when this call claimed it (a first use), false when it
   * was already claimed by this very request (a retry); the parts that differ otherwise.
   */
  async claim(principal: string, key: string, request: RequestFingerprint, streamId: string): Promise<true | false | RequestPart[]> {
    // Committed without waiting for the WAL flush: the append that follows waits for it, and the log is
    // written in order, so an acknowledged command's claim is as durable as its events; a claim lost in a
    // crash before any append is a key that was never used.
    const inserted = await this.database.pool.query(
      `INSERT INTO es_idempotency_keys (principal, key, method, path, body_hash, stream_id)
       SELECT $1, $2, $3, $4, $5, $6 FROM (SELECT set_config('synchronous_commit', 'off', true)) AS async_commit
       ON CONFLICT (principal, key) DO NOTHING RETURNING 1`,
      [principal, key, request.method, request.path, request.bodyHash, streamId],
    );
    if ((inserted.rowCount ?? 0) > 0) return true;
    const { rows } = await this.database.pool.query<{ method: string; path: string; body_hash: string }>(
      'SELECT method, path, body_hash FROM es_idempotency_keys WHERE principal = $1 AND key = $2',
      [principal, key],
    );
    // Released in between (the first use was refused): claim it again.
    if (rows.length === 0) return this.claim(principal, key, request, streamId);
    const differs = differingParts({ method: rows[0].method, path: rows[0].path, bodyHash: rows[0].body_hash }, request);
    return differs.length > 0 ? differs : false;
  }

  /** A refused command appended nothing: its key is free again. */
  async release(principal: string, key: string): Promise<void> {
    await this.database.pool.query('DELETE FROM es_idempotency_keys WHERE principal = $1 AND key = $2', [principal, key]);
  }
}
