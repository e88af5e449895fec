import { COUNTRY_CODES } from '../shared/codelists';
import { ensureNotInFuture, ensureOrdered } from '../shared/dates';
import { ensureMoney } from '../shared/money';
import { ensure } from '../shared/rule-violation';
import type {
  AcceptInvitation,
  AdvancePhase,
  AppointEvaluator,
  ClosePartnership,
  CommitFunding,
  ConfirmMilestone,
  DeclineInvitation,
  DefineIndicator,
  DisburseFunds,
  DisputeMilestone,
  EndorsePlan,
  InviteParty,
  PlanMilestone,
  ProposePartnership,
  ProposePlanVersion,
  RaiseRisk,
  RecordActivity,
  RecordBaselineCommitment,
  RecordEvaluation,
  RecordExpenditure,
  RecordInKindContribution,
  RecordMeasurement,
  RecordMidTermReview,
  RecordRefund,
  ReportMilestoneAchieved,
  ResolveRisk,
  ResumePartnership,
  StateLanguages,
  StateNeed,
  SuspendPartnership,
  TagPartnership,
  VoidExpenditure,
  PartnershipCommand,
} from './partnership-commands';
import { ensureFoldable } from './partnership-event-shape';
import type { PartnershipEvent } from './partnership-events';
import { flowKey, invitationOf, milestoneStatus, riskStatus, type PartnershipState } from './partnership-state';
import {
  DELIVERING,
  ensureAnyParty,
  ensureExplainedOverspend,
  ensureNewFlow,
  ensureOpenAndActive,
  ensureParty,
  ensurePhase,
  ensurePlausibleRate,
  ensureLanguages,
  ensurePossibleActivityFacts,
  ensureRegistered,
  PARTY_ROLES,
  rolesOf,
} from './partnership-guards';
import { CORRECTIONS } from './partnership-corrections';
import { PUBLICATION } from './partnership-publication';
import type { ExchangeRate, Phase, Role } from './vocabulary';

/** The only moves between phases; closing happens by ClosePartnership from evaluation. */
const NEXT_PHASES: Readonly<Record<Phase, readonly Phase[]>> = {
  scoping: ['co-design'],
  'co-design': ['delivery'],
  delivery: ['monitoring'],
  monitoring: ['delivery', 'evaluation'],
  evaluation: [],
  closed: [],
  cancelled: [],
};

/** Plan endorsement needed before delivery: the beneficiary, a donor and an implementer, on the current version. */
export function missingEndorsements(state: PartnershipState): Role[] {
  const endorsed = new Set((state.plan?.endorsements ?? []).map((e) => e.role));
  return (['beneficiary', 'donor', 'implementer'] as const).filter((r) => !endorsed.has(r));
}

/**
 * What must hold before a command's own rules run:
 * - `new`: nothing (the decision checks that the stream is empty);
 * - `invitee`: the partnership exists (the actor is invited, not yet a party);
 * - `party`: it exists and the actor is a party (the decision judges the partnership's status itself);
 * - `open`: and it is not closed, though it may be suspended (risks and corrections are often why);
 * - `active`: and it is not suspended either.
 */
type Gate = 'new' | 'invitee' | 'party' | 'open' | 'active';

const GATES: { readonly [K in PartnershipCommand['type']]: Gate } = {
  ProposePartnership: 'new',
  AcceptInvitation: 'invitee',
  DeclineInvitation: 'invitee',
  RecordEvaluation: 'party',
  ResumePartnership: 'party',
  CorrectClosure: 'party',
  RaiseRisk: 'open',
  ResolveRisk: 'open',
  VoidExpenditure: 'open',
  AmendCommitment: 'open',
  DeobligateCommitment: 'open',
  CancelCommitment: 'open',
  VoidFlow: 'open',
  CorrectFlow: 'open',
  CorrectActivity: 'open',
  VoidActivity: 'open',
  RescheduleMilestone: 'open',
  CancelMilestone: 'open',
  RetractMilestoneValidation: 'open',
  ReviseIndicator: 'open',
  AmendPartnership: 'open',
  ChangePlannedDates: 'open',
  WithdrawNeed: 'open',
  ChangeNeedConfidentiality: 'open',
  WithdrawBaselineCommitment: 'open',
  LeavePartnership: 'open',
  ReplaceEvaluator: 'open',
  CancelPartnership: 'open',
  WithdrawInvitation: 'open',
  VoidMeasurement: 'open',
  ReprioritiseNeeds: 'open',
  AdvancePhase: 'active',
  AppointEvaluator: 'active',
  ClosePartnership: 'active',
  CommitFunding: 'active',
  ConfirmMilestone: 'active',
  DefineIndicator: 'active',
  DisburseFunds: 'active',
  DisputeMilestone: 'active',
  EndorsePlan: 'active',
  InviteParty: 'active',
  PlanMilestone: 'active',
  ProposePlanVersion: 'active',
  RecordActivity: 'active',
  RecordBaselineCommitment: 'active',
  RecordExpenditure: 'active',
  RecordInKindContribution: 'active',
  RecordMeasurement: 'active',
  RecordMidTermReview: 'active',
  RecordRefund: 'active',
  ReportMilestoneAchieved: 'active',
  StateLanguages: 'active',
  StateNeed: 'active',
  SuspendPartnership: 'active',
  TagPartnership: 'active',
  // Publication: plans and classifications may be put right while suspended; documents also after closure.
  AllocateSectors: 'open',
  SetRecipientAreas: 'open',
  PlanBudget: 'open',
  VoidBudget: 'open',
  PlanDisbursement: 'open',
  VoidPlannedDisbursement: 'open',
  LinkDocument: 'party',
  UnlinkDocument: 'party',
};

type Decisions = { readonly [K in PartnershipCommand['type']]: (command: Extract<PartnershipCommand, { type: K }>, state: PartnershipState) => PartnershipEvent[] };

/** One decision per command: a command added to the union fails to compile until it has one here and a gate above. */
const DECISIONS: Decisions = {
  ProposePartnership: decideProposePartnership,
  AcceptInvitation: decideInvitationAnswer,
  DeclineInvitation: decideInvitationAnswer,
  RecordEvaluation: decideRecordEvaluation,
  ResumePartnership: decideResumePartnership,
  InviteParty: decideInviteParty,
  StateNeed: decideStateNeed,
  StateLanguages: decideStateLanguages,
  ProposePlanVersion: decideProposePlanVersion,
  EndorsePlan: decideEndorsePlan,
  RecordBaselineCommitment: decideRecordBaselineCommitment,
  TagPartnership: decideTagPartnership,
  AdvancePhase: decideAdvancePhase,
  SuspendPartnership: decideSuspendPartnership,
  CommitFunding: decideCommitFunding,
  DisburseFunds: decideDisburseFunds,
  RecordRefund: decideRecordRefund,
  RecordInKindContribution: decideRecordInKindContribution,
  RecordExpenditure: decideRecordExpenditure,
  VoidExpenditure: decideVoidExpenditure,
  PlanMilestone: decidePlanMilestone,
  ReportMilestoneAchieved: decideReportMilestoneAchieved,
  ConfirmMilestone: decideMilestoneAnswer,
  DisputeMilestone: decideMilestoneAnswer,
  RecordActivity: decideRecordActivity,
  DefineIndicator: decideDefineIndicator,
  RecordMeasurement: decideRecordMeasurement,
  RecordMidTermReview: decideRecordMidTermReview,
  RaiseRisk: decideRaiseRisk,
  ResolveRisk: decideResolveRisk,
  AppointEvaluator: decideAppointEvaluator,
  ClosePartnership: decideClosePartnership,
  ...CORRECTIONS,
  ...PUBLICATION,
};

/** The rules, then the shape of what they produced: an event returned here is one every fold can read. */
export function decide(command: PartnershipCommand, state: PartnershipState): PartnershipEvent[] {
  const gate = GATES[command.type];
  if (gate !== 'new') {
    ensure(state.status !== 'none', 'partnership.exists', 'the partnership does not exist');
    if (gate !== 'invitee') ensureAnyParty(state, command.context);
    if (gate === 'open') ensure(state.status === 'open', 'partnership.closed', 'a closed partnership accepts nothing but corrections by evaluation');
    if (gate === 'active') ensureOpenAndActive(state);
  }
  // The map is keyed by the command's own type, so this is the decision written for it.
  const decision = DECISIONS[command.type] as (command: PartnershipCommand, state: PartnershipState) => PartnershipEvent[];
  const events = decision(command, state);
  for (const event of events) ensureFoldable(event);
  return events;
}

/** A flow as recorded: the provider is the actor; what the handler looked up for the rules is not kept. */
function flowData(
  d: {
    readonly flowId: string;
    readonly receiverId: string;
    readonly amount: { readonly amountMinor: number; readonly currency: string };
    readonly date: string;
    readonly exchangeRate: ExchangeRate | null;
  },
  providerId: string,
) {
  return { flowId: d.flowId, providerId, receiverId: d.receiverId, amount: d.amount, date: d.date, exchangeRate: d.exchangeRate };
}

// ---- the decisions that run before the party check, or decide the partnership's status themselves ------------

function decideProposePartnership(command: ProposePartnership, state: PartnershipState): PartnershipEvent[] {
  const ctx = command.context;
  const d = command.data;
  ensure(ctx.roles.includes(d.proposerRole), 'access.role', `proposing as ${d.proposerRole} needs a user with that role; you hold ${ctx.roles.join(', ') || 'no role'}`);
  ensure(state.status === 'none', 'partnership.exists', 'the partnership already exists');
  ensure(COUNTRY_CODES.has(d.beneficiaryCountry), 'country.iso-3166', `"${d.beneficiaryCountry}" is not an ISO 3166-1 alpha-2 country code`);
  ensureOrdered(d.plannedStart, d.plannedEnd ?? undefined, 'planned dates');
  return [{ type: 'PartnershipProposed', schemaVersion: 2, data: { ...d, proposerId: ctx.organisationId } }];
}

/** The invitee is not a party yet: it answers its invitation and does nothing else. */
function decideInvitationAnswer(command: AcceptInvitation | DeclineInvitation, state: PartnershipState): PartnershipEvent[] {
  const ctx = command.context;
  const { role } = command.data;
  ensure(invitationOf(state, ctx.organisationId, role), 'invitation.exists', `organisation ${ctx.organisationId} has no open invitation to be a ${role}`);
  ensure(ctx.roles.includes(role), 'access.role', `answering an invitation to be a ${role} needs a user with that role; you hold ${ctx.roles.join(', ') || 'no role'}`);
  ensure(state.status === 'open', 'partnership.closed', 'the partnership is closed or cancelled');
  return command.type === 'AcceptInvitation'
    ? [{ type: 'PartyJoined', schemaVersion: 1, data: { organisationId: ctx.organisationId, role } }]
    : [{ type: 'InvitationDeclined', schemaVersion: 1, data: { organisationId: ctx.organisationId, role, reason: command.data.reason } }];
}

/** Evaluations may correct a closed partnership's record; a new one needs the evaluation phase. */
function decideRecordEvaluation(command: RecordEvaluation, state: PartnershipState): PartnershipEvent[] {
  const ctx = command.context;
  ensureParty(state, ctx, ['evaluator']);
  const d = command.data;
  if (state.status === 'closed') ensure(d.corrects !== null, 'partnership.closed', 'a closed partnership accepts only corrections of an evaluation');
  else ensurePhase(state, ['evaluation'], 'recording an evaluation');
  if (d.corrects !== null) {
    const author = state.evaluations.get(d.corrects);
    ensure(author !== undefined, 'evaluation.exists', `evaluation ${d.corrects} does not exist`);
    // Its author corrects it, or whoever replaced the author (and whoever replaced that one).
    let successor: string | undefined = author;
    const line = new Set<string>();
    while (successor !== undefined && !line.has(successor)) {
      line.add(successor);
      successor = state.evaluatorSuccessors.get(successor);
    }
    ensure(line.has(ctx.organisationId), 'access.author', `only ${author}, which recorded evaluation ${d.corrects}, or the evaluator that replaced it corrects it`);
  }
  ensure(!state.evaluations.has(d.evaluationId), 'evaluation.unique', `evaluation ${d.evaluationId} is already recorded`);
  ensure(d.scores.length > 0, 'evaluation.scores', 'an evaluation scores at least one principle');
  ensure(new Set(d.scores.map((s) => s.principle)).size === d.scores.length, 'evaluation.scores', 'each principle is scored once');
  for (const s of d.scores) ensure(Number.isInteger(s.score) && s.score >= 0 && s.score <= 4, 'evaluation.score-range', 'scores run from 0 to 4');
  return [{ type: 'EvaluationRecorded', schemaVersion: 1, data: { ...d, evaluatorId: ctx.organisationId } }];
}

function decideResumePartnership(command: ResumePartnership, state: PartnershipState): PartnershipEvent[] {
  ensure(state.status === 'open', 'partnership.closed', 'only an open partnership can be resumed');
  ensure(state.suspended, 'partnership.not-suspended', 'the partnership is not suspended');
  ensureParty(state, command.context, ['donor', 'implementer']);
  return [{ type: 'PartnershipResumed', schemaVersion: 1, data: { phase: state.phase, reason: command.data.reason } }];
}

// ---- everything else ------------------------------------------------------------------------------------

function decideInviteParty(command: InviteParty, state: PartnershipState): PartnershipEvent[] {
  const ctx = command.context;
  const { organisationId, role } = command.data;
  ensureParty(state, ctx, PARTY_ROLES);
  ensurePhase(state, ['scoping', 'co-design', 'delivery', 'monitoring'], 'inviting a party');
  ensureRegistered(command.data);
  ensure(!rolesOf(state, organisationId).includes(role), 'party.unique', 'the organisation already holds that role');
  ensure(!rolesOf(state, organisationId).includes('evaluator'), 'evaluator.independent', 'the evaluator cannot also be a party');
  // Taking on another role oneself needs nobody's consent but one's own.
  if (organisationId === ctx.organisationId) return [{ type: 'PartyJoined', schemaVersion: 1, data: { organisationId, role } }];
  ensure(!invitationOf(state, organisationId, role), 'invitation.unique', `organisation ${organisationId} is already invited to be a ${role}`);
  return [{ type: 'PartyInvited', schemaVersion: 1, data: { organisationId, role, invitedBy: ctx.organisationId } }];
}

function decideStateNeed(command: StateNeed, state: PartnershipState): PartnershipEvent[] {
  const ctx = command.context;
  ensureParty(state, ctx, ['beneficiary']);
  ensurePhase(state, ['scoping', 'co-design', 'delivery', 'monitoring'], 'stating a need');
  ensure(!state.needIds.includes(command.data.needId) && !state.withdrawnNeedIds.includes(command.data.needId), 'need.unique', `need ${command.data.needId} is already stated`);
  return [{ type: 'NeedStated', schemaVersion: 1, data: { ...command.data, statedBy: ctx.organisationId } }];
}

function decideStateLanguages(command: StateLanguages, state: PartnershipState): PartnershipEvent[] {
  const ctx = command.context;
  ensureParty(state, ctx, ['beneficiary']);
  ensure(command.data.languages.length > 0, 'languages.required', 'name at least one language');
  ensureLanguages(command.data.languages, 'languages');
  return [{ type: 'LanguagesStated', schemaVersion: 1, data: { languages: command.data.languages, statedBy: ctx.organisationId } }];
}

function decideProposePlanVersion(command: ProposePlanVersion, state: PartnershipState): PartnershipEvent[] {
  const ctx = command.context;
  ensureParty(state, ctx, PARTY_ROLES);
  ensurePhase(state, ['co-design', 'delivery', 'monitoring'], 'proposing a plan version');
  ensure(command.data.objectives.length > 0, 'plan.objectives', 'a plan has at least one objective');
  for (const o of command.data.objectives) {
    for (const needId of o.needIds) ensure(state.needIds.includes(needId), 'plan.need-exists', `objective ${o.objectiveId} links to unknown need ${needId}`);
  }
  const version = (state.plan?.version ?? 0) + 1;
  return [{ type: 'PlanVersionProposed', schemaVersion: 1, data: { ...command.data, version, proposedBy: ctx.organisationId } }];
}

function decideEndorsePlan(command: EndorsePlan, state: PartnershipState): PartnershipEvent[] {
  const ctx = command.context;
  const { version, role } = command.data;
  ensure(role !== 'evaluator', 'access.role', 'evaluators do not endorse plans');
  ensure(rolesOf(state, ctx.organisationId).includes(role), 'access.role', `organisation ${ctx.organisationId} is not a ${role} of this partnership`);
  ensure(ctx.roles.includes(role), 'access.role', `endorsing as ${role} needs a user with that role`);
  ensure(state.plan !== null, 'plan.exists', 'there is no plan to endorse');
  ensure(state.plan.version === version, 'plan.current-version', `only the current plan version (${state.plan.version}) can be endorsed`);
  ensure(!state.plan.endorsements.some((e) => e.organisationId === ctx.organisationId && e.role === role), 'plan.endorsed-once', 'this party already endorsed this version');
  return [{ type: 'PlanEndorsed', schemaVersion: 1, data: { version, role, organisationId: ctx.organisationId } }];
}

function decideRecordBaselineCommitment(command: RecordBaselineCommitment, state: PartnershipState): PartnershipEvent[] {
  const ctx = command.context;
  ensureParty(state, ctx, PARTY_ROLES);
  return [{ type: 'BaselineCommitmentRecorded', schemaVersion: 1, data: { ...command.data, recordedBy: ctx.organisationId } }];
}

function decideTagPartnership(command: TagPartnership, state: PartnershipState): PartnershipEvent[] {
  const ctx = command.context;
  ensureParty(state, ctx, PARTY_ROLES);
  ensure(command.data.themes.length > 0, 'tags.theme-required', 'tag at least one theme');
  return [{ type: 'PartnershipTagged', schemaVersion: 1, data: command.data }];
}

function decideAdvancePhase(command: AdvancePhase, state: PartnershipState): PartnershipEvent[] {
  const ctx = command.context;
  ensureParty(state, ctx, PARTY_ROLES);
  const { to } = command.data;
  ensure(NEXT_PHASES[state.phase].includes(to), 'phase.order', `the partnership cannot move from ${state.phase} to ${to}`);
  if (to === 'delivery') {
    const missing = missingEndorsements(state);
    ensure(missing.length === 0, 'plan.endorsed-before-delivery', `delivery needs the current plan endorsed by: ${missing.join(', ')}`);
  }
  return [{ type: 'PhaseAdvanced', schemaVersion: 1, data: { from: state.phase, to, reason: command.data.reason } }];
}

function decideSuspendPartnership(command: SuspendPartnership, state: PartnershipState): PartnershipEvent[] {
  const ctx = command.context;
  ensureParty(state, ctx, ['donor', 'implementer']);
  return [{ type: 'PartnershipSuspended', schemaVersion: 1, data: { phase: state.phase, reason: command.data.reason } }];
}

function decideCommitFunding(command: CommitFunding, state: PartnershipState): PartnershipEvent[] {
  const ctx = command.context;
  const d = command.data;
  ensureParty(state, ctx, ['donor', 'implementer']);
  ensurePhase(state, ['co-design', 'delivery', 'monitoring'], 'committing funds');
  ensureMoney(d.amount);
  ensureNotInFuture(d.date, ctx.now, 'date');
  ensureNewFlow(state, d.flowId);
  ensure(rolesOf(state, d.receiverId).length > 0, 'flow.receiver-party', 'funds go to a party of the partnership');
  // A donor that implements budgets its own work (IATI: the reporting organisation funds and implements).
  ensure(
    d.receiverId !== ctx.organisationId || rolesOf(state, ctx.organisationId).includes('implementer'),
    'flow.distinct-parties',
    'a commitment to your own organisation is its budget as implementer: it must also be an implementer of this partnership',
  );
  ensurePlausibleRate(d);
  return [{ type: 'FundingCommitted', schemaVersion: 1, data: flowData(d, ctx.organisationId) }];
}

function decideDisburseFunds(command: DisburseFunds, state: PartnershipState): PartnershipEvent[] {
  const ctx = command.context;
  const d = command.data;
  ensureParty(state, ctx, ['donor', 'implementer']);
  ensurePhase(state, DELIVERING, 'disbursing funds');
  ensureMoney(d.amount);
  ensureNotInFuture(d.date, ctx.now, 'date');
  ensureNewFlow(state, d.flowId);
  ensure(d.receiverId !== ctx.organisationId, 'flow.distinct-parties', 'money spent on your own implementation is expenditure, not a disbursement to yourself');
  const key = flowKey(ctx.organisationId, d.receiverId, d.amount.currency);
  // Refunded money is back with the provider, still under its commitment: it may be disbursed again.
  const available = (state.committed.get(key) ?? 0) - (state.disbursed.get(key) ?? 0) + (state.refunded.get(key) ?? 0);
  ensure(
    d.amount.amountMinor <= available,
    'flow.disbursement-within-commitment',
    `disbursement of ${d.amount.amountMinor} ${d.amount.currency} exceeds the ${available} still committed by this provider to this receiver in that currency (refunds included)`,
  );
  ensurePlausibleRate(d);
  return [{ type: 'FundsDisbursed', schemaVersion: 1, data: flowData(d, ctx.organisationId) }];
}

function decideRecordRefund(command: RecordRefund, state: PartnershipState): PartnershipEvent[] {
  const ctx = command.context;
  const d = command.data;
  ensureParty(state, ctx, ['implementer', 'beneficiary']);
  ensureMoney(d.amount);
  ensureNotInFuture(d.date, ctx.now, 'date');
  ensureNewFlow(state, d.flowId);
  const key = flowKey(d.providerId, ctx.organisationId, d.amount.currency);
  const refundable = (state.disbursed.get(key) ?? 0) - (state.refunded.get(key) ?? 0);
  ensure(d.amount.amountMinor <= refundable, 'flow.refund-within-disbursed', `a refund cannot exceed the ${refundable} received and not yet refunded`);
  ensurePlausibleRate(d);
  const { referenceRate: _reference, rateConfirmed: _confirmed, ...refund } = d;
  return [{ type: 'RefundRecorded', schemaVersion: 1, data: { ...refund, receiverId: ctx.organisationId } }];
}

function decideRecordInKindContribution(command: RecordInKindContribution, state: PartnershipState): PartnershipEvent[] {
  const ctx = command.context;
  const d = command.data;
  ensureParty(state, ctx, PARTY_ROLES);
  ensureMoney(d.amount, 'value');
  ensureNotInFuture(d.date, ctx.now, 'date');
  ensureNewFlow(state, d.flowId);
  ensure(rolesOf(state, d.receiverId).length > 0, 'flow.receiver-party', 'contributions go to a party of the partnership');
  ensurePlausibleRate(d);
  return [{ type: 'InKindContributionRecorded', schemaVersion: 1, data: { ...flowData(d, ctx.organisationId), description: d.description } }];
}

function decideRecordExpenditure(command: RecordExpenditure, state: PartnershipState): PartnershipEvent[] {
  const ctx = command.context;
  const d = command.data;
  ensureParty(state, ctx, ['implementer', 'beneficiary']);
  ensurePhase(state, [...DELIVERING, 'evaluation'], 'recording expenditure');
  ensureMoney(d.amount);
  ensureNotInFuture(d.date, ctx.now, 'date');
  ensureNewFlow(state, d.flowId);
  ensure(COUNTRY_CODES.has(d.spentInCountry), 'country.iso-3166', `"${d.spentInCountry}" is not an ISO 3166-1 alpha-2 country code`);
  ensurePlausibleRate(d);
  const overspendReason = ensureExplainedOverspend(state, ctx.organisationId, d);
  const { referenceRate: _reference, rateConfirmed: _confirmed, overspendReason: _asked, ...expenditure } = d;
  return [{ type: 'ExpenditureRecorded', schemaVersion: 2, data: { ...expenditure, spenderId: ctx.organisationId, overspendReason } }];
}

function decideVoidExpenditure(command: VoidExpenditure, state: PartnershipState): PartnershipEvent[] {
  const ctx = command.context;
  ensureParty(state, ctx, ['implementer', 'beneficiary']);
  const expenditure = state.expenditures.find((x) => x.flowId === command.data.flowId);
  ensure(expenditure, 'expenditure.exists', `expenditure ${command.data.flowId} does not exist`);
  ensure(expenditure.spenderId === ctx.organisationId, 'access.role', 'only the organisation that recorded an expenditure voids it');
  ensure(!expenditure.voided, 'expenditure.voided-once', 'the expenditure is already void');
  return [{ type: 'ExpenditureVoided', schemaVersion: 1, data: { ...command.data, voidedBy: ctx.organisationId } }];
}

function decidePlanMilestone(command: PlanMilestone, state: PartnershipState): PartnershipEvent[] {
  const ctx = command.context;
  ensureParty(state, ctx, ['implementer']);
  ensurePhase(state, ['co-design', ...DELIVERING], 'planning a milestone');
  ensure(!milestoneStatus(state, command.data.milestoneId), 'milestone.unique', 'the milestone is already planned');
  if (command.data.objectiveId !== null) {
    ensure(state.plan?.objectiveIds.includes(command.data.objectiveId), 'plan.objective-exists', `unknown objective ${command.data.objectiveId}`);
  }
  return [{ type: 'MilestonePlanned', schemaVersion: 1, data: command.data }];
}

function decideReportMilestoneAchieved(command: ReportMilestoneAchieved, state: PartnershipState): PartnershipEvent[] {
  const ctx = command.context;
  ensureParty(state, ctx, ['implementer']);
  ensurePhase(state, DELIVERING, 'reporting a milestone');
  const status = milestoneStatus(state, command.data.milestoneId);
  ensure(status, 'milestone.exists', `milestone ${command.data.milestoneId} is not planned`);
  ensure(status === 'planned' || status === 'disputed', 'milestone.order', `milestone is already ${status}`);
  ensureNotInFuture(command.data.achievedOn, ctx.now, 'achievedOn');
  return [{ type: 'MilestoneAchieved', schemaVersion: 1, data: command.data }];
}

function decideMilestoneAnswer(command: ConfirmMilestone | DisputeMilestone, state: PartnershipState): PartnershipEvent[] {
  const ctx = command.context;
  ensureParty(state, ctx, ['beneficiary']);
  ensurePhase(state, [...DELIVERING, 'evaluation'], 'confirming or disputing a milestone');
  const status = milestoneStatus(state, command.data.milestoneId);
  ensure(status, 'milestone.exists', `milestone ${command.data.milestoneId} is not planned`);
  ensure(status === 'achieved', 'milestone.confirm-after-achieved', `only a milestone reported achieved can be confirmed or disputed (it is ${status})`);
  return command.type === 'ConfirmMilestone'
    ? [{ type: 'MilestoneConfirmed', schemaVersion: 1, data: { milestoneId: command.data.milestoneId, note: command.data.note, confirmedBy: ctx.organisationId } }]
    : [{ type: 'MilestoneDisputed', schemaVersion: 1, data: { milestoneId: command.data.milestoneId, reason: command.data.reason, disputedBy: ctx.organisationId } }];
}

function decideRecordActivity(command: RecordActivity, state: PartnershipState): PartnershipEvent[] {
  const ctx = command.context;
  const d = command.data;
  ensureParty(state, ctx, ['implementer']);
  ensurePhase(state, DELIVERING, 'recording an activity');
  ensure(!state.activities.some((a) => a.activityId === d.activityId), 'activity.unique', 'the activity is already recorded');
  ensurePossibleActivityFacts(state, ctx, d);
  const { total: _total, ...participants } = d.participants;
  return [{ type: 'ActivityDelivered', schemaVersion: 1, data: { ...d, participants } }];
}

function decideDefineIndicator(command: DefineIndicator, state: PartnershipState): PartnershipEvent[] {
  const ctx = command.context;
  ensureParty(state, ctx, PARTY_ROLES);
  ensure(!state.indicators.has(command.data.indicatorId), 'indicator.unique', 'the indicator is already defined');
  ensureNotInFuture(command.data.baselineDate, ctx.now, 'baselineDate');
  return [{ type: 'IndicatorDefined', schemaVersion: 1, data: command.data }];
}

function decideRecordMeasurement(command: RecordMeasurement, state: PartnershipState): PartnershipEvent[] {
  const ctx = command.context;
  ensureParty(state, ctx, PARTY_ROLES);
  ensure(state.indicators.has(command.data.indicatorId), 'indicator.exists', `indicator ${command.data.indicatorId} is not defined`);
  ensureNotInFuture(command.data.measuredOn, ctx.now, 'measuredOn');
  return [{ type: 'IndicatorMeasured', schemaVersion: 1, data: command.data }];
}

function decideRecordMidTermReview(command: RecordMidTermReview, state: PartnershipState): PartnershipEvent[] {
  const ctx = command.context;
  const d = command.data;
  // A joint review by the parties, or the appointed evaluator's: monitoring is shared (OEWG para 56).
  ensureParty(state, ctx, [...PARTY_ROLES, 'evaluator']);
  ensurePhase(state, ['monitoring'], 'a mid-term review');
  ensure(!state.reviewIds.includes(d.reviewId), 'review.unique', `review ${d.reviewId} is already recorded`);
  ensure(new Set(d.scores.map((s) => s.principle)).size === d.scores.length, 'evaluation.scores', 'each principle is scored once');
  for (const s of d.scores) ensure(Number.isInteger(s.score) && s.score >= 0 && s.score <= 4, 'evaluation.score-range', 'scores run from 0 to 4');
  return [{ type: 'MidTermReviewRecorded', schemaVersion: 1, data: { ...d, reviewerId: ctx.organisationId } }];
}

function decideRaiseRisk(command: RaiseRisk, state: PartnershipState): PartnershipEvent[] {
  const ctx = command.context;
  ensureParty(state, ctx, [...PARTY_ROLES, 'evaluator']);
  ensure(!riskStatus(state, command.data.riskId), 'risk.unique', 'the risk is already raised');
  return [{ type: 'RiskRaised', schemaVersion: 1, data: { ...command.data, raisedBy: ctx.organisationId } }];
}

function decideResolveRisk(command: ResolveRisk, state: PartnershipState): PartnershipEvent[] {
  const ctx = command.context;
  ensureParty(state, ctx, PARTY_ROLES);
  ensure(riskStatus(state, command.data.riskId) === 'open', 'risk.open', `risk ${command.data.riskId} is not open`);
  return [{ type: 'RiskResolved', schemaVersion: 1, data: command.data }];
}

function decideAppointEvaluator(command: AppointEvaluator, state: PartnershipState): PartnershipEvent[] {
  const ctx = command.context;
  ensureParty(state, ctx, ['donor']);
  ensureRegistered(command.data);
  ensure(!rolesOf(state, command.data.organisationId).some((r) => r !== 'evaluator'), 'evaluator.independent', 'an evaluator cannot be a party to the partnership');
  ensure(!rolesOf(state, command.data.organisationId).includes('evaluator'), 'party.unique', 'the evaluator is already appointed');
  return [{ type: 'EvaluatorAppointed', schemaVersion: 1, data: { organisationId: command.data.organisationId, appointedBy: ctx.organisationId } }];
}

function decideClosePartnership(command: ClosePartnership, state: PartnershipState): PartnershipEvent[] {
  const ctx = command.context;
  ensureParty(state, ctx, ['donor', 'implementer']);
  ensurePhase(state, ['evaluation'], 'closing');
  const h = command.data.handover;
  if (h.done) {
    ensure(h.institutionId !== null && h.date !== null, 'closure.handover', 'a handover names the institution that took over and its date');
    ensureNotInFuture(h.date, ctx.now, 'handover.date');
  }
  return [{ type: 'PartnershipClosed', schemaVersion: 1, data: command.data }];
}
