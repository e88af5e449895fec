import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { ReadModelSchema } from './read-model-schemas';

/** Where TypeORM records the read-model migrations it ran (in `public`, so a schema swap keeps it). */
export const READ_MODEL_MIGRATIONS_TABLE = 'read_model_migrations';

/** The DDL of every step, for a schema that starts empty (the live one, or a rebuild's `__next`). */
export function readModelDdl(model: ReadModelSchema, schema: string): string[] {
  return [`CREATE SCHEMA IF NOT EXISTS ${schema}`, ...model.steps.flatMap((step) => step(schema))];
}

/**
 * TypeORM migrations, one per step of each read model, named with a fixed timestamp so their order
 * never depends on the clock.
 */
export function readModelMigrations(models: readonly ReadModelSchema[]): (new () => MigrationInterface)[] {
  return models.flatMap((model, modelIndex) =>
    model.steps.map((step, stepIndex) => {
      const timestamp = 1_760_000_000_000 + modelIndex * 1000 + stepIndex;
      const name = `ReadModel${model.projection[0].toUpperCase()}${model.projection.slice(1)}Step${stepIndex + 1}${timestamp}`;
      return class implements MigrationInterface {
        readonly name = name;
        async up(runner: QueryRunner): Promise<void> {
          if (stepIndex === 0) await runner.query(`CREATE SCHEMA IF NOT EXISTS ${model.schema}`);
          for (const statement of step(model.schema)) await runner.query(statement);
          if (stepIndex === 0) {
            await runner.query(`INSERT INTO ${model.schema}.projection_checkpoint (projection, position) VALUES ($1, $2)`, [model.projection, START]);
          }
        }
        async down(runner: QueryRunner): Promise<void> {
          if (stepIndex === 0) await runner.query(`DROP SCHEMA IF EXISTS ${model.schema} CASCADE`);
        }
      };
    }),
  );
}

/** The checkpoint of a projection that has processed nothing: before every position. */
export const START = 'start';
