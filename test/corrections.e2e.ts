import request from 'supertest';
import { randomBytes } from 'node:crypto';
import { ADMIN_ORG, actor, post, registerOrganisations, streamOf } from './support/http';
import { accessFixture, ORG_OF } from './support/access-fixture';
import { activityBody, proposal } from './support/lifecycle-bodies';
import { BACKENDS, startTestApp, type TestApp } from './support/test-app';

/**
 * A programme office's week-one mistakes, corrected through the API: every read model and the replay show the
 * corrected figure, the history keeps the original and says who corrected it, and a refused correction leaves
 * no event behind.
 */
describe.each(BACKENDS)('corrections on %s', (backend) => {
  let t: TestApp;
  const run = randomBytes(3).toString('hex');
  const P = `p-corr-${run}`;
  const OTHER = `${P}-other`;
  const { donor, implementer: impl, beneficiary: ben } = ORG_OF;
  let position = '';
  const path = (suffix: string) => `/partnerships/${P}${suffix}`;
  const read = (p: string, org = donor) =>
    request(t.app.getHttpServer())
      .get(`/api${p}`)
      .set({ ...actor(org), 'X-Min-Position': position });
  const ok = async (org: string, suffix: string, body: object) => {
    const res = await post(t.app, path(suffix), org, body);
    if (res.status !== 201) throw new Error(`${suffix}: ${res.status} ${JSON.stringify(res.body)}`);
    position = res.body.position;
    return res.body as { revision: number };
  };
  const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
  const activity = (activityId: string, women: number) => activityBody(activityId, { women, men: 9 }, 600);

  let beforeAmendment = 0;

  beforeAll(async () => {
    t = await startTestApp(backend);
    position = await accessFixture(t.app, P, OTHER);
    // EUR 2,400,000 typed for EUR 240,000: one zero too many.
    await ok(donor, '/commitments', { flowId: 'c-1', receiverId: impl, amount: eur(240_000_000), date: '2026-02-01' });
    await ok(donor, '/disbursements', { flowId: 'd-1', receiverId: impl, amount: eur(10_000_000), date: '2026-02-10' });
    await ok(donor, '/disbursements', { flowId: 'd-2', receiverId: impl, amount: eur(500_000), date: '2026-02-11' });
    await ok(impl, '/activities', activity('a-1', 28));
    await ok(impl, '/activities', activity('a-2', 3));
    await ok(impl, '/milestones', { milestoneId: 'm-1', title: 'Triage SOP adopted', dueDate: '2026-05-01' });
    await ok(impl, '/milestones/m-1/achievement', { achievedOn: '2026-04-20', evidence: [{ description: 'Board minute' }] });
    await ok(ben, '/milestones/m-1/confirmation', { note: 'in use' });
    await ok(impl, '/milestones', { milestoneId: 'm-2', title: 'Second cohort', dueDate: '2026-06-01' });
    await ok(impl, '/indicators', { indicatorId: 'i-1', name: 'Median time to triage', unit: 'hours', baseline: 72, target: 8, baselineDate: '2026-01-15' });
    beforeAmendment = (await ok(impl, '/risks', { riskId: 'r-1', kind: 'risk', description: 'turnover', severity: 'low' })).revision;

    await ok(donor, '/commitments/c-1/amendment', { amount: eur(24_000_000), reason: 'Typed with one zero too many: the grant letter says EUR 240,000' });
    await ok(donor, '/flows/d-2/void', { reason: 'The bank returned the transfer' });
    await ok(impl, '/activities/a-1/correction', { ...activity('a-1', 14), activityId: undefined, reason: 'Women were entered twice' });
    await ok(impl, '/activities/a-2/void', { reason: 'Never took place' });
    await ok(ben, '/milestones/m-1/validation-retraction', { reason: 'Confirmed before the board had adopted it' });
    await ok(ben, '/milestones/m-1/dispute', { reason: 'The SOP is not in use yet' });
    await ok(impl, '/milestones/m-2/cancellation', { reason: 'Dropped at the steering committee' });
    await ok(ben, '/indicators/i-1/revision', { target: 12, reason: 'Target revised at mid-term' });
    await ok(ben, '/amendment', { title: 'National CSIRT readiness', reason: 'Title agreed at the steering committee' });
    await ok(donor, '/planned-dates', { plannedEnd: '2028-06-30', reason: 'No-cost extension of six months' });
  }, 120_000);
  afterAll(() => t?.close());

  it('the funding totals read the corrected commitment and leave the void disbursement out', async () => {
    const res = await read(`/funding/totals?groupBy=partnership`);
    const mine = res.body.items.find((i: { key: { partnershipId: string } }) => i.key.partnershipId === P);
    // Committed: the amended EUR 240,000.00; disbursed: d-1 only, EUR 100,000.00 (d-2 of 5,000 is void).
    expect(mine.byCurrency).toEqual([expect.objectContaining({ currency: 'EUR', committed: 24_000_000, disbursed: 10_000_000 })]);
  });

  it("the parties' dossier lists each flow as it now stands, with who recorded it: the amended amount, the void one marked", async () => {
    const res = await read(path('/dossier'), impl);
    const flows = new Map((res.body.flows as { flowId: string }[]).map((f) => [f.flowId, f]));
    expect(flows.get('c-1')).toMatchObject({ kind: 'commitment', authorId: donor, providerId: donor, receiverId: impl, amount: eur(24_000_000), voided: false });
    expect(flows.get('d-1')).toMatchObject({ kind: 'disbursement', amount: eur(10_000_000), voided: false });
    expect(flows.get('d-2')).toMatchObject({ kind: 'disbursement', amount: eur(500_000), voided: true });
  });

  it('the partnership shows the corrected activity, milestones, indicator, title and period', async () => {
    const p = (await read(path(''))).body;
    expect(p.title).toBe('National CSIRT readiness');
    expect(p.plannedEnd).toBe('2028-06-30');
    expect(p.activities.map((a: { activityId: string; participants: { women: number } }) => [a.activityId, a.participants.women])).toEqual([['a-1', 14]]);
    expect(p.participants).toEqual(expect.objectContaining({ women: 14, men: 9 }));
    expect(p.milestones.map((m: { milestoneId: string; status: string }) => [m.milestoneId, m.status])).toEqual([['m-1', 'disputed']]);
    expect(p.indicators).toEqual([expect.objectContaining({ indicatorId: 'i-1', baseline: 72, target: 12 })]);
    const inclusion = (await read(`/inclusion?groupBy=partnership`)).body.items.find((i: { key: { partnershipId: string } }) => i.key.partnershipId === P);
    expect(inclusion).toEqual(expect.objectContaining({ activities: 1, women: 14, men: 9 }));
  });

  it('the history keeps the original and says who corrected what, and why', async () => {
    const history = (await read(`${path('/history')}?limit=200`)).body.items as { type: string; summary: string; organisation: string }[];
    expect(history.find((e) => e.type === 'FundingCommitted')?.summary).toContain('2,400,000.00 EUR');
    const amended = history.find((e) => e.type === 'CommitmentAmended')!;
    // Organisations by their registered names (test/support/http.ts registers "Organisation <id>"), milestones by title.
    expect(amended.summary).toBe(
      `Commitment c-1 amended to 240,000.00 EUR dated 2026-02-01 by Organisation ${donor}: Typed with one zero too many: the grant letter says EUR 240,000`,
    );
    expect(amended.organisation).toBe(donor);
    expect(history.find((e) => e.type === 'MilestoneValidationRetracted')?.summary).toBe(
      `Organisation ${ben} retracted its confirmation of milestone "Triage SOP adopted": Confirmed before the board had adopted it`,
    );
  });

  it('the replay shows the figure as recorded at each point: the typo before the amendment, the correction after', async () => {
    const sum = (rows: { committed: number }[]) => rows.reduce((s, r) => s + r.committed, 0);
    const before = (await read(`${path('/as-of')}?revision=${beforeAmendment}`, donor)).body;
    expect(sum(before.funding)).toBe(240_000_000);
    const head = (await read(path('/as-of'), donor)).body;
    expect(sum(head.funding)).toBe(24_000_000);
  });

  it('answers on both time axes: what was true on a date, and what the record said at a revision', async () => {
    const money = (body: { funding: { committed: number; disbursed: number; refunded: number }[]; asOf: { validAt: string | null } }) => ({
      committed: body.funding.reduce((s, r) => s + r.committed, 0),
      disbursed: body.funding.reduce((s, r) => s + r.disbursed - r.refunded, 0),
      validAt: body.asOf.validAt,
    });
    const asOf = async (query: string) => money((await read(`${path('/as-of')}?${query}`)).body);
    // Valid time: c-1 is dated 1 February, d-1 10 February (d-2 of the 11th is void: never true).
    expect(await asOf('validAt=2026-01-31')).toEqual({ committed: 0, disbursed: 0, validAt: '2026-01-31' });
    expect(await asOf('validAt=2026-02-09')).toEqual({ committed: 24_000_000, disbursed: 0, validAt: '2026-02-09' });
    expect(await asOf('validAt=2026-02-11')).toEqual({ committed: 24_000_000, disbursed: 10_000_000, validAt: '2026-02-11' });
    // Both axes: on 9 February as the record said before the amendment: the typo, EUR 2,400,000.
    expect(await asOf(`revision=${beforeAmendment}&validAt=2026-02-09`)).toEqual({ committed: 240_000_000, disbursed: 0, validAt: '2026-02-09' });
    // Recording time alone: everything was recorded today, so yesterday's record is empty, whatever the facts' dates.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    expect((await read(`${path('/as-of')}?at=${yesterday}`)).body.partnership).toBeNull();

    // A later correction moves d-1 to 20 February: true on the 15th no longer, though the record said so before.
    const before = (await ok(donor, '/flows/d-1/correction', { date: '2026-02-20', reason: 'The bank executed it on the 20th' })).revision - 1;
    expect(await asOf('validAt=2026-02-15')).toEqual({ committed: 24_000_000, disbursed: 0, validAt: '2026-02-15' });
    expect(await asOf(`revision=${before}&validAt=2026-02-15`)).toEqual({ committed: 24_000_000, disbursed: 10_000_000, validAt: '2026-02-15' });
    expect(await asOf('validAt=2026-02-20')).toEqual({ committed: 24_000_000, disbursed: 10_000_000, validAt: '2026-02-20' });

    // The diff between two valid dates says what became true in between.
    const diff = (await read(`${path('/diff')}?fromValidAt=2026-02-15&toValidAt=2026-02-20`)).body;
    expect(diff.changes.join(' ')).toMatch(/disburs/i);
    expect((await read(`${path('/as-of')}?validAt=2026-02-30`)).status).toBe(400);
  });

  it('scoping and parties: a withdrawn need leaves the dossier, a replaced evaluator the parties, a cancelled partnership accepts nothing', async () => {
    await ok(ben, '/needs', { needId: 'need-2', kind: 'gap', description: 'Malware lab', confidential: false });
    await ok(ben, '/needs/need-2/withdrawal', { reason: 'Met by another donor' });
    expect(((await read(path('/dossier'), ben)).body.needs as { needId: string }[]).map((n) => n.needId)).not.toContain('need-2');

    const successor = `org-corr-eval-${run}`;
    await registerOrganisations(t.app, [successor]);
    await ok(donor, '/evaluators/replacement', { previousId: ORG_OF.evaluator, organisationId: successor, reason: 'Conflict of interest' });
    const parties = ((await read(path(''))).body.parties as { organisationId: string; role: string }[]).filter((p) => p.role === 'evaluator').map((p) => p.organisationId);
    expect(parties).toEqual([successor]);

    const Q = `${P}-cancel`;
    const proposed = await post(t.app, '/partnerships', ben, { ...proposal(Q), partnershipId: Q });
    expect(proposed.status).toBe(201);
    const cancelled = await post(t.app, `/partnerships/${Q}/cancellation`, ben, { reason: 'The ministry chose another programme' });
    expect(cancelled.status).toBe(201);
    position = cancelled.body.position;
    expect((await read(`/partnerships/${Q}`, ben)).body.phase).toBe('cancelled');
    const after = await post(t.app, `/partnerships/${Q}/needs`, ben, { needId: 'n-1', kind: 'gap', description: 'x', confidential: false });
    expect(after.status).toBe(422);
    expect(after.body.code).toBe('rule.partnership.closed');
  });

  it('participation is voluntary: the invitee sees its invitation, joins by accepting or says why not; the dossier shows the answers', async () => {
    const [willing, unwilling, mistaken] = ['willing', 'unwilling', 'mistaken'].map((w) => `org-corr-${w}-${run}`);
    await registerOrganisations(t.app, [willing, unwilling, mistaken]);
    await ok(ben, '/parties', { organisationId: willing, role: 'implementer' });
    await ok(ben, '/parties', { organisationId: unwilling, role: 'donor' });
    await ok(donor, '/parties', { organisationId: mistaken, role: 'implementer' });
    // Invited is not joined: not among the parties, and nothing of the partnership but its invitation to read.
    const roles = async () => ((await read(path(''))).body.parties as { organisationId: string }[]).map((p) => p.organisationId);
    expect(await roles()).not.toContain(willing);
    expect((await read(path('/dossier'), willing)).status).toBe(404);
    const mine = (await read('/invitations', willing)).body.items as { partnershipId: string; role: string; invitedBy: string }[];
    expect(mine).toEqual([expect.objectContaining({ partnershipId: P, role: 'implementer', invitedBy: ben })]);
    const risk = await post(t.app, path('/risks'), willing, { riskId: 'r-invitee', kind: 'risk', description: 'x', severity: 'low' });
    expect(risk.status).toBe(404);

    await ok(willing, '/invitations/acceptance', { role: 'implementer' });
    await ok(unwilling, '/invitations/declination', { role: 'donor', reason: 'No budget for this country this year' });
    await ok(donor, '/invitations/withdrawal', { organisationId: mistaken, role: 'implementer', reason: 'Meant the other lab' });
    expect(await roles()).toContain(willing);
    expect(await roles()).not.toContain(unwilling);
    expect((await read('/invitations', willing)).body.items).toEqual([]);
    expect((await read('/invitations', mistaken)).body.items).toEqual([]);
    const invitations = (await read(path('/dossier'), ben)).body.invitations as { organisationId: string; status: string; reason: string | null }[];
    expect(invitations).toEqual([
      expect.objectContaining({ organisationId: unwilling, status: 'declined', reason: 'No budget for this country this year' }),
      expect.objectContaining({ organisationId: mistaken, status: 'withdrawn', reason: 'Meant the other lab' }),
    ]);
    const history = (await read(`${path('/history')}?limit=500`)).body.items as { type: string; summary: string; organisation: string }[];
    expect(history.find((e) => e.type === 'InvitationDeclined')).toEqual(expect.objectContaining({ organisation: unwilling }));
    expect(history.filter((e) => e.type === 'PartyJoined').map((e) => e.organisation)).toContain(willing);
  });

  it('a wrong measurement is voided, a count entered twice once per copy, and the latest value is chosen again', async () => {
    await ok(impl, '/indicators/i-1/measurements', { value: 30, measuredOn: '2026-03-01' });
    await ok(impl, '/indicators/i-1/measurements', { value: 20, measuredOn: '2026-04-01' });
    await ok(impl, '/indicators/i-1/measurements', { value: 20, measuredOn: '2026-04-01' });
    const indicator = async () => ((await read(path(''))).body.indicators as { indicatorId: string; latestValue: number; latestOn: string }[]).find((i) => i.indicatorId === 'i-1');
    expect(await indicator()).toEqual(expect.objectContaining({ latestValue: 20, latestOn: '2026-04-01' }));
    await ok(ben, '/indicators/i-1/measurements/void', { value: 20, measuredOn: '2026-04-01', reason: 'Entered twice' });
    expect(await indicator()).toEqual(expect.objectContaining({ latestValue: 20, latestOn: '2026-04-01' }));
    await ok(impl, '/indicators/i-1/measurements/void', { value: 20, measuredOn: '2026-04-01', reason: 'Counted two months, not one' });
    // Back to the March reading: the April ones are void, the history keeps them.
    expect(await indicator()).toEqual(expect.objectContaining({ latestValue: 30, latestOn: '2026-03-01' }));
    const third = await post(t.app, path('/indicators/i-1/measurements/void'), impl, { value: 20, measuredOn: '2026-04-01', reason: 'again' });
    expect([third.status, third.body.code]).toEqual([422, 'rule.measurement.exists']);
  });

  it('the dossier lists what a correction names: each activity standing, whole, and each measurement standing', async () => {
    await ok(impl, '/activities', { ...activity('a-ttt', 2), type: 'train-the-trainer' });
    await ok(impl, '/activities', { ...activity('a-3', 4), trainedByActivityId: 'a-ttt' });
    const dossier = (await read(path('/dossier'), impl)).body as {
      activities: { activityId: string; women: number; participantHours: number; trainedByActivityId: string | null }[];
      measurements: { indicatorId: string; measuredOn: string; value: number }[];
    };
    // a-2 is void; a-1 as corrected (14 women, not 28); a-3 names a-ttt as where its trainers were trained.
    expect(dossier.activities.map((a) => [a.activityId, a.women, a.participantHours, a.trainedByActivityId])).toEqual([
      ['a-1', 14, 600, null],
      ['a-ttt', 2, 600, null],
      ['a-3', 4, 600, 'a-ttt'],
    ]);
    // Of the three readings, the two of 2026-04-01 are void: the March one stands.
    expect(dossier.measurements).toEqual([{ indicatorId: 'i-1', measuredOn: '2026-03-01', value: 30 }]);
  });

  it('the beneficiary ranks its needs, and a mid-term review in monitoring leaves the phase as it is', async () => {
    await ok(ben, '/needs', { needId: 'need-3', kind: 'national-priority', description: 'Legal framework', confidential: false });
    const stated = ((await read(path('/dossier'), ben)).body.needs as { needId: string }[]).map((n) => n.needId);
    await ok(ben, '/needs/reprioritisation', { needIds: [...stated].reverse(), reason: 'The new minister puts the legal framework first' });
    const needs = (await read(path('/dossier'), donor)).body.needs as { needId: string; priority: number }[];
    expect(needs.map((n) => [n.needId, n.priority])).toEqual([...stated].reverse().map((id, i) => [id, i + 1]));

    await ok(donor, '/phase-transitions', { to: 'monitoring', reason: 'First cohort trained' });
    await ok(donor, '/mid-term-reviews', {
      reviewId: 'mtr-1',
      scores: [{ principle: 'national-ownership', score: 3, evidence: 'The CERT chairs the steering committee', eventIds: [] }],
      findings: 'Training on track; the legal workstream has not started',
      recommendations: 'Start the legal drafting workshops before the next disbursement',
    });
    const p = (await read(path(''))).body;
    expect(p.phase).toBe('monitoring');
    const reviews = (await read(path('/dossier'), ben)).body.midTermReviews as { reviewId: string; reviewerId: string; recommendations: string }[];
    expect(reviews).toEqual([
      expect.objectContaining({ reviewId: 'mtr-1', reviewerId: donor, recommendations: 'Start the legal drafting workshops before the next disbursement' }),
    ]);
    // Review text is the parties' alone: the timeline names it without quoting it.
    const entry = ((await read(`${path('/history')}?limit=500`)).body.items as { type: string; summary: string }[]).find((e) => e.type === 'MidTermReviewRecorded');
    expect(entry?.summary).not.toContain('legal');
  });

  it('refuses a correction that breaks a rule or is malformed, and appends nothing', async () => {
    const count = async () => (await streamOf(t.app, `partnership-${P}`)).length;
    const before = await count();
    // EUR 100,000 is disbursed under c-1: it cannot go below that.
    const below = await post(t.app, path('/commitments/c-1/amendment'), donor, { amount: eur(9_999_999), reason: 'too low' });
    expect(below.status).toBe(422);
    expect(below.body.code).toBe('rule.flow.disbursement-within-commitment');
    const foreign = await post(t.app, path('/commitments/c-1/amendment'), impl, { amount: eur(20_000_000), reason: 'not mine to amend' });
    expect(foreign.status).toBe(403);
    const array = await post(t.app, path('/commitments/c-1/amendment'), donor, { amount: [eur(1)], reason: 'x' });
    expect(array.status).toBe(400);
    expect(JSON.stringify(array.body)).toContain('amount');
    const nul = await post(t.app, path('/flows/d-1/void'), donor, { reason: 'dup\u0000licate' });
    expect(nul.status).toBe(400);
    const proto = await post(t.app, path('/flows/__proto__/void'), donor, { reason: 'hostile' });
    expect(proto.status).toBe(400);
    const already = await post(t.app, path('/flows/d-2/void'), donor, { reason: 'again' });
    expect(already.status).toBe(422);
    expect(await count()).toBe(before);
    expect(
      (
        await request(t.app.getHttpServer())
          .get(`/api${path('')}`)
          .set(actor(ADMIN_ORG))
      ).status,
    ).toBe(200);
  });
});
