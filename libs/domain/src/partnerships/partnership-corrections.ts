/**
 * Corrections: one decision per command. A correction never edits the fact it corrects; it is a new,
 * past-tense event with a reason and the organisation that made it, so the history stays the audit trail and
 * every fold shows the corrected figure. Who may correct follows who may record, plus the donors for money.
 */
import type { CommandContext } from '../shared/command';
import { ensureNotInFuture, ensureOrdered, isCalendarDate } from '../shared/dates';
import { ensureMoney } from '../shared/money';
import { ensure } from '../shared/rule-violation';
import { isUsableRate } from '../shared/shape';
import type {
  AmendCommitment,
  AmendPartnership,
  CancelCommitment,
  CancelMilestone,
  ChangeNeedConfidentiality,
  ChangePlannedDates,
  CancelPartnership,
  CorrectActivity,
  CorrectClosure,
  CorrectionCommand,
  LeavePartnership,
  ReplaceEvaluator,
  WithdrawBaselineCommitment,
  WithdrawNeed,
  CorrectFlow,
  DeobligateCommitment,
  RescheduleMilestone,
  RetractMilestoneValidation,
  ReviseIndicator,
  VoidActivity,
  VoidFlow,
  VoidMeasurement,
  ReprioritiseNeeds,
  WithdrawInvitation,
} from './partnership-commands';
import type { PartnershipEvent } from './partnership-events';
import { ensureParty, ensurePhase, ensurePossibleActivityFacts, ensureRegistered, PARTY_ROLES, rolesOf } from './partnership-guards';
import { flowKey, flowOf, invitationOf, lastMeasurementIndex, milestoneStatus, type FlowRecord, type PartnershipState } from './partnership-state';

type CorrectionDecisions = { readonly [K in CorrectionCommand['type']]: (command: Extract<CorrectionCommand, { type: K }>, state: PartnershipState) => PartnershipEvent[] };

/** Every correction's decision: a command added to the union above fails to compile until it has one here. */
export const CORRECTIONS: CorrectionDecisions = {
  AmendCommitment: decideAmendCommitment,
  DeobligateCommitment: decideDeobligateCommitment,
  CancelCommitment: decideCancelCommitment,
  VoidFlow: decideVoidFlow,
  CorrectFlow: decideCorrectFlow,
  CorrectActivity: decideCorrectActivity,
  VoidActivity: decideVoidActivity,
  RescheduleMilestone: decideRescheduleMilestone,
  CancelMilestone: decideCancelMilestone,
  RetractMilestoneValidation: decideRetractMilestoneValidation,
  ReviseIndicator: decideReviseIndicator,
  AmendPartnership: decideAmendPartnership,
  ChangePlannedDates: decideChangePlannedDates,
  WithdrawNeed: decideWithdrawNeed,
  ChangeNeedConfidentiality: decideChangeNeedConfidentiality,
  WithdrawBaselineCommitment: decideWithdrawBaselineCommitment,
  LeavePartnership: decideLeavePartnership,
  ReplaceEvaluator: decideReplaceEvaluator,
  CancelPartnership: decideCancelPartnership,
  CorrectClosure: decideCorrectClosure,
  WithdrawInvitation: decideWithdrawInvitation,
  VoidMeasurement: decideVoidMeasurement,
  ReprioritiseNeeds: decideReprioritiseNeeds,
};

// ---- money -------------------------------------------------------------------------------------------

/** The flow, live; and the actor may correct it: its author, or a donor of the partnership (for money). */
function correctableFlow(state: PartnershipState, ctx: CommandContext, flowId: string, kinds: readonly FlowRecord['kind'][]): FlowRecord {
  ensureParty(state, ctx, PARTY_ROLES);
  const flow = flowOf(state, flowId);
  ensure(flow, 'flow.exists', `flow ${flowId} does not exist`);
  ensure(kinds.includes(flow.kind), 'flow.kind', `flow ${flowId} is a ${flow.kind}; this correction applies to: ${kinds.join(', ')}`);
  ensure(!flow.voided, 'flow.voided-once', `flow ${flowId} is already void or cancelled`);
  const donor = rolesOf(state, ctx.organisationId).includes('donor') && ctx.roles.includes('donor');
  ensure(
    flow.authorId === ctx.organisationId || donor,
    'access.author',
    `only the organisation that recorded flow ${flowId} (${flow.authorId}) or a donor of the partnership corrects it`,
  );
  return flow;
}

/** What one commitment key stands at: committed, and disbursed net of refunds. */
function keyTotals(state: PartnershipState, flow: FlowRecord) {
  const key = flowKey(flow.providerId, flow.receiverId ?? '', flow.amount.currency);
  const committed = state.committed.get(key) ?? 0;
  const netDisbursed = (state.disbursed.get(key) ?? 0) - (state.refunded.get(key) ?? 0);
  return { committed, netDisbursed };
}

function ensureCoversDisbursed(committedAfter: number, netDisbursed: number, flow: FlowRecord, what: string): void {
  ensure(
    committedAfter >= netDisbursed,
    'flow.disbursement-within-commitment',
    `${what} would leave ${committedAfter} ${flow.amount.currency} committed by ${flow.providerId} to ${flow.receiverId} against ${netDisbursed} already disbursed (net of refunds): void or refund a disbursement first`,
  );
}

function decideAmendCommitment(command: AmendCommitment, state: PartnershipState): PartnershipEvent[] {
  const { context: ctx, data: d } = command;
  const flow = correctableFlow(state, ctx, d.flowId, ['commitment']);
  const amount = d.amount ?? flow.amount;
  const date = d.date ?? flow.date;
  ensureMoney(amount);
  ensure(
    amount.currency === flow.amount.currency,
    'commitment.currency',
    `a commitment keeps its currency (${flow.amount.currency}); cancel it and commit anew in ${amount.currency}`,
  );
  ensure(isCalendarDate(date), 'date.calendar', `date: "${date}" is not a calendar date`);
  ensureNotInFuture(date, ctx.now, 'date');
  ensure(amount.amountMinor !== flow.amount.amountMinor || date !== flow.date, 'correction.changes-nothing', 'the commitment already has this amount and date');
  const { committed, netDisbursed } = keyTotals(state, flow);
  ensureCoversDisbursed(committed - flow.amount.amountMinor + amount.amountMinor, netDisbursed, flow, 'this amendment');
  return [{ type: 'CommitmentAmended', schemaVersion: 1, data: { flowId: d.flowId, amount, date, reason: d.reason, amendedBy: ctx.organisationId } }];
}

function decideDeobligateCommitment(command: DeobligateCommitment, state: PartnershipState): PartnershipEvent[] {
  const { context: ctx, data: d } = command;
  const flow = correctableFlow(state, ctx, d.flowId, ['commitment']);
  const { committed, netDisbursed } = keyTotals(state, flow);
  const undisbursed = Math.min(flow.amount.amountMinor, committed - netDisbursed);
  ensure(undisbursed > 0, 'commitment.fully-disbursed', `commitment ${d.flowId} is disbursed in full: nothing is left to de-obligate`);
  const remaining = flow.amount.amountMinor - undisbursed;
  if (remaining === 0) return [{ type: 'CommitmentCancelled', schemaVersion: 1, data: { flowId: d.flowId, reason: d.reason, cancelledBy: ctx.organisationId } }];
  return [
    {
      type: 'CommitmentAmended',
      schemaVersion: 1,
      data: { flowId: d.flowId, amount: { ...flow.amount, amountMinor: remaining }, date: flow.date, reason: d.reason, amendedBy: ctx.organisationId },
    },
  ];
}

function decideCancelCommitment(command: CancelCommitment, state: PartnershipState): PartnershipEvent[] {
  const { context: ctx, data: d } = command;
  const flow = correctableFlow(state, ctx, d.flowId, ['commitment']);
  const { committed, netDisbursed } = keyTotals(state, flow);
  ensureCoversDisbursed(committed - flow.amount.amountMinor, netDisbursed, flow, 'cancelling this commitment');
  return [{ type: 'CommitmentCancelled', schemaVersion: 1, data: { flowId: d.flowId, reason: d.reason, cancelledBy: ctx.organisationId } }];
}

function decideVoidFlow(command: VoidFlow, state: PartnershipState): PartnershipEvent[] {
  const { context: ctx, data: d } = command;
  const flow = correctableFlow(state, ctx, d.flowId, ['disbursement', 'refund', 'in-kind']);
  const key = flowKey(flow.providerId, flow.receiverId ?? '', flow.amount.currency);
  const disbursed = state.disbursed.get(key) ?? 0;
  const refunded = state.refunded.get(key) ?? 0;
  if (flow.kind === 'disbursement') {
    ensure(
      refunded <= disbursed - flow.amount.amountMinor,
      'flow.refund-within-disbursed',
      `voiding it would leave ${refunded} ${flow.amount.currency} refunded of ${disbursed - flow.amount.amountMinor} disbursed: void the refund first`,
    );
  }
  if (flow.kind === 'refund') {
    const committed = state.committed.get(key) ?? 0;
    ensure(
      disbursed - (refunded - flow.amount.amountMinor) <= committed,
      'flow.disbursement-within-commitment',
      `the refunded money was disbursed again: voiding the refund would leave ${disbursed - refunded + flow.amount.amountMinor} disbursed against ${committed} committed`,
    );
  }
  return [{ type: 'FlowVoided', schemaVersion: 1, data: { flowId: d.flowId, reason: d.reason, voidedBy: ctx.organisationId } }];
}

function decideCorrectFlow(command: CorrectFlow, state: PartnershipState): PartnershipEvent[] {
  const { context: ctx, data: d } = command;
  const flow = correctableFlow(state, ctx, d.flowId, ['commitment', 'disbursement', 'refund', 'in-kind', 'expenditure']);
  const date = d.date ?? flow.date;
  const exchangeRate = d.exchangeRate === undefined ? flow.exchangeRate : d.exchangeRate;
  ensure(isCalendarDate(date), 'date.calendar', `date: "${date}" is not a calendar date`);
  ensureNotInFuture(date, ctx.now, 'date');
  if (exchangeRate !== null) {
    ensure(isUsableRate(exchangeRate.rate), 'rates.positive', `exchangeRate.rate: "${exchangeRate.rate}" must be a decimal greater than zero`);
    ensure(exchangeRate.toCurrency !== flow.amount.currency, 'rates.distinct-currencies', 'a rate converts to another currency than the flow’s own');
  }
  const sameRate = JSON.stringify(exchangeRate) === JSON.stringify(flow.exchangeRate);
  ensure(date !== flow.date || !sameRate, 'correction.changes-nothing', 'the flow already has this date and rate');
  return [{ type: 'FlowCorrected', schemaVersion: 1, data: { flowId: d.flowId, date, exchangeRate, reason: d.reason, correctedBy: ctx.organisationId } }];
}

// ---- delivery ----------------------------------------------------------------------------------------

function liveActivity(state: PartnershipState, activityId: string) {
  const activity = state.activities.find((a) => a.activityId === activityId);
  ensure(activity, 'activity.exists', `activity ${activityId} is not recorded`);
  ensure(!activity.voided, 'activity.voided-once', `activity ${activityId} is void`);
  return activity;
}

function decideCorrectActivity(command: CorrectActivity, state: PartnershipState): PartnershipEvent[] {
  const { context: ctx, data: d } = command;
  ensureParty(state, ctx, ['implementer']);
  const activity = liveActivity(state, d.activityId);
  ensure(d.type === activity.type, 'activity.type-fixed', `an activity keeps its type (${activity.type}): void it and record a new one`);
  ensurePossibleActivityFacts(state, ctx, d);
  const { total: _total, ...participants } = d.participants;
  const { reason, ...activityData } = d;
  return [{ type: 'ActivityCorrected', schemaVersion: 1, data: { ...activityData, participants, reason, correctedBy: ctx.organisationId } }];
}

function decideVoidActivity(command: VoidActivity, state: PartnershipState): PartnershipEvent[] {
  const { context: ctx, data: d } = command;
  ensureParty(state, ctx, ['implementer']);
  liveActivity(state, d.activityId);
  const trainedBy = state.activities.filter((a) => !a.voided && a.trainedByActivityId === d.activityId).map((a) => a.activityId);
  ensure(trainedBy.length === 0, 'activity.in-use', `activities ${trainedBy.join(', ')} name this one as where their trainers were trained: correct them first`);
  return [{ type: 'ActivityVoided', schemaVersion: 1, data: { activityId: d.activityId, reason: d.reason, voidedBy: ctx.organisationId } }];
}

function existingMilestone(state: PartnershipState, milestoneId: string) {
  const status = milestoneStatus(state, milestoneId);
  ensure(status, 'milestone.exists', `milestone ${milestoneId} is not planned`);
  return status;
}

function decideRescheduleMilestone(command: RescheduleMilestone, state: PartnershipState): PartnershipEvent[] {
  const { context: ctx, data: d } = command;
  ensureParty(state, ctx, ['implementer']);
  const status = existingMilestone(state, d.milestoneId);
  ensure(status !== 'confirmed' && status !== 'cancelled', 'milestone.order', `a ${status} milestone keeps its date`);
  ensure(isCalendarDate(d.dueDate), 'date.calendar', `dueDate: "${d.dueDate}" is not a calendar date`);
  return [{ type: 'MilestoneRescheduled', schemaVersion: 1, data: { milestoneId: d.milestoneId, dueDate: d.dueDate, reason: d.reason, rescheduledBy: ctx.organisationId } }];
}

function decideCancelMilestone(command: CancelMilestone, state: PartnershipState): PartnershipEvent[] {
  const { context: ctx, data: d } = command;
  ensureParty(state, ctx, ['implementer']);
  const status = existingMilestone(state, d.milestoneId);
  ensure(status !== 'confirmed', 'milestone.order', 'the beneficiary confirmed this milestone: it retracts the confirmation before the milestone can be cancelled');
  ensure(status !== 'cancelled', 'milestone.order', 'the milestone is already cancelled');
  return [{ type: 'MilestoneCancelled', schemaVersion: 1, data: { milestoneId: d.milestoneId, reason: d.reason, cancelledBy: ctx.organisationId } }];
}

function decideRetractMilestoneValidation(command: RetractMilestoneValidation, state: PartnershipState): PartnershipEvent[] {
  const { context: ctx, data: d } = command;
  ensureParty(state, ctx, ['beneficiary']);
  const status = existingMilestone(state, d.milestoneId);
  ensure(status === 'confirmed' || status === 'disputed', 'milestone.order', `only a confirmation or a dispute can be retracted (the milestone is ${status})`);
  return [
    {
      type: 'MilestoneValidationRetracted',
      schemaVersion: 1,
      data: { milestoneId: d.milestoneId, retracted: status === 'confirmed' ? 'confirmation' : 'dispute', reason: d.reason, retractedBy: ctx.organisationId },
    },
  ];
}

function decideReviseIndicator(command: ReviseIndicator, state: PartnershipState): PartnershipEvent[] {
  const { context: ctx, data: d } = command;
  ensureParty(state, ctx, PARTY_ROLES);
  const current = state.indicatorTargets.get(d.indicatorId);
  ensure(current, 'indicator.exists', `indicator ${d.indicatorId} is not defined`);
  const baseline = d.baseline ?? current.baseline;
  const target = d.target ?? current.target;
  ensure(baseline !== current.baseline || target !== current.target, 'correction.changes-nothing', 'the indicator already has this baseline and target');
  return [{ type: 'IndicatorRevised', schemaVersion: 1, data: { indicatorId: d.indicatorId, baseline, target, reason: d.reason, revisedBy: ctx.organisationId } }];
}

// ---- the partnership itself ----------------------------------------------------------------------------

function decideAmendPartnership(command: AmendPartnership, state: PartnershipState): PartnershipEvent[] {
  const { context: ctx, data: d } = command;
  ensureParty(state, ctx, PARTY_ROLES);
  const title = d.title ?? state.title;
  const summary = d.summary ?? state.summary;
  ensure(title !== state.title || summary !== state.summary, 'correction.changes-nothing', 'the partnership already has this title and summary');
  return [{ type: 'PartnershipAmended', schemaVersion: 1, data: { title, summary, reason: d.reason, amendedBy: ctx.organisationId } }];
}

function decideChangePlannedDates(command: ChangePlannedDates, state: PartnershipState): PartnershipEvent[] {
  const { context: ctx, data: d } = command;
  ensureParty(state, ctx, ['donor', 'implementer']);
  const plannedStart = d.plannedStart ?? state.plannedStart;
  const plannedEnd = d.plannedEnd === undefined ? state.plannedEnd : d.plannedEnd;
  ensure(isCalendarDate(plannedStart) && (plannedEnd === null || isCalendarDate(plannedEnd)), 'date.calendar', 'planned dates are calendar dates');
  ensureOrdered(plannedStart, plannedEnd ?? undefined, 'planned dates');
  ensure(plannedStart !== state.plannedStart || plannedEnd !== state.plannedEnd, 'correction.changes-nothing', 'the partnership already has these planned dates');
  return [{ type: 'PlannedDatesChanged', schemaVersion: 1, data: { plannedStart, plannedEnd, reason: d.reason, changedBy: ctx.organisationId } }];
}

// ---- scoping and parties -------------------------------------------------------------------------------

function decideWithdrawNeed(command: WithdrawNeed, state: PartnershipState): PartnershipEvent[] {
  const { context: ctx, data: d } = command;
  ensureParty(state, ctx, ['beneficiary']);
  ensure(state.needIds.includes(d.needId), 'need.exists', `need ${d.needId} is not stated (or already withdrawn)`);
  ensure(!state.plan?.needIds.includes(d.needId), 'need.in-use', `the current plan version links need ${d.needId}: propose a plan version without it first`);
  return [{ type: 'NeedWithdrawn', schemaVersion: 1, data: { needId: d.needId, reason: d.reason, withdrawnBy: ctx.organisationId } }];
}

function decideChangeNeedConfidentiality(command: ChangeNeedConfidentiality, state: PartnershipState): PartnershipEvent[] {
  const { context: ctx, data: d } = command;
  ensureParty(state, ctx, ['beneficiary']);
  ensure(state.needIds.includes(d.needId), 'need.exists', `need ${d.needId} is not stated (or already withdrawn)`);
  return [{ type: 'NeedConfidentialityChanged', schemaVersion: 1, data: { needId: d.needId, confidential: d.confidential, reason: d.reason, changedBy: ctx.organisationId } }];
}

function decideWithdrawBaselineCommitment(command: WithdrawBaselineCommitment, state: PartnershipState): PartnershipEvent[] {
  const { context: ctx, data: d } = command;
  ensureParty(state, ctx, PARTY_ROLES);
  ensure(state.baselineCommitments.includes(d.commitment), 'baseline.exists', `no baseline commitment ${d.commitment} is recorded`);
  return [{ type: 'BaselineCommitmentWithdrawn', schemaVersion: 1, data: { commitment: d.commitment, reason: d.reason, withdrawnBy: ctx.organisationId } }];
}

function decideLeavePartnership(command: LeavePartnership, state: PartnershipState): PartnershipEvent[] {
  const { context: ctx, data: d } = command;
  ensureParty(state, ctx, [d.role]);
  ensure(isCalendarDate(d.effectiveDate), 'date.calendar', `effectiveDate: "${d.effectiveDate}" is not a calendar date`);
  const others = [...state.parties].filter(([id, roles]) => id !== ctx.organisationId && roles.includes(d.role));
  // Without a beneficiary there is no partnership: it is cancelled or closed instead.
  ensure(d.role !== 'beneficiary' || others.length > 0, 'party.last-beneficiary', 'the only beneficiary cannot leave: cancel or close the partnership instead');
  return [{ type: 'PartyLeft', schemaVersion: 1, data: { organisationId: ctx.organisationId, role: d.role, effectiveDate: d.effectiveDate, reason: d.reason } }];
}

function decideReplaceEvaluator(command: ReplaceEvaluator, state: PartnershipState): PartnershipEvent[] {
  const { context: ctx, data: d } = command;
  ensureParty(state, ctx, ['donor']);
  ensure(rolesOf(state, d.previousId).includes('evaluator'), 'evaluator.exists', `${d.previousId} is not this partnership's evaluator`);
  ensureRegistered(d);
  ensure(rolesOf(state, d.organisationId).length === 0, 'evaluator.independent', 'the new evaluator cannot already be a party or the evaluator');
  return [{ type: 'EvaluatorReplaced', schemaVersion: 1, data: { previousId: d.previousId, organisationId: d.organisationId, reason: d.reason, replacedBy: ctx.organisationId } }];
}

function decideCancelPartnership(command: CancelPartnership, state: PartnershipState): PartnershipEvent[] {
  const { context: ctx, data: d } = command;
  ensureParty(state, ctx, PARTY_ROLES);
  ensurePhase(state, ['scoping', 'co-design'], 'cancelling (once delivery began, a partnership is evaluated and closed)');
  return [{ type: 'PartnershipCancelled', schemaVersion: 1, data: { phase: state.phase, reason: d.reason, cancelledBy: ctx.organisationId } }];
}

function decideCorrectClosure(command: CorrectClosure, state: PartnershipState): PartnershipEvent[] {
  const { context: ctx, data: d } = command;
  ensureParty(state, ctx, ['donor', 'implementer']);
  ensure(state.phase === 'closed', 'phase.order', 'only a closed partnership has a closure to correct');
  const h = d.handover;
  if (h.done) {
    ensure(h.institutionId !== null && h.date !== null, 'closure.handover', 'a handover names the institution that took over and its date');
    ensureNotInFuture(h.date, ctx.now, 'handover.date');
  }
  const { reason, ...closure } = d;
  return [{ type: 'ClosureCorrected', schemaVersion: 1, data: { ...closure, reason, correctedBy: ctx.organisationId } }];
}

function decideWithdrawInvitation(command: WithdrawInvitation, state: PartnershipState): PartnershipEvent[] {
  const { context: ctx, data: d } = command;
  ensureParty(state, ctx, PARTY_ROLES);
  const invitation = invitationOf(state, d.organisationId, d.role);
  ensure(invitation, 'invitation.exists', `organisation ${d.organisationId} has no open invitation to be a ${d.role}`);
  ensure(invitation.invitedBy === ctx.organisationId, 'access.author', `only ${invitation.invitedBy}, which sent the invitation, withdraws it`);
  return [{ type: 'InvitationWithdrawn', schemaVersion: 1, data: { organisationId: d.organisationId, role: d.role, reason: d.reason, withdrawnBy: ctx.organisationId } }];
}

/** Who may record a measurement may void one: any party; the history keeps the original. */
function decideVoidMeasurement(command: VoidMeasurement, state: PartnershipState): PartnershipEvent[] {
  const { context: ctx, data: d } = command;
  ensureParty(state, ctx, PARTY_ROLES);
  ensure(state.indicators.has(d.indicatorId), 'indicator.exists', `indicator ${d.indicatorId} is not defined`);
  ensure(lastMeasurementIndex(state, d) >= 0, 'measurement.exists', `indicator ${d.indicatorId} has no measurement of ${d.value} on ${d.measuredOn}`);
  return [
    { type: 'MeasurementVoided', schemaVersion: 1, data: { indicatorId: d.indicatorId, measuredOn: d.measuredOn, value: d.value, reason: d.reason, voidedBy: ctx.organisationId } },
  ];
}

/** Only the beneficiary sets its priorities; the ranking names every need still stated, once. */
function decideReprioritiseNeeds(command: ReprioritiseNeeds, state: PartnershipState): PartnershipEvent[] {
  const { context: ctx, data: d } = command;
  ensureParty(state, ctx, ['beneficiary']);
  for (const needId of d.needIds) ensure(state.needIds.includes(needId), 'need.exists', `need ${needId} is not stated (or already withdrawn)`);
  ensure(new Set(d.needIds).size === d.needIds.length, 'needs.ranking', 'each need appears once in the ranking');
  const missing = state.needIds.filter((id) => !d.needIds.includes(id));
  ensure(missing.length === 0, 'needs.ranking', `the ranking names every need still stated; missing: ${missing.join(', ')}`);
  return [{ type: 'NeedsReprioritised', schemaVersion: 1, data: { needIds: d.needIds, reason: d.reason, reprioritisedBy: ctx.organisationId } }];
}
