import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension, ApiForbiddenResponse, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { UserRole } from '@ccb/domain';

/** Who may call an endpoint at all; which rows it answers with is the query's business (see Viewer). */
export type AccessPolicy = { readonly kind: 'public' } | { readonly kind: 'signed-in' } | { readonly kind: 'roles'; readonly roles: readonly UserRole[] };

export const ACCESS_POLICY = 'ccb:access-policy';

/** The OpenAPI extension each operation carries its policy in; `declareSecurity` derives `security` from it. */
export const ACCESS_POLICY_EXTENSION = 'x-access-policy';

// The guard and the document read the same declaration, so the security the document states cannot drift from
// the security the server enforces. Every endpoint is rate-limited (ThrottlerGuard is global).
const policy = (declared: AccessPolicy) =>
  applyDecorators(
    SetMetadata(ACCESS_POLICY, declared),
    ApiExtension(ACCESS_POLICY_EXTENSION, declared),
    ApiTooManyRequestsResponse({ description: 'code rate.limited: too many requests from this address in the last minute' }),
    ...(declared.kind === 'public'
      ? []
      : [ApiUnauthorizedResponse({ description: 'code auth.required / auth.invalid-token / auth.token-expired / auth.unknown-organisation: no valid bearer token' })]),
    ...(declared.kind === 'roles' ? [ApiForbiddenResponse({ description: `code access.role: only ${declared.roles.join(' or ')} may call this` })] : []),
  );

/** Anyone, signed in or not: the public registry, aggregate statistics, health. */
export const Public = () => policy({ kind: 'public' });

/** Any verified user; the handler scopes what it answers to the user's organisation. */
export const SignedIn = () => policy({ kind: 'signed-in' });

/** Users holding one of these roles. */
export const RolesAllowed = (...roles: UserRole[]) => policy({ kind: 'roles', roles });
