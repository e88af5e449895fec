import { generateKeyPairSync } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { validateEnvironment, InvalidEnvironmentError } from '../apps/api/src/config/environment';
import { ADMIN_ORG, registerOrganisations, tokenFor } from './support/http';
import { HTTP_EDGE, startTestApp, type TestApp } from './support/test-app';

const ORG = 'org-auth-ngo';
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe.each(HTTP_EDGE)('bearer tokens on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
    await registerOrganisations(t.app, [ORG]);
  });
  afterAll(() => t?.close());

  const me = (authorization?: string) => {
    const req = request(t.app.getHttpServer()).get('/api/auth/me');
    return authorization === undefined ? req : req.set('Authorization', authorization);
  };

  it('accepts a valid token and says who it names', async () => {
    const res = await me(`Bearer ${tokenFor(ORG, ['implementer'], { userId: 'lukas' })}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ userId: 'lukas', organisationId: ORG, roles: ['implementer'] });
  });

  it.each([
    ['no token', undefined, 'auth.required'],
    ['another scheme', 'Basic dXNlcjpwYXNz', 'auth.invalid-token'],
    ['an expired token', `Bearer ${tokenFor(ORG, ['donor'], { expiresIn: -10 })}`, 'auth.token-expired'],
    ['a wrong signature', `Bearer ${tokenFor(ORG, ['donor'], { secret: 'another-secret-of-at-least-32-characters!' })}`, 'auth.invalid-token'],
    ['alg none', `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'u', org: ORG, roles: ['admin'], exp: Math.floor(Date.now() / 1000) + 600 })}.`, 'auth.invalid-token'],
    ['an unknown organisation', `Bearer ${tokenFor('org-never-registered', ['donor'])}`, 'auth.unknown-organisation'],
    ['no known role', `Bearer ${tokenFor(ORG, ['superuser' as never])}`, 'auth.invalid-token'],
    ['garbage', 'Bearer not.a.jwt', 'auth.invalid-token'],
  ])('answers 401 with a stable code for %s', async (_name, authorization, code) => {
    const res = await me(authorization);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe(code);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(res.text).not.toMatch(/stack|at [A-Za-z]+ \(/);
  });

  it('refuses a token without expiry, and a bad token even on a public endpoint', async () => {
    const forever = new JwtService({}).sign({ org: ORG, roles: ['donor'] }, { secret: 'test-secret-for-e2e-tests-only-0123456789abcdef', subject: 'u' });
    expect((await me(`Bearer ${forever}`)).body.code).toBe('auth.invalid-token');
    const registry = await request(t.app.getHttpServer()).get('/api/registry').set('Authorization', 'Bearer not.a.jwt');
    expect(registry.status).toBe(401);
    expect((await request(t.app.getHttpServer()).get('/api/registry')).status).toBe(200);
  });

  it('sends security headers and no framework banner', async () => {
    const res = await request(t.app.getHttpServer()).get('/api/registry');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('deployment settings', () => {
  it('verifies RS256 tokens with a configured public key, and refuses an HS256 token keyed with that public key', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const t = await startTestApp('embedded', {
      JWT_SECRET: '',
      JWT_PUBLIC_KEY: pem,
      JWT_ISSUER: 'https://id.example.org',
      CORS_ORIGINS: 'https://dashboard.example.org',
      RATE_LIMIT_PER_MINUTE: '5',
    });
    try {
      const jwt = new JwtService({});
      const exp = { expiresIn: 600, subject: 'ops' };
      const good = jwt.sign(
        { org: ADMIN_ORG, roles: ['admin'] },
        { ...exp, privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), algorithm: 'RS256', issuer: 'https://id.example.org' },
      );
      const confused = jwt.sign({ org: ADMIN_ORG, roles: ['admin'] }, { ...exp, secret: pem, algorithm: 'HS256', issuer: 'https://id.example.org' });
      const wrongIssuer = jwt.sign(
        { org: ADMIN_ORG, roles: ['admin'] },
        { ...exp, privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), algorithm: 'RS256', issuer: 'https://evil.example.org' },
      );
      const server = t.app.getHttpServer();
      expect((await request(server).get('/api/auth/me').set('Authorization', `Bearer ${good}`)).status).toBe(200);
      expect((await request(server).get('/api/auth/me').set('Authorization', `Bearer ${confused}`)).body.code).toBe('auth.invalid-token');
      expect((await request(server).get('/api/auth/me').set('Authorization', `Bearer ${wrongIssuer}`)).body.code).toBe('auth.invalid-token');

      const preflight = await request(server).options('/api/registry').set({ Origin: 'https://dashboard.example.org', 'Access-Control-Request-Method': 'GET' });
      expect(preflight.headers['access-control-allow-origin']).toBe('https://dashboard.example.org');

      // Five per minute per client and endpoint: the sixth is throttled, with a stable code, before any token check.
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await request(server).get('/api/registry')).status);
      const throttled = await request(server).get('/api/registry');
      expect(statuses.every((s) => s === 200)).toBe(true);
      expect(throttled.status).toBe(429);
      expect(throttled.body.code).toBe('rate.limited');
      for (let i = 0; i < 5; i++) await request(server).get('/api/auth/me').set('Authorization', 'Bearer forged.token.here');
      expect((await request(server).get('/api/auth/me').set('Authorization', 'Bearer forged.token.here')).status).toBe(429);
    } finally {
      await t.close();
    }
  });

  it('refuses to start on PostgreSQL without a token key from the environment, or with two', () => {
    expect(() => validateEnvironment({ DATABASE_URL: 'postgres://db/x' })).toThrow(InvalidEnvironmentError);
    expect(() => validateEnvironment({ JWT_SECRET: 'x'.repeat(32), JWT_JWKS_URI: 'https://id.example.org/jwks' })).toThrow(/only one/);
    expect(() => validateEnvironment({ JWT_SECRET: 'short' })).toThrow(/at least 32/);
    expect(validateEnvironment({ DATABASE_URL: 'postgres://db/x', JWT_SECRET: 'x'.repeat(32) }).JWT_SECRET).toHaveLength(32);
  });
});
