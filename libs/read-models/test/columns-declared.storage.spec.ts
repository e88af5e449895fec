import { READ_MODEL_TABLES, type ColumnSet } from '../src/storage/columns';
import { openReadModelHarness, type ReadModelHarness } from '../src/testing/read-model-harness';

/**
 * The released schema steps and the column declarations describe the same tables: every column the steps
 * create is declared with its type and nullability, in order, and nothing declared is missing. A new figure is a
 * declaration plus a new step; this test fails until both agree.
 */
describe.each(['embedded', 'postgresql'] as const)('read-model columns on %s', (backend) => {
  let h: ReadModelHarness;
  beforeAll(async () => {
    h = await openReadModelHarness(backend);
  });
  afterAll(() => h?.close());

  it('every table has exactly its declared columns', async () => {
    for (const [model, tables] of Object.entries(READ_MODEL_TABLES)) {
      const schema = model === 'portfolio' ? h.models.portfolio.schema : h.models.timeline.schema;
      for (const [table, columns] of Object.entries(tables)) {
        const actual = await h.dataSource.query<{ column_name: string; udt_name: string; is_nullable: string }[]>(
          `SELECT column_name, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position`,
          [schema, table],
        );
        const declared = Object.entries(columns as ColumnSet).map(([name, column]) => `${name} ${column.sql}${column.nullable ? ' null' : ''}`);
        expect([table, actual.map((c) => `${c.column_name} ${c.udt_name}${c.is_nullable === 'YES' ? ' null' : ''}`)]).toEqual([table, declared]);
      }
    }
  });

  it('declares every table of the schemas (besides the checkpoint and parked events)', () => {
    expect(Object.keys(READ_MODEL_TABLES.portfolio).sort()).toEqual([...h.models.portfolio.tables].sort());
    expect(Object.keys(READ_MODEL_TABLES.timeline).sort()).toEqual([...h.models.timeline.tables].sort());
  });
});
