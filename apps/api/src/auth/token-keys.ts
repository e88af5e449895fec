import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** How tokens are verified (and, with a shared secret, signed). */
export type TokenKeys =
  | { readonly kind: 'secret'; readonly algorithm: 'HS256'; readonly secret: string; readonly source: 'environment' | 'generated' }
  | { readonly kind: 'public-key'; readonly algorithm: 'RS256'; readonly publicKey: string }
  | { readonly kind: 'jwks'; readonly algorithm: 'RS256'; readonly jwksUri: string };

export interface KeySettings {
  readonly JWT_SECRET?: string;
  readonly JWT_PUBLIC_KEY?: string;
  readonly JWT_JWKS_URI?: string;
  readonly DATA_DIR: string;
}

const SECRET_FILE = 'jwt-secret';

/**
 * Keys come from the environment. Only the embedded default, which must run with nothing configured,
 * generates a random secret once and keeps it beside its data, so `npm run token` signs what the API accepts.
 */
export function tokenKeys(settings: KeySettings): TokenKeys {
  if (settings.JWT_PUBLIC_KEY) return { kind: 'public-key', algorithm: 'RS256', publicKey: settings.JWT_PUBLIC_KEY.replace(/\\n/g, '\n') };
  if (settings.JWT_JWKS_URI) return { kind: 'jwks', algorithm: 'RS256', jwksUri: settings.JWT_JWKS_URI };
  if (settings.JWT_SECRET) return { kind: 'secret', algorithm: 'HS256', secret: settings.JWT_SECRET, source: 'environment' };
  return { kind: 'secret', algorithm: 'HS256', secret: generatedSecret(settings.DATA_DIR), source: 'generated' };
}

function generatedSecret(dataDir: string): string {
  if (dataDir === 'memory') return randomBytes(32).toString('base64url');
  const file = join(dataDir, SECRET_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return secret;
}
