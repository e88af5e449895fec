import type { EntityManager } from 'typeorm';

// PostgreSQL's protocol caps one statement at 65,535 parameters.
const MAX_PARAMETERS = 60_000;

type Row = object;

/**
 * Idempotent bulk writes: an upsert on the primary key, so applying the same batch twice leaves the
 * same rows. One statement per chunk, not per row.
 */
export async function upsertRows(tx: EntityManager, table: string, rows: readonly Row[], key: readonly string[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const updatable = columns.filter((c) => !key.includes(c));
  const chunk = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  for (let start = 0; start < rows.length; start += chunk) {
    const builder = tx
      .createQueryBuilder()
      .insert()
      .into(table, columns)
      .values(rows.slice(start, start + chunk) as Record<string, unknown>[]);
    if (updatable.length > 0) builder.orUpdate(updatable, [...key]);
    else builder.orIgnore();
    await builder.execute();
  }
}

/** Insert-only rows (an append-only log): a row already there is left as it is. */
export async function insertRowsIgnoringDuplicates(tx: EntityManager, table: string, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const chunk = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  for (let start = 0; start < rows.length; start += chunk) {
    await tx
      .createQueryBuilder()
      .insert()
      .into(table, columns)
      .values(rows.slice(start, start + chunk) as Record<string, unknown>[])
      .orIgnore()
      .execute();
  }
}
