import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import type { RuntimeSettings } from './read-model-runtime';

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

  /**
   * HS256 key for bearer tokens. Unset on the embedded default: a random key is generated once and
   * kept in DATA_DIR. Required (or JWT_PUBLIC_KEY / JWT_JWKS_URI) when DATABASE_URL is set.
   */
  @IsOptional()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  /** RS256 public key (PEM) of the issuer that signs tokens; replaces JWT_SECRET. */
  @IsOptional()
  @Matches(/-----BEGIN (RSA )?PUBLIC KEY-----/, { message: 'JWT_PUBLIC_KEY must be a PEM public key' })
  JWT_PUBLIC_KEY?: string;

  /** An OpenID Connect issuer's JWKS (RS256 keys picked by kid); replaces JWT_SECRET. */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'JWT_JWKS_URI must be an http(s) URL' })
  JWT_JWKS_URI?: string;

  @IsOptional()
  @IsString()
  JWT_ISSUER?: string;

  @IsOptional()
  @IsString()
  JWT_AUDIENCE?: string;

  /** The claims that carry the organisation and the roles (an identity provider may name them otherwise). */
  @Matches(/^[A-Za-z0-9_:./-]+$/)
  JWT_ORGANISATION_CLAIM = 'org';

  @Matches(/^[A-Za-z0-9_:./-]+$/)
  JWT_ROLES_CLAIM = 'roles';

  /** Lifetime of the tokens this product signs itself (demo sign-in, `npm run token`), in seconds. */
  @Transform(({ value }) => (value === undefined || value === '' ? 28_800 : Number(value)))
  @IsInt()
  @Min(60)
  @Max(604_800)
  TOKEN_TTL_SECONDS = 28_800;

  /** Sign in as a demo user without a password. "auto": only on the embedded default with demo data. */
  @IsIn(['auto', 'true', 'false'])
  DEMO_SIGN_IN = 'auto';

  /** Origins allowed to call the API from a browser, comma-separated; unset allows same-origin only. */
  @IsOptional()
  @Matches(/^(\*|https?:\/\/[^,\s]+(,https?:\/\/[^,\s]+)*)$/, { message: 'CORS_ORIGINS must be * or comma-separated http(s) origins' })
  CORS_ORIGINS?: string;

  /** The built dashboard (`npm run build:dashboard`), served at `/`; relative paths start from the working directory. */
  @IsString()
  DASHBOARD_DIR = 'dist/dashboard';

  /** Events per projection transaction in the projector (and the API's in-process projections). */
  @Transform(({ value }) => (value === undefined || value === '' ? 1000 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(100_000)
  PROJECTOR_BATCH_SIZE = 1000;

  /**
   * Events per transaction of `npm run projections:rebuild`. A partnership's rows are written once per batch it has
   * events in, so larger batches write each row fewer times: 100,000 events over 1,000 partnerships rebuilt the
   * portfolio in 6.4 s at 5,000 and 4.4 s at 20,000 (this machine).
   */
  @Transform(({ value }) => (value === undefined || value === '' ? 20_000 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(100_000)
  REBUILD_BATCH_SIZE = 20_000;

  /** Requests per minute per client address; 0 turns rate limiting off. */
  @Transform(({ value }) => (value === undefined || value === '' ? 1200 : Number(value)))
  @IsInt()
  @Min(0)
  RATE_LIMIT_PER_MINUTE = 1200;
}

export class InvalidEnvironmentError extends Error {}

/** Settings without a default, so `new Environment()` does not list them. */
const OPTIONAL_SETTINGS = ['DATABASE_URL', 'EVENTSTORE_CONNECTION_STRING', 'JWT_SECRET', 'JWT_PUBLIC_KEY', 'JWT_JWKS_URI', 'JWT_ISSUER', 'JWT_AUDIENCE', 'CORS_ORIGINS'];

/** Checks every setting any process reads (the API adds its own rule on token keys). */
export function validateSettings(raw: Record<string, unknown>): Environment {
  const known = Object.keys(new Environment());
  const picked = Object.fromEntries(Object.entries(raw).filter(([key, value]) => (known.includes(key) || OPTIONAL_SETTINGS.includes(key)) && value !== ''));
  const env = plainToInstance(Environment, picked, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: true });
  if (errors.length > 0) {
    const lines = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `  ${e.property}=${JSON.stringify(picked[e.property])}: ${m}`));
    throw new InvalidEnvironmentError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return env;
}

/** The one place a process reads its environment: the API, the projector, rebuild, retry, replay and the benchmarks. */
export function loadSettings(raw: Record<string, unknown> = process.env): Environment {
  return validateSettings(raw);
}

/** Where a process's data lives, as the runtime opens it. */
export function runtimeSettings(env: Environment): RuntimeSettings {
  return {
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    eventStoreConnectionString: env.EVENTSTORE_CONNECTION_STRING,
    readModelSchemaPrefix: env.READ_MODEL_SCHEMA_PREFIX,
  };
}
