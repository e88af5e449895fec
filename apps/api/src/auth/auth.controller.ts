import { Body, Controller, Get, HttpCode, NotFoundException, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { DemoSignIn } from './demo-sign-in';
import { Public, SignedIn } from './access-policy';
import { CurrentPrincipal } from './current-principal';
import type { Principal } from './principal';
import { TokenService } from './token-service';

export class DemoSignInDto {
  @ApiProperty({ example: 'sanne', description: 'A demo user name from GET /api/auth/demo-users' })
  @IsString()
  @Matches(/^[a-z]{2,32}$/, { message: '$property must be a demo user name (lower-case letters)' })
  user!: string;
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly tokens: TokenService,
    private readonly demo: DemoSignIn,
  ) {}

  @Get('me')
  @SignedIn()
  @ApiOperation({ summary: 'Who the token says you are: user, organisation, roles' })
  me(@CurrentPrincipal() principal: Principal) {
    return principal;
  }

  @Get('demo-users')
  @Public()
  @ApiOperation({ summary: 'The demo users (only where demo sign-in is on: the embedded default with demo data)' })
  demoUsers() {
    if (!this.demo.enabled) throw new NotFoundException({ code: 'route.not-found', message: 'Demo sign-in is off' });
    return { items: this.demo.users() };
  }

  @Post('demo-sign-in')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'A token for a demo user, without a password (only where demo sign-in is on)' })
  @ApiOkResponse({ description: '{ token, tokenType, expiresIn, user }' })
  async demoSignIn(@Body() dto: DemoSignInDto) {
    if (!this.demo.enabled) throw new NotFoundException({ code: 'route.not-found', message: 'Demo sign-in is off' });
    const user = this.demo.find(dto.user);
    const token = await this.tokens.sign({ userId: user.name, organisationId: user.organisationId, roles: user.roles });
    return { token, tokenType: 'Bearer', expiresIn: this.tokens.ttlSeconds, user };
  }
}
