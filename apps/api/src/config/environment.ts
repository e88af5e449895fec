import { InvalidEnvironmentError, validateSettings, type Environment } from '@ccb/runtime';

export { Environment, InvalidEnvironmentError } from '@ccb/runtime';

/** The shared settings, and the API's own rule: with a server database, tokens need a key from the environment. */
export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const env = validateSettings(raw);
  const keys = [env.JWT_SECRET, env.JWT_PUBLIC_KEY, env.JWT_JWKS_URI].filter((k) => k !== undefined).length;
  if (keys > 1) throw new InvalidEnvironmentError('Invalid configuration:\n  set only one of JWT_SECRET, JWT_PUBLIC_KEY, JWT_JWKS_URI');
  if (keys === 0 && env.DATABASE_URL !== undefined) {
    throw new InvalidEnvironmentError(
      'Invalid configuration:\n  with DATABASE_URL set, tokens need a key from the environment: JWT_SECRET (HS256), JWT_PUBLIC_KEY or JWT_JWKS_URI (RS256)',
    );
  }
  return env;
}
