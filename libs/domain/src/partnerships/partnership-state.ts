import type { PartnershipEvent } from './partnership-events';
import type { Money } from '../shared/money';
import type { ActivityType, BaselineCommitment, ExchangeRate, Phase, Role } from './vocabulary';

export type MilestoneStatus = 'planned' | 'achieved' | 'confirmed' | 'disputed' | 'cancelled';

/** What the rules need to know about one partnership, folded from its events. */
export interface PartnershipState {
  readonly status: 'none' | 'open' | 'closed';
  readonly partnershipId: string | null;
  /** What a correction of the partnership itself keeps when it changes only part. */
  readonly title: string;
  readonly summary: string;
  readonly plannedStart: string;
  readonly plannedEnd: string | null;
  readonly phase: Phase;
  readonly suspended: boolean;
  /**
   * organisation id -> the roles it holds. Maps, never plain objects, for every lookup by a client's id:
   * on an object an organisation named "constructor" would find Object.prototype's and pass as a party.
   */
  readonly parties: ReadonlyMap<string, readonly Role[]>;
  readonly needIds: readonly string[];
  /** Withdrawn needs: no longer linkable, and their ids are not reused. */
  readonly withdrawnNeedIds: readonly string[];
  readonly baselineCommitments: readonly BaselineCommitment[];
  readonly plan: {
    readonly version: number;
    readonly objectiveIds: readonly string[];
    /** The needs its objectives answer. */
    readonly needIds: readonly string[];
    readonly endorsements: readonly { readonly organisationId: string; readonly role: Role }[];
  } | null;
  /** Money keyed by `provider|receiver|currency`, in minor units. */
  readonly committed: ReadonlyMap<string, number>;
  readonly disbursed: ReadonlyMap<string, number>;
  readonly refunded: ReadonlyMap<string, number>;
  // Collections that grow with the stream are arrays: appending to an array copies fast, while spreading a
  // record of thousands of keys made folding a 10,000-event stream take seconds.
  readonly flowIds: readonly string[];
  /** Every flow as it now stands (corrections applied): what a correction is checked against. */
  readonly flows: readonly FlowRecord[];
  readonly expenditures: readonly { readonly flowId: string; readonly spenderId: string; readonly amount: Money; readonly voided: boolean }[];
  readonly milestones: readonly { readonly milestoneId: string; readonly status: MilestoneStatus }[];
  readonly activities: readonly { readonly activityId: string; readonly type: ActivityType; readonly trainedByActivityId: string | null; readonly voided: boolean }[];
  readonly indicators: ReadonlySet<string>;
  /** Each indicator's baseline and target as they now stand: what a revision changes. */
  readonly indicatorTargets: ReadonlyMap<string, { readonly baseline: number; readonly target: number }>;
  readonly risks: readonly { readonly riskId: string; readonly status: 'open' | 'resolved' }[];
  /** Invitations not yet answered: the invitee may accept or decline, the inviter may withdraw. */
  readonly invitations: readonly Invitation[];
  /** Measurements as they stand (void ones removed): what a void names. */
  readonly measurements: readonly { readonly indicatorId: string; readonly measuredOn: string; readonly value: number }[];
  readonly reviewIds: readonly string[];
  /** evaluation id -> the evaluator that recorded it. */
  readonly evaluations: ReadonlyMap<string, string>;
  /** A replaced evaluator -> the one appointed in its place (who may correct its evaluations). */
  readonly evaluatorSuccessors: ReadonlyMap<string, string>;
  /** What it publishes, by id: voided ones stay, so an id is never reused. */
  readonly budgets: readonly PublishedItem[];
  readonly plannedDisbursements: readonly PublishedItem[];
  readonly documents: readonly PublishedItem[];
}

export interface PublishedItem {
  readonly id: string;
  readonly voided: boolean;
}

const published = (items: readonly PublishedItem[], id: string): readonly PublishedItem[] => [...items, { id, voided: false }];
const voided = (items: readonly PublishedItem[], id: string): readonly PublishedItem[] => items.map((i) => (i.id === id ? { ...i, voided: true } : i));

export interface Invitation {
  readonly organisationId: string;
  readonly role: Exclude<Role, 'evaluator'>;
  readonly invitedBy: string;
}

export interface FlowRecord {
  readonly flowId: string;
  readonly kind: 'commitment' | 'disbursement' | 'refund' | 'in-kind' | 'expenditure';
  /** Who recorded it: the provider; for a refund the organisation that gave the money back; for expenditure the spender. */
  readonly authorId: string;
  readonly providerId: string;
  readonly receiverId: string | null;
  readonly amount: Money;
  readonly date: string;
  readonly exchangeRate: ExchangeRate | null;
  /** Voided, or for a commitment cancelled: it counts nowhere. */
  readonly voided: boolean;
}

export const initialPartnershipState: PartnershipState = {
  status: 'none',
  partnershipId: null,
  title: '',
  summary: '',
  plannedStart: '',
  plannedEnd: null,
  phase: 'scoping',
  suspended: false,
  parties: new Map(),
  needIds: [],
  withdrawnNeedIds: [],
  baselineCommitments: [],
  plan: null,
  committed: new Map(),
  disbursed: new Map(),
  refunded: new Map(),
  flowIds: [],
  flows: [],
  expenditures: [],
  milestones: [],
  activities: [],
  indicators: new Set(),
  indicatorTargets: new Map(),
  risks: [],
  invitations: [],
  measurements: [],
  reviewIds: [],
  evaluations: new Map(),
  evaluatorSuccessors: new Map(),
  budgets: [],
  plannedDisbursements: [],
  documents: [],
};

export function invitationOf(state: PartnershipState, organisationId: string, role: Role): Invitation | undefined {
  return state.invitations.find((i) => i.organisationId === organisationId && i.role === role);
}

const withoutInvitation = (state: PartnershipState, organisationId: string, role: Role): PartnershipState['invitations'] =>
  state.invitations.filter((i) => !(i.organisationId === organisationId && i.role === role));

export function flowKey(providerId: string, receiverId: string, currency: string): string {
  return `${providerId}|${receiverId}|${currency}`;
}

function addTo(totals: ReadonlyMap<string, number>, key: string, amount: number): ReadonlyMap<string, number> {
  return new Map(totals).set(key, (totals.get(key) ?? 0) + amount);
}

function withMember(set: ReadonlySet<string>, member: string): ReadonlySet<string> {
  return new Set(set).add(member);
}

function withMilestoneStatus(milestones: PartnershipState['milestones'], milestoneId: string, status: MilestoneStatus): PartnershipState['milestones'] {
  return milestones.map((m) => (m.milestoneId === milestoneId ? { milestoneId, status } : m));
}

function withFlow(state: PartnershipState, record: FlowRecord): PartnershipState {
  return { ...state, flowIds: [...state.flowIds, record.flowId], flows: [...state.flows, record] };
}

/** The money maps of one flow: committed, disbursed and refunded are kept under `provider|receiver|currency`. */
function moneyMapOf(kind: FlowRecord['kind']): 'committed' | 'disbursed' | 'refunded' | null {
  return kind === 'commitment' ? 'committed' : kind === 'disbursement' ? 'disbursed' : kind === 'refund' ? 'refunded' : null;
}

/** A flow's change of amount (or its removal, to 0) applied to the record and to the totals the rules read. */
function withFlowAmount(state: PartnershipState, flowId: string, change: (f: FlowRecord) => FlowRecord): PartnershipState {
  const before = state.flows.find((f) => f.flowId === flowId);
  if (!before) return state;
  const after = change(before);
  const map = moneyMapOf(before.kind);
  const counted = (f: FlowRecord) => (f.voided ? 0 : f.amount.amountMinor);
  const next = { ...state, flows: state.flows.map((f) => (f.flowId === flowId ? after : f)) };
  if (!map || before.receiverId === null) return next;
  return { ...next, [map]: addTo(state[map], flowKey(before.providerId, before.receiverId, before.amount.currency), counted(after) - counted(before)) };
}

export function flowOf(state: PartnershipState, flowId: string): FlowRecord | undefined {
  return state.flows.find((f) => f.flowId === flowId);
}

/** What `organisationId` received in `currency`, net of what it refunded. */
export function netReceived(state: PartnershipState, organisationId: string, currency: string): number {
  let total = 0;
  for (const [key, amount] of state.disbursed) {
    const [, receiver, c] = key.split('|');
    if (receiver === organisationId && c === currency) total += amount - (state.refunded.get(key) ?? 0);
  }
  return total;
}

/** Whether `organisationId` received any money in the partnership: spending beyond that is then worth a question. */
export function receivedAny(state: PartnershipState, organisationId: string): boolean {
  for (const key of state.disbursed.keys()) if (key.split('|')[1] === organisationId) return true;
  return false;
}

export function spentIn(state: PartnershipState, organisationId: string, currency: string): number {
  return state.expenditures.filter((x) => !x.voided && x.spenderId === organisationId && x.amount.currency === currency).reduce((sum, x) => sum + x.amount.amountMinor, 0);
}

export function milestoneStatus(state: PartnershipState, milestoneId: string): MilestoneStatus | undefined {
  return state.milestones.find((m) => m.milestoneId === milestoneId)?.status;
}

export function riskStatus(state: PartnershipState, riskId: string): 'open' | 'resolved' | undefined {
  return state.risks.find((r) => r.riskId === riskId)?.status;
}

function withRole(parties: PartnershipState['parties'], organisationId: string, role: Role): PartnershipState['parties'] {
  const roles = parties.get(organisationId) ?? [];
  return roles.includes(role) ? parties : new Map(parties).set(organisationId, [...roles, role]);
}

function withoutRole(parties: PartnershipState['parties'], organisationId: string, role: Role): PartnershipState['parties'] {
  const roles = (parties.get(organisationId) ?? []).filter((r) => r !== role);
  const next = new Map(parties);
  if (roles.length === 0) next.delete(organisationId);
  else next.set(organisationId, roles);
  return next;
}

export function evolve(state: PartnershipState, event: PartnershipEvent): PartnershipState {
  switch (event.type) {
    case 'PartnershipProposed':
      return {
        ...state,
        status: 'open',
        partnershipId: event.data.partnershipId,
        title: event.data.title,
        summary: event.data.summary,
        plannedStart: event.data.plannedStart,
        plannedEnd: event.data.plannedEnd,
        phase: 'scoping',
        parties: withRole(state.parties, event.data.proposerId, event.data.proposerRole),
      };
    case 'PartyJoined':
      return {
        ...state,
        parties: withRole(state.parties, event.data.organisationId, event.data.role),
        invitations: withoutInvitation(state, event.data.organisationId, event.data.role),
      };
    case 'PartyInvited':
      return { ...state, invitations: [...state.invitations, { organisationId: event.data.organisationId, role: event.data.role, invitedBy: event.data.invitedBy }] };
    case 'InvitationDeclined':
    case 'InvitationWithdrawn':
      return { ...state, invitations: withoutInvitation(state, event.data.organisationId, event.data.role) };
    case 'IndicatorMeasured':
      return { ...state, measurements: [...state.measurements, { indicatorId: event.data.indicatorId, measuredOn: event.data.measuredOn, value: event.data.value }] };
    case 'MeasurementVoided': {
      const at = lastMeasurementIndex(state, event.data);
      return at < 0 ? state : { ...state, measurements: state.measurements.filter((_, i) => i !== at) };
    }
    case 'MidTermReviewRecorded':
      return { ...state, reviewIds: [...state.reviewIds, event.data.reviewId] };
    case 'NeedsReprioritised':
      return state;
    case 'NeedStated':
      return { ...state, needIds: [...state.needIds, event.data.needId] };
    case 'PlanVersionProposed':
      return {
        ...state,
        plan: {
          version: event.data.version,
          objectiveIds: event.data.objectives.map((o) => o.objectiveId),
          needIds: event.data.objectives.flatMap((o) => o.needIds),
          endorsements: [],
        },
      };
    case 'PlanEndorsed':
      if (!state.plan || state.plan.version !== event.data.version) return state;
      return {
        ...state,
        plan: { ...state.plan, endorsements: [...state.plan.endorsements, { organisationId: event.data.organisationId, role: event.data.role }] },
      };
    case 'PhaseAdvanced':
      return { ...state, phase: event.data.to };
    case 'PartnershipSuspended':
      return { ...state, suspended: true };
    case 'PartnershipResumed':
      return { ...state, suspended: false };
    case 'FundingCommitted': {
      const d = event.data;
      const next = withFlow(state, {
        flowId: d.flowId,
        kind: 'commitment',
        authorId: d.providerId,
        providerId: d.providerId,
        receiverId: d.receiverId,
        amount: d.amount,
        date: d.date,
        exchangeRate: d.exchangeRate,
        voided: false,
      });
      return { ...next, committed: addTo(state.committed, flowKey(d.providerId, d.receiverId, d.amount.currency), d.amount.amountMinor) };
    }
    case 'FundsDisbursed': {
      const d = event.data;
      const next = withFlow(state, {
        flowId: d.flowId,
        kind: 'disbursement',
        authorId: d.providerId,
        providerId: d.providerId,
        receiverId: d.receiverId,
        amount: d.amount,
        date: d.date,
        exchangeRate: d.exchangeRate,
        voided: false,
      });
      return { ...next, disbursed: addTo(state.disbursed, flowKey(d.providerId, d.receiverId, d.amount.currency), d.amount.amountMinor) };
    }
    case 'RefundRecorded': {
      // A refund names the disbursement it reduces (`providerId` gave, `receiverId` gives back): kept under that disbursement's key.
      const d = event.data;
      const next = withFlow(state, {
        flowId: d.flowId,
        kind: 'refund',
        authorId: d.receiverId,
        providerId: d.providerId,
        receiverId: d.receiverId,
        amount: d.amount,
        date: d.date,
        exchangeRate: d.exchangeRate,
        voided: false,
      });
      return { ...next, refunded: addTo(state.refunded, flowKey(d.providerId, d.receiverId, d.amount.currency), d.amount.amountMinor) };
    }
    case 'InKindContributionRecorded': {
      const d = event.data;
      return withFlow(state, {
        flowId: d.flowId,
        kind: 'in-kind',
        authorId: d.providerId,
        providerId: d.providerId,
        receiverId: d.receiverId,
        amount: d.amount,
        date: d.date,
        exchangeRate: d.exchangeRate,
        voided: false,
      });
    }
    case 'ExpenditureRecorded': {
      const d = event.data;
      const next = withFlow(state, {
        flowId: d.flowId,
        kind: 'expenditure',
        authorId: d.spenderId,
        providerId: d.spenderId,
        receiverId: null,
        amount: d.amount,
        date: d.date,
        exchangeRate: d.exchangeRate,
        voided: false,
      });
      return { ...next, expenditures: [...state.expenditures, { flowId: d.flowId, spenderId: d.spenderId, amount: d.amount, voided: false }] };
    }
    case 'ExpenditureVoided': {
      const next = withFlowAmount(state, event.data.flowId, (f) => ({ ...f, voided: true }));
      return { ...next, expenditures: state.expenditures.map((x) => (x.flowId === event.data.flowId ? { ...x, voided: true } : x)) };
    }
    case 'CommitmentAmended':
      return withFlowAmount(state, event.data.flowId, (f) => ({ ...f, amount: event.data.amount, date: event.data.date }));
    case 'CommitmentCancelled':
    case 'FlowVoided':
      return withFlowAmount(state, event.data.flowId, (f) => ({ ...f, voided: true }));
    case 'FlowCorrected':
      return withFlowAmount(state, event.data.flowId, (f) => ({ ...f, date: event.data.date, exchangeRate: event.data.exchangeRate }));
    case 'PartnershipAmended':
      return { ...state, title: event.data.title, summary: event.data.summary };
    case 'PlannedDatesChanged':
      return { ...state, plannedStart: event.data.plannedStart, plannedEnd: event.data.plannedEnd };
    case 'ActivityVoided':
      return { ...state, activities: state.activities.map((a) => (a.activityId === event.data.activityId ? { ...a, voided: true } : a)) };
    case 'ActivityCorrected':
      return { ...state, activities: state.activities.map((a) => (a.activityId === event.data.activityId ? { ...a, trainedByActivityId: event.data.trainedByActivityId } : a)) };
    case 'MilestoneCancelled':
      return { ...state, milestones: withMilestoneStatus(state.milestones, event.data.milestoneId, 'cancelled') };
    case 'MilestoneValidationRetracted':
      return { ...state, milestones: withMilestoneStatus(state.milestones, event.data.milestoneId, 'achieved') };
    case 'MilestonePlanned':
      return { ...state, milestones: [...state.milestones, { milestoneId: event.data.milestoneId, status: 'planned' }] };
    case 'MilestoneAchieved':
      return { ...state, milestones: withMilestoneStatus(state.milestones, event.data.milestoneId, 'achieved') };
    case 'MilestoneConfirmed':
      return { ...state, milestones: withMilestoneStatus(state.milestones, event.data.milestoneId, 'confirmed') };
    case 'MilestoneDisputed':
      return { ...state, milestones: withMilestoneStatus(state.milestones, event.data.milestoneId, 'disputed') };
    case 'ActivityDelivered':
      return {
        ...state,
        activities: [...state.activities, { activityId: event.data.activityId, type: event.data.type, trainedByActivityId: event.data.trainedByActivityId, voided: false }],
      };
    case 'IndicatorDefined':
      return {
        ...state,
        indicators: withMember(state.indicators, event.data.indicatorId),
        indicatorTargets: new Map(state.indicatorTargets).set(event.data.indicatorId, { baseline: event.data.baseline, target: event.data.target }),
      };
    case 'IndicatorRevised':
      return { ...state, indicatorTargets: new Map(state.indicatorTargets).set(event.data.indicatorId, { baseline: event.data.baseline, target: event.data.target }) };
    case 'RiskRaised':
      return { ...state, risks: [...state.risks, { riskId: event.data.riskId, status: 'open' }] };
    case 'RiskResolved':
      return { ...state, risks: state.risks.map((r) => (r.riskId === event.data.riskId ? { ...r, status: 'resolved' } : r)) };
    case 'EvaluatorAppointed':
      return { ...state, parties: withRole(state.parties, event.data.organisationId, 'evaluator') };
    case 'EvaluationRecorded':
      return { ...state, evaluations: new Map(state.evaluations).set(event.data.evaluationId, event.data.evaluatorId) };
    case 'NeedWithdrawn':
      return { ...state, needIds: state.needIds.filter((id) => id !== event.data.needId), withdrawnNeedIds: [...state.withdrawnNeedIds, event.data.needId] };
    case 'BaselineCommitmentRecorded':
      return state.baselineCommitments.includes(event.data.commitment) ? state : { ...state, baselineCommitments: [...state.baselineCommitments, event.data.commitment] };
    case 'BaselineCommitmentWithdrawn':
      return { ...state, baselineCommitments: state.baselineCommitments.filter((c) => c !== event.data.commitment) };
    case 'PartyLeft':
      return { ...state, parties: withoutRole(state.parties, event.data.organisationId, event.data.role) };
    case 'EvaluatorReplaced':
      return {
        ...state,
        parties: withRole(withoutRole(state.parties, event.data.previousId, 'evaluator'), event.data.organisationId, 'evaluator'),
        evaluatorSuccessors: new Map(state.evaluatorSuccessors).set(event.data.previousId, event.data.organisationId),
      };
    case 'PartnershipCancelled':
      return { ...state, status: 'closed', phase: 'cancelled', suspended: false };
    case 'NeedConfidentialityChanged':
    case 'ClosureCorrected':
      return state;
    case 'PartnershipClosed':
      return { ...state, status: 'closed', phase: 'closed', suspended: false };
    case 'BudgetPlanned':
      return { ...state, budgets: published(state.budgets, event.data.budgetId) };
    case 'BudgetVoided':
      return { ...state, budgets: voided(state.budgets, event.data.budgetId) };
    case 'DisbursementPlanned':
      return { ...state, plannedDisbursements: published(state.plannedDisbursements, event.data.plannedDisbursementId) };
    case 'PlannedDisbursementVoided':
      return { ...state, plannedDisbursements: voided(state.plannedDisbursements, event.data.plannedDisbursementId) };
    case 'DocumentLinked':
      return { ...state, documents: published(state.documents, event.data.documentId) };
    case 'DocumentUnlinked':
      return { ...state, documents: voided(state.documents, event.data.documentId) };
    case 'LanguagesStated':
    case 'PartnershipTagged':
    case 'MilestoneRescheduled':
    case 'SectorsAllocated':
    case 'RecipientAreasSet':
      return state;
  }
}

/** The measurement a void names: the last recorded one of that indicator, date and value. */
export function lastMeasurementIndex(state: PartnershipState, m: { readonly indicatorId: string; readonly measuredOn: string; readonly value: number }): number {
  for (let i = state.measurements.length - 1; i >= 0; i -= 1) {
    const x = state.measurements[i];
    if (x.indicatorId === m.indicatorId && x.measuredOn === m.measuredOn && x.value === m.value) return i;
  }
  return -1;
}

export function foldPartnership(events: readonly PartnershipEvent[]): PartnershipState {
  return events.reduce(evolve, initialPartnershipState);
}
