import type { PartnershipEvent } from '../src';
import { BENEFICIARY, DONOR, EVALUATOR, IMPLEMENTER, inDelivery, joined, need, proposed, toCoDesign } from '../src/testing/partnership-fixtures';
import { as, given } from '../src/testing/partnership-spec';

const NEW_EVALUATOR = 'org-evaluator-2';
const toMonitoring: PartnershipEvent = { type: 'PhaseAdvanced', schemaVersion: 1, data: { from: 'delivery', to: 'monitoring', reason: 'm' } };
const toEvaluation: PartnershipEvent = { type: 'PhaseAdvanced', schemaVersion: 1, data: { from: 'monitoring', to: 'evaluation', reason: 'e' } };
const appointed: PartnershipEvent = { type: 'EvaluatorAppointed', schemaVersion: 1, data: { organisationId: EVALUATOR, appointedBy: DONOR } };
const replaced: PartnershipEvent = {
  type: 'EvaluatorReplaced',
  schemaVersion: 1,
  data: { previousId: EVALUATOR, organisationId: NEW_EVALUATOR, reason: 'conflict', replacedBy: DONOR },
};
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
const recorded: PartnershipEvent = { type: 'EvaluationRecorded', schemaVersion: 1, data: { ...evaluation('ev-1'), evaluatorId: EVALUATOR } };
const evaluating = [...inDelivery, toMonitoring, toEvaluation, appointed];

describe('correcting evaluations and evaluators', () => {
  it('only the evaluator who recorded an evaluation, or its replacement, corrects it', () => {
    given(...evaluating, recorded, replaced)
      .when({ type: 'RecordEvaluation', data: evaluation('ev-2', 'ev-1'), context: as(NEW_EVALUATOR) })
      .then([{ type: 'EvaluationRecorded', schemaVersion: 1, data: { ...evaluation('ev-2', 'ev-1'), evaluatorId: NEW_EVALUATOR } }]);
    // The replaced evaluator is no party any more.
    given(...evaluating, recorded, replaced)
      .when({ type: 'RecordEvaluation', data: evaluation('ev-2', 'ev-1'), context: as(EVALUATOR) })
      .thenThrows('access.party');
  });

  it('replaces the evaluator by a donor, with a registered and independent organisation', () => {
    const data = { previousId: EVALUATOR, organisationId: NEW_EVALUATOR, reason: 'conflict', registered: true };
    given(...evaluating)
      .when({ type: 'ReplaceEvaluator', data, context: as(DONOR) })
      .then([replaced]);
    given(...evaluating)
      .when({ type: 'ReplaceEvaluator', data: { ...data, registered: false }, context: as(DONOR) })
      .thenThrows('organisation.registered');
    given(...evaluating)
      .when({ type: 'ReplaceEvaluator', data: { ...data, organisationId: IMPLEMENTER }, context: as(DONOR) })
      .thenThrows('evaluator.independent');
    given(...evaluating)
      .when({ type: 'ReplaceEvaluator', data: { ...data, previousId: 'org-nobody' }, context: as(DONOR) })
      .thenThrows('evaluator.exists');
    given(...evaluating)
      .when({ type: 'ReplaceEvaluator', data, context: as(IMPLEMENTER) })
      .thenThrows('access.role');
  });
});

describe('the partnership ends otherwise than planned', () => {
  it('is cancelled from scoping or co-design, after which it accepts nothing', () => {
    const cancelled: PartnershipEvent = { type: 'PartnershipCancelled', schemaVersion: 1, data: { phase: 'co-design', reason: 'funding fell through', cancelledBy: DONOR } };
    const coDesign = [proposed, joined(DONOR, 'donor'), need, toCoDesign];
    given(...coDesign)
      .when({ type: 'CancelPartnership', data: { reason: 'funding fell through' }, context: as(DONOR) })
      .then([cancelled]);
    given(...inDelivery)
      .when({ type: 'CancelPartnership', data: { reason: 'x' }, context: as(DONOR) })
      .thenThrows('phase.order');
    given(...coDesign, cancelled)
      .when({ type: 'StateNeed', data: { needId: 'n-2', kind: 'gap', description: 'd', confidential: false }, context: as(BENEFICIARY) })
      .thenThrows('partnership.closed');
  });

  it("corrects a closure's handover after closing", () => {
    const handover = { done: true, institutionId: BENEFICIARY, date: '2026-06-15' };
    given(...evaluating, closed)
      .when({ type: 'CorrectClosure', data: { outcome: 'achieved', summary: 'done', handover, reason: 'the letter was dated the 1st' }, context: as(DONOR) })
      .then([{ type: 'ClosureCorrected', schemaVersion: 1, data: { outcome: 'achieved', summary: 'done', handover, reason: 'the letter was dated the 1st', correctedBy: DONOR } }]);
    given(...evaluating)
      .when({ type: 'CorrectClosure', data: { outcome: 'achieved', summary: 'done', handover, reason: 'x' }, context: as(DONOR) })
      .thenThrows('phase.order');
    given(...evaluating, closed)
      .when({ type: 'CorrectClosure', data: { outcome: 'achieved', summary: 'done', handover, reason: 'x' }, context: as(BENEFICIARY) })
      .thenThrows('access.role');
  });

  it('lets a donor withdraw from a date, but never the only beneficiary', () => {
    given(...inDelivery)
      .when({ type: 'LeavePartnership', data: { role: 'donor', effectiveDate: '2026-09-30', reason: 'window closes' }, context: as(DONOR) })
      .then([{ type: 'PartyLeft', schemaVersion: 1, data: { organisationId: DONOR, role: 'donor', effectiveDate: '2026-09-30', reason: 'window closes' } }]);
    given(...inDelivery)
      .when({ type: 'LeavePartnership', data: { role: 'beneficiary', effectiveDate: '2026-09-30', reason: 'x' }, context: as(BENEFICIARY) })
      .thenThrows('party.last-beneficiary');
    given(...inDelivery)
      .when({ type: 'LeavePartnership', data: { role: 'implementer', effectiveDate: '2026-09-30', reason: 'x' }, context: as(DONOR) })
      .thenThrows('access.role');
  });
});

describe('correcting scoping', () => {
  it('withdraws a need the current plan does not link, and never reuses its id', () => {
    const gap: PartnershipEvent = {
      type: 'NeedStated',
      schemaVersion: 1,
      data: { needId: 'need-2', kind: 'gap', description: 'Forensics', confidential: true, statedBy: BENEFICIARY },
    };
    const withdrawn: PartnershipEvent = { type: 'NeedWithdrawn', schemaVersion: 1, data: { needId: 'need-2', reason: 'met by another donor', withdrawnBy: BENEFICIARY } };
    given(...inDelivery, gap)
      .when({ type: 'WithdrawNeed', data: { needId: 'need-2', reason: 'met by another donor' }, context: as(BENEFICIARY) })
      .then([withdrawn]);
    given(...inDelivery)
      .when({ type: 'WithdrawNeed', data: { needId: 'need-1', reason: 'x' }, context: as(BENEFICIARY) })
      .thenThrows('need.in-use');
    given(...inDelivery, gap, withdrawn)
      .when({ type: 'StateNeed', data: { needId: 'need-2', kind: 'gap', description: 'again', confidential: false }, context: as(BENEFICIARY) })
      .thenThrows('need.unique');
  });

  it('declassifies a need (beneficiary only) and withdraws a baseline commitment that was recorded', () => {
    given(...inDelivery)
      .when({ type: 'ChangeNeedConfidentiality', data: { needId: 'need-1', confidential: false, reason: 'published' }, context: as(BENEFICIARY) })
      .then([{ type: 'NeedConfidentialityChanged', schemaVersion: 1, data: { needId: 'need-1', confidential: false, reason: 'published', changedBy: BENEFICIARY } }]);
    given(...inDelivery)
      .when({ type: 'ChangeNeedConfidentiality', data: { needId: 'need-1', confidential: false, reason: 'x' }, context: as(DONOR) })
      .thenThrows('access.role');
    const baseline: PartnershipEvent = { type: 'BaselineCommitmentRecorded', schemaVersion: 1, data: { commitment: 'do-no-harm', description: 'checked', recordedBy: DONOR } };
    given(...inDelivery, baseline)
      .when({ type: 'WithdrawBaselineCommitment', data: { commitment: 'do-no-harm', reason: 'wrong partnership' }, context: as(IMPLEMENTER) })
      .then([{ type: 'BaselineCommitmentWithdrawn', schemaVersion: 1, data: { commitment: 'do-no-harm', reason: 'wrong partnership', withdrawnBy: IMPLEMENTER } }]);
    given(...inDelivery)
      .when({ type: 'WithdrawBaselineCommitment', data: { commitment: 'do-no-harm', reason: 'x' }, context: as(IMPLEMENTER) })
      .thenThrows('baseline.exists');
  });
});
