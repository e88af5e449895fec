import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { verify as verifyJwt } from 'jsonwebtoken';
import { createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import { JwksClient } from 'jwks-rsa';
import { USER_ROLES, type UserRole } from '@ccb/domain';
import type { Environment } from '../config/environment';
import { AuthenticationError } from './auth-errors';
import { KnownOrganisations } from './known-organisations';
import type { Principal } from './principal';
import { tokenKeys, type TokenKeys } from './token-keys';
import { signingSettings, signToken, type SigningSettings } from './token-signing';

const ID = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/;

/** Verifies bearer tokens into principals, and signs tokens when the key is a shared secret. */
@Injectable()
export class TokenService {
  readonly keys: TokenKeys;
  private readonly jwks?: JwksClient;
  private readonly signing: SigningSettings;
  private readonly organisationClaim: string;
  private readonly rolesClaim: string;
  private readonly issuer?: string;
  private readonly audience?: string;
  /**
   * Key objects built once: handed a string, jsonwebtoken tries to parse it as a public key on every call
   * (and fails, for a secret) before using it, which cost more than the rest of a request's authentication.
   */
  private readonly secretKey?: KeyObject;
  private readonly publicKeys = new Map<string, KeyObject>();

  constructor(
    config: ConfigService<Environment, true>,
    private readonly jwt: JwtService,
    private readonly organisations: KnownOrganisations,
  ) {
    this.keys = tokenKeys({
      JWT_SECRET: config.get('JWT_SECRET', { infer: true }),
      JWT_PUBLIC_KEY: config.get('JWT_PUBLIC_KEY', { infer: true }),
      JWT_JWKS_URI: config.get('JWT_JWKS_URI', { infer: true }),
      DATA_DIR: config.get('DATA_DIR', { infer: true }),
    });
    if (this.keys.kind === 'secret') this.secretKey = createSecretKey(Buffer.from(this.keys.secret));
    if (this.keys.kind === 'jwks') this.jwks = new JwksClient({ jwksUri: this.keys.jwksUri, cache: true, rateLimit: true });
    this.signing = signingSettings({
      JWT_ORGANISATION_CLAIM: config.get('JWT_ORGANISATION_CLAIM', { infer: true }),
      JWT_ROLES_CLAIM: config.get('JWT_ROLES_CLAIM', { infer: true }),
      TOKEN_TTL_SECONDS: config.get('TOKEN_TTL_SECONDS', { infer: true }),
      JWT_ISSUER: config.get('JWT_ISSUER', { infer: true }),
      JWT_AUDIENCE: config.get('JWT_AUDIENCE', { infer: true }),
    });
    ({ organisationClaim: this.organisationClaim, rolesClaim: this.rolesClaim, issuer: this.issuer, audience: this.audience } = this.signing);
  }

  get canSign(): boolean {
    return this.keys.kind === 'secret';
  }

  async verify(token: string): Promise<Principal> {
    let claims: Record<string, unknown>;
    try {
      const key = this.keys.kind === 'secret' ? this.secretKey! : this.publicKeyObject(await this.publicKeyFor(token));
      const decoded = verifyJwt(token, key, {
        // Pinned: a token cannot pick its own algorithm (`none`, or HS256 keyed with our public key).
        algorithms: [this.keys.algorithm],
        ...(this.issuer ? { issuer: this.issuer } : {}),
        ...(this.audience ? { audience: this.audience } : {}),
      });
      if (typeof decoded === 'string') throw new AuthenticationError('auth.invalid-token', 'The bearer token is not valid: its payload is not claims');
      claims = decoded;
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      if ((error as Error).name === 'TokenExpiredError') throw new AuthenticationError('auth.token-expired', 'The token has expired: sign in again');
      throw new AuthenticationError('auth.invalid-token', 'The bearer token is not valid');
    }
    const principal = this.principalFrom(claims);
    // An administrator-only principal is the operator: it registers organisations, its own among them first.
    const operator = principal.roles.every((r) => r === 'admin');
    if (!operator && !(await this.organisations.exists(principal.organisationId))) {
      throw new AuthenticationError('auth.unknown-organisation', 'The token names an organisation that is not registered');
    }
    return principal;
  }

  get ttlSeconds(): number {
    return this.signing.ttlSeconds;
  }

  async sign(principal: Principal): Promise<string> {
    if (this.keys.kind !== 'secret') throw new Error('tokens are issued by the identity provider when keys are public keys');
    return signToken(this.jwt, this.keys.secret, this.signing, principal);
  }

  private principalFrom(claims: Record<string, unknown>): Principal {
    const invalid = (why: string) => new AuthenticationError('auth.invalid-token', `The bearer token is not valid: ${why}`);
    if (typeof claims.exp !== 'number') throw invalid('it has no expiry');
    const userId = claims.sub;
    const organisationId = claims[this.organisationClaim];
    const roles = claims[this.rolesClaim];
    if (typeof userId !== 'string' || !ID.test(userId)) throw invalid('no subject');
    if (typeof organisationId !== 'string' || !ID.test(organisationId)) throw invalid(`no organisation claim "${this.organisationClaim}"`);
    if (!Array.isArray(roles)) throw invalid(`no roles claim "${this.rolesClaim}"`);
    const known = roles.filter((r): r is UserRole => (USER_ROLES as readonly unknown[]).includes(r));
    if (known.length === 0) throw invalid(`no known role (${USER_ROLES.join(', ')})`);
    return { userId, organisationId, roles: [...new Set(known)] };
  }

  private publicKeyObject(pem: string): KeyObject {
    let key = this.publicKeys.get(pem);
    if (!key) {
      key = createPublicKey(pem);
      // Identity providers rotate a handful of keys: anything more is a stale cache, started again.
      if (this.publicKeys.size >= 16) this.publicKeys.clear();
      this.publicKeys.set(pem, key);
    }
    return key;
  }

  private async publicKeyFor(token: string): Promise<string> {
    if (this.keys.kind === 'public-key') return this.keys.publicKey;
    const header = (this.jwt.decode<{ header?: { kid?: string } } | null>(token, { complete: true }) ?? {}).header;
    try {
      return (await this.jwks!.getSigningKey(header?.kid)).getPublicKey();
    } catch {
      throw new AuthenticationError('auth.invalid-token', 'The bearer token is not valid: no signing key for it');
    }
  }
}
