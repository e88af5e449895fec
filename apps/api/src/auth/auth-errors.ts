import { ForbiddenException, UnauthorizedException } from '@nestjs/common';

/** Stable codes a client can act on: sign in (again), or stop asking. */
export type AuthenticationCode = 'auth.required' | 'auth.invalid-token' | 'auth.token-expired' | 'auth.unknown-organisation';

export class AuthenticationError extends UnauthorizedException {
  constructor(code: AuthenticationCode, message: string) {
    super({ code, message });
  }
}

export class AccessDeniedError extends ForbiddenException {
  constructor(code: 'access.role' | 'access.undeclared', message: string) {
    super({ code, message });
  }
}
