import type { OrganisationEvent, PartnershipEvent } from '@ccb/domain';
import {
  BENEFICIARY,
  committed,
  DONOR,
  DONOR_2,
  EVALUATOR,
  eur,
  IMPLEMENTER,
  inDelivery,
  milestoneAchieved,
  milestonePlanned,
  proposed,
  joined,
} from '@ccb/domain/testing/partnership-fixtures';
import { InProcessLease, ProjectionRunner } from '../src';
import { dumpReadModel, openReadModelHarness, type ReadModelHarness } from '../src/testing/read-model-harness';

const LOCAL_PARTNER = 'org-local';

const registered = (organisationId: string, country: string, developmentStatus: 'developed' | 'developing', kind = 'ngo'): OrganisationEvent => ({
  type: 'OrganisationRegistered',
  schemaVersion: 1,
  data: {
    organisationId,
    name: organisationId.toUpperCase(),
    kind: kind as 'ngo',
    country,
    region: country === 'GH' || country === 'KE' ? 'africa' : 'europe',
    developmentStatus,
    contacts: [{ name: 'Desk', function: 'Programme', email: `${organisationId}@example.org` }],
  },
});

const flow = (type: 'FundsDisbursed' | 'FundingCommitted', flowId: string, providerId: string, receiverId: string, amountMinor: number): PartnershipEvent => ({
  type,
  schemaVersion: 1,
  data: { flowId, providerId, receiverId, amount: eur(amountMinor), date: '2026-03-01', exchangeRate: null },
});

const spent = (flowId: string, amountMinor: number, local: boolean, spenderId = IMPLEMENTER): PartnershipEvent => ({
  type: 'ExpenditureRecorded',
  schemaVersion: 2,
  data: {
    flowId,
    spenderId,
    amount: eur(amountMinor),
    date: '2026-03-10',
    category: 'training',
    spentInCountry: local ? 'GH' : 'DE',
    supplier: { name: local ? 'Accra Venue Ltd' : 'Berlin Consult', local },
    exchangeRate: null,
    overspendReason: null,
  },
});

const activity = (activityId: string, women: number, men: number, languages: string[], needIds: string[] = []): PartnershipEvent => ({
  type: 'ActivityDelivered',
  schemaVersion: 1,
  data: {
    activityId,
    type: 'training',
    title: `Course ${activityId}`,
    themes: ['incident-response-cert'],
    level: 'technical',
    startDate: '2026-03-01',
    endDate: '2026-03-05',
    languages,
    participants: { women, men, undisclosed: 0 },
    participantHours: (women + men) * 10,
    trainers: { local: 1, foreign: 1 },
    localTrainersProduced: 0,
    trainedByActivityId: null,
    objectiveId: 'obj-1',
    needIds,
    continuesAfterFunding: false,
  },
});

describe.each(['embedded', 'postgresql'] as const)('portfolio and timeline projections (%s)', (backend) => {
  let h: ReadModelHarness;
  let s: string;
  beforeAll(async () => {
    h = await openReadModelHarness(backend, { batchSize: 7 });
    s = h.models.portfolio.schema;
    await h.appendOrganisation(DONOR, [registered(DONOR, 'NO', 'developed', 'state-body')]);
    await h.appendOrganisation(DONOR_2, [registered(DONOR_2, 'JP', 'developed', 'state-body')]);
    await h.appendOrganisation(IMPLEMENTER, [registered(IMPLEMENTER, 'DE', 'developed')]);
    await h.appendOrganisation(BENEFICIARY, [registered(BENEFICIARY, 'GH', 'developing', 'state-body')]);
    await h.appendOrganisation(LOCAL_PARTNER, [registered(LOCAL_PARTNER, 'GH', 'developing')]);
    await h.appendOrganisation(EVALUATOR, [registered(EVALUATOR, 'KE', 'developing', 'academia')]);
  });
  afterAll(() => h.close());

  // Each test projects its own partnership (and its own organisation where it changes one), so they run in any order.
  it('projects a partnership, its parties and its phase', async () => {
    await h.appendPartnership('p-parties', inDelivery);
    await h.catchUp();
    const [p] = await h.rows<Record<string, unknown>>(`SELECT * FROM ${s}.partnerships WHERE partnership_id = 'p-parties'`);
    expect(p).toMatchObject({
      phase: 'delivery',
      beneficiary_country: 'GH',
      beneficiary_region: 'africa',
      modality: 'north-south',
      donor_ids: [DONOR],
      implementer_ids: [IMPLEMENTER],
      beneficiary_ids: [BENEFICIARY],
      lo_demand_origin: 1,
      lo_co_design_endorsed: 1,
      revision: inDelivery.length - 1,
    });
    const parties = await h.rows<{ organisation_id: string; role: string }>(`SELECT organisation_id, role FROM ${s}.parties WHERE partnership_id = 'p-parties' ORDER BY role`);
    expect(parties).toEqual([
      { organisation_id: BENEFICIARY, role: 'beneficiary' },
      { organisation_id: DONOR, role: 'donor' },
      { organisation_id: IMPLEMENTER, role: 'implementer' },
    ]);
  });

  it('keeps the flows of a three-level chain and voids an expenditure as if it never happened', async () => {
    await h.appendPartnership('p-chain', [
      ...inDelivery,
      joined(LOCAL_PARTNER, 'implementer'),
      committed(1_000_000),
      flow('FundsDisbursed', 'd-1', DONOR, IMPLEMENTER, 600_000),
      flow('FundsDisbursed', 'd-2', IMPLEMENTER, LOCAL_PARTNER, 200_000),
      spent('e-1', 100_000, true, LOCAL_PARTNER),
      spent('e-2', 300_000, false),
      spent('e-3', 50_000, true),
      { type: 'ExpenditureVoided', schemaVersion: 1, data: { flowId: 'e-2', reason: 'Booked twice', voidedBy: IMPLEMENTER } },
    ]);
    await h.catchUp();
    const flows = await h.rows<{ flow_id: string; kind: string; amount_minor: string; voided: boolean }>(
      `SELECT flow_id, kind, amount_minor, voided FROM ${s}.flows WHERE partnership_id = 'p-chain' ORDER BY flow_id`,
    );
    expect(flows.map((f) => [f.flow_id, f.kind, Number(f.amount_minor), f.voided])).toEqual([
      ['c-1', 'commitment', 1_000_000, false],
      ['d-1', 'disbursement', 600_000, false],
      ['d-2', 'disbursement', 200_000, false],
      ['e-1', 'expenditure', 100_000, false],
      ['e-2', 'expenditure', 300_000, true],
      ['e-3', 'expenditure', 50_000, false],
    ]);
    const [p] = await h.rows<Record<string, number>>(`SELECT lo_local_spend, lo_beneficiary_managed FROM ${s}.partnerships WHERE partnership_id = 'p-chain'`);
    // Voided e-2 is gone from the share: 150,000 of 150,000 spent locally.
    expect(p.lo_local_spend).toBe(1);
    // 200,000 of the 600,000 that entered reached a Ghanaian organisation.
    expect(p.lo_beneficiary_managed).toBeCloseTo(0.3333, 4);
  });

  it('tracks milestones through confirmation and activities with participants by sex', async () => {
    await h.appendPartnership('p-delivery', [
      ...inDelivery,
      milestonePlanned,
      milestoneAchieved,
      { type: 'MilestoneConfirmed', schemaVersion: 1, data: { milestoneId: 'm-1', confirmedBy: BENEFICIARY, note: 'Seen in use' } },
      { type: 'LanguagesStated', schemaVersion: 1, data: { languages: ['en'], statedBy: BENEFICIARY } },
      activity('a-1', 12, 8, ['en'], ['need-1']),
      activity('a-2', 3, 7, ['fr']),
    ]);
    await h.catchUp();
    const [m] = await h.rows<{ status: string }>(`SELECT status FROM ${s}.milestones WHERE partnership_id = 'p-delivery'`);
    expect(m.status).toBe('confirmed');
    const activities = await h.rows<{ activity_id: string; women: number; men: number }>(
      `SELECT activity_id, women, men FROM ${s}.activities WHERE partnership_id = 'p-delivery' ORDER BY activity_id`,
    );
    expect(activities).toEqual([
      { activity_id: 'a-1', women: 12, men: 8 },
      { activity_id: 'a-2', women: 3, men: 7 },
    ]);
    const [p] = await h.rows<Record<string, number>>(
      `SELECT participants_women, participants_men, lo_language, lo_validation, lo_alignment, lo_index FROM ${s}.partnerships WHERE partnership_id = 'p-delivery'`,
    );
    expect(p).toMatchObject({ participants_women: 15, participants_men: 15, lo_validation: 1 });
    // 200 of 300 participant-hours in English, which the beneficiary named.
    expect(p.lo_language).toBeCloseTo(0.6667, 4);
    // obj-1 and a-1 link to the beneficiary's need; a-2 does not.
    expect(p.lo_alignment).toBeCloseTo(0.6667, 4);
    expect(p.lo_index).toBeGreaterThan(0);
  });

  it('finds overlapping partnerships of different donors, and forgets them when a donor is shared', async () => {
    await h.appendPartnership('p-overlap-a', inDelivery);
    await h.appendPartnership('p-overlap-b', [
      { ...proposed, data: { ...(proposed.data as object), partnershipId: 'p-overlap-b', proposerId: BENEFICIARY } } as PartnershipEvent,
      joined(DONOR_2, 'donor'),
    ]);
    await h.catchUp();
    const pair = `SELECT * FROM ${s}.overlaps WHERE partnership_a = 'p-overlap-a' AND partnership_b = 'p-overlap-b'`;
    const overlaps = await h.rows<{ partnership_a: string; partnership_b: string; shared_themes: string[] }>(pair);
    expect(overlaps).toEqual([expect.objectContaining({ partnership_a: 'p-overlap-a', partnership_b: 'p-overlap-b', shared_themes: ['incident-response-cert'] })]);
    await h.appendPartnership('p-overlap-b', [joined(DONOR, 'donor')]);
    await h.catchUp();
    expect(await h.rows(pair)).toEqual([]);
  });

  it('replaces a corrected evaluation in the scorecard', async () => {
    const score = (evaluationId: string, corrects: string | null, value: number): PartnershipEvent => ({
      type: 'EvaluationRecorded',
      schemaVersion: 1,
      data: {
        evaluationId,
        evaluatorId: EVALUATOR,
        corrects,
        scores: [{ principle: 'national-ownership', score: value, evidence: 'Interviews', eventIds: [] }],
        findings: 'Findings',
        lessons: 'Lessons',
      },
    });
    await h.appendPartnership('p-scores', [
      ...inDelivery,
      { type: 'EvaluatorAppointed', schemaVersion: 1, data: { organisationId: EVALUATOR, appointedBy: DONOR } },
      score('ev-1', null, 2),
    ]);
    await h.catchUp();
    const scores = `SELECT evaluation_id, score FROM ${s}.principle_scores WHERE partnership_id = 'p-scores'`;
    expect(await h.rows(scores)).toEqual([{ evaluation_id: 'ev-1', score: 2 }]);
    await h.appendPartnership('p-scores', [score('ev-2', 'ev-1', 3)]);
    await h.catchUp();
    expect(await h.rows(scores)).toEqual([{ evaluation_id: 'ev-2', score: 3 }]);
  });

  it('re-derives a partnership when one of its organisations changes', async () => {
    const MOVING = 'org-moving';
    await h.appendOrganisation(MOVING, [registered(MOVING, 'DE', 'developed')]);
    await h.appendPartnership('p-moving', [proposed, joined(DONOR, 'donor'), joined(MOVING, 'implementer')]);
    await h.catchUp();
    const modality = async () => (await h.rows<{ modality: string }>(`SELECT modality FROM ${s}.partnerships WHERE partnership_id = 'p-moving'`))[0].modality;
    expect(await modality()).toBe('north-south');
    await h.appendOrganisation(MOVING, [{ type: 'OrganisationUpdated', schemaVersion: 1, data: { organisationId: MOVING, country: 'KE', developmentStatus: 'developing' } }]);
    await h.catchUp();
    expect(await modality()).toBe('triangular');
  });

  it('writes a timeline with actor and reason, and no confidential text', async () => {
    await h.appendPartnership('p-timeline', inDelivery);
    await h.appendPartnership('p-timeline', [{ type: 'PartnershipSuspended', schemaVersion: 1, data: { phase: 'delivery', reason: 'Elections' } }], {
      actor: 'user-ama',
      reason: 'Elections',
    });
    await h.catchUp();
    const rows = await h.rows<{ type: string; actor: string; reason: string | null; summary: string }>(
      `SELECT type, actor, reason, summary FROM ${h.models.timeline.schema}.timeline WHERE partnership_id = 'p-timeline' ORDER BY revision`,
    );
    expect(rows[rows.length - 1]).toEqual({ type: 'PartnershipSuspended', actor: 'user-ama', reason: 'Elections', summary: 'Suspended during delivery' });
    const need = rows.find((r) => r.type === 'NeedStated')!;
    expect(need.summary).not.toContain('Incident triage procedures');
  });

  it('builds the same rows from scratch as it built incrementally', async () => {
    const incremental = await dumpReadModel(h.dataSource, h.models.portfolio);
    await h.rows(`UPDATE ${s}.projection_checkpoint SET position = 'start'`);
    for (const table of h.models.portfolio.tables) await h.rows(`DELETE FROM ${s}.${table}`);
    for (const runner of h.runners) await runner.stop();
    const fresh = new ProjectionRunner(h.dataSource, h.store, h.projections[0], { lease: new InProcessLease(), batchSize: 1000 });
    while (await fresh.step());
    expect(await dumpReadModel(h.dataSource, h.models.portfolio)).toEqual(incremental);
  });
});
