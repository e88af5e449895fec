import type { Position, RecordedEvent } from '@ccb/event-store';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Events a projection could not apply, set aside so that one bad event never stops the rest (as
 * EventStoreDB parks a poison message and Marten dead-letters a failed event). A parked event is
 * skipped by every fold of that projection until a rebuild (npm run projections:retry) tries it again.
 */
export const deadLetterTable = (schema: string) => `
  CREATE TABLE ${schema}.dead_letters (
    projection text NOT NULL,
    event_id text NOT NULL,
    position text NOT NULL,
    stream_id text NOT NULL,
    revision bigint NOT NULL,
    event_type text NOT NULL,
    error_class text NOT NULL,
    error_message text NOT NULL,
    attempts integer NOT NULL,
    parked_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (projection, event_id)
  )`;

export interface DeadLetter {
  readonly eventId: string;
  readonly position: Position;
  readonly streamId: string;
  readonly revision: number;
  readonly eventType: string;
  readonly errorClass: string;
  readonly errorMessage: string;
  readonly attempts: number;
  readonly parkedAt: string;
}

type Runner = Pick<DataSource | EntityManager, 'query'>;

/** SQLSTATE classes that say "this data cannot be stored": the same event fails the same way every time. */
const DATA_ERROR_CLASSES = new Set(['22', '23']);

/**
 * Whether a failure belongs to the event rather than to the moment: a fold that throws, or the database
 * refusing the rows. A lost connection, a deadlock or a full disk is waited out, never parked.
 */
export function isPoisonError(error: unknown): boolean {
  if (!(error instanceof Error)) return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return DATA_ERROR_CLASSES.has(code.slice(0, 2));
  if (typeof code === 'string' || 'errno' in error || 'syscall' in error) return false;
  return !/connection|terminat|timeout|ECONN|socket/i.test(error.message);
}

/**
 * What the operator is told: the error's kind and where, never the values it quoted (a database error
 * can echo the text of a confidential need).
 */
export function describeFailure(error: unknown): { errorClass: string; errorMessage: string } {
  if (!(error instanceof Error)) return { errorClass: typeof error, errorMessage: 'a non-Error value was thrown' };
  const pg = error as { code?: unknown; column?: unknown; table?: unknown; constraint?: unknown };
  if (typeof pg.code === 'string' && /^[0-9A-Z]{5}$/.test(pg.code)) {
    const where = [pg.table && `table ${String(pg.table)}`, pg.column && `column ${String(pg.column)}`, pg.constraint && `constraint ${String(pg.constraint)}`].filter(Boolean);
    return { errorClass: `${error.name} ${pg.code}`, errorMessage: where.length ? `SQLSTATE ${pg.code} at ${where.join(', ')}` : `SQLSTATE ${pg.code}` };
  }
  // Quoted parts of a message are values; what is left names the kind and the property.
  return {
    errorClass: error.name,
    errorMessage: error.message
      .replace(/"[^"]*"|'[^']*'/g, '"…"')
      .replace(/\s+/g, ' ')
      .slice(0, 300),
  };
}

export async function parkEvent(tx: EntityManager, schema: string, projection: string, event: RecordedEvent, error: unknown, attempts: number): Promise<void> {
  const { errorClass, errorMessage } = describeFailure(error);
  await tx.query(
    `INSERT INTO ${schema}.dead_letters (projection, event_id, position, stream_id, revision, event_type, error_class, error_message, attempts)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (projection, event_id) DO UPDATE SET attempts = EXCLUDED.attempts, error_class = EXCLUDED.error_class, error_message = EXCLUDED.error_message`,
    [projection, event.id, event.position, event.streamId, event.revision, event.type, errorClass, errorMessage, attempts],
  );
}

export async function readDeadLetters(db: Runner, schema: string, projection: string): Promise<DeadLetter[]> {
  const rows: Record<string, unknown>[] = await db.query(
    `SELECT event_id, position, stream_id, revision, event_type, error_class, error_message, attempts, parked_at
       FROM ${schema}.dead_letters WHERE projection = $1 ORDER BY parked_at, event_id`,
    [projection],
  );
  return rows.map((r) => ({
    eventId: String(r.event_id),
    position: r.position as Position,
    streamId: String(r.stream_id),
    revision: Number(r.revision),
    eventType: String(r.event_type),
    errorClass: String(r.error_class),
    errorMessage: String(r.error_message),
    attempts: Number(r.attempts),
    parkedAt: new Date(r.parked_at as string).toISOString(),
  }));
}

export async function parkedEventIds(db: Runner, schema: string, projection: string): Promise<Set<string>> {
  const rows: { event_id: string }[] = await db.query(`SELECT event_id FROM ${schema}.dead_letters WHERE projection = $1`, [projection]);
  return new Set(rows.map((r) => r.event_id));
}

/**
 * A page that fails this many times in a row is applied again event by event; an event that fails this
 * many times alone is parked.
 */
export const PARK_AFTER_ATTEMPTS = 3;
