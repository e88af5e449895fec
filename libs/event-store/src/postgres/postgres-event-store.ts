import { EventEmitter } from 'node:events';
import type { EventStore, RowsFingerprint } from '../event-store';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../errors';
import { delay, pollingSubscription, type LogPage, type LogSource } from '../polling-subscription';
import { makePosition, parsePosition } from '../position';
import {
  NO_SUCH_STREAM,
  type AllFilter,
  type AppendResult,
  type EventData,
  type EventMetadata,
  type ExpectedRevision,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type ReadStreamResult,
  type RecordedEvent,
  type SubscribeToAllOptions,
} from '../types';
import type { PoolLike, Queryable } from './sql';
import { GroupCommit, type PendingAppend } from './group-commit';

interface EventRow {
  global_position: string;
  transaction_id: string;
  stream_id: string;
  revision: string;
  event_id: string;
  event_type: string;
  schema_version: number;
  data: Record<string, unknown> | null;
  metadata: EventMetadata | null;
  /** ISO 8601 text, formatted by the database: parsing a Date per row costs more than the read. */
  created: string;
  matches?: boolean;
}

const CREATED_ISO = `to_char(created AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created`;
const EVENT_COLUMNS = `global_position, transaction_id::text AS transaction_id, stream_id, revision, event_id,
  event_type, schema_version, data, metadata, ${CREATED_ISO}`;

/**
 * Every append takes this advisory lock, shared, before its transaction writes anything (so before it
 * has a transaction id). Readers of `$all` wait only for transaction ids that hold it: a transaction in
 * another database, or on another table, never holds back the log. The key is the es_events table's
 * oid under a fixed class id, so two stores in two schemas of one database do not wait for each other.
 */
const APPEND_LOCK_CLASS = 1702060387; // 'es_c' as four bytes: the class half of the advisory key
const APPEND_LOCK_KEY = `((${APPEND_LOCK_CLASS}::bigint << 32) | 'es_events'::regclass::oid::bigint)`;

/** Channel a PostgreSQL append notifies on commit, so readers in other processes wake at once. */
export const APPENDED_CHANNEL = 'es_appended';

/**
 * The highest transaction id below which `$all` is complete: the oldest transaction in this statement's
 * snapshot that may still add events (it holds the append lock, or it committed after the snapshot was
 * taken and so may have appended unseen rows); the snapshot's xmax when there is none. Anything else
 * still running (another database, a long batch job, an idle-in-transaction session) is not waited for.
 *
 * Order matters: the lock holders are read first (a materialised CTE), and each transaction's status
 * only after (a join condition cannot run before both sides exist). An append that ends between the two
 * reads has released its lock, so its status already says committed (or aborted). Read the other way
 * round, an append could be "in progress" to the status check and gone from pg_locks a moment later,
 * and its events would be passed over.
 */
const LOG_HORIZON = `(
  WITH holders AS MATERIALIZED (
    SELECT coalesce(array_agg(t.transactionid), '{}') AS xids FROM pg_locks a
    JOIN pg_locks t ON t.pid = a.pid AND t.locktype = 'transactionid' AND t.mode = 'ExclusiveLock' AND t.granted
    WHERE a.locktype = 'advisory' AND a.granted AND a.objsubid = 1
      AND a.classid = ${APPEND_LOCK_CLASS} AND a.objid = 'es_events'::regclass::oid
      AND a.database = (SELECT oid FROM pg_database WHERE datname = current_database()))
  SELECT coalesce((
    SELECT min(xip.xid) FROM pg_snapshot_xip(snap.s) AS xip(xid) CROSS JOIN holders
    WHERE xip.xid::xid = ANY(holders.xids) OR pg_xact_status(xip.xid) = 'committed'
  ), pg_snapshot_xmax(snap.s))
  FROM (SELECT pg_current_snapshot() AS s) snap)`;

/**
 * How the stream row is claimed for each expected-revision mode. Each statement returns the stream's
 * revision before the append (-1 for a new stream), or no row when the expectation does not hold; the
 * row lock it takes serialises concurrent writers of one stream.
 */
function claimStream(expected: ExpectedRevision): string {
  switch (expected) {
    case 'any':
      return `INSERT INTO es_streams AS s (stream_id, revision) SELECT $1, $2::bigint - 1 FROM guard
              ON CONFLICT (stream_id) DO UPDATE SET revision = s.revision + $2::bigint
              RETURNING s.revision - $2::bigint AS before`;
    case 'no_stream':
      return `INSERT INTO es_streams AS s (stream_id, revision) SELECT $1, $2::bigint - 1 FROM guard
              ON CONFLICT (stream_id) DO NOTHING
              RETURNING s.revision - $2::bigint AS before`;
    case 'stream_exists':
      return `UPDATE es_streams AS s SET revision = s.revision + $2::bigint FROM guard
              WHERE s.stream_id = $1
              RETURNING s.revision - $2::bigint AS before`;
    default:
      return `UPDATE es_streams AS s SET revision = s.revision + $2::bigint FROM guard
              WHERE s.stream_id = $1 AND s.revision = $4::bigint
              RETURNING s.revision - $2::bigint AS before`;
  }
}

// The guard is read by the claim's FROM, so the lock is held before the first row is written.
function appendSql(expected: ExpectedRevision, notify: boolean): string {
  return `WITH guard AS MATERIALIZED (SELECT pg_advisory_xact_lock_shared(${APPEND_LOCK_KEY})),
    claimed AS (${claimStream(expected)}),
    inserted AS (
      INSERT INTO es_events (stream_id, revision, event_id, event_type, schema_version, data, metadata)
      SELECT $1, claimed.before + e.ord, (e.ev->>'id')::uuid, e.ev->>'type', (e.ev->>'schemaVersion')::integer,
             e.ev->'data', e.ev->'metadata'
      FROM claimed, jsonb_array_elements($3::jsonb) WITH ORDINALITY AS e(ev, ord)
      RETURNING revision, global_position, transaction_id
    )
    SELECT revision, global_position, transaction_id::text AS transaction_id${notify ? `, pg_notify('${APPENDED_CHANNEL}', '')` : ''}
    FROM inserted ORDER BY revision DESC LIMIT 1`;
}

/**
 * Several appends, to different streams, in one statement. Each request claims its stream only if its expected
 * revision holds (existing streams are locked FOR UPDATE first, so the revision read is the one written over);
 * a new stream is claimed by an insert that yields to any concurrent creator. The answer has a row per request:
 * its last revision and position when it was written, or nothing (`won` false) when it was not, so that request
 * alone is retried on its own and answered as a single append would be.
 */
function batchAppendSql(notify: boolean): string {
  return `WITH guard AS MATERIALIZED (SELECT pg_advisory_xact_lock_shared(${APPEND_LOCK_KEY})),
    req AS MATERIALIZED (
      SELECT r.i, r.stream_id, r.n, r.mode, r.expected, r.events
      FROM guard, jsonb_to_recordset($1::jsonb) AS r(i int, stream_id text, n bigint, mode text, expected bigint, events jsonb)),
    cur AS MATERIALIZED (
      SELECT s.stream_id, s.revision FROM es_streams s WHERE s.stream_id IN (SELECT stream_id FROM req) ORDER BY s.stream_id FOR UPDATE),
    ok AS MATERIALIZED (
      SELECT req.i, req.stream_id, req.n, req.events, coalesce(cur.revision, -1) AS before, cur.stream_id IS NOT NULL AS existed
      FROM req LEFT JOIN cur USING (stream_id)
      WHERE CASE req.mode
        WHEN 'any' THEN true
        WHEN 'no_stream' THEN cur.stream_id IS NULL
        WHEN 'stream_exists' THEN cur.stream_id IS NOT NULL
        ELSE cur.revision = req.expected END),
    updated AS (
      UPDATE es_streams s SET revision = ok.before + ok.n FROM ok WHERE ok.existed AND s.stream_id = ok.stream_id RETURNING s.stream_id),
    created AS (
      INSERT INTO es_streams (stream_id, revision) SELECT stream_id, n - 1 FROM ok WHERE NOT existed ORDER BY stream_id
      ON CONFLICT (stream_id) DO NOTHING RETURNING stream_id),
    won AS (SELECT stream_id FROM updated UNION ALL SELECT stream_id FROM created),
    inserted AS (
      INSERT INTO es_events (stream_id, revision, event_id, event_type, schema_version, data, metadata)
      SELECT ok.stream_id, ok.before + e.ord, (e.ev->>'id')::uuid, e.ev->>'type', (e.ev->>'schemaVersion')::integer, e.ev->'data', e.ev->'metadata'
      FROM ok JOIN won USING (stream_id), jsonb_array_elements(ok.events) WITH ORDINALITY AS e(ev, ord)
      ORDER BY ok.i, e.ord
      RETURNING stream_id, revision, global_position, transaction_id)
    SELECT req.i, last.revision, last.global_position, last.transaction_id${notify ? `, pg_notify('${APPENDED_CHANNEL}', '')` : ''}
    FROM req LEFT JOIN LATERAL (
      SELECT revision, global_position, transaction_id::text AS transaction_id FROM inserted WHERE inserted.stream_id = req.stream_id ORDER BY revision DESC LIMIT 1
    ) last ON true`;
}

export interface PostgresEventStoreOptions {
  readonly name?: string;
  /** Idle wait between polls of a caught-up subscription; appends in this process wake it early. */
  readonly pollIntervalMs?: number;
  readonly onSubscriptionError?: (error: unknown, attempt: number) => void;
  /**
   * PostgreSQL only: a connection of its own to LISTEN on, so appends by other processes wake this
   * one's readers. Appends then NOTIFY on commit. Without it (embedded), only this process's appends wake.
   */
  readonly listenConnection?: () => Promise<ListeningClient>;
  /**
   * Concurrent appends gathered into one statement and one commit: at most `maxBatch` appends per batch and
   * `maxInFlight` batches at once (default 128 and 4). `false` writes each append on its own.
   */
  readonly groupCommit?: { readonly maxBatch: number; readonly maxInFlight: number } | false;
}

/** What LISTEN needs of a connection: a pg Client. */
export interface ListeningClient extends Queryable {
  on(event: 'notification', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  end(): Promise<void>;
}

export class PostgresEventStore implements EventStore, LogSource {
  readonly name: string;
  private readonly appended = new EventEmitter();
  private listener: Promise<ListeningClient | null> | null = null;
  private closed = false;
  private readonly group: GroupCommit | null;

  constructor(
    private readonly pool: PoolLike,
    private readonly options: PostgresEventStoreOptions = {},
  ) {
    this.name = options.name ?? 'postgresql';
    this.appended.setMaxListeners(0);
    const group = options.groupCommit ?? { maxBatch: 128, maxInFlight: 4 };
    this.group = group === false ? null : new GroupCommit((batch) => this.writeBatch(batch), group);
  }

  appendToStream(streamId: string, events: readonly EventData[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    if (events.length === 0) return Promise.reject(new RangeError('appendToStream needs at least one event'));
    if (!this.group) return this.appendWithin(this.pool, streamId, events, options.expectedRevision);
    return this.group.submit(streamId, events, options.expectedRevision);
  }

  /**
   * One batch: a lone append takes the single-append statement; several share one statement. An append the
   * batch did not write (its expected revision did not hold, or a new stream another process created first)
   * is tried again on its own, which answers exactly as a single append would (a retry already applied, or a
   * WrongExpectedRevisionError). If the batch statement fails as a whole (a duplicate event id from a retried
   * append, a deadlock with another process), every append in it is tried on its own: nothing is lost, and
   * nothing is written twice, since the failed statement wrote nothing.
   */
  private async writeBatch(batch: readonly PendingAppend[]): Promise<void> {
    const alone = (p: PendingAppend) =>
      this.appendWithin(this.pool, p.streamId, p.events, p.expected).then(
        (result) => p.resolve(result),
        (error: unknown) => p.reject(error),
      );
    if (batch.length === 1) return alone(batch[0]);
    const payload = JSON.stringify(
      batch.map((p, i) => ({
        i,
        stream_id: p.streamId,
        n: p.events.length,
        mode: typeof p.expected === 'number' ? 'exact' : p.expected,
        expected: typeof p.expected === 'number' ? p.expected : null,
        events: p.events.map((e) => ({ id: e.id, type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata: e.metadata })),
      })),
    );
    let rows: { i: number; revision: string | null; global_position: string | null; transaction_id: string | null }[];
    try {
      ({ rows } = await this.pool.query(batchAppendSql(this.options.listenConnection !== undefined), [payload]));
    } catch {
      await Promise.all(batch.map(alone));
      return;
    }
    const written = new Map(rows.filter((r) => r.revision !== null && r.global_position !== null && r.transaction_id !== null).map((r) => [Number(r.i), r]));
    if (written.size > 0) this.appended.emit('append');
    await Promise.all(
      batch.map((p, i) => {
        const row = written.get(i);
        if (!row?.revision || !row.global_position || !row.transaction_id) return alone(p);
        p.resolve({ nextExpectedRevision: Number(row.revision), position: makePosition(row.transaction_id, row.global_position) });
        return undefined;
      }),
    );
  }

  /**
   * Appends on a connection the caller controls, so the append can share a transaction with other
   * writes. The caller commits; in-process subscribers are woken on the next poll.
   */
  async appendWithin(db: Queryable, streamId: string, events: readonly EventData[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError('appendToStream needs at least one event');
    const payload = JSON.stringify(events.map((e) => ({ id: e.id, type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata: e.metadata })));
    const values: unknown[] = [streamId, events.length, payload];
    if (typeof expected === 'number') values.push(expected);
    let rows: { revision: string; global_position: string; transaction_id: string }[];
    try {
      ({ rows } = await db.query(appendSql(expected, this.options.listenConnection !== undefined), values));
    } catch (error) {
      if (isUniqueViolation(error)) return this.resolveRetry(db, streamId, events, expected, true);
      throw error;
    }
    if (rows.length === 0) return this.resolveRetry(db, streamId, events, expected, false);
    this.appended.emit('append');
    return { nextExpectedRevision: Number(rows[0].revision), position: makePosition(rows[0].transaction_id, rows[0].global_position) };
  }

  /**
   * The append was refused. If these very events are already in the stream where the expected revision
   * puts them, it is a retry of an append that succeeded: answer as the first time (EventStoreDB's rule).
   */
  private async resolveRetry(db: Queryable, streamId: string, events: readonly EventData[], expected: ExpectedRevision, duplicateId: boolean): Promise<AppendResult> {
    const ids = events.map((e) => e.id);
    const { rows } = await db.query<{ event_id: string; revision: string; global_position: string; transaction_id: string }>(
      `SELECT event_id, revision, global_position, transaction_id::text AS transaction_id
       FROM es_events WHERE stream_id = $1 AND event_id = ANY($2::uuid[]) ORDER BY revision`,
      [streamId, ids],
    );
    const first = rows.length > 0 ? Number(rows[0].revision) : -1;
    const inPlace =
      rows.length === ids.length &&
      rows.every((row, i) => row.event_id === ids[i] && Number(row.revision) === first + i) &&
      (typeof expected !== 'number' || first === expected + 1) &&
      (expected !== 'no_stream' || first === 0);
    if (inPlace) {
      const last = rows[rows.length - 1];
      return { nextExpectedRevision: Number(last.revision), position: makePosition(last.transaction_id, last.global_position) };
    }
    if (duplicateId && rows.length > 0)
      throw new DuplicateEventIdError(
        streamId,
        rows.map((r) => r.event_id),
      );
    const actual = await db.query<{ revision: string }>('SELECT revision FROM es_streams WHERE stream_id = $1', [streamId]);
    throw new WrongExpectedRevisionError(streamId, expected, actual.rows.length ? Number(actual.rows[0].revision) : 'no_stream');
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<ReadStreamResult> {
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? 'end' : 'start');
    const bound = from === 'start' || from === 'end' ? null : from;
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM es_events
       WHERE stream_id = $1 AND ($2::bigint IS NULL OR revision ${backwards ? '<=' : '>='} $2::bigint)
       ORDER BY revision ${backwards ? 'DESC' : 'ASC'} LIMIT $3`,
      [streamId, bound, options.maxCount ?? null],
    );
    const events = rows.map(toRecordedEvent);
    // A whole stream read forwards ends at its version; any other read asks the stream table (one key lookup).
    if (!backwards && bound === null && options.maxCount === undefined && events.length > 0) {
      return { events, currentStreamVersion: events[events.length - 1].revision, streamExists: true };
    }
    const head = await this.pool.query<{ revision: string }>('SELECT revision FROM es_streams WHERE stream_id = $1', [streamId]);
    if (head.rows.length === 0) return NO_SUCH_STREAM;
    return { events, currentStreamVersion: Number(head.rows[0].revision), streamExists: true };
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const wanted = options.maxCount ?? 1000;
    const events: RecordedEvent[] = [];
    let after = options.after;
    while (events.length < wanted) {
      const page = await this.readPage(after, Math.max(wanted - events.length, options.filter ? 1000 : 0), options.filter);
      events.push(...page.events.slice(0, wanted - events.length));
      if (page.exhausted || !page.scannedTo) break;
      after = page.scannedTo;
    }
    return events;
  }

  /**
   * Reads the log in (transaction id, position) order, only below the oldest transaction still in
   * flight: events of a transaction that is still open (and may hold a lower sequence value) are never
   * passed over. The cursor is the same pair, so it can never skip or repeat one.
   */
  async readPage(after: Position | undefined, limit: number, filter: AllFilter | undefined): Promise<LogPage> {
    const cursor = after ? parsePosition(after) : { major: 0n, minor: 0n };
    const types = filter?.eventTypes?.length ? [...filter.eventTypes] : null;
    const prefixes = filter?.streamPrefixes?.length ? [...filter.streamPrefixes] : null;
    const filtered = types !== null || prefixes !== null;
    const match = `($4::text[] IS NULL OR event_type = ANY($4::text[]))
      AND ($5::text[] IS NULL OR EXISTS (SELECT 1 FROM unnest($5::text[]) p WHERE starts_with(stream_id, p)))`;
    const values: unknown[] = [cursor.major.toString(), cursor.minor.toString(), limit];
    if (filtered) values.push(types, prefixes);
    // Events the filter leaves out are still scanned, so the cursor moves past them; their bodies are not sent.
    const { rows } = await this.pool.query<EventRow>(
      `WITH scanned AS (
         SELECT * FROM es_events
         WHERE (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
           AND transaction_id < ${LOG_HORIZON}
         ORDER BY transaction_id, global_position
         LIMIT $3
       )
       SELECT global_position, transaction_id::text AS transaction_id, stream_id, revision, event_id, event_type,
              schema_version, ${CREATED_ISO}, ${filtered ? `(${match})` : 'true'} AS matches,
              CASE WHEN ${filtered ? match : 'true'} THEN data END AS data,
              CASE WHEN ${filtered ? match : 'true'} THEN metadata END AS metadata
       FROM scanned ORDER BY scanned.transaction_id, scanned.global_position`,
      values,
    );
    const last = rows[rows.length - 1];
    return {
      events: rows.filter((r) => r.matches).map(toRecordedEvent),
      scannedTo: last ? makePosition(last.transaction_id, last.global_position) : null,
      exhausted: rows.length < limit,
    };
  }

  async headPosition(): Promise<Position | null> {
    // ORDER BY names the table's column: the text alias of the same name would sort the whole log.
    const { rows } = await this.pool.query<{ transaction_id: string; global_position: string }>(
      `SELECT e.transaction_id::text AS transaction_id, e.global_position FROM es_events e
       WHERE e.transaction_id < ${LOG_HORIZON}
       ORDER BY e.transaction_id DESC, e.global_position DESC LIMIT 1`,
    );
    return rows.length ? makePosition(rows[0].transaction_id, rows[0].global_position) : null;
  }

  async rowsFingerprint(streamId: string, beforeRevision: number): Promise<RowsFingerprint> {
    // xmin names the transaction that wrote a row version: an UPDATE, or a DELETE and INSERT, gives the row a new one.
    const { rows } = await this.pool.query<{ prefix: string; all_rows: string; count: string }>(
      `SELECT (count(*) FILTER (WHERE revision < $2)) || ':' || coalesce(sum(xmin::text::numeric) FILTER (WHERE revision < $2), 0) AS prefix,
              count(*) || ':' || coalesce(sum(xmin::text::numeric), 0) AS all_rows,
              count(*) AS count
       FROM es_events WHERE stream_id = $1`,
      [streamId, beforeRevision],
    );
    return { prefix: rows[0].prefix, all: rows[0].all_rows, count: Number(rows[0].count) };
  }

  async countEvents(): Promise<number | null> {
    const { rows } = await this.pool.query<{ count: string }>('SELECT count(*) AS count FROM es_events');
    return Number(rows[0].count);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AsyncIterable<RecordedEvent> {
    return pollingSubscription(this, options, {
      idleDelayMs: this.options.pollIntervalMs ?? 50,
      onError: this.options.onSubscriptionError,
    });
  }

  onAppend(listener: () => void): () => void {
    void this.listen();
    this.appended.on('append', listener);
    return () => this.appended.off('append', listener);
  }

  /** Starts listening for other processes' appends once; on a lost connection, listens again on next use. */
  private listen(): Promise<ListeningClient | null> {
    const connect = this.options.listenConnection;
    if (!connect || this.closed) return Promise.resolve(null);
    this.listener ??= (async () => {
      try {
        const client = await connect();
        client.on('notification', () => this.appended.emit('append'));
        client.on('error', () => {
          this.listener = null;
          void client.end().catch(() => undefined);
        });
        await client.query(`LISTEN ${APPENDED_CHANNEL}`);
        return client;
      } catch {
        this.listener = null;
        return null;
      }
    })();
    return this.listener;
  }

  waitForAppend(ms: number, signal: AbortSignal | undefined): Promise<void> {
    void this.listen();
    return new Promise((resolve) => {
      const wake = () => {
        controller.abort();
      };
      const controller = new AbortController();
      const onAbort = () => controller.abort();
      signal?.addEventListener('abort', onAbort, { once: true });
      this.appended.once('append', wake);
      void delay(ms, controller.signal).then(() => {
        this.appended.off('append', wake);
        signal?.removeEventListener('abort', onAbort);
        resolve();
      });
    });
  }

  /** The pool belongs to whoever created it; closing the store only stops its subscribers' waits. */
  async close(): Promise<void> {
    this.closed = true;
    const listener = await this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
    this.appended.emit('append');
  }
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    type: row.event_type,
    schemaVersion: row.schema_version,
    data: row.data ?? {},
    metadata: row.metadata as EventMetadata,
    streamId: row.stream_id,
    revision: Number(row.revision),
    // Both come from the database as canonical decimal text: no BigInt round trip per row.
    position: `${row.transaction_id}:${row.global_position}` as Position,
    created: row.created,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
