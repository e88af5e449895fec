import type { PartnershipEvent } from './partnership-events';
import type { Money } from '../shared/money';
import type { ActivityType, Phase, Role } from './vocabulary';

export type MilestoneStatus = 'planned' | 'achieved' | 'confirmed' | 'disputed';

/** What the rules need to know about one partnership, folded from its events. */
export interface PartnershipState {
  readonly status: 'none' | 'open' | 'closed';
  readonly partnershipId: string | null;
  readonly phase: Phase;
  readonly suspended: boolean;
  /**
   * organisation id -> the roles it holds. Maps, never plain objects, for every lookup by a client's id:
   * on an object an organisation named "constructor" would find Object.prototype's and pass as a party.
   */
  readonly parties: ReadonlyMap<string, readonly Role[]>;
  readonly needIds: readonly string[];
  readonly plan: {
    readonly version: number;
    readonly objectiveIds: readonly string[];
    readonly endorsements: readonly { readonly organisationId: string; readonly role: Role }[];
  } | null;
  /** Money keyed by `provider|receiver|currency`, in minor units. */
  readonly committed: ReadonlyMap<string, number>;
  readonly disbursed: ReadonlyMap<string, number>;
  readonly refunded: ReadonlyMap<string, number>;
  // Collections that grow with the stream are arrays: appending to an array copies fast, while spreading a
  // record of thousands of keys made folding a 10,000-event stream take seconds.
  readonly flowIds: readonly string[];
  readonly expenditures: readonly { readonly flowId: string; readonly spenderId: string; readonly amount: Money; readonly voided: boolean }[];
  readonly milestones: readonly { readonly milestoneId: string; readonly status: MilestoneStatus }[];
  readonly activities: readonly { readonly activityId: string; readonly type: ActivityType }[];
  readonly indicators: ReadonlySet<string>;
  readonly risks: readonly { readonly riskId: string; readonly status: 'open' | 'resolved' }[];
  readonly evaluations: ReadonlySet<string>;
}

export const initialPartnershipState: PartnershipState = {
  status: 'none',
  partnershipId: null,
  phase: 'scoping',
  suspended: false,
  parties: new Map(),
  needIds: [],
  plan: null,
  committed: new Map(),
  disbursed: new Map(),
  refunded: new Map(),
  flowIds: [],
  expenditures: [],
  milestones: [],
  activities: [],
  indicators: new Set(),
  risks: [],
  evaluations: new Set(),
};

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
  return state.expenditures
    .filter((x) => !x.voided && x.spenderId === organisationId && x.amount.currency === currency)
    .reduce((sum, x) => sum + x.amount.amountMinor, 0);
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

export function evolve(state: PartnershipState, event: PartnershipEvent): PartnershipState {
  switch (event.type) {
    case 'PartnershipProposed':
      return {
        ...state,
        status: 'open',
        partnershipId: event.data.partnershipId,
        phase: 'scoping',
        parties: withRole(state.parties, event.data.proposerId, event.data.proposerRole),
      };
    case 'PartyJoined':
      return { ...state, parties: withRole(state.parties, event.data.organisationId, event.data.role) };
    case 'NeedStated':
      return { ...state, needIds: [...state.needIds, event.data.needId] };
    case 'PlanVersionProposed':
      return {
        ...state,
        plan: { version: event.data.version, objectiveIds: event.data.objectives.map((o) => o.objectiveId), endorsements: [] },
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
    case 'FundingCommitted':
      return {
        ...state,
        flowIds: [...state.flowIds, event.data.flowId],
        committed: addTo(state.committed, flowKey(event.data.providerId, event.data.receiverId, event.data.amount.currency), event.data.amount.amountMinor),
      };
    case 'FundsDisbursed':
      return {
        ...state,
        flowIds: [...state.flowIds, event.data.flowId],
        disbursed: addTo(state.disbursed, flowKey(event.data.providerId, event.data.receiverId, event.data.amount.currency), event.data.amount.amountMinor),
      };
    case 'RefundRecorded':
      // A refund names the disbursement it reduces (`providerId` gave, `receiverId` gives back): kept under that disbursement's key.
      return {
        ...state,
        flowIds: [...state.flowIds, event.data.flowId],
        refunded: addTo(state.refunded, flowKey(event.data.providerId, event.data.receiverId, event.data.amount.currency), event.data.amount.amountMinor),
      };
    case 'InKindContributionRecorded':
      return { ...state, flowIds: [...state.flowIds, event.data.flowId] };
    case 'ExpenditureRecorded':
      return {
        ...state,
        flowIds: [...state.flowIds, event.data.flowId],
        expenditures: [...state.expenditures, { flowId: event.data.flowId, spenderId: event.data.spenderId, amount: event.data.amount, voided: false }],
      };
    case 'ExpenditureVoided': {
      return { ...state, expenditures: state.expenditures.map((x) => (x.flowId === event.data.flowId ? { ...x, voided: true } : x)) };
    }
    case 'MilestonePlanned':
      return { ...state, milestones: [...state.milestones, { milestoneId: event.data.milestoneId, status: 'planned' }] };
    case 'MilestoneAchieved':
      return { ...state, milestones: withMilestoneStatus(state.milestones, event.data.milestoneId, 'achieved') };
    case 'MilestoneConfirmed':
      return { ...state, milestones: withMilestoneStatus(state.milestones, event.data.milestoneId, 'confirmed') };
    case 'MilestoneDisputed':
      return { ...state, milestones: withMilestoneStatus(state.milestones, event.data.milestoneId, 'disputed') };
    case 'ActivityDelivered':
      return { ...state, activities: [...state.activities, { activityId: event.data.activityId, type: event.data.type }] };
    case 'IndicatorDefined':
      return { ...state, indicators: withMember(state.indicators, event.data.indicatorId) };
    case 'RiskRaised':
      return { ...state, risks: [...state.risks, { riskId: event.data.riskId, status: 'open' }] };
    case 'RiskResolved':
      return { ...state, risks: state.risks.map((r) => (r.riskId === event.data.riskId ? { ...r, status: 'resolved' } : r)) };
    case 'EvaluatorAppointed':
      return { ...state, parties: withRole(state.parties, event.data.organisationId, 'evaluator') };
    case 'EvaluationRecorded':
      return { ...state, evaluations: withMember(state.evaluations, event.data.evaluationId) };
    case 'PartnershipClosed':
      return { ...state, status: 'closed', phase: 'closed', suspended: false };
    case 'LanguagesStated':
    case 'BaselineCommitmentRecorded':
    case 'PartnershipTagged':
    case 'IndicatorMeasured':
      return state;
  }
}

export function foldPartnership(events: readonly PartnershipEvent[]): PartnershipState {
  return events.reduce(evolve, initialPartnershipState);
}
