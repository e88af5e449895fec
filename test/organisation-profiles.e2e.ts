import request from 'supertest';
import { randomBytes } from 'node:crypto';
import { ADMIN_ORG, actor, post, streamOf } from './support/http';
import { organisation } from './support/lifecycle-bodies';
import { BACKENDS, startTestApp, type TestApp } from './support/test-app';

/**
 * An organisation's country and status change only through an administrator, from an effective date, and a
 * metric reads the classification in force on the date of the fact it measures: the implementer that moves
 * its seat to Accra today does not turn last spring's transfers into local management.
 */
describe.each(BACKENDS)('dated organisation profiles on %s', (backend) => {
  let t: TestApp;
  const run = randomBytes(3).toString('hex');
  const P = `p-prof-${run}`;
  const DONOR = `org-prof-donor-${run}`;
  const BRIDGE = `org-prof-bridge-${run}`;
  const CERT = `org-prof-cert-${run}`;
  let position = '';
  const read = (path: string, org = DONOR) =>
    request(t.app.getHttpServer())
      .get(`/api${path}`)
      .set({ ...actor(org), 'X-Min-Position': position });
  const ok = async (org: string, path: string, body: object) => {
    const res = await post(t.app, path, org, body);
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    position = res.body.position;
  };
  const managed = async () => {
    const rows = (await read(`/local-ownership/partnerships?limit=500`)).body.items as { partnershipId: string; metrics: { beneficiaryManaged: number | null } }[];
    return rows.find((r) => r.partnershipId === P)?.metrics.beneficiaryManaged;
  };
  const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

  beforeAll(async () => {
    t = await startTestApp(backend);
    for (const [id, name, country, kind, region, status] of [
      [DONOR, 'Netherlands MFA', 'NL', 'state-body', 'europe', 'developed'],
      [BRIDGE, 'CyberBridge Foundation', 'CH', 'ngo', 'europe', 'developed'],
      [CERT, 'CERT-GH', 'GH', 'state-body', 'africa', 'developing'],
    ]) {
      await ok(ADMIN_ORG, '/organisations', { ...organisation(name, country, kind, region, status), organisationId: id });
    }
    await ok(CERT, '/partnerships', {
      partnershipId: P,
      title: 'CERT-GH readiness',
      summary: 'Triage at the national CERT',
      beneficiaryCountry: 'GH',
      initiatedBy: 'beneficiary',
      proposerRole: 'beneficiary',
      themes: ['incident-response-cert'],
      levels: ['technical'],
      sdgs: [9],
      genderMarker: 1,
      plannedStart: '2026-01-01',
      plannedEnd: '2027-12-31',
    });
    await ok(CERT, `/partnerships/${P}/parties`, { organisationId: DONOR, role: 'donor' });
    await ok(DONOR, `/partnerships/${P}/invitations/acceptance`, { role: 'donor' });
    await ok(CERT, `/partnerships/${P}/parties`, { organisationId: BRIDGE, role: 'implementer' });
    await ok(BRIDGE, `/partnerships/${P}/invitations/acceptance`, { role: 'implementer' });
    await ok(CERT, `/partnerships/${P}/needs`, { needId: 'need-1', kind: 'need', description: 'Triage procedures', confidential: false });
    await ok(DONOR, `/partnerships/${P}/phase-transitions`, { to: 'co-design', reason: 'scoped' });
    await ok(BRIDGE, `/partnerships/${P}/plan-versions`, { objectives: [{ objectiveId: 'obj-1', description: 'Triage in use', needIds: ['need-1'] }], confidential: false });
    for (const [org, role] of [
      [CERT, 'beneficiary'],
      [DONOR, 'donor'],
      [BRIDGE, 'implementer'],
    ])
      await ok(org, `/partnerships/${P}/plan-versions/1/endorsements`, { role });
    await ok(DONOR, `/partnerships/${P}/phase-transitions`, { to: 'delivery', reason: 'endorsed' });
    await ok(DONOR, `/partnerships/${P}/commitments`, { flowId: 'c-1', receiverId: BRIDGE, amount: eur(10_000_000), date: '2026-02-01' });
    await ok(DONOR, `/partnerships/${P}/disbursements`, { flowId: 'd-1', receiverId: BRIDGE, amount: eur(6_000_000), date: '2026-02-10' });
    await ok(BRIDGE, `/partnerships/${P}/commitments`, { flowId: 'c-2', receiverId: CERT, amount: eur(2_000_000), date: '2026-02-15' });
    await ok(BRIDGE, `/partnerships/${P}/disbursements`, { flowId: 'd-2', receiverId: CERT, amount: eur(1_000_000), date: '2026-03-01' });
  }, 120_000);
  afterAll(() => t?.close());

  it('refuses a country or status edited in place, even by the organisation itself, and appends nothing', async () => {
    const before = (await streamOf(t.app, `organisation-${BRIDGE}`)).length;
    const res = await request(t.app.getHttpServer()).patch(`/api/organisations/${BRIDGE}`).set(actor(BRIDGE)).send({ country: 'GH', developmentStatus: 'developing' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('rule.organisation.profile-change');
    const self = await post(t.app, `/organisations/${BRIDGE}/profile-changes`, BRIDGE, { effectiveFrom: '2026-01-01', changes: { country: 'GH' }, reason: 'we moved' });
    expect(self.status).toBe(403);
    expect((await streamOf(t.app, `organisation-${BRIDGE}`)).length).toBe(before);
  });

  it('a move effective today leaves the beneficiary-managed share of earlier transfers as it was, live and in the replay', async () => {
    // By hand: EUR 60,000 entered (d-1); EUR 10,000 passed from CyberBridge (CH, not local) to CERT-GH (the beneficiary): 10,000 / 60,000 = 0.1667.
    expect(await managed()).toBe(0.1667);
    const today = new Date().toISOString().slice(0, 10);
    await ok(ADMIN_ORG, `/organisations/${BRIDGE}/profile-changes`, {
      effectiveFrom: today,
      changes: { country: 'GH', region: 'africa', developmentStatus: 'developing' },
      reason: 'Seat moved to Accra',
    });
    expect(await managed()).toBe(0.1667);
    const replay = (await read(`/partnerships/${P}/as-of`)).body;
    expect(replay.localOwnership.beneficiaryManaged).toBe(0.1667);
    const registry = (await read(`/organisations?limit=500`, ADMIN_ORG)).body.items as { organisationId: string; country: string }[] | undefined;
    if (registry) expect(registry.find((o) => o.organisationId === BRIDGE)?.country).toBe('GH');
  });

  it('a reclassification back-dated before the transfers reaches them: CyberBridge local from 20 February', async () => {
    // From 20 February CyberBridge counts as local: d-2 (1 March) goes from a local organisation to the beneficiary
    // and is no longer a hand-over; d-1 (10 February) came before it and reached a non-local one. Managed: 0 / 60,000 = 0.
    await ok(ADMIN_ORG, `/organisations/${BRIDGE}/profile-changes`, {
      effectiveFrom: '2026-02-20',
      changes: { country: 'GH', region: 'africa' },
      reason: 'Registered in Ghana since February',
    });
    expect(await managed()).toBe(0);
    expect((await read(`/partnerships/${P}/as-of`)).body.localOwnership.beneficiaryManaged).toBe(0);
  });
});
