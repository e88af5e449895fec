import { SetMetadata } from '@nestjs/common';
import type { UserRole } from '@ccb/domain';

/** Who may call an endpoint at all; which rows it answers with is the query's business (see Viewer). */
export type AccessPolicy = { readonly kind: 'public' } | { readonly kind: 'signed-in' } | { readonly kind: 'roles'; readonly roles: readonly UserRole[] };

export const ACCESS_POLICY = 'ccb:access-policy';

/** Anyone, signed in or not: the public registry, aggregate statistics, health. */
export const Public = () => SetMetadata(ACCESS_POLICY, { kind: 'public' } satisfies AccessPolicy);

/** Any verified user; the handler scopes what it answers to the user's organisation. */
export const SignedIn = () => SetMetadata(ACCESS_POLICY, { kind: 'signed-in' } satisfies AccessPolicy);

/** Users holding one of these roles. */
export const RolesAllowed = (...roles: UserRole[]) => SetMetadata(ACCESS_POLICY, { kind: 'roles', roles } satisfies AccessPolicy);
