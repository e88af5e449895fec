import type { PartnershipEvent } from '../src';
import { BENEFICIARY, committed, DONOR, DONOR_2, eur, EVALUATOR, IMPLEMENTER, inDelivery, OUTSIDER, proposed } from '../src/testing/partnership-fixtures';
import { as, given } from '../src/testing/partnership-spec';

const disbursed: PartnershipEvent = {
  type: 'FundsDisbursed',
  schemaVersion: 1,
  data: { flowId: 'd-1', providerId: DONOR, receiverId: IMPLEMENTER, amount: eur(300), date: '2026-02-10', exchangeRate: null },
};
const ttt: PartnershipEvent = {
  type: 'ActivityDelivered',
  schemaVersion: 1,
  data: {
    activityId: 'a-ttt',
    type: 'train-the-trainer',
    title: 'TtT',
    themes: ['incident-response-cert'],
    level: 'technical',
    startDate: '2026-03-01',
    endDate: '2026-03-05',
    languages: ['en'],
    participants: { women: 4, men: 4, undisclosed: 0 },
    participantHours: 320,
    trainers: { local: 0, foreign: 2 },
    localTrainersProduced: 6,
    trainedByActivityId: null,
    objectiveId: 'obj-1',
    needIds: ['need-1'],
    continuesAfterFunding: true,
  },
};
const course = (trainedByActivityId: string | null) => ({
  ...ttt.data,
  activityId: 'a-course',
  type: 'training' as const,
  trainedByActivityId,
});

describe('flows, links and independence', () => {
  it('refunds at most what was received and not yet refunded', () => {
    const refund = { flowId: 'r-1', providerId: DONOR, amount: eur(200), date: '2026-03-01', exchangeRate: null, reason: 'unspent' };
    given(...inDelivery, committed(1000), disbursed)
      .when({ type: 'RecordRefund', data: refund, context: as(IMPLEMENTER) })
      .then([{ type: 'RefundRecorded', schemaVersion: 1, data: { ...refund, receiverId: IMPLEMENTER } }]);
    given(...inDelivery, committed(1000), disbursed)
      .when({ type: 'RecordRefund', data: { ...refund, amount: eur(301) }, context: as(IMPLEMENTER) })
      .thenThrows('flow.refund-within-disbursed');
  });

  it('refuses a flow id used before, and funds to an organisation that is not a party', () => {
    const flow = { flowId: 'c-1', receiverId: IMPLEMENTER, amount: eur(100), date: '2026-02-01', exchangeRate: null };
    given(...inDelivery, committed(1000))
      .when({ type: 'CommitFunding', data: flow, context: as(DONOR) })
      .thenThrows('flow.unique');
    given(...inDelivery)
      .when({ type: 'CommitFunding', data: { ...flow, receiverId: OUTSIDER }, context: as(DONOR) })
      .thenThrows('flow.receiver-party');
  });

  it('links an activity to the train-the-trainer activity that produced its trainers, and to nothing else', () => {
    given(...inDelivery, ttt)
      .when({ type: 'RecordActivity', data: course('a-ttt'), context: as(IMPLEMENTER) })
      .then([{ type: 'ActivityDelivered', schemaVersion: 1, data: course('a-ttt') }]);
    given(...inDelivery, ttt)
      .when({ type: 'RecordActivity', data: course('a-unknown'), context: as(IMPLEMENTER) })
      .thenThrows('activity.trainer-link');
  });

  it('refuses impossible activities: more hours than people and days allow, more trainers produced than trained, counts that do not add up', () => {
    // 8 participants over 5 days (1–5 March): at most 8 × 24 × 5 = 960 participant-hours; at most 8 trainers produced.
    const atTheLimit = { ...course(null), participantHours: 960, localTrainersProduced: 8 };
    given(...inDelivery)
      .when({ type: 'RecordActivity', data: atTheLimit, context: as(IMPLEMENTER) })
      .then([{ type: 'ActivityDelivered', schemaVersion: 1, data: atTheLimit }]);
    given(...inDelivery)
      .when({ type: 'RecordActivity', data: { ...course(null), participantHours: 961 }, context: as(IMPLEMENTER) })
      .thenThrows('activity.participant-hours');
    given(...inDelivery)
      .when({ type: 'RecordActivity', data: { ...course(null), localTrainersProduced: 9 }, context: as(IMPLEMENTER) })
      .thenThrows('activity.trainers-produced');
    given(...inDelivery)
      .when({ type: 'RecordActivity', data: { ...course(null), participants: { women: 4, men: 4, undisclosed: 0, total: 9 } }, context: as(IMPLEMENTER) })
      .thenThrows('activity.participants-total');
    // A total that agrees is checked and not kept: the event holds the counts by sex only.
    given(...inDelivery)
      .when({ type: 'RecordActivity', data: { ...course(null), participants: { women: 4, men: 4, undisclosed: 0, total: 8 } }, context: as(IMPLEMENTER) })
      .then([{ type: 'ActivityDelivered', schemaVersion: 1, data: course(null) }]);
  });

  it('never returns an event the folds cannot read, whatever reached it past the HTTP validation', () => {
    const spend = { flowId: 'x-1', amount: eur(100), date: '2026-03-03', category: 'venue', spentInCountry: 'GH', supplier: { name: 'Hall', local: true }, exchangeRate: null };
    const { supplier: _supplier, ...withoutSupplier } = spend;
    given(...inDelivery)
      .when({ type: 'RecordExpenditure', data: withoutSupplier as typeof spend, context: as(IMPLEMENTER) })
      .thenThrows('event.shape');
    given(...inDelivery)
      .when({ type: 'RecordExpenditure', data: { ...spend, exchangeRate: [] as unknown as null }, context: as(IMPLEMENTER) })
      .thenThrows('event.shape');
    given(...inDelivery)
      .when({ type: 'RecordExpenditure', data: { ...spend, exchangeRate: { toCurrency: 'USD', rate: '0' } }, context: as(IMPLEMENTER) })
      .thenThrows('event.shape');
    given(...inDelivery)
      .when({ type: 'RecordExpenditure', data: { ...spend, date: '2026-02-30' }, context: as(IMPLEMENTER) })
      .thenThrows('event.shape');
    given(...inDelivery)
      .when({ type: 'RecordExpenditure', data: { ...spend, flowId: 'constructor' }, context: as(IMPLEMENTER) })
      .thenThrows('event.shape');
  });

  it('refuses activity dates that end before they start', () => {
    given(...inDelivery)
      .when({ type: 'RecordActivity', data: { ...course(null), startDate: '2026-03-10', endDate: '2026-03-01' }, context: as(IMPLEMENTER) })
      .thenThrows('dates.end-after-start');
  });

  it('refuses a plan objective linked to a need nobody stated', () => {
    given(...inDelivery)
      .when({ type: 'ProposePlanVersion', data: { objectives: [{ objectiveId: 'o', description: 'd', needIds: ['need-x'] }], confidential: false }, context: as(IMPLEMENTER) })
      .thenThrows('plan.need-exists');
  });

  it('appoints only an independent evaluator, by a donor', () => {
    given(...inDelivery)
      .when({ type: 'AppointEvaluator', data: { organisationId: EVALUATOR, registered: true }, context: as(DONOR) })
      .then([{ type: 'EvaluatorAppointed', schemaVersion: 1, data: { organisationId: EVALUATOR, appointedBy: DONOR } }]);
    given(...inDelivery)
      .when({ type: 'AppointEvaluator', data: { organisationId: IMPLEMENTER, registered: true }, context: as(DONOR) })
      .thenThrows('evaluator.independent');
    given(...inDelivery)
      .when({ type: 'AppointEvaluator', data: { organisationId: EVALUATOR, registered: true }, context: as(BENEFICIARY) })
      .thenThrows('access.role');
  });

  it('invites a second donor to a consortium, but not twice in the same role', () => {
    given(...inDelivery)
      .when({ type: 'InviteParty', data: { organisationId: DONOR_2, role: 'donor', registered: true }, context: as(DONOR) })
      .then([{ type: 'PartyInvited', schemaVersion: 1, data: { organisationId: DONOR_2, role: 'donor', invitedBy: DONOR } }]);
    given(...inDelivery)
      .when({ type: 'InviteParty', data: { organisationId: DONOR, role: 'donor', registered: true }, context: as(DONOR) })
      .thenThrows('party.unique');
    // Voluntary participation: only an organisation of the registry can be named, and only after the party check.
    given(...inDelivery)
      .when({ type: 'InviteParty', data: { organisationId: 'org-unknown', role: 'donor', registered: false }, context: as(DONOR) })
      .thenThrows('organisation.registered');
    given(...inDelivery)
      .when({ type: 'InviteParty', data: { organisationId: 'org-unknown', role: 'donor', registered: false }, context: as('org-stranger') })
      .thenThrows('access.party');
    given(...inDelivery)
      .when({ type: 'AppointEvaluator', data: { organisationId: 'org-unknown', registered: false }, context: as(DONOR) })
      .thenThrows('organisation.registered');
  });
  it('refuses every command on a partnership that was never proposed', () => {
    given()
      .when({ type: 'RaiseRisk', data: { riskId: 'r', kind: 'risk', description: 'd', severity: 'low' }, context: as(DONOR) })
      .thenThrows('partnership.exists');
  });

  it('refuses a beneficiary proposing a country that is not ISO 3166-1', () => {
    const { proposerId: _p, ...data } = (proposed as Extract<PartnershipEvent, { type: 'PartnershipProposed' }>).data;
    given()
      .when({ type: 'ProposePartnership', data: { ...data, beneficiaryCountry: 'XX' }, context: as(BENEFICIARY) })
      .thenThrows('country.iso-3166');
  });
});
