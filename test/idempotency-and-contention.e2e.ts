import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../apps/api/src/app.factory';
import { randomBytes } from 'node:crypto';
import { actor, post, streamOf } from './support/http';
import { parseServerTiming, STAGES } from '../apps/api/src/common/server-timing';
import { accessFixture, ORG_OF } from './support/access-fixture';
import { BACKENDS, startTestApp, TEST_JWT_SECRET, type TestApp } from './support/test-app';

const IMPL = ORG_OF.implementer;
const DONOR = ORG_OF.donor;
const BEN = ORG_OF.beneficiary;
const STRANGER = ORG_OF.otherDonor;

const risk = (riskId: string, description = 'Staff turnover') => ({ riskId, kind: 'risk', description, severity: 'low' });

describe.each(BACKENDS)('idempotency keys, party checks and contention on %s', (backend) => {
  let t: TestApp;
  const P = `p-idem-${randomBytes(4).toString('hex')}`;
  const length = async () => (await streamOf(t.app, `partnership-${P}`)).length;
  const send = (org: string, path: string, body: object, headers: Record<string, string> = {}) =>
    request(t.app.getHttpServer())
      .post(`/api/partnerships/${P}${path}`)
      .set({ ...actor(org), ...headers })
      .send(body);

  beforeAll(async () => {
    t = await startTestApp(backend);
    await accessFixture(t.app, P, `${P}-other`);
  });
  afterAll(() => t?.close());

  it('says where a command spent its time (Server-Timing): every stage from receiving the body to the append, adding up to at most the total', async () => {
    const res = await send(IMPL, '/risks', risk('r-timed'), { 'Idempotency-Key': 'impl-timed-1' });
    expect(res.status).toBe(201);
    const timing = parseServerTiming(res.headers['server-timing'] ?? null);
    expect([...timing.keys()]).toEqual([...STAGES, 'total']);
    const stages = STAGES.reduce((sum, stage) => sum + timing.get(stage)!, 0);
    expect(stages).toBeLessThanOrEqual(timing.get('total')! + 0.05);
    // A read has no command stages, and a refused command stops where it was refused.
    const read = await request(t.app.getHttpServer()).get(`/api/partnerships/${P}`).set(actor(IMPL));
    expect([...parseServerTiming(read.headers['server-timing'] ?? null).keys()]).toEqual(['receive', 'auth', 'total']);
    const refused = await send(IMPL, '/risks', risk('r-timed'));
    expect(refused.status).toBe(422);
    expect([...parseServerTiming(refused.headers['server-timing'] ?? null).keys()]).toEqual(['receive', 'auth', 'validate', 'queue', 'load', 'total']);
  });

  it('tells a non-party nothing, whatever headers it sends: the same 404 as for no partnership', async () => {
    const first = await send(DONOR, '/risks', risk('r-known'), { 'Idempotency-Key': 'donor-key-1' });
    expect(first.status).toBe(201);
    const missing = await request(t.app.getHttpServer()).post('/api/partnerships/p-does-not-exist/risks').set(actor(STRANGER)).send(risk('r-x'));
    for (const headers of [{ 'If-Match': '"999"' }, { 'Idempotency-Key': 'donor-key-1' }, {}] as Record<string, string>[]) {
      const res = await send(STRANGER, '/risks', risk('r-known'), headers);
      expect([res.status, res.body]).toEqual([missing.status, missing.body]);
      expect(res.status).toBe(404);
    }
  });

  it('refuses the same key with another body or path, naming what differed, and appends nothing', async () => {
    const first = await send(IMPL, '/risks', risk('r-a'), { 'Idempotency-Key': 'impl-key-1' });
    expect(first.status).toBe(201);
    const before = await length();
    const otherBody = await send(IMPL, '/risks', risk('r-b'), { 'Idempotency-Key': 'impl-key-1' });
    expect(otherBody.status).toBe(422);
    expect(otherBody.body).toMatchObject({ code: 'idempotency.key-reused', differs: ['body'] });
    const otherPath = await send(IMPL, '/milestones', { milestoneId: 'm-a', title: 'SOP', dueDate: '2026-05-01' }, { 'Idempotency-Key': 'impl-key-1' });
    expect(otherPath.status).toBe(422);
    expect(otherPath.body.differs).toEqual(['path', 'body']);
    expect(await length()).toBe(before);
    // On another stream too: the key is the principal's, whatever it was used on.
    const elsewhere = await request(t.app.getHttpServer())
      .patch(`/api/organisations/${IMPL}`)
      .set({ ...actor(IMPL), 'Idempotency-Key': 'impl-key-1' })
      .send({ name: 'Renamed' });
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body).toMatchObject({ code: 'idempotency.key-reused', differs: ['method', 'path', 'body'] });
    expect((await streamOf(t.app, `organisation-${IMPL}`)).map((e) => e.type)).toEqual(['OrganisationRegistered']);
    const retry = await send(IMPL, '/risks', risk('r-a'), { 'Idempotency-Key': 'impl-key-1' });
    expect(retry.status).toBe(201);
    expect(retry.body).toMatchObject({ replayed: true, revision: first.body.revision, position: first.body.position });
  });

  it('frees the key of a refused command: nothing was appended, so it may carry a corrected request', async () => {
    const refused = await send(
      IMPL,
      '/milestones',
      { milestoneId: 'm-bad', title: 'SOP', dueDate: '2026-05-01', objectiveId: 'no-such-objective' },
      { 'Idempotency-Key': 'impl-fix' },
    );
    expect(refused.status).toBe(422);
    const corrected = await send(IMPL, '/milestones', { milestoneId: 'm-bad', title: 'SOP', dueDate: '2026-05-01' }, { 'Idempotency-Key': 'impl-fix' });
    expect([corrected.status, corrected.body.replayed]).toEqual([201, false]);
  });

  it("scopes keys to the principal: another user's identical key is another command", async () => {
    const mine = await send(BEN, '/risks', risk('r-ben'), { 'Idempotency-Key': 'shared-key' });
    const theirs = await send(DONOR, '/risks', risk('r-donor'), { 'Idempotency-Key': 'shared-key' });
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.body.replayed).toBe(false);
    expect(theirs.body.revision).toBe(mine.body.revision + 1);
  });

  it('answers concurrent copies of one request alike, with exactly one applied', async () => {
    const before = await length();
    const copies = await Promise.all(Array.from({ length: 10 }, () => send(IMPL, '/risks', risk('r-copies'), { 'Idempotency-Key': 'impl-copies' })));
    expect(copies.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(copies.filter((r) => r.body.replayed === false)).toHaveLength(1);
    expect(new Set(copies.map((r) => r.body.position)).size).toBe(1);
    expect(await length()).toBe(before + 1);
  });

  it('applies 50 concurrent commands without If-Match with no conflict reaching a client; with a stale If-Match, an exact 409', async () => {
    const before = await length();
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => send(IMPL, '/risks', risk(`r-busy-${i}`))));
    expect(results.filter((r) => r.status === 409)).toHaveLength(0);
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
    expect(await length()).toBe(before + 50);
    const stale = await send(IMPL, '/risks', risk('r-stale'), { 'If-Match': `"${before - 1}"` });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'concurrency.conflict', expectedRevision: before - 1, actualRevision: before + 49 });
  });

  it('does not tell a stranger that a partnership id is taken; a party hears it exists', async () => {
    const body = (partnershipId: string) => ({
      partnershipId,
      title: 't',
      summary: 's',
      beneficiaryCountry: 'GH',
      initiatedBy: 'beneficiary',
      proposerRole: 'beneficiary',
      themes: ['incident-response-cert'],
      levels: [],
      sdgs: [],
      genderMarker: 0,
      plannedStart: '2026-01-01',
    });
    const stranger = await post(t.app, '/partnerships', ORG_OF.otherBeneficiary, body(P));
    expect(stranger.status).toBe(409);
    expect(stranger.body.code).toBe('id.unavailable');
    expect(JSON.stringify(stranger.body)).not.toMatch(/revision|phase|exists/);
    const party = await post(t.app, '/partnerships', BEN, body(P));
    expect([party.status, party.body.code]).toEqual([422, 'rule.partnership.exists']);
  });
});

describe('contention between two API processes on one PostgreSQL', () => {
  let first: TestApp;
  let second: INestApplication;
  const P = `p-two-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    first = await startTestApp('postgresql');
    await accessFixture(first.app, P, `${P}-other`);
    // A second instance of the API on the very same schemas, as a second replica behind a load balancer.
    const prefix = `${new URL(first.databaseUrl!).searchParams.get('options')!.split('=').pop()}_`;
    second = await createApp({ LOG_LEVEL: 'silent', DEMO_DATA: 'false', JWT_SECRET: TEST_JWT_SECRET, DATABASE_URL: first.databaseUrl!, READ_MODEL_SCHEMA_PREFIX: prefix });
    await second.init();
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('applies 40 concurrent commands without If-Match, split over both, with no conflict reaching a client', async () => {
    const before = (await streamOf(first.app, `partnership-${P}`)).length;
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        request((i % 2 === 0 ? first.app : second).getHttpServer())
          .post(`/api/partnerships/${P}/risks`)
          .set(actor(ORG_OF.implementer))
          .send({ riskId: `r-two-${i}`, kind: 'risk', description: 'turnover', severity: 'low' }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(40).fill(201));
    expect((await streamOf(first.app, `partnership-${P}`)).length).toBe(before + 40);
  });

  it('reads its own write on either replica, whichever one holds the projector', async () => {
    for (const [writer, reader] of [
      [first.app, second],
      [second, first.app],
    ]) {
      const write = await request(writer.getHttpServer())
        .post(`/api/partnerships/${P}/risks`)
        .set(actor(ORG_OF.implementer))
        .send({ riskId: `r-ryw-${randomBytes(3).toString('hex')}`, kind: 'risk', description: 'turnover', severity: 'low' });
      expect(write.status).toBe(201);
      const started = Date.now();
      const read = await request(reader.getHttpServer())
        .get(`/api/partnerships/${P}`)
        .set({ ...actor(ORG_OF.implementer), 'X-Min-Position': write.body.position });
      expect(read.status).toBe(200);
      expect(read.body.revision).toBeGreaterThanOrEqual(write.body.revision);
      expect(Date.now() - started).toBeLessThan(1_500);
    }
  });
});
