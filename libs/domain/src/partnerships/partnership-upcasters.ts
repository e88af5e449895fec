import type { ExpenditureRecorded, PartnershipEvent, PartnershipProposed } from './partnership-events';
import type { Theme } from './vocabulary';

import type { StoredEvent } from '../shared/decider';
export type { StoredEvent } from '../shared/decider';

/** PartnershipProposed v1 tagged a single theme and knew nothing of levels, SDGs or the gender marker. */
export interface PartnershipProposedV1 {
  readonly type: 'PartnershipProposed';
  readonly schemaVersion: 1;
  readonly data: Omit<PartnershipProposed['data'], 'themes' | 'levels' | 'sdgs' | 'genderMarker'> & { readonly theme: Theme };
}

function upcastProposedV1(event: PartnershipProposedV1): PartnershipProposed {
  const { theme, ...rest } = event.data;
  return { type: 'PartnershipProposed', schemaVersion: 2, data: { ...rest, themes: [theme], levels: [], sdgs: [], genderMarker: 0 } };
}

/** ExpenditureRecorded v1 had no reason for spending beyond what was received: none was asked. */
export interface ExpenditureRecordedV1 {
  readonly type: 'ExpenditureRecorded';
  readonly schemaVersion: 1;
  readonly data: Omit<ExpenditureRecorded['data'], 'overspendReason'>;
}

function upcastExpenditureV1(event: ExpenditureRecordedV1): ExpenditureRecorded {
  return { type: 'ExpenditureRecorded', schemaVersion: 2, data: { ...event.data, overspendReason: null } };
}

export const PARTNERSHIP_EVENT_VERSIONS: Readonly<Record<PartnershipEvent['type'], number>> = {
  PartnershipProposed: 2,
  PartyJoined: 1,
  NeedStated: 1,
  LanguagesStated: 1,
  PlanVersionProposed: 1,
  PlanEndorsed: 1,
  BaselineCommitmentRecorded: 1,
  PartnershipTagged: 1,
  PhaseAdvanced: 1,
  PartnershipSuspended: 1,
  PartnershipResumed: 1,
  FundingCommitted: 1,
  FundsDisbursed: 1,
  RefundRecorded: 1,
  InKindContributionRecorded: 1,
  ExpenditureRecorded: 2,
  ExpenditureVoided: 1,
  MilestonePlanned: 1,
  MilestoneAchieved: 1,
  MilestoneConfirmed: 1,
  MilestoneDisputed: 1,
  ActivityDelivered: 1,
  IndicatorDefined: 1,
  IndicatorMeasured: 1,
  RiskRaised: 1,
  RiskResolved: 1,
  EvaluatorAppointed: 1,
  EvaluationRecorded: 1,
  PartnershipClosed: 1,
  CommitmentAmended: 1,
  CommitmentCancelled: 1,
  FlowVoided: 1,
  FlowCorrected: 1,
  ActivityCorrected: 1,
  ActivityVoided: 1,
  MilestoneRescheduled: 1,
  MilestoneCancelled: 1,
  MilestoneValidationRetracted: 1,
  IndicatorRevised: 1,
  PartnershipAmended: 1,
  PlannedDatesChanged: 1,
  NeedWithdrawn: 1,
  NeedConfidentialityChanged: 1,
  BaselineCommitmentWithdrawn: 1,
  PartyLeft: 1,
  EvaluatorReplaced: 1,
  PartnershipCancelled: 1,
  ClosureCorrected: 1,
  PartyInvited: 1,
  InvitationDeclined: 1,
  InvitationWithdrawn: 1,
  MeasurementVoided: 1,
  NeedsReprioritised: 1,
  SectorsAllocated: 1,
  RecipientAreasSet: 1,
  BudgetPlanned: 1,
  BudgetVoided: 1,
  DisbursementPlanned: 1,
  PlannedDisbursementVoided: 1,
  DocumentLinked: 1,
  DocumentUnlinked: 1,
  MidTermReviewRecorded: 1,
};

export function isPartnershipEventType(type: string): type is PartnershipEvent['type'] {
  return Object.prototype.hasOwnProperty.call(PARTNERSHIP_EVENT_VERSIONS, type);
}

export class UnknownEventVersionError extends Error {
  constructor(type: string, version: number) {
    super(`No upcaster for ${type} v${version}`);
    this.name = 'UnknownEventVersionError';
  }
}

/**
 * Brings a stored event to the shape the rules know. Stored events are never rewritten: old versions
 * are translated on every read.
 */
export function upcastPartnershipEvent(stored: StoredEvent): PartnershipEvent {
  if (!isPartnershipEventType(stored.type)) throw new UnknownEventVersionError(stored.type, stored.schemaVersion);
  if (stored.type === 'PartnershipProposed' && stored.schemaVersion === 1) {
    return upcastProposedV1(stored as unknown as PartnershipProposedV1);
  }
  if (stored.type === 'ExpenditureRecorded' && stored.schemaVersion === 1) {
    return upcastExpenditureV1(stored as unknown as ExpenditureRecordedV1);
  }
  if (stored.schemaVersion !== PARTNERSHIP_EVENT_VERSIONS[stored.type]) throw new UnknownEventVersionError(stored.type, stored.schemaVersion);
  // The store gave back what an earlier append of this very union wrote.
  return stored as unknown as PartnershipEvent;
}
