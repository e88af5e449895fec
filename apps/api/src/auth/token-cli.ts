import 'reflect-metadata';
import { JwtService } from '@nestjs/jwt';
import { validateEnvironment } from '../config/environment';
import { DEMO_USERS, demoUser } from './demo-users';
import { tokenKeys } from './token-keys';
import { signingSettings, signToken } from './token-signing';

/**
 * `npm run token -- --user NAME` prints a bearer token for a demo user, signed with the key the API
 * uses (JWT_SECRET, or the one the embedded default generated in DATA_DIR). Only the token goes to
 * stdout, so `TOKEN=$(npm run -s token -- --user ama)` works.
 */
async function main(argv: string[]): Promise<number> {
  const flag = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const list = DEMO_USERS.map((u) => `  ${u.name.padEnd(8)} ${u.roles.join(',').padEnd(20)} ${u.organisationId.padEnd(26)} ${u.task}`).join('\n');
  const name = flag('user');
  if (argv.includes('--list') || name === undefined) {
    process.stderr.write(`usage: npm run token -- --user NAME\n\ndemo users:\n${list}\n`);
    return name === undefined && !argv.includes('--list') ? 2 : 0;
  }
  const user = demoUser(name);
  if (!user) {
    process.stderr.write(`no demo user "${name}"; one of:\n${list}\n`);
    return 2;
  }
  const env = validateEnvironment(process.env);
  const keys = tokenKeys(env);
  if (keys.kind !== 'secret') {
    process.stderr.write('tokens come from your identity provider when JWT_PUBLIC_KEY or JWT_JWKS_URI is set\n');
    return 2;
  }
  const token = await signToken(new JwtService({}), keys.secret, signingSettings(env), { userId: user.name, organisationId: user.organisationId, roles: user.roles });
  process.stdout.write(`${token}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
