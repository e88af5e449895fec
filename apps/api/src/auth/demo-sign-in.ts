import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Database } from '@ccb/runtime';
import type { Environment } from '../config/environment';
import { DATABASE } from '../database/database.module';
import { InvalidInputError } from '../common/invalid-input';
import { DEMO_USERS, demoUser, type DemoUser } from './demo-users';
import { TokenService } from './token-service';

/**
 * Password-less sign-in as a demo user: what makes the embedded default usable in one command. It is
 * on only where the demo data is (embedded, DEMO_DATA) and this product signs its own tokens, unless
 * DEMO_SIGN_IN says otherwise; a deployment on PostgreSQL or with an identity provider never has it by default.
 */
@Injectable()
export class DemoSignIn {
  readonly enabled: boolean;

  constructor(config: ConfigService<Environment, true>, @Inject(DATABASE) database: Database, tokens: TokenService) {
    const setting = config.get('DEMO_SIGN_IN', { infer: true });
    const auto = database.kind === 'embedded' && config.get('DEMO_DATA', { infer: true }) === 'true';
    this.enabled = tokens.canSign && (setting === 'true' || (setting === 'auto' && auto));
  }

  users(): readonly DemoUser[] {
    return DEMO_USERS;
  }

  find(name: string): DemoUser {
    const user = demoUser(name);
    if (!user) throw new InvalidInputError([{ field: 'user', reason: `no demo user "${name}"; one of: ${DEMO_USERS.map((u) => u.name).join(', ')}` }]);
    return user;
  }
}
