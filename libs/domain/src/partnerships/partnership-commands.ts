import type { Command } from '../shared/command';
import type {
  ActivityDelivered,
  BaselineCommitmentRecorded,
  BudgetPlanned,
  DisbursementPlanned,
  DocumentLinked,
  RecipientAreasSet,
  SectorsAllocated,
  EvaluationRecorded,
  ExpenditureRecorded,
  FundingCommitted,
  IndicatorDefined,
  IndicatorMeasured,
  MidTermReviewRecorded,
  InKindContributionRecorded,
  MilestoneAchieved,
  MilestonePlanned,
  NeedStated,
  PartnershipClosed,
  PartnershipProposed,
  PlanVersionProposed,
  RefundRecorded,
  RiskRaised,
  Tags,
} from './partnership-events';
import type { ExchangeRate, Phase, ReferenceRate, Role } from './vocabulary';
import type { Money } from '../shared/money';

type Without<T, K extends keyof T> = Omit<T, K>;

export type ProposePartnership = Command<'ProposePartnership', Without<PartnershipProposed['data'], 'proposerId'>>;
/**
 * A party asks an organisation to take a role; it joins only when it accepts. A party taking another role
 * itself (a donor that also implements) joins at once. `registered`: whether the organisation is in the
 * registry, as the handler found it (the rules read no other stream).
 */
export type InviteParty = Command<'InviteParty', { readonly organisationId: string; readonly role: Exclude<Role, 'evaluator'>; readonly registered: boolean }>;
/** The invited organisation answers: it joins in the role, or says why not. */
export type AcceptInvitation = Command<'AcceptInvitation', { readonly role: Exclude<Role, 'evaluator'> }>;
export type DeclineInvitation = Command<'DeclineInvitation', { readonly role: Exclude<Role, 'evaluator'>; readonly reason: string }>;
export type StateNeed = Command<'StateNeed', Without<NeedStated['data'], 'statedBy'>>;
export type StateLanguages = Command<'StateLanguages', { readonly languages: readonly string[] }>;
export type ProposePlanVersion = Command<'ProposePlanVersion', Without<PlanVersionProposed['data'], 'version' | 'proposedBy'>>;
export type EndorsePlan = Command<'EndorsePlan', { readonly version: number; readonly role: Role }>;
export type RecordBaselineCommitment = Command<'RecordBaselineCommitment', Without<BaselineCommitmentRecorded['data'], 'recordedBy'>>;
export type TagPartnership = Command<'TagPartnership', Tags>;
export type AdvancePhase = Command<'AdvancePhase', { readonly to: Phase; readonly reason: string }>;
export type SuspendPartnership = Command<'SuspendPartnership', { readonly reason: string }>;
export type ResumePartnership = Command<'ResumePartnership', { readonly reason: string }>;
/**
 * A flow that may carry its own rate. `referenceRate` is the rate table's rate for its currencies and date, as
 * the handler found it (null: none); `rateConfirmed` is the client saying a rate far from it is meant.
 */
type RatedFlow<D> = D & { readonly referenceRate?: ReferenceRate | null; readonly rateConfirmed?: boolean };
export type CommitFunding = Command<'CommitFunding', RatedFlow<Without<FundingCommitted['data'], 'providerId'>>>;
export type DisburseFunds = Command<'DisburseFunds', RatedFlow<Without<FundingCommitted['data'], 'providerId'>>>;
/** The actor's organisation returns money it received from `providerId`. */
export type RecordRefund = Command<'RecordRefund', RatedFlow<Without<RefundRecorded['data'], 'receiverId'>>>;
export type RecordInKindContribution = Command<'RecordInKindContribution', RatedFlow<Without<InKindContributionRecorded['data'], 'providerId'>>>;
export type RecordExpenditure = Command<
  'RecordExpenditure',
  RatedFlow<Without<ExpenditureRecorded['data'], 'spenderId' | 'overspendReason'>> & { readonly overspendReason?: string | null }
>;
export type VoidExpenditure = Command<'VoidExpenditure', { readonly flowId: string; readonly reason: string }>;
/** A new amount (same currency) or value date for a commitment; what is left out stays as it was. */
export type AmendCommitment = Command<'AmendCommitment', { readonly flowId: string; readonly amount?: Money; readonly date?: string; readonly reason: string }>;
/** Lowers a commitment to what has been disbursed from it: the rest is no longer promised. */
export type DeobligateCommitment = Command<'DeobligateCommitment', { readonly flowId: string; readonly reason: string }>;
export type CancelCommitment = Command<'CancelCommitment', { readonly flowId: string; readonly reason: string }>;
export type VoidFlow = Command<'VoidFlow', { readonly flowId: string; readonly reason: string }>;
/** `exchangeRate: null` removes a recorded rate; leaving it out keeps it. */
export type CorrectFlow = Command<'CorrectFlow', { readonly flowId: string; readonly date?: string; readonly exchangeRate?: ExchangeRate | null; readonly reason: string }>;
export type CorrectActivity = Command<'CorrectActivity', RecordActivity['data'] & { readonly reason: string }>;
export type VoidActivity = Command<'VoidActivity', { readonly activityId: string; readonly reason: string }>;
export type RescheduleMilestone = Command<'RescheduleMilestone', { readonly milestoneId: string; readonly dueDate: string; readonly reason: string }>;
export type CancelMilestone = Command<'CancelMilestone', { readonly milestoneId: string; readonly reason: string }>;
export type RetractMilestoneValidation = Command<'RetractMilestoneValidation', { readonly milestoneId: string; readonly reason: string }>;
export type ReviseIndicator = Command<'ReviseIndicator', { readonly indicatorId: string; readonly baseline?: number; readonly target?: number; readonly reason: string }>;
export type AmendPartnership = Command<'AmendPartnership', { readonly title?: string; readonly summary?: string; readonly reason: string }>;
export type ChangePlannedDates = Command<'ChangePlannedDates', { readonly plannedStart?: string; readonly plannedEnd?: string | null; readonly reason: string }>;
export type WithdrawNeed = Command<'WithdrawNeed', { readonly needId: string; readonly reason: string }>;
export type ChangeNeedConfidentiality = Command<'ChangeNeedConfidentiality', { readonly needId: string; readonly confidential: boolean; readonly reason: string }>;
export type WithdrawBaselineCommitment = Command<'WithdrawBaselineCommitment', { readonly commitment: BaselineCommitmentRecorded['data']['commitment']; readonly reason: string }>;
/** The actor's organisation leaves the role (a donor withdraws) from `effectiveDate`. */
export type LeavePartnership = Command<'LeavePartnership', { readonly role: Exclude<Role, 'evaluator'>; readonly effectiveDate: string; readonly reason: string }>;
export type ReplaceEvaluator = Command<'ReplaceEvaluator', { readonly previousId: string; readonly organisationId: string; readonly registered: boolean; readonly reason: string }>;
export type CancelPartnership = Command<'CancelPartnership', { readonly reason: string }>;
/** The inviter takes back an invitation not yet answered (sent to the wrong organisation, or no longer needed). */
export type WithdrawInvitation = Command<'WithdrawInvitation', { readonly organisationId: string; readonly role: Exclude<Role, 'evaluator'>; readonly reason: string }>;
export type VoidMeasurement = Command<'VoidMeasurement', { readonly indicatorId: string; readonly measuredOn: string; readonly value: number; readonly reason: string }>;
/** Every need still stated, each once, most pressing first. */
export type ReprioritiseNeeds = Command<'ReprioritiseNeeds', { readonly needIds: readonly string[]; readonly reason: string }>;
export type CorrectClosure = Command<'CorrectClosure', PartnershipClosed['data'] & { readonly reason: string }>;
/** Corrections: decided one per function in partnership-corrections.ts. */
export type CorrectionCommand =
  | AmendCommitment
  | DeobligateCommitment
  | CancelCommitment
  | VoidFlow
  | CorrectFlow
  | CorrectActivity
  | VoidActivity
  | RescheduleMilestone
  | CancelMilestone
  | RetractMilestoneValidation
  | ReviseIndicator
  | AmendPartnership
  | ChangePlannedDates
  | WithdrawNeed
  | ChangeNeedConfidentiality
  | WithdrawBaselineCommitment
  | LeavePartnership
  | ReplaceEvaluator
  | CancelPartnership
  | CorrectClosure
  | WithdrawInvitation
  | VoidMeasurement
  | ReprioritiseNeeds;
export type PlanMilestone = Command<'PlanMilestone', MilestonePlanned['data']>;
export type ReportMilestoneAchieved = Command<'ReportMilestoneAchieved', MilestoneAchieved['data']>;
export type ConfirmMilestone = Command<'ConfirmMilestone', { readonly milestoneId: string; readonly note: string }>;
export type DisputeMilestone = Command<'DisputeMilestone', { readonly milestoneId: string; readonly reason: string }>;
/** `participants.total`, when the form has one, is checked against the counts by sex and not kept. */
export type RecordActivity = Command<
  'RecordActivity',
  Omit<ActivityDelivered['data'], 'participants'> & { readonly participants: ActivityDelivered['data']['participants'] & { readonly total?: number } }
>;
export type DefineIndicator = Command<'DefineIndicator', IndicatorDefined['data']>;
export type RecordMeasurement = Command<'RecordMeasurement', IndicatorMeasured['data']>;
export type RecordMidTermReview = Command<'RecordMidTermReview', Without<MidTermReviewRecorded['data'], 'reviewerId'>>;
export type RaiseRisk = Command<'RaiseRisk', Without<RiskRaised['data'], 'raisedBy'>>;
export type ResolveRisk = Command<'ResolveRisk', { readonly riskId: string; readonly resolution: string }>;
export type AppointEvaluator = Command<'AppointEvaluator', { readonly organisationId: string; readonly registered: boolean }>;
export type RecordEvaluation = Command<'RecordEvaluation', Without<EvaluationRecorded['data'], 'evaluatorId'>>;
export type ClosePartnership = Command<'ClosePartnership', PartnershipClosed['data']>;

/** What the partnership publishes (IATI): decided one per function in partnership-publication.ts. */
export type AllocateSectors = Command<'AllocateSectors', Without<SectorsAllocated['data'], 'allocatedBy'>>;
export type SetRecipientAreas = Command<'SetRecipientAreas', Without<RecipientAreasSet['data'], 'setBy'>>;
export type PlanBudget = Command<'PlanBudget', Without<BudgetPlanned['data'], 'plannedBy'>>;
export type VoidBudget = Command<'VoidBudget', { readonly budgetId: string; readonly reason: string }>;
export type PlanDisbursement = Command<'PlanDisbursement', Without<DisbursementPlanned['data'], 'providerId'>>;
export type VoidPlannedDisbursement = Command<'VoidPlannedDisbursement', { readonly plannedDisbursementId: string; readonly reason: string }>;
export type LinkDocument = Command<'LinkDocument', Without<DocumentLinked['data'], 'linkedBy'>>;
export type UnlinkDocument = Command<'UnlinkDocument', { readonly documentId: string; readonly reason: string }>;
export type PublicationCommand = AllocateSectors | SetRecipientAreas | PlanBudget | VoidBudget | PlanDisbursement | VoidPlannedDisbursement | LinkDocument | UnlinkDocument;

export type PartnershipCommand =
  | ProposePartnership
  | InviteParty
  | AcceptInvitation
  | DeclineInvitation
  | StateNeed
  | StateLanguages
  | ProposePlanVersion
  | EndorsePlan
  | RecordBaselineCommitment
  | TagPartnership
  | AdvancePhase
  | SuspendPartnership
  | ResumePartnership
  | CommitFunding
  | DisburseFunds
  | RecordRefund
  | RecordInKindContribution
  | RecordExpenditure
  | VoidExpenditure
  | CorrectionCommand
  | PlanMilestone
  | ReportMilestoneAchieved
  | ConfirmMilestone
  | DisputeMilestone
  | RecordActivity
  | DefineIndicator
  | RecordMeasurement
  | RecordMidTermReview
  | RaiseRisk
  | ResolveRisk
  | AppointEvaluator
  | RecordEvaluation
  | ClosePartnership
  | PublicationCommand;

/**
 * A command as a client sends it: facts the handler looks up in other streams (is the named organisation
 * registered?) are not yet part of it.
 */
export type PartnershipCommandRequest = PartnershipCommand extends infer C
  ? C extends { readonly data: infer D }
    ? Omit<C, 'data'> & { readonly data: Omit<D, 'registered' | 'referenceRate'> }
    : C
  : never;

/** The commands whose flow may carry its own exchange rate, checked against the rate table. */
export const RATED_FLOW_COMMANDS = ['CommitFunding', 'DisburseFunds', 'RecordRefund', 'RecordInKindContribution', 'RecordExpenditure'] as const;
