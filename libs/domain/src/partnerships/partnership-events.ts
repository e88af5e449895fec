import type { DomainEvent } from '../shared/command';
import type { IsoDate } from '../shared/dates';
import type { Money } from '../shared/money';
import type { BudgetKind, BudgetStatus, DocumentCategory, Share } from './publication-vocabulary';
import type { ActivityType, BaselineCommitment, ExchangeRate, GenderMarker, Initiator, Level, NeedKind, Phase, Principle, Role, Sdg, Theme } from './vocabulary';

export interface Tags {
  readonly themes: readonly Theme[];
  readonly levels: readonly Level[];
  readonly sdgs: readonly Sdg[];
  readonly genderMarker: GenderMarker;
}

export type PartnershipProposed = DomainEvent<
  'PartnershipProposed',
  2,
  Tags & {
    readonly partnershipId: string;
    readonly title: string;
    readonly summary: string;
    readonly beneficiaryCountry: string;
    readonly initiatedBy: Initiator;
    readonly proposerId: string;
    readonly proposerRole: Exclude<Role, 'evaluator'>;
    readonly plannedStart: IsoDate;
    readonly plannedEnd: IsoDate | null;
  }
>;
export type PartyJoined = DomainEvent<'PartyJoined', 1, { readonly organisationId: string; readonly role: Exclude<Role, 'evaluator'> }>;
/**
 * Participation is voluntary (OEWG para 56): a party invites an organisation to a role, and it joins only by
 * accepting (PartyJoined, recorded by the invitee) or says no (InvitationDeclined). The inviter may withdraw
 * an invitation not yet answered.
 */
export type PartyInvited = DomainEvent<'PartyInvited', 1, { readonly organisationId: string; readonly role: Exclude<Role, 'evaluator'>; readonly invitedBy: string }>;
export type InvitationDeclined = DomainEvent<'InvitationDeclined', 1, { readonly organisationId: string; readonly role: Exclude<Role, 'evaluator'>; readonly reason: string }>;
export type InvitationWithdrawn = DomainEvent<
  'InvitationWithdrawn',
  1,
  { readonly organisationId: string; readonly role: Exclude<Role, 'evaluator'>; readonly reason: string; readonly withdrawnBy: string }
>;
export type NeedStated = DomainEvent<
  'NeedStated',
  1,
  { readonly needId: string; readonly kind: NeedKind; readonly description: string; readonly confidential: boolean; readonly statedBy: string }
>;
export type LanguagesStated = DomainEvent<'LanguagesStated', 1, { readonly languages: readonly string[]; readonly statedBy: string }>;
export type PlanVersionProposed = DomainEvent<
  'PlanVersionProposed',
  1,
  {
    readonly version: number;
    readonly objectives: readonly { readonly objectiveId: string; readonly description: string; readonly needIds: readonly string[] }[];
    readonly confidential: boolean;
    readonly proposedBy: string;
  }
>;
export type PlanEndorsed = DomainEvent<'PlanEndorsed', 1, { readonly version: number; readonly organisationId: string; readonly role: Role }>;
export type BaselineCommitmentRecorded = DomainEvent<
  'BaselineCommitmentRecorded',
  1,
  { readonly commitment: BaselineCommitment; readonly description: string; readonly recordedBy: string }
>;
export type PartnershipTagged = DomainEvent<'PartnershipTagged', 1, Tags>;
export type PhaseAdvanced = DomainEvent<'PhaseAdvanced', 1, { readonly from: Phase; readonly to: Phase; readonly reason: string }>;
export type PartnershipSuspended = DomainEvent<'PartnershipSuspended', 1, { readonly phase: Phase; readonly reason: string }>;
export type PartnershipResumed = DomainEvent<'PartnershipResumed', 1, { readonly phase: Phase; readonly reason: string }>;

interface Flow {
  readonly flowId: string;
  readonly providerId: string;
  readonly receiverId: string;
  readonly amount: Money;
  readonly date: IsoDate;
  readonly exchangeRate: ExchangeRate | null;
}
export type FundingCommitted = DomainEvent<'FundingCommitted', 1, Flow>;
export type FundsDisbursed = DomainEvent<'FundsDisbursed', 1, Flow>;
export type RefundRecorded = DomainEvent<'RefundRecorded', 1, Flow & { readonly reason: string }>;
export type InKindContributionRecorded = DomainEvent<'InKindContributionRecorded', 1, Flow & { readonly description: string }>;
export type ExpenditureRecorded = DomainEvent<
  'ExpenditureRecorded',
  2,
  {
    readonly flowId: string;
    readonly spenderId: string;
    readonly amount: Money;
    readonly date: IsoDate;
    readonly category: string;
    /** ISO 3166-1 alpha-2 of where the money was spent. */
    readonly spentInCountry: string;
    readonly supplier: { readonly name: string; readonly local: boolean };
    readonly exchangeRate: ExchangeRate | null;
    /** Why spending goes far beyond what the spender received (co-financing, own funds); null when it does not. */
    readonly overspendReason: string | null;
  }
>;
export type ExpenditureVoided = DomainEvent<'ExpenditureVoided', 1, { readonly flowId: string; readonly reason: string; readonly voidedBy: string }>;

/** Corrections of money. Each keeps the original in the history, says why, and who corrected it (not always the author). */
export type CommitmentAmended = DomainEvent<
  'CommitmentAmended',
  1,
  { readonly flowId: string; readonly amount: Money; readonly date: IsoDate; readonly reason: string; readonly amendedBy: string }
>;
export type CommitmentCancelled = DomainEvent<'CommitmentCancelled', 1, { readonly flowId: string; readonly reason: string; readonly cancelledBy: string }>;
/** A disbursement, refund or in-kind contribution that should never have been recorded (expenditure has its own). */
export type FlowVoided = DomainEvent<'FlowVoided', 1, { readonly flowId: string; readonly reason: string; readonly voidedBy: string }>;
/** The value date or the rate of any flow, as it should have been. */
export type FlowCorrected = DomainEvent<
  'FlowCorrected',
  1,
  { readonly flowId: string; readonly date: IsoDate; readonly exchangeRate: ExchangeRate | null; readonly reason: string; readonly correctedBy: string }
>;

export type MilestonePlanned = DomainEvent<
  'MilestonePlanned',
  1,
  { readonly milestoneId: string; readonly title: string; readonly dueDate: IsoDate; readonly objectiveId: string | null }
>;
export type MilestoneAchieved = DomainEvent<
  'MilestoneAchieved',
  1,
  { readonly milestoneId: string; readonly achievedOn: IsoDate; readonly evidence: readonly { readonly description: string; readonly uri: string | null }[] }
>;
export type MilestoneConfirmed = DomainEvent<'MilestoneConfirmed', 1, { readonly milestoneId: string; readonly confirmedBy: string; readonly note: string }>;
export type MilestoneDisputed = DomainEvent<'MilestoneDisputed', 1, { readonly milestoneId: string; readonly disputedBy: string; readonly reason: string }>;

export type ActivityDelivered = DomainEvent<
  'ActivityDelivered',
  1,
  {
    readonly activityId: string;
    readonly type: ActivityType;
    readonly title: string;
    readonly themes: readonly Theme[];
    readonly level: Level;
    readonly startDate: IsoDate;
    readonly endDate: IsoDate;
    /** ISO 639-1 codes of the languages of instruction. */
    readonly languages: readonly string[];
    readonly participants: { readonly women: number; readonly men: number; readonly undisclosed: number };
    readonly participantHours: number;
    readonly trainers: { readonly local: number; readonly foreign: number };
    /** Local trainers this activity qualified (train-the-trainer). */
    readonly localTrainersProduced: number;
    /** The train-the-trainer activity whose graduates delivered this one. */
    readonly trainedByActivityId: string | null;
    readonly objectiveId: string | null;
    readonly needIds: readonly string[];
    readonly continuesAfterFunding: boolean;
  }
>;
/** Corrections of delivery. */
export type ActivityCorrected = DomainEvent<'ActivityCorrected', 1, ActivityDelivered['data'] & { readonly reason: string; readonly correctedBy: string }>;
export type ActivityVoided = DomainEvent<'ActivityVoided', 1, { readonly activityId: string; readonly reason: string; readonly voidedBy: string }>;
export type MilestoneRescheduled = DomainEvent<
  'MilestoneRescheduled',
  1,
  { readonly milestoneId: string; readonly dueDate: IsoDate; readonly reason: string; readonly rescheduledBy: string }
>;
export type MilestoneCancelled = DomainEvent<'MilestoneCancelled', 1, { readonly milestoneId: string; readonly reason: string; readonly cancelledBy: string }>;
/** The beneficiary takes back a confirmation or a dispute: the milestone awaits its answer again. */
export type MilestoneValidationRetracted = DomainEvent<
  'MilestoneValidationRetracted',
  1,
  { readonly milestoneId: string; readonly retracted: 'confirmation' | 'dispute'; readonly reason: string; readonly retractedBy: string }
>;
export type IndicatorRevised = DomainEvent<
  'IndicatorRevised',
  1,
  { readonly indicatorId: string; readonly baseline: number; readonly target: number; readonly reason: string; readonly revisedBy: string }
>;
/** Corrections of scoping and of the parties. */
export type NeedWithdrawn = DomainEvent<'NeedWithdrawn', 1, { readonly needId: string; readonly reason: string; readonly withdrawnBy: string }>;
export type NeedConfidentialityChanged = DomainEvent<
  'NeedConfidentialityChanged',
  1,
  { readonly needId: string; readonly confidential: boolean; readonly reason: string; readonly changedBy: string }
>;
export type BaselineCommitmentWithdrawn = DomainEvent<
  'BaselineCommitmentWithdrawn',
  1,
  { readonly commitment: BaselineCommitment; readonly reason: string; readonly withdrawnBy: string }
>;
/** A party leaves, or a donor withdraws, from `effectiveDate`; what it recorded stays. */
export type PartyLeft = DomainEvent<
  'PartyLeft',
  1,
  { readonly organisationId: string; readonly role: Exclude<Role, 'evaluator'>; readonly effectiveDate: IsoDate; readonly reason: string }
>;
/** The donors appoint another evaluator; the new one may correct the evaluations of the one it replaces. */
export type EvaluatorReplaced = DomainEvent<
  'EvaluatorReplaced',
  1,
  { readonly previousId: string; readonly organisationId: string; readonly reason: string; readonly replacedBy: string }
>;
/** Ended before delivery began: from scoping or co-design only. */
export type PartnershipCancelled = DomainEvent<'PartnershipCancelled', 1, { readonly phase: Phase; readonly reason: string; readonly cancelledBy: string }>;
export type ClosureCorrected = DomainEvent<'ClosureCorrected', 1, PartnershipClosed['data'] & { readonly reason: string; readonly correctedBy: string }>;
/** Corrections of the partnership itself. */
export type PartnershipAmended = DomainEvent<'PartnershipAmended', 1, { readonly title: string; readonly summary: string; readonly reason: string; readonly amendedBy: string }>;
/** A no-cost extension, or a shortened period. */
export type PlannedDatesChanged = DomainEvent<
  'PlannedDatesChanged',
  1,
  { readonly plannedStart: IsoDate; readonly plannedEnd: IsoDate | null; readonly reason: string; readonly changedBy: string }
>;

export type IndicatorDefined = DomainEvent<
  'IndicatorDefined',
  1,
  { readonly indicatorId: string; readonly name: string; readonly unit: string; readonly baseline: number; readonly target: number; readonly baselineDate: IsoDate }
>;
export type IndicatorMeasured = DomainEvent<'IndicatorMeasured', 1, { readonly indicatorId: string; readonly value: number; readonly measuredOn: IsoDate; readonly note: string }>;
/** A measurement that was wrong: named by its indicator, date and value (the last one recorded that matches). */
export type MeasurementVoided = DomainEvent<
  'MeasurementVoided',
  1,
  { readonly indicatorId: string; readonly measuredOn: IsoDate; readonly value: number; readonly reason: string; readonly voidedBy: string }
>;
/** The beneficiary ranks its stated needs anew: `needIds` in order of priority, the first the most pressing. */
export type NeedsReprioritised = DomainEvent<'NeedsReprioritised', 1, { readonly needIds: readonly string[]; readonly reason: string; readonly reprioritisedBy: string }>;
/**
 * A mid-term review while monitoring goes on: findings, recommendations and, optionally, provisional scores
 * per principle. It leaves the phase as it is (a final evaluation needs the evaluation phase).
 */
export type MidTermReviewRecorded = DomainEvent<
  'MidTermReviewRecorded',
  1,
  {
    readonly reviewId: string;
    readonly reviewerId: string;
    readonly findings: string;
    readonly recommendations: string;
    readonly scores: readonly { readonly principle: Principle; readonly score: number; readonly evidence: string; readonly eventIds: readonly string[] }[];
  }
>;
export type RiskRaised = DomainEvent<
  'RiskRaised',
  1,
  { readonly riskId: string; readonly kind: 'risk' | 'issue'; readonly description: string; readonly severity: 'low' | 'medium' | 'high'; readonly raisedBy: string }
>;
export type RiskResolved = DomainEvent<'RiskResolved', 1, { readonly riskId: string; readonly resolution: string }>;
export type EvaluatorAppointed = DomainEvent<'EvaluatorAppointed', 1, { readonly organisationId: string; readonly appointedBy: string }>;
export type EvaluationRecorded = DomainEvent<
  'EvaluationRecorded',
  1,
  {
    readonly evaluationId: string;
    readonly evaluatorId: string;
    /** Set when this evaluation corrects an earlier one. */
    readonly corrects: string | null;
    readonly scores: readonly { readonly principle: Principle; readonly score: number; readonly evidence: string; readonly eventIds: readonly string[] }[];
    readonly findings: string;
    readonly lessons: string;
  }
>;
export type PartnershipClosed = DomainEvent<
  'PartnershipClosed',
  1,
  {
    readonly outcome: 'achieved' | 'partially-achieved' | 'not-achieved';
    readonly summary: string;
    readonly handover: { readonly done: boolean; readonly institutionId: string | null; readonly date: IsoDate | null };
  }
>;

// ---- what the partnership publishes (IATI): sectors, areas, budgets, planned disbursements, documents ----
/** DAC sectors (vocabulary 1) replacing the default the themes give; the shares sum to 100. */
export type SectorsAllocated = DomainEvent<'SectorsAllocated', 1, { readonly sectors: readonly Share[]; readonly allocatedBy: string }>;
/** Where the benefit goes when it is not the beneficiary country alone: countries and DAC regions, shares summing to 100. */
export type RecipientAreasSet = DomainEvent<'RecipientAreasSet', 1, { readonly countries: readonly Share[]; readonly regions: readonly Share[]; readonly setBy: string }>;
/** A budget for a period of at most a year: the original one, or a revision of it. */
export type BudgetPlanned = DomainEvent<
  'BudgetPlanned',
  1,
  {
    readonly budgetId: string;
    readonly kind: BudgetKind;
    readonly status: BudgetStatus;
    readonly periodStart: IsoDate;
    readonly periodEnd: IsoDate;
    readonly amount: Money;
    readonly valueDate: IsoDate;
    readonly plannedBy: string;
  }
>;
export type BudgetVoided = DomainEvent<'BudgetVoided', 1, { readonly budgetId: string; readonly reason: string; readonly voidedBy: string }>;
/** Money a provider expects to pass on in a period: what the receiver can plan with. */
export type DisbursementPlanned = DomainEvent<
  'DisbursementPlanned',
  1,
  {
    readonly plannedDisbursementId: string;
    readonly providerId: string;
    readonly receiverId: string | null;
    readonly periodStart: IsoDate;
    readonly periodEnd: IsoDate;
    readonly amount: Money;
    readonly valueDate: IsoDate;
  }
>;
export type PlannedDisbursementVoided = DomainEvent<'PlannedDisbursementVoided', 1, { readonly plannedDisbursementId: string; readonly reason: string; readonly voidedBy: string }>;
/** A public document: a plan summary, a report, an evaluation, on the partnership or one of its milestones. */
export type DocumentLinked = DomainEvent<
  'DocumentLinked',
  1,
  {
    readonly documentId: string;
    readonly title: string;
    readonly url: string;
    readonly category: DocumentCategory;
    readonly language: string;
    readonly milestoneId: string | null;
    readonly linkedBy: string;
  }
>;
export type DocumentUnlinked = DomainEvent<'DocumentUnlinked', 1, { readonly documentId: string; readonly reason: string; readonly unlinkedBy: string }>;

export type PartnershipEvent =
  | PartnershipProposed
  | PartyJoined
  | PartyInvited
  | InvitationDeclined
  | InvitationWithdrawn
  | NeedStated
  | LanguagesStated
  | PlanVersionProposed
  | PlanEndorsed
  | BaselineCommitmentRecorded
  | PartnershipTagged
  | PhaseAdvanced
  | PartnershipSuspended
  | PartnershipResumed
  | FundingCommitted
  | FundsDisbursed
  | RefundRecorded
  | InKindContributionRecorded
  | ExpenditureRecorded
  | ExpenditureVoided
  | CommitmentAmended
  | CommitmentCancelled
  | FlowVoided
  | FlowCorrected
  | MilestonePlanned
  | MilestoneAchieved
  | MilestoneConfirmed
  | MilestoneDisputed
  | ActivityDelivered
  | ActivityCorrected
  | ActivityVoided
  | MilestoneRescheduled
  | MilestoneCancelled
  | MilestoneValidationRetracted
  | IndicatorRevised
  | PartnershipAmended
  | PlannedDatesChanged
  | NeedWithdrawn
  | NeedConfidentialityChanged
  | BaselineCommitmentWithdrawn
  | PartyLeft
  | EvaluatorReplaced
  | PartnershipCancelled
  | ClosureCorrected
  | IndicatorDefined
  | IndicatorMeasured
  | MeasurementVoided
  | NeedsReprioritised
  | MidTermReviewRecorded
  | RiskRaised
  | RiskResolved
  | EvaluatorAppointed
  | EvaluationRecorded
  | PartnershipClosed
  | SectorsAllocated
  | RecipientAreasSet
  | BudgetPlanned
  | BudgetVoided
  | DisbursementPlanned
  | PlannedDisbursementVoided
  | DocumentLinked
  | DocumentUnlinked;
