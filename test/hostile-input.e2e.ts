import request from 'supertest';
import { randomBytes } from 'node:crypto';
import { ADMIN_ORG, actor, post, streamOf, tokenFor } from './support/http';
import { accessFixture, ORG_OF } from './support/access-fixture';
import { organisation } from './support/lifecycle-bodies';
import { BACKENDS, startTestApp, type TestApp } from './support/test-app';

const IMPL = ORG_OF.implementer;
const DONOR = ORG_OF.donor;
const BEN = ORG_OF.beneficiary;

const money = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const expenditure = (flowId: string) => ({
  flowId,
  amount: money(10_000),
  date: '2026-03-03',
  category: 'venue',
  spentInCountry: 'GH',
  supplier: { name: 'Accra Conference Centre', local: true },
});
const activity = (activityId: string) => ({
  activityId,
  type: 'training',
  title: 'Incident response fundamentals',
  themes: ['incident-response-cert'],
  level: 'technical',
  startDate: '2026-03-02',
  endDate: '2026-03-02',
  languages: ['en'],
  participants: { women: 8, men: 9, undisclosed: 0 },
  participantHours: 120,
  trainers: { local: 1, foreign: 1 },
  localTrainersProduced: 0,
  needIds: [],
  continuesAfterFunding: true,
});

/** What hostile and careless clients send: each is refused with the field or rule named, and appends nothing. */
describe.each(BACKENDS)('hostile and careless input on %s', (backend) => {
  let t: TestApp;
  const P = `p-hostile-${randomBytes(4).toString('hex')}`;
  const OTHER = `${P}-other`;
  const server = () => t.app.getHttpServer();
  const length = async (id = P) => (await streamOf(t.app, `partnership-${id}`)).length;

  beforeAll(async () => {
    t = await startTestApp(backend);
    await accessFixture(t.app, P, OTHER);
  });
  afterAll(() => t?.close());

  /** Sends and checks the answer names `field` (400) and leaves the stream as it was. */
  async function refused(org: string, path: string, body: unknown, status: number, named: string | RegExp) {
    const before = await length();
    const res = await request(server())
      .post(`/api${path}`)
      .set({ ...actor(org), 'Content-Type': 'application/json' })
      .send(typeof body === 'string' ? body : JSON.stringify(body));
    expect(res.status).toBe(status);
    const said = JSON.stringify(res.body);
    if (typeof named === 'string') expect(said).toContain(named);
    else expect(said).toMatch(named);
    expect(await length()).toBe(before);
    return res;
  }

  it('refuses nested objects that are missing, null or arrays, naming the field', async () => {
    const { supplier: _s, ...withoutSupplier } = expenditure('x-1');
    await refused(IMPL, `/partnerships/${P}/expenditures`, withoutSupplier, 400, '"field":"supplier"');
    await refused(IMPL, `/partnerships/${P}/expenditures`, { ...expenditure('x-2'), supplier: [] }, 400, '"field":"supplier"');
    await refused(IMPL, `/partnerships/${P}/expenditures`, { ...expenditure('x-3'), supplier: null }, 400, '"field":"supplier"');
    for (const exchangeRate of [[], [{ toCurrency: 'USD', rate: '1.1' }]]) {
      await refused(
        DONOR,
        `/partnerships/${P}/commitments`,
        { flowId: 'c-x', receiverId: IMPL, amount: money(100), date: '2026-02-01', exchangeRate },
        400,
        '"field":"exchangeRate"',
      );
    }
    await refused(DONOR, `/partnerships/${P}/commitments`, { flowId: 'c-y', receiverId: IMPL, date: '2026-02-01' }, 400, '"field":"amount"');
    // A rate of zero would make the amount vanish from every converted total.
    for (const rate of ['0', '0.0000']) {
      await refused(
        DONOR,
        `/partnerships/${P}/commitments`,
        { flowId: 'c-z', receiverId: IMPL, amount: money(100), date: '2026-02-01', exchangeRate: { toCurrency: 'USD', rate } },
        400,
        '"field":"exchangeRate.rate"',
      );
    }
    await refused(IMPL, `/partnerships/${P}/plan-versions`, { objectives: [[{ objectiveId: 'o', description: 'd', needIds: [] }]], confidential: false }, 400, 'objectives');
    await refused(IMPL, `/partnerships/${P}/activities`, { ...activity('a-1'), participants: [8, 9, 0] }, 400, '"field":"participants"');
  });

  it('refuses a profile update that sends a field as null, and keeps the profile foldable', async () => {
    for (const field of ['name', 'kind', 'region', 'developmentStatus', 'contacts']) {
      const before = (await streamOf(t.app, `organisation-${DONOR}`)).length;
      const res = await request(server())
        .patch(`/api/organisations/${DONOR}`)
        .set(actor(DONOR))
        .send({ [field]: null });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect((await streamOf(t.app, `organisation-${DONOR}`)).length).toBe(before);
    }
  });

  it('refuses text PostgreSQL cannot store: NUL and lone surrogates, in values and in keys', async () => {
    await refused(IMPL, `/partnerships/${P}/risks`, { riskId: 'r-nul', kind: 'risk', description: 'staff\u0000turnover', severity: 'low' }, 400, '"field":"description"');
    await refused(IMPL, `/partnerships/${P}/risks`, '{"riskId":"r-sur","kind":"risk","description":"broken \\ud800 text","severity":"low"}', 400, '"field":"description"');
    await refused(IMPL, `/partnerships/${P}/expenditures`, { ...expenditure('x-nul'), supplier: { name: 'A\u0000B', local: true } }, 400, '"field":"supplier.name"');
    await refused(IMPL, `/partnerships/${P}/risks`, { riskId: 'r-key', kind: 'risk', description: 'd', severity: 'low', 'x\u0000': 1 }, 400, 'NUL');
  });

  it('refuses JSON nested 3,000 levels before parsing it, on a command and on the unauthenticated sign-in', async () => {
    const deep = `${'['.repeat(3000)}${']'.repeat(3000)}`;
    for (const path of [`/api/partnerships/${P}/risks`, '/api/auth/demo-sign-in']) {
      const res = await request(server())
        .post(path)
        .set({ ...actor(IMPL), 'Content-Type': 'application/json' })
        .send(`{"riskId":${deep}}`);
      expect([res.status, res.body]).toEqual([400, expect.objectContaining({ code: 'request.too-deep' })]);
    }
  });

  it('refuses impossible calendar dates in every date field', async () => {
    for (const date of ['2026-02-30', '2025-02-29', '2026-04-31', '2026-13-01']) {
      await refused(IMPL, `/partnerships/${P}/milestones`, { milestoneId: `m-${date}`, title: 'SOP adopted', dueDate: date }, 400, '"field":"dueDate"');
      await refused(IMPL, `/partnerships/${P}/expenditures`, { ...expenditure(`x-${date}`), date }, 400, '"field":"date"');
    }
    // 29 February exists in a leap year.
    const leap = await post(t.app, `/partnerships/${P}/milestones`, IMPL, { milestoneId: 'm-leap', title: 'Leap day', dueDate: '2028-02-29' });
    expect(leap.status).toBe(201);
  });

  it('refuses a proposal without a theme, and parties or evaluators that are not registered', async () => {
    const res = await post(t.app, '/partnerships', BEN, {
      title: 'No theme',
      summary: 's',
      beneficiaryCountry: 'GH',
      initiatedBy: 'beneficiary',
      proposerRole: 'beneficiary',
      themes: [],
      levels: [],
      sdgs: [],
      genderMarker: 0,
      plannedStart: '2026-01-01',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('themes');
    await refused(BEN, `/partnerships/${P}/parties`, { organisationId: 'org-never-registered', role: 'implementer' }, 422, 'rule.organisation.registered');
    await refused(DONOR, `/partnerships/${P}/evaluators`, { organisationId: 'org-never-registered' }, 422, 'rule.organisation.registered');
  });

  it('refuses impossible facts with the rule named', async () => {
    await refused(IMPL, `/partnerships/${P}/activities`, { ...activity('a-hours'), participantHours: 1_000_000 }, 422, 'rule.activity.participant-hours');
    // 17 participants for one day: at most 17 × 24 = 408 participant-hours, and at most 17 trainers produced.
    await refused(IMPL, `/partnerships/${P}/activities`, { ...activity('a-409'), participantHours: 409 }, 422, 'rule.activity.participant-hours');
    await refused(IMPL, `/partnerships/${P}/activities`, { ...activity('a-ttt'), localTrainersProduced: 50 }, 422, 'rule.activity.trainers-produced');
    await refused(
      IMPL,
      `/partnerships/${P}/activities`,
      { ...activity('a-sum'), participants: { women: 8, men: 9, undisclosed: 0, total: 20 } },
      422,
      'rule.activity.participants-total',
    );
    const ok = await post(t.app, `/partnerships/${P}/activities`, IMPL, {
      ...activity('a-ok'),
      participantHours: 408,
      participants: { women: 8, men: 9, undisclosed: 0, total: 17 },
    });
    expect(ok.status).toBe(201);
  });

  it('refuses ids the runtime reserves, and never lets a token named after one read or act', async () => {
    for (const name of Object.getOwnPropertyNames(Object.prototype)) {
      const reg = await post(t.app, '/organisations', ADMIN_ORG, { organisationId: name, ...organisation('Trojan', 'GH', 'ngo', 'africa', 'developing') });
      expect(reg.status).toBe(400);
      const headers = { Authorization: `Bearer ${tokenFor(name)}` };
      for (const path of ['history', 'dossier', 'as-of?revision=2', 'export?format=jsonl', 'evaluations']) {
        const res = await request(server()).get(`/api/partnerships/${P}/${path}`).set(headers);
        expect([401, 404]).toContain(res.status);
        expect(JSON.stringify(res.body)).not.toContain('SOC staffing');
      }
      const cmd = await request(server()).post(`/api/partnerships/${P}/risks`).set(headers).send({ riskId: 'r-proto', kind: 'risk', description: 'd', severity: 'low' });
      expect(cmd.status).toBeLessThan(500);
      expect([401, 404]).toContain(cmd.status);
    }
  });
});
