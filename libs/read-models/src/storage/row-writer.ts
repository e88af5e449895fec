import type { EntityManager } from 'typeorm';

type Row = object;

// Large batches go in slices, so one statement's JSON stays a few megabytes.
const ROWS_PER_STATEMENT = 5000;

/**
 * Idempotent bulk writes: an upsert on the primary key, so applying the same batch twice leaves the
 * same rows. The rows travel as one JSON parameter that PostgreSQL turns into the table's own row
 * type (json_populate_recordset), so arrays, timestamps and bigints keep their column types, and a
 * batch of thousands of rows is one statement instead of thousands of parameters.
 */
export async function upsertRows(tx: EntityManager, table: string, rows: readonly Row[], key: readonly string[]): Promise<void> {
  if (rows.length === 0) return;
  const updatable = Object.keys(rows[0]).filter((c) => !key.includes(c));
  const conflict =
    key.length && updatable.length ? `ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${updatable.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}` : 'ON CONFLICT DO NOTHING';
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    await tx.query(`INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1::json) ${conflict}`, [
      JSON.stringify(rows.slice(start, start + ROWS_PER_STATEMENT)),
    ]);
  }
}

/** Insert-only rows (an append-only log): a row already there is left as it is. */
export async function insertRowsIgnoringDuplicates(tx: EntityManager, table: string, rows: readonly Row[]): Promise<void> {
  await upsertRows(tx, table, rows, []);
}
