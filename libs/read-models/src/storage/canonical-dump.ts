import type { DataSource } from 'typeorm';
import type { ReadModelSchema } from './read-model-schemas';

/**
 * A canonical dump of one read model: every table's rows as JSON, sorted, so two builds compare
 * row for row (the checkpoint is left out: it records when, not what).
 */
export async function dumpReadModel(dataSource: DataSource, model: ReadModelSchema, schema = model.schema): Promise<Record<string, string[]>> {
  const dump: Record<string, string[]> = {};
  for (const table of model.tables) {
    const rows: { row: string }[] = await dataSource.query(`SELECT row_to_json(t)::text AS row FROM ${schema}.${table} t ORDER BY 1`);
    dump[table] = rows.map((r) => r.row);
  }
  return dump;
}
