import { COUNTRY_CODES } from '../shared/codelists';
import { ensureNotInFuture, ensureOrdered } from '../shared/dates';
import { ensureMoney } from '../shared/money';
import { ensure, refuse } from '../shared/rule-violation';
import type { PartnershipCommand } from './partnership-commands';
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
import { decideCorrection, isCorrection } from './partnership-corrections';
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

/** The rules, then the shape of what they produced: an event returned here is one every fold can read. */
export function decide(command: PartnershipCommand, state: PartnershipState): PartnershipEvent[] {
  const events = decideEvents(command, state);
  for (const event of events) ensureFoldable(event);
  return events;
}

/** A flow as recorded: the provider is the actor; what the handler looked up for the rules is not kept. */
function flowData(
  d: { readonly flowId: string; readonly receiverId: string; readonly amount: { readonly amountMinor: number; readonly currency: string }; readonly date: string; readonly exchangeRate: ExchangeRate | null },
  providerId: string,
) {
  return { flowId: d.flowId, providerId, receiverId: d.receiverId, amount: d.amount, date: d.date, exchangeRate: d.exchangeRate };
}

function decideEvents(command: PartnershipCommand, state: PartnershipState): PartnershipEvent[] {
  const ctx = command.context;
  if (command.type === 'ProposePartnership') {
    const d = command.data;
    ensure(ctx.roles.includes(d.proposerRole), 'access.role', `proposing as ${d.proposerRole} needs a user with that role; you hold ${ctx.roles.join(', ') || 'no role'}`);
    ensure(state.status === 'none', 'partnership.exists', 'the partnership already exists');
    ensure(COUNTRY_CODES.has(d.beneficiaryCountry), 'country.iso-3166', `"${d.beneficiaryCountry}" is not an ISO 3166-1 alpha-2 country code`);
    ensureOrdered(d.plannedStart, d.plannedEnd ?? undefined, 'planned dates');
    return [{ type: 'PartnershipProposed', schemaVersion: 2, data: { ...d, proposerId: ctx.organisationId } }];
  }

  ensure(state.status !== 'none', 'partnership.exists', 'the partnership does not exist');

  // The invitee is not a party yet: it answers its invitation and does nothing else.
  if (command.type === 'AcceptInvitation' || command.type === 'DeclineInvitation') {
    const { role } = command.data;
    ensure(invitationOf(state, ctx.organisationId, role), 'invitation.exists', `organisation ${ctx.organisationId} has no open invitation to be a ${role}`);
    ensure(ctx.roles.includes(role), 'access.role', `answering an invitation to be a ${role} needs a user with that role; you hold ${ctx.roles.join(', ') || 'no role'}`);
    ensure(state.status === 'open', 'partnership.closed', 'the partnership is closed or cancelled');
    return command.type === 'AcceptInvitation'
      ? [{ type: 'PartyJoined', schemaVersion: 1, data: { organisationId: ctx.organisationId, role } }]
      : [{ type: 'InvitationDeclined', schemaVersion: 1, data: { organisationId: ctx.organisationId, role, reason: command.data.reason } }];
  }
  ensureAnyParty(state, ctx);

  // A closure's own record can be corrected after closing.
  if (command.type === 'CorrectClosure') return decideCorrection(command, state);

  // Evaluations may correct a closed partnership's record; everything else needs it open.
  if (command.type === 'RecordEvaluation') {
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

  if (command.type === 'ResumePartnership') {
    ensure(state.status === 'open', 'partnership.closed', 'only an open partnership can be resumed');
    ensure(state.suspended, 'partnership.not-suspended', 'the partnership is not suspended');
    ensureParty(state, ctx, ['donor', 'implementer']);
    return [{ type: 'PartnershipResumed', schemaVersion: 1, data: { phase: state.phase, reason: command.data.reason } }];
  }

  // Risks and corrections stay possible while suspended: that is often why it was suspended.
  const allowedWhileSuspended = command.type === 'RaiseRisk' || command.type === 'ResolveRisk' || command.type === 'VoidExpenditure' || isCorrection(command);
  if (allowedWhileSuspended && state.suspended) {
    ensure(state.status === 'open', 'partnership.closed', 'a closed partnership accepts nothing but corrections by evaluation');
  } else {
    ensureOpenAndActive(state);
  }
  if (isCorrection(command)) return decideCorrection(command, state);

  switch (command.type) {
    case 'InviteParty': {
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
    case 'StateNeed':
      ensureParty(state, ctx, ['beneficiary']);
      ensurePhase(state, ['scoping', 'co-design', 'delivery', 'monitoring'], 'stating a need');
      ensure(!state.needIds.includes(command.data.needId) && !state.withdrawnNeedIds.includes(command.data.needId), 'need.unique', `need ${command.data.needId} is already stated`);
      return [{ type: 'NeedStated', schemaVersion: 1, data: { ...command.data, statedBy: ctx.organisationId } }];
    case 'StateLanguages':
      ensureParty(state, ctx, ['beneficiary']);
      ensure(command.data.languages.length > 0, 'languages.required', 'name at least one language');
      ensureLanguages(command.data.languages, 'languages');
      return [{ type: 'LanguagesStated', schemaVersion: 1, data: { languages: command.data.languages, statedBy: ctx.organisationId } }];
    case 'ProposePlanVersion': {
      ensureParty(state, ctx, PARTY_ROLES);
      ensurePhase(state, ['co-design', 'delivery', 'monitoring'], 'proposing a plan version');
      ensure(command.data.objectives.length > 0, 'plan.objectives', 'a plan has at least one objective');
      for (const o of command.data.objectives) {
        for (const needId of o.needIds) ensure(state.needIds.includes(needId), 'plan.need-exists', `objective ${o.objectiveId} links to unknown need ${needId}`);
      }
      const version = (state.plan?.version ?? 0) + 1;
      return [{ type: 'PlanVersionProposed', schemaVersion: 1, data: { ...command.data, version, proposedBy: ctx.organisationId } }];
    }
    case 'EndorsePlan': {
      const { version, role } = command.data;
      ensure(role !== 'evaluator', 'access.role', 'evaluators do not endorse plans');
      ensure(rolesOf(state, ctx.organisationId).includes(role), 'access.role', `organisation ${ctx.organisationId} is not a ${role} of this partnership`);
      ensure(ctx.roles.includes(role), 'access.role', `endorsing as ${role} needs a user with that role`);
      ensure(state.plan !== null, 'plan.exists', 'there is no plan to endorse');
      ensure(state.plan.version === version, 'plan.current-version', `only the current plan version (${state.plan.version}) can be endorsed`);
      ensure(
        !state.plan.endorsements.some((e) => e.organisationId === ctx.organisationId && e.role === role),
        'plan.endorsed-once',
        'this party already endorsed this version',
      );
      return [{ type: 'PlanEndorsed', schemaVersion: 1, data: { version, role, organisationId: ctx.organisationId } }];
    }
    case 'RecordBaselineCommitment':
      ensureParty(state, ctx, PARTY_ROLES);
      return [{ type: 'BaselineCommitmentRecorded', schemaVersion: 1, data: { ...command.data, recordedBy: ctx.organisationId } }];
    case 'TagPartnership':
      ensureParty(state, ctx, PARTY_ROLES);
      ensure(command.data.themes.length > 0, 'tags.theme-required', 'tag at least one theme');
      return [{ type: 'PartnershipTagged', schemaVersion: 1, data: command.data }];
    case 'AdvancePhase': {
      ensureParty(state, ctx, PARTY_ROLES);
      const { to } = command.data;
      ensure(NEXT_PHASES[state.phase].includes(to), 'phase.order', `the partnership cannot move from ${state.phase} to ${to}`);
      if (to === 'delivery') {
        const missing = missingEndorsements(state);
        ensure(missing.length === 0, 'plan.endorsed-before-delivery', `delivery needs the current plan endorsed by: ${missing.join(', ')}`);
      }
      return [{ type: 'PhaseAdvanced', schemaVersion: 1, data: { from: state.phase, to, reason: command.data.reason } }];
    }
    case 'SuspendPartnership':
      ensureParty(state, ctx, ['donor', 'implementer']);
      return [{ type: 'PartnershipSuspended', schemaVersion: 1, data: { phase: state.phase, reason: command.data.reason } }];
    case 'CommitFunding': {
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
    case 'DisburseFunds': {
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
    case 'RecordRefund': {
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
    case 'RecordInKindContribution': {
      const d = command.data;
      ensureParty(state, ctx, PARTY_ROLES);
      ensureMoney(d.amount, 'value');
      ensureNotInFuture(d.date, ctx.now, 'date');
      ensureNewFlow(state, d.flowId);
      ensure(rolesOf(state, d.receiverId).length > 0, 'flow.receiver-party', 'contributions go to a party of the partnership');
      ensurePlausibleRate(d);
      return [{ type: 'InKindContributionRecorded', schemaVersion: 1, data: { ...flowData(d, ctx.organisationId), description: d.description } }];
    }
    case 'RecordExpenditure': {
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
    case 'VoidExpenditure': {
      ensureParty(state, ctx, ['implementer', 'beneficiary']);
      const expenditure = state.expenditures.find((x) => x.flowId === command.data.flowId);
      ensure(expenditure, 'expenditure.exists', `expenditure ${command.data.flowId} does not exist`);
      ensure(expenditure.spenderId === ctx.organisationId, 'access.role', 'only the organisation that recorded an expenditure voids it');
      ensure(!expenditure.voided, 'expenditure.voided-once', 'the expenditure is already void');
      return [{ type: 'ExpenditureVoided', schemaVersion: 1, data: { ...command.data, voidedBy: ctx.organisationId } }];
    }
    case 'PlanMilestone':
      ensureParty(state, ctx, ['implementer']);
      ensurePhase(state, ['co-design', ...DELIVERING], 'planning a milestone');
      ensure(!milestoneStatus(state, command.data.milestoneId), 'milestone.unique', 'the milestone is already planned');
      if (command.data.objectiveId !== null) {
        ensure(state.plan?.objectiveIds.includes(command.data.objectiveId), 'plan.objective-exists', `unknown objective ${command.data.objectiveId}`);
      }
      return [{ type: 'MilestonePlanned', schemaVersion: 1, data: command.data }];
    case 'ReportMilestoneAchieved': {
      ensureParty(state, ctx, ['implementer']);
      ensurePhase(state, DELIVERING, 'reporting a milestone');
      const status = milestoneStatus(state, command.data.milestoneId);
      ensure(status, 'milestone.exists', `milestone ${command.data.milestoneId} is not planned`);
      ensure(status === 'planned' || status === 'disputed', 'milestone.order', `milestone is already ${status}`);
      ensureNotInFuture(command.data.achievedOn, ctx.now, 'achievedOn');
      return [{ type: 'MilestoneAchieved', schemaVersion: 1, data: command.data }];
    }
    case 'ConfirmMilestone':
    case 'DisputeMilestone': {
      ensureParty(state, ctx, ['beneficiary']);
      ensurePhase(state, [...DELIVERING, 'evaluation'], 'confirming or disputing a milestone');
      const status = milestoneStatus(state, command.data.milestoneId);
      ensure(status, 'milestone.exists', `milestone ${command.data.milestoneId} is not planned`);
      ensure(status === 'achieved', 'milestone.confirm-after-achieved', `only a milestone reported achieved can be confirmed or disputed (it is ${status})`);
      return command.type === 'ConfirmMilestone'
        ? [{ type: 'MilestoneConfirmed', schemaVersion: 1, data: { milestoneId: command.data.milestoneId, note: command.data.note, confirmedBy: ctx.organisationId } }]
        : [{ type: 'MilestoneDisputed', schemaVersion: 1, data: { milestoneId: command.data.milestoneId, reason: command.data.reason, disputedBy: ctx.organisationId } }];
    }
    case 'RecordActivity': {
      const d = command.data;
      ensureParty(state, ctx, ['implementer']);
      ensurePhase(state, DELIVERING, 'recording an activity');
      ensure(!state.activities.some((a) => a.activityId === d.activityId), 'activity.unique', 'the activity is already recorded');
      ensurePossibleActivityFacts(state, ctx, d);
      const { total: _total, ...participants } = d.participants;
      return [{ type: 'ActivityDelivered', schemaVersion: 1, data: { ...d, participants } }];
    }
    case 'DefineIndicator':
      ensureParty(state, ctx, PARTY_ROLES);
      ensure(!state.indicators.has(command.data.indicatorId), 'indicator.unique', 'the indicator is already defined');
      ensureNotInFuture(command.data.baselineDate, ctx.now, 'baselineDate');
      return [{ type: 'IndicatorDefined', schemaVersion: 1, data: command.data }];
    case 'RecordMeasurement':
      ensureParty(state, ctx, PARTY_ROLES);
      ensure(state.indicators.has(command.data.indicatorId), 'indicator.exists', `indicator ${command.data.indicatorId} is not defined`);
      ensureNotInFuture(command.data.measuredOn, ctx.now, 'measuredOn');
      return [{ type: 'IndicatorMeasured', schemaVersion: 1, data: command.data }];
    case 'RecordMidTermReview': {
      const d = command.data;
      // A joint review by the parties, or the appointed evaluator's: monitoring is shared (OEWG para 56).
      ensureParty(state, ctx, [...PARTY_ROLES, 'evaluator']);
      ensurePhase(state, ['monitoring'], 'a mid-term review');
      ensure(!state.reviewIds.includes(d.reviewId), 'review.unique', `review ${d.reviewId} is already recorded`);
      ensure(new Set(d.scores.map((s) => s.principle)).size === d.scores.length, 'evaluation.scores', 'each principle is scored once');
      for (const s of d.scores) ensure(Number.isInteger(s.score) && s.score >= 0 && s.score <= 4, 'evaluation.score-range', 'scores run from 0 to 4');
      return [{ type: 'MidTermReviewRecorded', schemaVersion: 1, data: { ...d, reviewerId: ctx.organisationId } }];
    }
    case 'RaiseRisk':
      ensureParty(state, ctx, [...PARTY_ROLES, 'evaluator']);
      ensure(!riskStatus(state, command.data.riskId), 'risk.unique', 'the risk is already raised');
      return [{ type: 'RiskRaised', schemaVersion: 1, data: { ...command.data, raisedBy: ctx.organisationId } }];
    case 'ResolveRisk':
      ensureParty(state, ctx, PARTY_ROLES);
      ensure(riskStatus(state, command.data.riskId) === 'open', 'risk.open', `risk ${command.data.riskId} is not open`);
      return [{ type: 'RiskResolved', schemaVersion: 1, data: command.data }];
    case 'AppointEvaluator':
      ensureParty(state, ctx, ['donor']);
      ensureRegistered(command.data);
      ensure(!rolesOf(state, command.data.organisationId).some((r) => r !== 'evaluator'), 'evaluator.independent', 'an evaluator cannot be a party to the partnership');
      ensure(!rolesOf(state, command.data.organisationId).includes('evaluator'), 'party.unique', 'the evaluator is already appointed');
      return [{ type: 'EvaluatorAppointed', schemaVersion: 1, data: { organisationId: command.data.organisationId, appointedBy: ctx.organisationId } }];
    case 'ClosePartnership': {
      ensureParty(state, ctx, ['donor', 'implementer']);
      ensurePhase(state, ['evaluation'], 'closing');
      const h = command.data.handover;
      if (h.done) {
        ensure(h.institutionId !== null && h.date !== null, 'closure.handover', 'a handover names the institution that took over and its date');
        ensureNotInFuture(h.date, ctx.now, 'handover.date');
      }
      return [{ type: 'PartnershipClosed', schemaVersion: 1, data: command.data }];
    }
    default: {
      // Every command is decided above or here: a new one fails to compile until it has its case.
      const unknown: never = command;
      return refuse('command.unknown', `unknown command ${String((unknown as { type?: unknown }).type)}`);
    }
  }
}
