import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Viewer } from '@ccb/read-models';
import { AuthenticationError } from './auth-errors';
import type { AuthenticatedRequest, Principal } from './principal';

function principalOf(ctx: ExecutionContext): Principal | undefined {
  return ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
}

/** The verified caller, or null on a public endpoint called anonymously. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal | null => principalOf(ctx) ?? null);

/** Whose partnerships a query may answer with: an administrator's are all, anyone else's are its organisation's. */
export function viewerOf(principal: Principal): Viewer {
  return principal.roles.includes('admin') ? { sees: 'all' } : { sees: 'parties-of', organisationId: principal.organisationId };
}

/** The caller as a Viewer; endpoints that take one are never public, so its absence is a 401. */
export const CurrentViewer = createParamDecorator((_: unknown, ctx: ExecutionContext): Viewer => {
  const principal = principalOf(ctx);
  if (!principal) throw new AuthenticationError('auth.required', 'Sign in: send "Authorization: Bearer <token>"');
  return viewerOf(principal);
});

/** For a public endpoint whose answer, in some forms, singles partnerships out: those forms need a signed-in caller. */
export function signedInViewer(principal: Principal | null): Viewer {
  if (!principal) throw new AuthenticationError('auth.required', 'Sign in to see figures per partnership: send "Authorization: Bearer <token>"');
  return viewerOf(principal);
}
