import { DataSource, type DataSourceOptions } from 'typeorm';
import { READ_MODEL_MIGRATIONS_TABLE, readModelMigrations } from './read-model-migrations';
import { readModelsOf, type ReadModelSet } from './read-model-schemas';

/**
 * TypeORM over the process's one pool (`driver` is a pg module whose Pool hands out that pool), with
 * the read-model migrations; `synchronize` stays off.
 */
export function readModelDataSourceOptions(driver: unknown, models: ReadModelSet): DataSourceOptions {
  return {
    type: 'postgres',
    driver,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: READ_MODEL_MIGRATIONS_TABLE,
    migrations: readModelMigrations(readModelsOf(models)),
    logging: false,
  };
}

/**
 * Initialises TypeORM and runs the read-model migrations. On a shared PostgreSQL several processes
 * may start at once (API, projector), so the migrations run under an advisory lock; the embedded
 * database has one process and one connection, which the lock would hold.
 */
export async function initialiseReadModels(dataSource: DataSource, options: { shared: boolean }): Promise<DataSource> {
  if (!dataSource.isInitialized) await dataSource.initialize();
  if (!options.shared) {
    await dataSource.runMigrations({ transaction: 'each' });
    return dataSource;
  }
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', ['read-model-migrations']);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', ['read-model-migrations']).catch(() => undefined);
    await runner.release();
  }
  return dataSource;
}

export async function openReadModelDataSource(driver: unknown, models: ReadModelSet, options: { shared: boolean }): Promise<DataSource> {
  return initialiseReadModels(new DataSource(readModelDataSourceOptions(driver, models)), options);
}
