import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
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
  providers: [KnownOrganisations, TokenService, DemoSignIn, AuthGuard, { provide: APP_GUARD, useExisting: AuthGuard }],
  exports: [TokenService],
})
export class AuthModule {}
