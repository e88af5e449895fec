import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';

/** Every setting the product reads, checked at start: a bad value stops the app with a message naming it. */
export class Environment {
  @Transform(({ value }) => (value === undefined || value === '' ? 3000 : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** PostgreSQL for events and read models. Unset: the embedded database under DATA_DIR. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  /** Where the embedded database keeps its files. "memory" keeps nothing on disk. */
  @IsString()
  DATA_DIR = '.data';

  /** EventStoreDB for events (read models stay in PostgreSQL or the embedded database). */
  @IsOptional()
  @Matches(/^(esdb|kurrentdb|esdb\+discover|kurrentdb\+discover):\/\/\S+$/, {
    message: 'EVENTSTORE_CONNECTION_STRING must be an esdb:// (or kurrentdb://) connection string',
  })
  EVENTSTORE_CONNECTION_STRING?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Load the demo data set into an empty embedded database on start. */
  @IsIn(['true', 'false'])
  DEMO_DATA = 'true';

  /** "in-process" runs the projections inside the API; "off" leaves them to apps/projector. */
  @IsIn(['in-process', 'off'])
  PROJECTOR = 'in-process';

  /** How long a read that names a position (read-your-writes) may wait for the read models. */
  @Transform(({ value }) => (value === undefined || value === '' ? 5000 : Number(value)))
  @IsInt()
  @Min(0)
  @Max(60_000)
  READ_WAIT_MS = 5000;

  /** Prefix of the read-model schemas (rm_portfolio, rm_timeline): lets tests share a database. */
  @Matches(/^[a-z0-9_]*$/, { message: 'READ_MODEL_SCHEMA_PREFIX may hold only a-z, 0-9 and _' })
  READ_MODEL_SCHEMA_PREFIX = '';

  @Transform(({ value }) => (value === undefined || value === '' ? 1_048_576 : Number(value)))
  @IsInt()
  @Min(1024)
  BODY_LIMIT_BYTES = 1_048_576;
}

export class InvalidEnvironmentError extends Error {}

export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const known = Object.keys(new Environment());
  const picked = Object.fromEntries(
    Object.entries(raw).filter(([key, value]) => (known.includes(key) || key === 'DATABASE_URL' || key === 'EVENTSTORE_CONNECTION_STRING') && value !== ''),
  );
  const env = plainToInstance(Environment, picked, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: true });
  if (errors.length > 0) {
    const lines = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `  ${e.property}=${JSON.stringify(picked[e.property])}: ${m}`));
    throw new InvalidEnvironmentError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return env;
}
