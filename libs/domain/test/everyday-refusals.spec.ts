import type { PartnershipEvent } from '../src';
import { decideExchangeRates, initialExchangeRateSetState, MAX_RATES_PER_SET } from '../src/exchange-rates/exchange-rates';
import { BENEFICIARY, deliveredActivity, DONOR, EVALUATOR, IMPLEMENTER, inDelivery, milestonePlanned, need, proposed, toCoDesign } from '../src/testing/partnership-fixtures';
import { as, given, NOW } from '../src/testing/partnership-spec';

/** The refusals a careless client meets every day: ids reused or unknown, empty lists, counts that cannot be. */
const activity = { ...deliveredActivity, participants: { women: 8, men: 9, undisclosed: 0 } };
const delivered: PartnershipEvent = { type: 'ActivityDelivered', schemaVersion: 1, data: activity };
const indicator = { indicatorId: 'i-1', name: 'Incidents handled', unit: 'incidents', baseline: 0, target: 100, baselineDate: '2026-01-15' };
const risk = { riskId: 'r-1', kind: 'risk' as const, description: 'Staff turnover', severity: 'low' as const };
const toMonitoring: PartnershipEvent = { type: 'PhaseAdvanced', schemaVersion: 1, data: { from: 'delivery', to: 'monitoring', reason: 'm' } };
const toEvaluation: PartnershipEvent = { type: 'PhaseAdvanced', schemaVersion: 1, data: { from: 'monitoring', to: 'evaluation', reason: 'e' } };
const appointed: PartnershipEvent = { type: 'EvaluatorAppointed', schemaVersion: 1, data: { organisationId: EVALUATOR, appointedBy: DONOR } };
const score = { principle: 'national-ownership' as const, score: 3, evidence: 'CERT leads', eventIds: [] };
const evaluation = { evaluationId: 'ev-1', corrects: null, scores: [score], findings: 'f', lessons: 'l' };

describe('activities', () => {
  it('are recorded once, with whole counts of zero or more', () => {
    given(...inDelivery, delivered)
      .when({ type: 'RecordActivity', data: activity, context: as(IMPLEMENTER) })
      .thenThrows('activity.unique');
    given(...inDelivery)
      .when({ type: 'RecordActivity', data: { ...activity, participants: { women: -1, men: 9, undisclosed: 0 } }, context: as(IMPLEMENTER) })
      .thenThrows('activity.counts');
    given(...inDelivery)
      .when({ type: 'RecordActivity', data: { ...activity, trainers: { local: 1.5, foreign: 0 } }, context: as(IMPLEMENTER) })
      .thenThrows('activity.counts');
  });

  it('are corrected or voided only when they exist and stand', () => {
    given(...inDelivery)
      .when({ type: 'VoidActivity', data: { activityId: 'a-9', reason: 'never held' }, context: as(IMPLEMENTER) })
      .thenThrows('activity.exists');
    const voided: PartnershipEvent = { type: 'ActivityVoided', schemaVersion: 1, data: { activityId: 'a-1', reason: 'never held', voidedBy: IMPLEMENTER } };
    given(...inDelivery, delivered, voided)
      .when({ type: 'VoidActivity', data: { activityId: 'a-1', reason: 'again' }, context: as(IMPLEMENTER) })
      .thenThrows('activity.voided-once');
  });
});

describe('milestones, indicators, risks and expenditure', () => {
  it('refuse ids used twice or never used', () => {
    given(...inDelivery, milestonePlanned)
      .when({ type: 'PlanMilestone', data: { milestoneId: 'm-1', title: 'again', dueDate: '2026-05-01', objectiveId: null }, context: as(IMPLEMENTER) })
      .thenThrows('milestone.unique');
    given(...inDelivery)
      .when({ type: 'ReportMilestoneAchieved', data: { milestoneId: 'm-9', achievedOn: '2026-04-20', evidence: [] }, context: as(IMPLEMENTER) })
      .thenThrows('milestone.exists');
    given(...inDelivery)
      .when({ type: 'PlanMilestone', data: { milestoneId: 'm-2', title: 'x', dueDate: '2026-05-01', objectiveId: 'obj-9' }, context: as(IMPLEMENTER) })
      .thenThrows('plan.objective-exists');
    const defined: PartnershipEvent = { type: 'IndicatorDefined', schemaVersion: 1, data: indicator };
    given(...inDelivery, defined)
      .when({ type: 'DefineIndicator', data: indicator, context: as(IMPLEMENTER) })
      .thenThrows('indicator.unique');
    const raised: PartnershipEvent = { type: 'RiskRaised', schemaVersion: 1, data: { ...risk, raisedBy: DONOR } };
    given(...inDelivery, raised)
      .when({ type: 'RaiseRisk', data: risk, context: as(DONOR) })
      .thenThrows('risk.unique');
    const resolved: PartnershipEvent = { type: 'RiskResolved', schemaVersion: 1, data: { riskId: 'r-1', resolution: 'hired' } };
    given(...inDelivery, raised, resolved)
      .when({ type: 'ResolveRisk', data: { riskId: 'r-1', resolution: 'again' }, context: as(DONOR) })
      .thenThrows('risk.open');
    given(...inDelivery)
      .when({ type: 'VoidExpenditure', data: { flowId: 'x-9', reason: 'booked twice' }, context: as(IMPLEMENTER) })
      .thenThrows('expenditure.exists');
  });
});

describe('scoping and the plan', () => {
  it('need languages, themes and objectives; endorse only a plan that exists, once', () => {
    given(proposed)
      .when({ type: 'StateLanguages', data: { languages: [] }, context: as(BENEFICIARY) })
      .thenThrows('languages.required');
    given(proposed)
      .when({ type: 'TagPartnership', data: { themes: [], levels: [], sdgs: [], genderMarker: 0 }, context: as(BENEFICIARY) })
      .thenThrows('tags.theme-required');
    given(proposed, need, toCoDesign)
      .when({ type: 'ProposePlanVersion', data: { objectives: [], confidential: false }, context: as(BENEFICIARY) })
      .thenThrows('plan.objectives');
    given(proposed, need, toCoDesign)
      .when({ type: 'EndorsePlan', data: { version: 1, role: 'beneficiary' }, context: as(BENEFICIARY) })
      .thenThrows('plan.exists');
    given(...inDelivery)
      .when({ type: 'EndorsePlan', data: { version: 1, role: 'beneficiary' }, context: as(BENEFICIARY) })
      .thenThrows('plan.endorsed-once');
  });
});

describe('evaluations', () => {
  const evaluating = [...inDelivery, toMonitoring, toEvaluation, appointed];
  it('score at least one principle, under a new id, and correct only one that exists', () => {
    given(...evaluating)
      .when({ type: 'RecordEvaluation', data: { ...evaluation, scores: [] }, context: as(EVALUATOR) })
      .thenThrows('evaluation.scores');
    given(...evaluating)
      .when({ type: 'RecordEvaluation', data: { ...evaluation, scores: [score, score] }, context: as(EVALUATOR) })
      .thenThrows('evaluation.scores');
    const recorded: PartnershipEvent = { type: 'EvaluationRecorded', schemaVersion: 1, data: { ...evaluation, evaluatorId: EVALUATOR } };
    given(...evaluating, recorded)
      .when({ type: 'RecordEvaluation', data: evaluation, context: as(EVALUATOR) })
      .thenThrows('evaluation.unique');
    given(...evaluating)
      .when({ type: 'RecordEvaluation', data: { ...evaluation, evaluationId: 'ev-2', corrects: 'ev-9' }, context: as(EVALUATOR) })
      .thenThrows('evaluation.exists');
  });
});

describe('rate sets', () => {
  it('hold at most the documented number of rates', () => {
    const rates = Array.from({ length: MAX_RATES_PER_SET + 1 }, () => ({ base: 'EUR', quote: 'USD', valueDate: '2026-01-02', rate: '1.08' }));
    const context = { userId: 'admin', organisationId: 'org-admin', now: NOW, roles: ['admin'] as const };
    expect(() => decideExchangeRates({ type: 'RecordExchangeRates', data: { setId: 'big', source: 'ECB', rates }, context }, initialExchangeRateSetState)).toThrow(
      expect.objectContaining({ rule: 'rates.too-many' }),
    );
  });
});
