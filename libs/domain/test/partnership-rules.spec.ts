import { as, given } from '../src/testing/partnership-spec';
import {
  BENEFICIARY,
  committed,
  DONOR,
  endorsed,
  eur,
  EVALUATOR,
  IMPLEMENTER,
  inDelivery,
  joined,
  milestoneAchieved,
  milestonePlanned,
  need,
  OUTSIDER,
  planV1,
  proposed,
  toCoDesign,
} from '../src/testing/partnership-fixtures';
import type { PartnershipEvent } from '../src';

const toMonitoring: PartnershipEvent = { type: 'PhaseAdvanced', schemaVersion: 1, data: { from: 'delivery', to: 'monitoring', reason: 'm' } };
const toEvaluation: PartnershipEvent = { type: 'PhaseAdvanced', schemaVersion: 1, data: { from: 'monitoring', to: 'evaluation', reason: 'e' } };
const evaluatorAppointed: PartnershipEvent = { type: 'EvaluatorAppointed', schemaVersion: 1, data: { organisationId: EVALUATOR, appointedBy: DONOR } };
const closed: PartnershipEvent = {
  type: 'PartnershipClosed',
  schemaVersion: 1,
  data: { outcome: 'achieved', summary: 'done', handover: { done: true, institutionId: BENEFICIARY, date: '2026-06-01' } },
};
const evaluation = (evaluationId: string, corrects: string | null = null) => ({
  evaluationId,
  corrects,
  scores: [{ principle: 'national-ownership' as const, score: 3, evidence: 'Beneficiary led the plan', eventIds: ['e-1'] }],
  findings: 'Strong ownership',
  lessons: 'Start scoping earlier',
});

describe('partnership rules', () => {
  describe('proposal', () => {
    it('accepts a proposal and records the proposer as a party in its role', () => {
      const { proposerId: _p, ...data } = (proposed as Extract<PartnershipEvent, { type: 'PartnershipProposed' }>).data;
      given()
        .when({ type: 'ProposePartnership', data, context: as(BENEFICIARY) })
        .then([proposed]);
    });
    it('refuses a second proposal on the same stream', () => {
      const { proposerId: _p, ...data } = (proposed as Extract<PartnershipEvent, { type: 'PartnershipProposed' }>).data;
      given(proposed)
        .when({ type: 'ProposePartnership', data, context: as(BENEFICIARY) })
        .thenThrows('partnership.exists');
    });
    it('needs a user who holds the role the organisation proposes in', () => {
      const { proposerId: _p, ...data } = (proposed as Extract<PartnershipEvent, { type: 'PartnershipProposed' }>).data;
      given()
        .when({ type: 'ProposePartnership', data, context: as(BENEFICIARY, ['admin']) })
        .thenThrows('access.role');
    });
    it('refuses planned dates that end before they start', () => {
      const { proposerId: _p, ...data } = (proposed as Extract<PartnershipEvent, { type: 'PartnershipProposed' }>).data;
      given()
        .when({ type: 'ProposePartnership', data: { ...data, plannedEnd: '2025-01-01' }, context: as(BENEFICIARY) })
        .thenThrows('dates.end-after-start');
    });
  });

  describe('phase order', () => {
    it('moves from scoping to co-design', () => {
      given(proposed, joined(DONOR, 'donor'))
        .when({ type: 'AdvancePhase', data: { to: 'co-design', reason: 'scoped' }, context: as(DONOR) })
        .then([{ type: 'PhaseAdvanced', schemaVersion: 1, data: { from: 'scoping', to: 'co-design', reason: 'scoped' } }]);
    });
    it('refuses to skip from scoping to delivery', () => {
      given(proposed)
        .when({ type: 'AdvancePhase', data: { to: 'delivery', reason: 'hurry' }, context: as(BENEFICIARY) })
        .thenThrows('phase.order');
    });
    it('lets monitoring go back to delivery, but not evaluation', () => {
      given(...inDelivery, toMonitoring)
        .when({ type: 'AdvancePhase', data: { to: 'delivery', reason: 'next tranche' }, context: as(IMPLEMENTER) })
        .then([{ type: 'PhaseAdvanced', schemaVersion: 1, data: { from: 'monitoring', to: 'delivery', reason: 'next tranche' } }]);
      given(...inDelivery, toMonitoring, toEvaluation)
        .when({ type: 'AdvancePhase', data: { to: 'delivery', reason: 'again' }, context: as(IMPLEMENTER) })
        .thenThrows('phase.order');
    });
    it('suspends from an open phase and resumes to the same phase; a suspended partnership refuses work', () => {
      const suspended: PartnershipEvent = { type: 'PartnershipSuspended', schemaVersion: 1, data: { phase: 'delivery', reason: 'elections' } };
      given(...inDelivery)
        .when({ type: 'SuspendPartnership', data: { reason: 'elections' }, context: as(DONOR) })
        .then([suspended]);
      given(...inDelivery, suspended)
        .when({ type: 'ResumePartnership', data: { reason: 'new government confirmed' }, context: as(DONOR) })
        .then([{ type: 'PartnershipResumed', schemaVersion: 1, data: { phase: 'delivery', reason: 'new government confirmed' } }]);
      given(...inDelivery, suspended)
        .when({ type: 'PlanMilestone', data: { milestoneId: 'm-9', title: 't', dueDate: '2026-09-01', objectiveId: null }, context: as(IMPLEMENTER) })
        .thenThrows('partnership.suspended');
      given(...inDelivery)
        .when({ type: 'ResumePartnership', data: { reason: 'x' }, context: as(DONOR) })
        .thenThrows('partnership.not-suspended');
    });
  });

  describe('endorsement before delivery', () => {
    const coDesign = [proposed, joined(DONOR, 'donor'), joined(IMPLEMENTER, 'implementer'), need, toCoDesign, planV1];
    it('starts delivery once the beneficiary, a donor and an implementer endorsed the current version', () => {
      given(...coDesign, endorsed(BENEFICIARY, 'beneficiary'), endorsed(DONOR, 'donor'), endorsed(IMPLEMENTER, 'implementer'))
        .when({ type: 'AdvancePhase', data: { to: 'delivery', reason: 'go' }, context: as(DONOR) })
        .then([{ type: 'PhaseAdvanced', schemaVersion: 1, data: { from: 'co-design', to: 'delivery', reason: 'go' } }]);
    });
    it('refuses delivery without the beneficiary endorsement', () => {
      given(...coDesign, endorsed(DONOR, 'donor'), endorsed(IMPLEMENTER, 'implementer'))
        .when({ type: 'AdvancePhase', data: { to: 'delivery', reason: 'go' }, context: as(DONOR) })
        .thenThrows('plan.endorsed-before-delivery');
    });
    it('a new plan version resets the endorsements', () => {
      const planV2: PartnershipEvent = { ...planV1, data: { ...(planV1.data as object), version: 2 } } as PartnershipEvent;
      given(...coDesign, endorsed(BENEFICIARY, 'beneficiary'), endorsed(DONOR, 'donor'), endorsed(IMPLEMENTER, 'implementer'), planV2)
        .when({ type: 'AdvancePhase', data: { to: 'delivery', reason: 'go' }, context: as(DONOR) })
        .thenThrows('plan.endorsed-before-delivery');
    });
    it('refuses an endorsement of a superseded version, or in a role the party does not hold', () => {
      const planV2: PartnershipEvent = { ...planV1, data: { ...(planV1.data as object), version: 2 } } as PartnershipEvent;
      given(...coDesign, planV2)
        .when({ type: 'EndorsePlan', data: { version: 1, role: 'donor' }, context: as(DONOR) })
        .thenThrows('plan.current-version');
      given(...coDesign)
        .when({ type: 'EndorsePlan', data: { version: 1, role: 'beneficiary' }, context: as(DONOR) })
        .thenThrows('access.role');
    });
  });

  describe('only parties act, each within its role', () => {
    it('refuses a non-party', () => {
      given(...inDelivery)
        .when({ type: 'RaiseRisk', data: { riskId: 'r', kind: 'risk', description: 'd', severity: 'low' }, context: as(OUTSIDER) })
        .thenThrows('access.party');
    });
    it('refuses a donor logging an activity (implementers do)', () => {
      given(...inDelivery, milestonePlanned)
        .when({ type: 'ReportMilestoneAchieved', data: (milestoneAchieved as Extract<PartnershipEvent, { type: 'MilestoneAchieved' }>).data, context: as(DONOR) })
        .thenThrows('access.role');
    });
    it('needs the role in the user as well as in its organisation', () => {
      given(...inDelivery, milestonePlanned)
        .when({ type: 'ReportMilestoneAchieved', data: (milestoneAchieved as Extract<PartnershipEvent, { type: 'MilestoneAchieved' }>).data, context: as(IMPLEMENTER, ['donor']) })
        .thenThrows('access.role');
      given(proposed, joined(DONOR, 'donor'), joined(IMPLEMENTER, 'implementer'), toCoDesign, need, planV1)
        .when({ type: 'EndorsePlan', data: { version: 1, role: 'beneficiary' }, context: as(BENEFICIARY, ['admin']) })
        .thenThrows('access.role');
    });
    it('tells a non-party nothing about the partnership: not its phase, not that it is closed', () => {
      given(...inDelivery, toMonitoring, toEvaluation, closed)
        .when({ type: 'RaiseRisk', data: { riskId: 'r', kind: 'risk', description: 'd', severity: 'low' }, context: as(OUTSIDER) })
        .thenThrows('access.party');
      given(...inDelivery)
        .when({ type: 'AdvancePhase', data: { to: 'evaluation', reason: 'x' }, context: as(OUTSIDER) })
        .thenThrows('access.party');
    });
    it('lets only the beneficiary state needs', () => {
      given(proposed, joined(DONOR, 'donor'))
        .when({ type: 'StateNeed', data: { needId: 'n-2', kind: 'national-priority', description: 'x', confidential: false }, context: as(DONOR) })
        .thenThrows('access.role');
      given(proposed)
        .when({ type: 'StateNeed', data: { needId: 'n-2', kind: 'national-priority', description: 'x', confidential: true }, context: as(BENEFICIARY) })
        .then([{ type: 'NeedStated', schemaVersion: 1, data: { needId: 'n-2', kind: 'national-priority', description: 'x', confidential: true, statedBy: BENEFICIARY } }]);
    });
  });

  describe('money', () => {
    const flow = { flowId: 'c-1', receiverId: IMPLEMENTER, amount: eur(500_000_00), date: '2026-02-01', exchangeRate: null };
    it('commits integer minor units in an ISO 4217 currency', () => {
      given(...inDelivery)
        .when({ type: 'CommitFunding', data: flow, context: as(DONOR) })
        .then([committed(500_000_00)]);
    });
    it('refuses fractions of a minor unit, negative amounts and unknown currencies', () => {
      given(...inDelivery)
        .when({ type: 'CommitFunding', data: { ...flow, amount: eur(10.5) }, context: as(DONOR) })
        .thenThrows('money.integer-minor-units');
      given(...inDelivery)
        .when({ type: 'CommitFunding', data: { ...flow, amount: eur(-100) }, context: as(DONOR) })
        .thenThrows('money.positive');
      given(...inDelivery)
        .when({ type: 'CommitFunding', data: { ...flow, amount: { amountMinor: 100, currency: 'XYZ' } }, context: as(DONOR) })
        .thenThrows('money.iso-4217');
    });
    it('disburses within what that provider committed to that receiver in that currency', () => {
      const disbursement = { ...flow, flowId: 'd-1', amount: eur(200_000_00) };
      given(...inDelivery, committed(500_000_00))
        .when({ type: 'DisburseFunds', data: disbursement, context: as(DONOR) })
        .then([{ type: 'FundsDisbursed', schemaVersion: 1, data: { ...disbursement, providerId: DONOR } }]);
    });
    it('refuses a disbursement above the commitment, or in another currency', () => {
      given(...inDelivery, committed(500_000_00))
        .when({ type: 'DisburseFunds', data: { ...flow, flowId: 'd-1', amount: eur(600_000_00) }, context: as(DONOR) })
        .thenThrows('flow.disbursement-within-commitment');
      given(...inDelivery, committed(500_000_00))
        .when({ type: 'DisburseFunds', data: { ...flow, flowId: 'd-1', amount: { amountMinor: 100, currency: 'USD' } }, context: as(DONOR) })
        .thenThrows('flow.disbursement-within-commitment');
    });
    it('voids an expenditure with a reason (a correction, not an edit)', () => {
      const spent: PartnershipEvent = {
        type: 'ExpenditureRecorded',
        schemaVersion: 2,
        data: {
          flowId: 'x-1',
          spenderId: IMPLEMENTER,
          amount: eur(1000),
          date: '2026-03-01',
          category: 'venue',
          spentInCountry: 'GH',
          supplier: { name: 'Accra venue', local: true },
          exchangeRate: null,
          overspendReason: null,
        },
      };
      given(...inDelivery, spent)
        .when({ type: 'VoidExpenditure', data: { flowId: 'x-1', reason: 'duplicate invoice' }, context: as(IMPLEMENTER) })
        .then([{ type: 'ExpenditureVoided', schemaVersion: 1, data: { flowId: 'x-1', reason: 'duplicate invoice', voidedBy: IMPLEMENTER } }]);
      given(...inDelivery, spent, { type: 'ExpenditureVoided', schemaVersion: 1, data: { flowId: 'x-1', reason: 'dup', voidedBy: IMPLEMENTER } })
        .when({ type: 'VoidExpenditure', data: { flowId: 'x-1', reason: 'again' }, context: as(IMPLEMENTER) })
        .thenThrows('expenditure.voided-once');
    });
  });

  describe('dates', () => {
    it('refuses a fact dated in the future', () => {
      given(...inDelivery, milestonePlanned)
        .when({ type: 'ReportMilestoneAchieved', data: { milestoneId: 'm-1', achievedOn: '2026-12-01', evidence: [] }, context: as(IMPLEMENTER) })
        .thenThrows('dates.not-in-future');
    });
  });

  describe('milestone confirmation', () => {
    it('the beneficiary confirms a milestone reported achieved', () => {
      given(...inDelivery, milestonePlanned, milestoneAchieved)
        .when({ type: 'ConfirmMilestone', data: { milestoneId: 'm-1', note: 'SOP in use' }, context: as(BENEFICIARY) })
        .then([{ type: 'MilestoneConfirmed', schemaVersion: 1, data: { milestoneId: 'm-1', note: 'SOP in use', confirmedBy: BENEFICIARY } }]);
    });
    it('refuses confirming before the milestone is reported achieved', () => {
      given(...inDelivery, milestonePlanned)
        .when({ type: 'ConfirmMilestone', data: { milestoneId: 'm-1', note: '' }, context: as(BENEFICIARY) })
        .thenThrows('milestone.confirm-after-achieved');
    });
    it('refuses a dispute by anyone but the beneficiary', () => {
      given(...inDelivery, milestonePlanned, milestoneAchieved)
        .when({ type: 'DisputeMilestone', data: { milestoneId: 'm-1', reason: 'not delivered' }, context: as(DONOR) })
        .thenThrows('access.role');
    });
  });

  describe('evaluation and closure', () => {
    const evaluating = [...inDelivery, toMonitoring, toEvaluation, evaluatorAppointed];
    it('an appointed evaluator records findings with a score per principle', () => {
      given(...evaluating)
        .when({ type: 'RecordEvaluation', data: evaluation('ev-1'), context: as(EVALUATOR) })
        .then([{ type: 'EvaluationRecorded', schemaVersion: 1, data: { ...evaluation('ev-1'), evaluatorId: EVALUATOR } }]);
      given(...inDelivery, toMonitoring, toEvaluation)
        .when({ type: 'RecordEvaluation', data: evaluation('ev-1'), context: as(EVALUATOR) })
        .thenThrows('access.party');
    });
    it('a closed partnership accepts nothing but corrections by evaluation', () => {
      const recorded: PartnershipEvent = { type: 'EvaluationRecorded', schemaVersion: 1, data: { ...evaluation('ev-1'), evaluatorId: EVALUATOR } };
      given(...evaluating, recorded, closed)
        .when({ type: 'RecordEvaluation', data: evaluation('ev-2', 'ev-1'), context: as(EVALUATOR) })
        .then([{ type: 'EvaluationRecorded', schemaVersion: 1, data: { ...evaluation('ev-2', 'ev-1'), evaluatorId: EVALUATOR } }]);
      given(...evaluating, recorded, closed)
        .when({ type: 'RecordEvaluation', data: evaluation('ev-3'), context: as(EVALUATOR) })
        .thenThrows('partnership.closed');
      given(...evaluating, closed)
        .when({ type: 'RaiseRisk', data: { riskId: 'r', kind: 'issue', description: 'd', severity: 'low' }, context: as(DONOR) })
        .thenThrows('partnership.closed');
    });
    it('closes from evaluation with a handover that names the institution', () => {
      given(...evaluating)
        .when({ type: 'ClosePartnership', data: closed.data, context: as(DONOR) })
        .then([closed]);
      given(...evaluating)
        .when({ type: 'ClosePartnership', data: { outcome: 'achieved', summary: 's', handover: { done: true, institutionId: null, date: null } }, context: as(DONOR) })
        .thenThrows('closure.handover');
      given(...inDelivery)
        .when({ type: 'ClosePartnership', data: closed.data, context: as(DONOR) })
        .thenThrows('phase.order');
    });
  });
});
