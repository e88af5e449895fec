import { stringify } from 'csv-stringify/sync';
import type { RecordedEvent } from '../types';

/** One exported event: enough to recompute its link offline (see docs/events.md, "Tamper evidence"). */
export interface ExportedEvent {
  readonly streamId: string;
  readonly revision: number;
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: Record<string, unknown>;
  readonly metadata: RecordedEvent['metadata'];
  readonly position: string;
  readonly created: string;
}

export function exportedEvent(e: RecordedEvent): ExportedEvent {
  return {
    streamId: e.streamId,
    revision: e.revision,
    id: e.id,
    type: e.type,
    schemaVersion: e.schemaVersion,
    data: e.data,
    metadata: e.metadata,
    position: e.position,
    created: e.created,
  };
}

export function toJsonLines(events: readonly RecordedEvent[]): string {
  return events.map((e) => `${JSON.stringify(exportedEvent(e))}\n`).join('');
}

/** Reads an export back into events a verifier can check (positions are kept as text). */
export function fromJsonLines(text: string): RecordedEvent[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const e = JSON.parse(line) as ExportedEvent;
      if (typeof e.streamId !== 'string' || typeof e.revision !== 'number' || typeof e.id !== 'string') throw new Error(`line ${i + 1} is not an exported event`);
      return { ...e, position: e.position as RecordedEvent['position'] };
    });
}

const CSV_COLUMNS = [
  'revision',
  'event_id',
  'type',
  'schema_version',
  'recorded_at',
  'actor',
  'organisation',
  'reason',
  'correlation_id',
  'causation_id',
  'previous_hash',
  'hash',
  'data',
  'metadata',
] as const;

/** A cell as the spreadsheet shows it: text as is, structured values as JSON, nothing for null. */
const cellOf = (value: unknown): string => (value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));

/** The same history for a spreadsheet: one row per event, data and metadata as JSON cells. */
export function toCsv(events: readonly RecordedEvent[]): string {
  const rows = events.map((e) =>
    [
      e.revision,
      e.id,
      e.type,
      e.schemaVersion,
      e.metadata.recordedAt,
      e.metadata.actor,
      e.metadata.organisation,
      e.metadata.reason,
      e.metadata.correlationId,
      e.metadata.causationId,
      e.metadata.previousHash,
      e.metadata.hash,
      e.data,
      e.metadata,
    ].map(cellOf),
  );
  return stringify(rows, { header: true, columns: [...CSV_COLUMNS], record_delimiter: 'windows' });
}
