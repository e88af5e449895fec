import type { PartnershipEvent } from '../src';
import { partnershipDecider } from '../src';
import { foldPartnership } from '../src/partnerships/partnership-state';
import { BENEFICIARY, DONOR, DONOR_2, EVALUATOR, IMPLEMENTER, inDelivery, need, OUTSIDER, proposed } from '../src/testing/partnership-fixtures';
import { as, given } from '../src/testing/partnership-spec';

const invited: PartnershipEvent = { type: 'PartyInvited', schemaVersion: 1, data: { organisationId: DONOR_2, role: 'donor', invitedBy: DONOR } };
const toMonitoring: PartnershipEvent = { type: 'PhaseAdvanced', schemaVersion: 1, data: { from: 'delivery', to: 'monitoring', reason: 'm' } };
const appointed: PartnershipEvent = { type: 'EvaluatorAppointed', schemaVersion: 1, data: { organisationId: EVALUATOR, appointedBy: DONOR } };
const indicator: PartnershipEvent = {
  type: 'IndicatorDefined',
  schemaVersion: 1,
  data: { indicatorId: 'i-1', name: 'Incidents handled', unit: 'incidents', baseline: 0, target: 100, baselineDate: '2026-01-15' },
};
const measured = (value: number, measuredOn = '2026-03-01'): PartnershipEvent => ({
  type: 'IndicatorMeasured',
  schemaVersion: 1,
  data: { indicatorId: 'i-1', value, measuredOn, note: '' },
});
const need2: PartnershipEvent = {
  type: 'NeedStated',
  schemaVersion: 1,
  data: { needId: 'need-2', kind: 'national-priority', description: 'Legal framework', confidential: false, statedBy: BENEFICIARY },
};

describe('participation is voluntary: invite, then accept or decline', () => {
  it('the invited organisation joins only by accepting, with a user holding the role', () => {
    given(...inDelivery, invited)
      .when({ type: 'AcceptInvitation', data: { role: 'donor' }, context: as(DONOR_2) })
      .then([{ type: 'PartyJoined', schemaVersion: 1, data: { organisationId: DONOR_2, role: 'donor' } }]);
    given(...inDelivery, invited)
      .when({ type: 'AcceptInvitation', data: { role: 'donor' }, context: as(DONOR_2, ['implementer']) })
      .thenThrows('access.role');
    // Invited as a donor, not as an implementer; and nobody else can accept for it.
    given(...inDelivery, invited)
      .when({ type: 'AcceptInvitation', data: { role: 'implementer' }, context: as(DONOR_2) })
      .thenThrows('invitation.exists');
    given(...inDelivery, invited)
      .when({ type: 'AcceptInvitation', data: { role: 'donor' }, context: as(OUTSIDER) })
      .thenThrows('invitation.exists');
  });

  it('an invitee is no party: it can answer and do nothing else', () => {
    const state = foldPartnership([...inDelivery, invited]);
    expect(state.parties.has(DONOR_2)).toBe(false);
    // The executor lets it reach the rules (so it hears more than "not found"), and the rules refuse the rest.
    expect(partnershipDecider.isParty?.(state, DONOR_2)).toBe(true);
    expect(partnershipDecider.isParty?.(state, OUTSIDER)).toBe(false);
    given(...inDelivery, invited)
      .when({ type: 'RaiseRisk', data: { riskId: 'r-1', kind: 'risk', description: 'd', severity: 'low' }, context: as(DONOR_2) })
      .thenThrows('access.party');
  });

  it('declining says why and ends the invitation; accepting twice is refused', () => {
    const declined: PartnershipEvent = { type: 'InvitationDeclined', schemaVersion: 1, data: { organisationId: DONOR_2, role: 'donor', reason: 'No budget this year' } };
    given(...inDelivery, invited)
      .when({ type: 'DeclineInvitation', data: { role: 'donor', reason: 'No budget this year' }, context: as(DONOR_2) })
      .then([declined]);
    given(...inDelivery, invited, declined)
      .when({ type: 'AcceptInvitation', data: { role: 'donor' }, context: as(DONOR_2) })
      .thenThrows('invitation.exists');
    const joined: PartnershipEvent = { type: 'PartyJoined', schemaVersion: 1, data: { organisationId: DONOR_2, role: 'donor' } };
    given(...inDelivery, invited, joined)
      .when({ type: 'AcceptInvitation', data: { role: 'donor' }, context: as(DONOR_2) })
      .thenThrows('invitation.exists');
  });

  it('an invitation is sent once, and only its sender withdraws it', () => {
    given(...inDelivery, invited)
      .when({ type: 'InviteParty', data: { organisationId: DONOR_2, role: 'donor', registered: true }, context: as(BENEFICIARY) })
      .thenThrows('invitation.unique');
    const data = { organisationId: DONOR_2, role: 'donor' as const, reason: 'Wrong fund' };
    given(...inDelivery, invited)
      .when({ type: 'WithdrawInvitation', data, context: as(DONOR) })
      .then([{ type: 'InvitationWithdrawn', schemaVersion: 1, data: { ...data, withdrawnBy: DONOR } }]);
    given(...inDelivery, invited)
      .when({ type: 'WithdrawInvitation', data, context: as(IMPLEMENTER) })
      .thenThrows('access.author');
    given(...inDelivery)
      .when({ type: 'WithdrawInvitation', data, context: as(DONOR) })
      .thenThrows('invitation.exists');
  });

  it('a party taking on another role itself joins at once (a donor that implements)', () => {
    given(...inDelivery)
      .when({ type: 'InviteParty', data: { organisationId: DONOR, role: 'implementer', registered: true }, context: as(DONOR) })
      .then([{ type: 'PartyJoined', schemaVersion: 1, data: { organisationId: DONOR, role: 'implementer' } }]);
  });

  it('the evaluator is never invited as a party', () => {
    given(...inDelivery, appointed)
      .when({ type: 'InviteParty', data: { organisationId: EVALUATOR, role: 'implementer', registered: true }, context: as(DONOR) })
      .thenThrows('evaluator.independent');
  });
});

describe('a wrong measurement is voided', () => {
  it('names it by date and value; the last matching one goes', () => {
    const data = { indicatorId: 'i-1', measuredOn: '2026-03-01', value: 42, reason: 'Counted two months' };
    given(...inDelivery, indicator, measured(42), measured(42))
      .when({ type: 'VoidMeasurement', data, context: as(IMPLEMENTER) })
      .then([{ type: 'MeasurementVoided', schemaVersion: 1, data: { ...data, voidedBy: IMPLEMENTER } }]);
    const voided: PartnershipEvent = { type: 'MeasurementVoided', schemaVersion: 1, data: { ...data, voidedBy: IMPLEMENTER } };
    // Entered twice: both can go, one at a time; a third void finds nothing.
    given(...inDelivery, indicator, measured(42), measured(42), voided)
      .when({ type: 'VoidMeasurement', data, context: as(BENEFICIARY) })
      .then([{ type: 'MeasurementVoided', schemaVersion: 1, data: { ...data, voidedBy: BENEFICIARY } }]);
    given(...inDelivery, indicator, measured(42), voided)
      .when({ type: 'VoidMeasurement', data, context: as(IMPLEMENTER) })
      .thenThrows('measurement.exists');
    given(...inDelivery, indicator, measured(41))
      .when({ type: 'VoidMeasurement', data, context: as(IMPLEMENTER) })
      .thenThrows('measurement.exists');
    given(...inDelivery)
      .when({ type: 'VoidMeasurement', data, context: as(IMPLEMENTER) })
      .thenThrows('indicator.exists');
    given(...inDelivery, indicator, measured(42))
      .when({ type: 'VoidMeasurement', data, context: as(OUTSIDER) })
      .thenThrows('access.party');
  });
});

describe('the beneficiary ranks its needs', () => {
  it('names every need still stated, once, most pressing first', () => {
    const data = { needIds: ['need-2', 'need-1'], reason: 'New minister' };
    given(...inDelivery, need2)
      .when({ type: 'ReprioritiseNeeds', data, context: as(BENEFICIARY) })
      .then([{ type: 'NeedsReprioritised', schemaVersion: 1, data: { ...data, reprioritisedBy: BENEFICIARY } }]);
    given(...inDelivery, need2)
      .when({ type: 'ReprioritiseNeeds', data: { ...data, needIds: ['need-2'] }, context: as(BENEFICIARY) })
      .thenThrows('needs.ranking');
    given(...inDelivery, need2)
      .when({ type: 'ReprioritiseNeeds', data: { ...data, needIds: ['need-2', 'need-1', 'need-2'] }, context: as(BENEFICIARY) })
      .thenThrows('needs.ranking');
    given(...inDelivery, need2)
      .when({ type: 'ReprioritiseNeeds', data: { ...data, needIds: ['need-2', 'need-9'] }, context: as(BENEFICIARY) })
      .thenThrows('need.exists');
    given(...inDelivery, need2)
      .when({ type: 'ReprioritiseNeeds', data, context: as(DONOR) })
      .thenThrows('access.role');
  });
});

describe('a mid-term review leaves monitoring as it is', () => {
  const review = {
    reviewId: 'mtr-1',
    findings: 'On track',
    recommendations: 'Start legal work',
    scores: [{ principle: 'national-ownership' as const, score: 3, evidence: 'CERT leads', eventIds: [] }],
  };

  it('is recorded in monitoring by a party or the appointed evaluator', () => {
    given(...inDelivery, toMonitoring, appointed)
      .when({ type: 'RecordMidTermReview', data: review, context: as(EVALUATOR) })
      .then([{ type: 'MidTermReviewRecorded', schemaVersion: 1, data: { ...review, reviewerId: EVALUATOR } }]);
    given(...inDelivery, toMonitoring)
      .when({ type: 'RecordMidTermReview', data: { ...review, scores: [] }, context: as(BENEFICIARY) })
      .then([{ type: 'MidTermReviewRecorded', schemaVersion: 1, data: { ...review, scores: [], reviewerId: BENEFICIARY } }]);
    expect(foldPartnership([...inDelivery, toMonitoring, { type: 'MidTermReviewRecorded', schemaVersion: 1, data: { ...review, reviewerId: DONOR } }]).phase).toBe('monitoring');
  });

  it('is refused outside monitoring, twice under one id, or with a score off the scale', () => {
    given(...inDelivery)
      .when({ type: 'RecordMidTermReview', data: review, context: as(DONOR) })
      .thenThrows('phase.order');
    const done: PartnershipEvent = { type: 'MidTermReviewRecorded', schemaVersion: 1, data: { ...review, reviewerId: DONOR } };
    given(...inDelivery, toMonitoring, done)
      .when({ type: 'RecordMidTermReview', data: review, context: as(DONOR) })
      .thenThrows('review.unique');
    given(...inDelivery, toMonitoring)
      .when({ type: 'RecordMidTermReview', data: { ...review, scores: [{ ...review.scores[0], score: 5 }] }, context: as(DONOR) })
      .thenThrows('evaluation.score-range');
    given(proposed, need)
      .when({ type: 'RecordMidTermReview', data: review, context: as(OUTSIDER) })
      .thenThrows('access.party');
  });
});
