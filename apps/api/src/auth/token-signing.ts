import type { JwtService } from '@nestjs/jwt';
import type { Principal } from './principal';

export interface SigningSettings {
  readonly organisationClaim: string;
  readonly rolesClaim: string;
  readonly ttlSeconds: number;
  readonly issuer?: string;
  readonly audience?: string;
}

/** The one shape of token this product signs (demo sign-in and `npm run token`), HS256 with the shared secret. */
export function signToken(jwt: JwtService, secret: string, settings: SigningSettings, principal: Principal): Promise<string> {
  return jwt.signAsync(
    { [settings.organisationClaim]: principal.organisationId, [settings.rolesClaim]: principal.roles },
    {
      secret,
      algorithm: 'HS256',
      subject: principal.userId,
      expiresIn: settings.ttlSeconds,
      ...(settings.issuer ? { issuer: settings.issuer } : {}),
      ...(settings.audience ? { audience: settings.audience } : {}),
    },
  );
}

export function signingSettings(env: {
  JWT_ORGANISATION_CLAIM: string;
  JWT_ROLES_CLAIM: string;
  TOKEN_TTL_SECONDS: number;
  JWT_ISSUER?: string;
  JWT_AUDIENCE?: string;
}): SigningSettings {
  return {
    organisationClaim: env.JWT_ORGANISATION_CLAIM,
    rolesClaim: env.JWT_ROLES_CLAIM,
    ttlSeconds: env.TOKEN_TTL_SECONDS,
    issuer: env.JWT_ISSUER,
    audience: env.JWT_AUDIENCE,
  };
}
