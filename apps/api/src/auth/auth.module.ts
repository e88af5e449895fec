import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { DemoSignIn } from './demo-sign-in';
import { KnownOrganisations } from './known-organisations';
import { TokenService } from './token-service';

/** Bearer tokens in, principals out; every endpoint behind the guard. */
@Global()
@Module({
  imports: [JwtModule.register({})],
  controllers: [AuthController],
  // The throttler first: a flood of forged tokens is throttled before any is verified.
  providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }, KnownOrganisations, TokenService, DemoSignIn, AuthGuard, { provide: APP_GUARD, useExisting: AuthGuard }],
  exports: [TokenService],
})
export class AuthModule {}
