import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccessDeniedError, AuthenticationError } from './auth-errors';
import { ACCESS_POLICY, type AccessPolicy } from './access-policy';
import type { AuthenticatedRequest } from './principal';
import { TokenService } from './token-service';

/**
 * Runs before every endpoint. A bearer token, when sent, is verified even on public endpoints (a bad
 * token is an error, not anonymity). An endpoint without a declared policy answers to no one.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('AuthGuard');

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    req.timings?.lap('receive');
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [context.getHandler(), context.getClass()]);

    const authorization = req.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer ([A-Za-z0-9_.~+/=-]+)$/.exec(authorization.trim());
      if (!match) throw new AuthenticationError('auth.invalid-token', 'Send the token as "Authorization: Bearer <token>"');
      req.principal = await this.tokens.verify(match[1]);
    }

    if (!policy) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} declares no access policy: refused`);
      throw new AccessDeniedError('access.undeclared', 'This endpoint is not open to anyone');
    }
    if (policy.kind === 'public') {
      req.timings?.lap('auth');
      return true;
    }
    const principal = req.principal;
    if (!principal) throw new AuthenticationError('auth.required', 'Sign in: send "Authorization: Bearer <token>"');
    if (policy.kind === 'roles' && !policy.roles.some((r) => principal.roles.includes(r))) {
      throw new AccessDeniedError('access.role', `This needs the role ${policy.roles.join(' or ')}`);
    }
    req.timings?.lap('auth');
    return true;
  }
}
