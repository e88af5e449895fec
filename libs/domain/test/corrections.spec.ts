import type { PartnershipEvent } from '../src';
import {
  BENEFICIARY,
  committed,
  deliveredActivity,
  DONOR,
  DONOR_2,
  eur,
  EVALUATOR,
  IMPLEMENTER,
  inDelivery,
  joined,
  milestoneAchieved,
  milestonePlanned,
  disbursed,
  refunded,
} from '../src/testing/partnership-fixtures';
import { as, given } from '../src/testing/partnership-spec';

const spent: PartnershipEvent = {
  type: 'ExpenditureRecorded',
  schemaVersion: 2,
  data: {
    flowId: 'x-1',
    spenderId: IMPLEMENTER,
    amount: eur(100),
    date: '2026-03-03',
    category: 'venue',
    spentInCountry: 'GH',
    supplier: { name: 'Venue', local: true },
    exchangeRate: null,
    overspendReason: null,
  },
};
const reason = 'typed with one zero too many';

describe('correcting a commitment', () => {
  it('amends the amount; the event holds the full corrected figures and who amended', () => {
    given(...inDelivery, committed(10_000))
      .when({ type: 'AmendCommitment', data: { flowId: 'c-1', amount: eur(1_000), reason }, context: as(DONOR) })
      .then([{ type: 'CommitmentAmended', schemaVersion: 1, data: { flowId: 'c-1', amount: eur(1_000), date: '2026-02-01', reason, amendedBy: DONOR } }]);
  });

  it('never below what was disbursed under it (800 disbursed, 300 refunded: 500 is the floor)', () => {
    given(...inDelivery, committed(1_000), disbursed(800), refunded(300))
      .when({ type: 'AmendCommitment', data: { flowId: 'c-1', amount: eur(499), reason }, context: as(DONOR) })
      .thenThrows('flow.disbursement-within-commitment');
    given(...inDelivery, committed(1_000), disbursed(800), refunded(300))
      .when({ type: 'AmendCommitment', data: { flowId: 'c-1', amount: eur(500), reason }, context: as(DONOR) })
      .then([{ type: 'CommitmentAmended', schemaVersion: 1, data: { flowId: 'c-1', amount: eur(500), date: '2026-02-01', reason, amendedBy: DONOR } }]);
  });

  it('keeps its currency, refuses a change that changes nothing, and a date in the future', () => {
    given(...inDelivery, committed(1_000))
      .when({ type: 'AmendCommitment', data: { flowId: 'c-1', amount: { amountMinor: 1_000, currency: 'NOK' }, reason }, context: as(DONOR) })
      .thenThrows('commitment.currency');
    given(...inDelivery, committed(1_000))
      .when({ type: 'AmendCommitment', data: { flowId: 'c-1', amount: eur(1_000), reason }, context: as(DONOR) })
      .thenThrows('correction.changes-nothing');
    given(...inDelivery, committed(1_000))
      .when({ type: 'AmendCommitment', data: { flowId: 'c-1', date: '2027-01-01', reason }, context: as(DONOR) })
      .thenThrows('dates.not-in-future');
  });

  it('de-obligates the rest: 1,000 committed, 800 disbursed becomes 800; with nothing disbursed it is cancelled', () => {
    given(...inDelivery, committed(1_000), disbursed(800))
      .when({ type: 'DeobligateCommitment', data: { flowId: 'c-1', reason: 'programme ended' }, context: as(DONOR) })
      .then([{ type: 'CommitmentAmended', schemaVersion: 1, data: { flowId: 'c-1', amount: eur(800), date: '2026-02-01', reason: 'programme ended', amendedBy: DONOR } }]);
    given(...inDelivery, committed(1_000))
      .when({ type: 'DeobligateCommitment', data: { flowId: 'c-1', reason: 'programme ended' }, context: as(DONOR) })
      .then([{ type: 'CommitmentCancelled', schemaVersion: 1, data: { flowId: 'c-1', reason: 'programme ended', cancelledBy: DONOR } }]);
    given(...inDelivery, committed(1_000), disbursed(1_000))
      .when({ type: 'DeobligateCommitment', data: { flowId: 'c-1', reason: 'programme ended' }, context: as(DONOR) })
      .thenThrows('commitment.fully-disbursed');
  });

  it('cancels only while other commitments cover what was disbursed', () => {
    given(...inDelivery, committed(1_000), disbursed(800))
      .when({ type: 'CancelCommitment', data: { flowId: 'c-1', reason: 'entered twice' }, context: as(DONOR) })
      .thenThrows('flow.disbursement-within-commitment');
    given(...inDelivery, committed(1_000), committed(1_000, 'c-2'), disbursed(800))
      .when({ type: 'CancelCommitment', data: { flowId: 'c-2', reason: 'entered twice' }, context: as(DONOR) })
      .then([{ type: 'CommitmentCancelled', schemaVersion: 1, data: { flowId: 'c-2', reason: 'entered twice', cancelledBy: DONOR } }]);
  });

  it('after cancelling, the money can no longer be disbursed, and the cancelled commitment cannot be corrected again', () => {
    const cancelled: PartnershipEvent = { type: 'CommitmentCancelled', schemaVersion: 1, data: { flowId: 'c-1', reason: 'entered twice', cancelledBy: DONOR } };
    given(...inDelivery, committed(1_000), cancelled)
      .when({ type: 'DisburseFunds', data: { flowId: 'd-9', receiverId: IMPLEMENTER, amount: eur(1), date: '2026-03-01', exchangeRate: null }, context: as(DONOR) })
      .thenThrows('flow.disbursement-within-commitment');
    given(...inDelivery, committed(1_000), cancelled)
      .when({ type: 'AmendCommitment', data: { flowId: 'c-1', amount: eur(5), reason }, context: as(DONOR) })
      .thenThrows('flow.voided-once');
  });

  it('is for its author or a donor: the implementer that received it may not, a co-funding donor may', () => {
    given(...inDelivery, committed(1_000))
      .when({ type: 'AmendCommitment', data: { flowId: 'c-1', amount: eur(900), reason }, context: as(IMPLEMENTER) })
      .thenThrows('access.author');
    given(...inDelivery, joined(DONOR_2, 'donor'), committed(1_000))
      .when({ type: 'AmendCommitment', data: { flowId: 'c-1', amount: eur(900), reason }, context: as(DONOR_2) })
      .then([{ type: 'CommitmentAmended', schemaVersion: 1, data: { flowId: 'c-1', amount: eur(900), date: '2026-02-01', reason, amendedBy: DONOR_2 } }]);
    given(...inDelivery, committed(1_000))
      .when({ type: 'AmendCommitment', data: { flowId: 'c-1', amount: eur(900), reason }, context: as(EVALUATOR) })
      .thenThrows('access.party');
  });
});

describe('voiding and correcting flows', () => {
  it('voids a disbursement unless a refund of it would be left hanging', () => {
    given(...inDelivery, committed(1_000), disbursed(800))
      .when({ type: 'VoidFlow', data: { flowId: 'd-1', reason: 'bank returned it' }, context: as(DONOR) })
      .then([{ type: 'FlowVoided', schemaVersion: 1, data: { flowId: 'd-1', reason: 'bank returned it', voidedBy: DONOR } }]);
    given(...inDelivery, committed(1_000), disbursed(800), refunded(300))
      .when({ type: 'VoidFlow', data: { flowId: 'd-1', reason: 'bank returned it' }, context: as(DONOR) })
      .thenThrows('flow.refund-within-disbursed');
  });

  it('voids a refund (its author is the one who gave the money back) unless the money was disbursed again', () => {
    given(...inDelivery, committed(1_000), disbursed(800), refunded(300))
      .when({ type: 'VoidFlow', data: { flowId: 'r-1', reason: 'never sent' }, context: as(IMPLEMENTER) })
      .then([{ type: 'FlowVoided', schemaVersion: 1, data: { flowId: 'r-1', reason: 'never sent', voidedBy: IMPLEMENTER } }]);
    // 1,000 committed; 800 out, 300 back, 500 out again: 1,300 disbursed. Without the refund, 1,300 > 1,000.
    given(...inDelivery, committed(1_000), disbursed(800), refunded(300), disbursed(500, 'd-2'))
      .when({ type: 'VoidFlow', data: { flowId: 'r-1', reason: 'never sent' }, context: as(IMPLEMENTER) })
      .thenThrows('flow.disbursement-within-commitment');
  });

  it('voids only disbursements, refunds and in-kind contributions; once', () => {
    given(...inDelivery, committed(1_000))
      .when({ type: 'VoidFlow', data: { flowId: 'c-1', reason }, context: as(DONOR) })
      .thenThrows('flow.kind');
    const voided: PartnershipEvent = { type: 'FlowVoided', schemaVersion: 1, data: { flowId: 'd-1', reason, voidedBy: DONOR } };
    given(...inDelivery, committed(1_000), disbursed(800), voided)
      .when({ type: 'VoidFlow', data: { flowId: 'd-1', reason }, context: as(DONOR) })
      .thenThrows('flow.voided-once');
    given(...inDelivery)
      .when({ type: 'VoidFlow', data: { flowId: 'nope', reason }, context: as(DONOR) })
      .thenThrows('flow.exists');
  });

  it("corrects an expenditure's date and rate; the spender or a donor may, the beneficiary may not", () => {
    const exchangeRate = { toCurrency: 'USD', rate: '1.08' };
    given(...inDelivery, committed(1_000), disbursed(800), spent)
      .when({ type: 'CorrectFlow', data: { flowId: 'x-1', date: '2026-03-04', exchangeRate, reason: 'invoice date' }, context: as(IMPLEMENTER) })
      .then([{ type: 'FlowCorrected', schemaVersion: 1, data: { flowId: 'x-1', date: '2026-03-04', exchangeRate, reason: 'invoice date', correctedBy: IMPLEMENTER } }]);
    given(...inDelivery, committed(1_000), disbursed(800), spent)
      .when({ type: 'CorrectFlow', data: { flowId: 'x-1', date: '2026-03-04', reason: 'invoice date' }, context: as(DONOR) })
      .then([{ type: 'FlowCorrected', schemaVersion: 1, data: { flowId: 'x-1', date: '2026-03-04', exchangeRate: null, reason: 'invoice date', correctedBy: DONOR } }]);
    given(...inDelivery, committed(1_000), disbursed(800), spent)
      .when({ type: 'CorrectFlow', data: { flowId: 'x-1', date: '2026-03-04', reason: 'invoice date' }, context: as(BENEFICIARY) })
      .thenThrows('access.author');
    given(...inDelivery, committed(1_000), disbursed(800), spent)
      .when({ type: 'CorrectFlow', data: { flowId: 'x-1', exchangeRate: { toCurrency: 'USD', rate: '0' }, reason }, context: as(IMPLEMENTER) })
      .thenThrows('rates.positive');
    given(...inDelivery, committed(1_000), disbursed(800), spent)
      .when({ type: 'CorrectFlow', data: { flowId: 'x-1', reason }, context: as(IMPLEMENTER) })
      .thenThrows('correction.changes-nothing');
  });
});

describe('correcting delivery', () => {
  const activity = deliveredActivity;

  const delivered: PartnershipEvent = { type: 'ActivityDelivered', schemaVersion: 1, data: activity };

  it('corrects an activity with the same checks as recording one, and keeps its type', () => {
    const fixed = { ...activity, participants: { women: 14, men: 9, undisclosed: 0 } };
    given(...inDelivery, delivered)
      .when({ type: 'CorrectActivity', data: { ...fixed, reason: 'women counted twice' }, context: as(IMPLEMENTER) })
      .then([{ type: 'ActivityCorrected', schemaVersion: 1, data: { ...fixed, reason: 'women counted twice', correctedBy: IMPLEMENTER } }]);
    given(...inDelivery, delivered)
      .when({ type: 'CorrectActivity', data: { ...fixed, participantHours: 5_000, reason }, context: as(IMPLEMENTER) })
      .thenThrows('activity.participant-hours');
    given(...inDelivery, delivered)
      .when({ type: 'CorrectActivity', data: { ...fixed, type: 'exercise', reason }, context: as(IMPLEMENTER) })
      .thenThrows('activity.type-fixed');
    given(...inDelivery, delivered)
      .when({ type: 'CorrectActivity', data: { ...fixed, reason }, context: as(BENEFICIARY) })
      .thenThrows('access.role');
  });

  it('voids an activity unless another names it as where its trainers were trained', () => {
    const ttt: PartnershipEvent = { type: 'ActivityDelivered', schemaVersion: 1, data: { ...activity, activityId: 'a-ttt', type: 'train-the-trainer' } };
    const course: PartnershipEvent = { type: 'ActivityDelivered', schemaVersion: 1, data: { ...activity, activityId: 'a-2', trainedByActivityId: 'a-ttt' } };
    given(...inDelivery, ttt, course)
      .when({ type: 'VoidActivity', data: { activityId: 'a-ttt', reason }, context: as(IMPLEMENTER) })
      .thenThrows('activity.in-use');
    given(...inDelivery, ttt, course)
      .when({ type: 'VoidActivity', data: { activityId: 'a-2', reason }, context: as(IMPLEMENTER) })
      .then([{ type: 'ActivityVoided', schemaVersion: 1, data: { activityId: 'a-2', reason, voidedBy: IMPLEMENTER } }]);
    const voided: PartnershipEvent = { type: 'ActivityVoided', schemaVersion: 1, data: { activityId: 'a-2', reason, voidedBy: IMPLEMENTER } };
    given(...inDelivery, ttt, course, voided)
      .when({ type: 'VoidActivity', data: { activityId: 'a-ttt', reason }, context: as(IMPLEMENTER) })
      .then([{ type: 'ActivityVoided', schemaVersion: 1, data: { activityId: 'a-ttt', reason, voidedBy: IMPLEMENTER } }]);
  });

  it('reschedules and cancels a milestone until it is confirmed', () => {
    given(...inDelivery, milestonePlanned)
      .when({ type: 'RescheduleMilestone', data: { milestoneId: 'm-1', dueDate: '2026-09-30', reason: 'board moved' }, context: as(IMPLEMENTER) })
      .then([{ type: 'MilestoneRescheduled', schemaVersion: 1, data: { milestoneId: 'm-1', dueDate: '2026-09-30', reason: 'board moved', rescheduledBy: IMPLEMENTER } }]);
    const confirmed: PartnershipEvent = { type: 'MilestoneConfirmed', schemaVersion: 1, data: { milestoneId: 'm-1', confirmedBy: BENEFICIARY, note: 'ok' } };
    given(...inDelivery, milestonePlanned, milestoneAchieved, confirmed)
      .when({ type: 'CancelMilestone', data: { milestoneId: 'm-1', reason }, context: as(IMPLEMENTER) })
      .thenThrows('milestone.order');
    const cancelled: PartnershipEvent = { type: 'MilestoneCancelled', schemaVersion: 1, data: { milestoneId: 'm-1', reason, cancelledBy: IMPLEMENTER } };
    given(...inDelivery, milestonePlanned, cancelled)
      .when({ type: 'ReportMilestoneAchieved', data: { milestoneId: 'm-1', achievedOn: '2026-04-01', evidence: [] }, context: as(IMPLEMENTER) })
      .thenThrows('milestone.order');
  });

  it('lets the beneficiary retract a confirmation, after which the milestone can be disputed', () => {
    const confirmed: PartnershipEvent = { type: 'MilestoneConfirmed', schemaVersion: 1, data: { milestoneId: 'm-1', confirmedBy: BENEFICIARY, note: 'ok' } };
    const retracted: PartnershipEvent = {
      type: 'MilestoneValidationRetracted',
      schemaVersion: 1,
      data: { milestoneId: 'm-1', retracted: 'confirmation', reason: 'confirmed too early', retractedBy: BENEFICIARY },
    };
    given(...inDelivery, milestonePlanned, milestoneAchieved, confirmed)
      .when({ type: 'RetractMilestoneValidation', data: { milestoneId: 'm-1', reason: 'confirmed too early' }, context: as(BENEFICIARY) })
      .then([retracted]);
    given(...inDelivery, milestonePlanned, milestoneAchieved, confirmed, retracted)
      .when({ type: 'DisputeMilestone', data: { milestoneId: 'm-1', reason: 'the SOP is not in use' }, context: as(BENEFICIARY) })
      .then([{ type: 'MilestoneDisputed', schemaVersion: 1, data: { milestoneId: 'm-1', reason: 'the SOP is not in use', disputedBy: BENEFICIARY } }]);
    given(...inDelivery, milestonePlanned, milestoneAchieved)
      .when({ type: 'RetractMilestoneValidation', data: { milestoneId: 'm-1', reason }, context: as(BENEFICIARY) })
      .thenThrows('milestone.order');
    given(...inDelivery, milestonePlanned, milestoneAchieved, confirmed)
      .when({ type: 'RetractMilestoneValidation', data: { milestoneId: 'm-1', reason }, context: as(IMPLEMENTER) })
      .thenThrows('access.role');
  });

  it('revises an indicator, keeping what is not given', () => {
    const defined: PartnershipEvent = {
      type: 'IndicatorDefined',
      schemaVersion: 1,
      data: { indicatorId: 'i-1', name: 'MTTR', unit: 'hours', baseline: 72, target: 8, baselineDate: '2026-01-15' },
    };
    given(...inDelivery, defined)
      .when({ type: 'ReviseIndicator', data: { indicatorId: 'i-1', target: 12, reason: 'mid-term review' }, context: as(BENEFICIARY) })
      .then([{ type: 'IndicatorRevised', schemaVersion: 1, data: { indicatorId: 'i-1', baseline: 72, target: 12, reason: 'mid-term review', revisedBy: BENEFICIARY } }]);
    given(...inDelivery, defined)
      .when({ type: 'ReviseIndicator', data: { indicatorId: 'i-1', target: 8, reason }, context: as(BENEFICIARY) })
      .thenThrows('correction.changes-nothing');
    given(...inDelivery)
      .when({ type: 'ReviseIndicator', data: { indicatorId: 'i-1', target: 8, reason }, context: as(BENEFICIARY) })
      .thenThrows('indicator.exists');
  });
});

describe('correcting the partnership itself', () => {
  it('amends the title and keeps the summary', () => {
    given(...inDelivery)
      .when({ type: 'AmendPartnership', data: { title: 'National CSIRT', reason: 'agreed title' }, context: as(BENEFICIARY) })
      .then([
        {
          type: 'PartnershipAmended',
          schemaVersion: 1,
          data: { title: 'National CSIRT', summary: 'Set up incident handling at the national CERT', reason: 'agreed title', amendedBy: BENEFICIARY },
        },
      ]);
  });

  it('extends the planned period (a no-cost extension) by donor or implementer, in order', () => {
    given(...inDelivery)
      .when({ type: 'ChangePlannedDates', data: { plannedEnd: '2028-06-30', reason: 'no-cost extension' }, context: as(DONOR) })
      .then([{ type: 'PlannedDatesChanged', schemaVersion: 1, data: { plannedStart: '2026-01-01', plannedEnd: '2028-06-30', reason: 'no-cost extension', changedBy: DONOR } }]);
    given(...inDelivery)
      .when({ type: 'ChangePlannedDates', data: { plannedEnd: '2025-06-30', reason }, context: as(DONOR) })
      .thenThrows('dates.end-after-start');
    given(...inDelivery)
      .when({ type: 'ChangePlannedDates', data: { plannedEnd: '2028-06-30', reason }, context: as(BENEFICIARY) })
      .thenThrows('access.role');
  });

  it('is allowed while the partnership is suspended: that is often why it was suspended', () => {
    const suspended: PartnershipEvent = { type: 'PartnershipSuspended', schemaVersion: 1, data: { phase: 'delivery', reason: 'audit' } };
    given(...inDelivery, committed(1_000), suspended)
      .when({ type: 'AmendCommitment', data: { flowId: 'c-1', amount: eur(900), reason }, context: as(DONOR) })
      .then([{ type: 'CommitmentAmended', schemaVersion: 1, data: { flowId: 'c-1', amount: eur(900), date: '2026-02-01', reason, amendedBy: DONOR } }]);
  });
});
