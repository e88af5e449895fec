import type { PartnershipEvent } from '../partnerships/partnership-events';

export const DONOR = 'org-donor';
export const DONOR_2 = 'org-donor-2';
export const IMPLEMENTER = 'org-implementer';
export const BENEFICIARY = 'org-cert';
export const EVALUATOR = 'org-evaluator';
export const OUTSIDER = 'org-outsider';

export const proposed: PartnershipEvent = {
  type: 'PartnershipProposed',
  schemaVersion: 2,
  data: {
    partnershipId: 'p-1',
    title: 'National CERT operational readiness',
    summary: 'Set up incident handling at the national CERT',
    beneficiaryCountry: 'GH',
    initiatedBy: 'beneficiary',
    proposerId: BENEFICIARY,
    proposerRole: 'beneficiary',
    themes: ['incident-response-cert'],
    levels: ['technical'],
    sdgs: [9, 16],
    genderMarker: 1,
    plannedStart: '2026-01-01',
    plannedEnd: '2027-12-31',
  },
};

export const joined = (organisationId: string, role: 'donor' | 'implementer' | 'beneficiary'): PartnershipEvent => ({
  type: 'PartyJoined',
  schemaVersion: 1,
  data: { organisationId, role },
});

export const need: PartnershipEvent = {
  type: 'NeedStated',
  schemaVersion: 1,
  data: { needId: 'need-1', kind: 'need', description: 'Incident triage procedures', confidential: true, statedBy: BENEFICIARY },
};

export const toCoDesign: PartnershipEvent = { type: 'PhaseAdvanced', schemaVersion: 1, data: { from: 'scoping', to: 'co-design', reason: 'scoped' } };
export const planV1: PartnershipEvent = {
  type: 'PlanVersionProposed',
  schemaVersion: 1,
  data: { version: 1, objectives: [{ objectiveId: 'obj-1', description: 'Triage in place', needIds: ['need-1'] }], confidential: false, proposedBy: IMPLEMENTER },
};
export const endorsed = (organisationId: string, role: 'donor' | 'implementer' | 'beneficiary', version = 1): PartnershipEvent => ({
  type: 'PlanEndorsed',
  schemaVersion: 1,
  data: { version, organisationId, role },
});
export const toDelivery: PartnershipEvent = { type: 'PhaseAdvanced', schemaVersion: 1, data: { from: 'co-design', to: 'delivery', reason: 'endorsed' } };

/** Scoped, co-designed, endorsed by all three sides and in delivery. */
export const inDelivery: PartnershipEvent[] = [
  proposed,
  joined(DONOR, 'donor'),
  joined(IMPLEMENTER, 'implementer'),
  need,
  toCoDesign,
  planV1,
  endorsed(BENEFICIARY, 'beneficiary'),
  endorsed(DONOR, 'donor'),
  endorsed(IMPLEMENTER, 'implementer'),
  toDelivery,
];

export const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

export const committed = (amountMinor: number, flowId = 'c-1'): PartnershipEvent => ({
  type: 'FundingCommitted',
  schemaVersion: 1,
  data: { flowId, providerId: DONOR, receiverId: IMPLEMENTER, amount: eur(amountMinor), date: '2026-02-01', exchangeRate: null },
});

export const milestonePlanned: PartnershipEvent = {
  type: 'MilestonePlanned',
  schemaVersion: 1,
  data: { milestoneId: 'm-1', title: 'Triage SOP adopted', dueDate: '2026-05-01', objectiveId: 'obj-1' },
};
export const milestoneAchieved: PartnershipEvent = {
  type: 'MilestoneAchieved',
  schemaVersion: 1,
  data: { milestoneId: 'm-1', achievedOn: '2026-04-20', evidence: [{ description: 'SOP v1.0', uri: null }] },
};

export const disbursed = (amountMinor: number, flowId = 'd-1'): PartnershipEvent => ({
  type: 'FundsDisbursed',
  schemaVersion: 1,
  data: { flowId, providerId: DONOR, receiverId: IMPLEMENTER, amount: eur(amountMinor), date: '2026-02-10', exchangeRate: null },
});

/** The implementer gives back part of what the donor disbursed (kept under that disbursement's key). */
export const refunded = (amountMinor: number, flowId = 'r-1'): PartnershipEvent => ({
  type: 'RefundRecorded',
  schemaVersion: 1,
  data: { flowId, providerId: DONOR, receiverId: IMPLEMENTER, amount: eur(amountMinor), date: '2026-03-01', exchangeRate: null, reason: 'unspent' },
});

/** A training delivered by the implementer, as recorded (28 women, 9 men). */
export const deliveredActivity = {
  activityId: 'a-1',
  type: 'training' as const,
  title: 'IR course',
  themes: ['incident-response-cert' as const],
  level: 'technical' as const,
  startDate: '2026-03-02',
  endDate: '2026-03-06',
  languages: ['en'],
  participants: { women: 28, men: 9, undisclosed: 0 },
  participantHours: 600,
  trainers: { local: 1, foreign: 1 },
  localTrainersProduced: 0,
  trainedByActivityId: null,
  objectiveId: null,
  needIds: [],
  continuesAfterFunding: false,
};
