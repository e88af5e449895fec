import { upcastPartnershipEvent, type PartnershipEvent } from '@ccb/domain';
import { formatMoney } from '../shared/format';

type StoredEvent = Parameters<typeof upcastPartnershipEvent>[0];

/** How a sentence names what an event refers to by id. */
export interface EventNames {
  organisation(organisationId: string): string;
  milestone(milestoneId: string): string;
}

/** The timeline projection stores sentences with ids: a name changed later would leave them stale. */
export const IDS_AS_NAMES: EventNames = { organisation: (id) => id, milestone: (id) => id };

/**
 * Names for the sentences of `described`, read when asked: a milestone by its title as planned in `stream` (quoted),
 * an organisation by its registered name from `organisationNames`, an id wherever no name is known.
 * The organisations asked for are exactly those the sentences mention: found by describing once with ids.
 */
export async function eventNamesFor(
  stream: readonly StoredEvent[],
  described: readonly StoredEvent[],
  organisationNames: (organisationIds: ReadonlySet<string>) => Promise<ReadonlyMap<string, string>>,
): Promise<EventNames> {
  const titles = new Map<string, string>();
  for (const recorded of stream) {
    if (recorded.type !== 'MilestonePlanned') continue;
    try {
      const event = upcastPartnershipEvent(recorded);
      if (event.type === 'MilestonePlanned') titles.set(event.data.milestoneId, event.data.title);
    } catch {
      // An unreadable event names nothing; describeRecorded says so in its own sentence.
    }
  }
  const mentioned = new Set<string>();
  const collecting: EventNames = { organisation: (id) => (mentioned.add(id), id), milestone: (id) => id };
  for (const recorded of described) describeRecorded(recorded, collecting);
  const names = mentioned.size > 0 ? await organisationNames(mentioned) : new Map<string, string>();
  return {
    organisation: (id) => names.get(id) ?? id,
    milestone: (id) => {
      const title = titles.get(id);
      return title === undefined ? id : `"${title}"`;
    },
  };
}

/**
 * One line a person reads for each event. It names kinds, amounts, parties and ids, and never
 * quotes the free text of needs, plans or findings, which may be confidential.
 */
export function describeEvent(event: PartnershipEvent, names: EventNames = IDS_AS_NAMES): string {
  switch (event.type) {
    case 'PartnershipProposed':
      return `Partnership "${event.data.title}" proposed by ${names.organisation(event.data.proposerId)} (${event.data.proposerRole}) for ${event.data.beneficiaryCountry}`;
    case 'PartyJoined':
      return `${names.organisation(event.data.organisationId)} joined as ${event.data.role}`;
    case 'NeedStated':
      return `${names.organisation(event.data.statedBy)} stated a ${event.data.kind}${event.data.confidential ? ' (confidential)' : ''}`;
    case 'LanguagesStated':
      return `Languages of instruction stated: ${event.data.languages.join(', ')}`;
    case 'PlanVersionProposed':
      return `Plan version ${event.data.version} proposed by ${names.organisation(event.data.proposedBy)} with ${event.data.objectives.length} objective(s)`;
    case 'PlanEndorsed':
      return `${names.organisation(event.data.organisationId)} endorsed plan version ${event.data.version} as ${event.data.role}`;
    case 'BaselineCommitmentRecorded':
      return `Baseline commitment recorded: ${event.data.commitment}`;
    case 'PartnershipTagged':
      return `Tagged: ${event.data.themes.join(', ')}${event.data.levels.length ? ` (${event.data.levels.join(', ')})` : ''}`;
    case 'PhaseAdvanced':
      return `Phase moved from ${event.data.from} to ${event.data.to}`;
    case 'SectorsAllocated':
      return `DAC sectors set by ${names.organisation(event.data.allocatedBy)}: ${event.data.sectors.map((x) => `${x.code} ${x.percentage}%`).join(', ')}`;
    case 'RecipientAreasSet':
      return `Recipient areas set by ${names.organisation(event.data.setBy)}: ${[...event.data.countries, ...event.data.regions].map((x) => `${x.code} ${x.percentage}%`).join(', ')}`;
    case 'BudgetPlanned':
      return `${event.data.kind === 'original' ? 'Budget' : 'Revised budget'} of ${formatMoney(event.data.amount.amountMinor, event.data.amount.currency)} (${event.data.status}) for ${event.data.periodStart} to ${event.data.periodEnd}, by ${names.organisation(event.data.plannedBy)}`;
    case 'BudgetVoided':
      return `Budget ${event.data.budgetId} voided by ${names.organisation(event.data.voidedBy)}`;
    case 'DisbursementPlanned':
      return `${names.organisation(event.data.providerId)} plans to disburse ${formatMoney(event.data.amount.amountMinor, event.data.amount.currency)}${event.data.receiverId ? ` to ${names.organisation(event.data.receiverId)}` : ''} in ${event.data.periodStart} to ${event.data.periodEnd}`;
    case 'PlannedDisbursementVoided':
      return `Planned disbursement ${event.data.plannedDisbursementId} voided by ${names.organisation(event.data.voidedBy)}`;
    case 'DocumentLinked':
      return `Document "${event.data.title}" (${event.data.category}, ${event.data.language}) linked by ${names.organisation(event.data.linkedBy)}${event.data.milestoneId ? ` to milestone ${names.milestone(event.data.milestoneId)}` : ''}`;
    case 'DocumentUnlinked':
      return `Document ${event.data.documentId} unlinked by ${names.organisation(event.data.unlinkedBy)}`;
    case 'PartnershipSuspended':
      return `Suspended during ${event.data.phase}`;
    case 'PartnershipResumed':
      return `Resumed in ${event.data.phase}`;
    case 'FundingCommitted':
      return `${names.organisation(event.data.providerId)} committed ${formatMoney(event.data.amount.amountMinor, event.data.amount.currency)} to ${names.organisation(event.data.receiverId)}`;
    case 'FundsDisbursed':
      return `${names.organisation(event.data.providerId)} disbursed ${formatMoney(event.data.amount.amountMinor, event.data.amount.currency)} to ${names.organisation(event.data.receiverId)}`;
    case 'RefundRecorded':
      return `${names.organisation(event.data.receiverId)} refunded ${formatMoney(event.data.amount.amountMinor, event.data.amount.currency)} to ${names.organisation(event.data.providerId)}`;
    case 'InKindContributionRecorded':
      return `${names.organisation(event.data.providerId)} contributed in kind ${formatMoney(event.data.amount.amountMinor, event.data.amount.currency)} to ${names.organisation(event.data.receiverId)}`;
    case 'ExpenditureRecorded':
      return `${names.organisation(event.data.spenderId)} spent ${formatMoney(event.data.amount.amountMinor, event.data.amount.currency)} on ${event.data.category} in ${event.data.spentInCountry} (${event.data.supplier.local ? 'local' : 'foreign'} supplier)`;
    case 'ExpenditureVoided':
      return `Expenditure ${event.data.flowId} voided by ${names.organisation(event.data.voidedBy)}`;
    case 'CommitmentAmended':
      return `Commitment ${event.data.flowId} amended to ${formatMoney(event.data.amount.amountMinor, event.data.amount.currency)} dated ${event.data.date} by ${names.organisation(event.data.amendedBy)}: ${event.data.reason}`;
    case 'CommitmentCancelled':
      return `Commitment ${event.data.flowId} cancelled by ${names.organisation(event.data.cancelledBy)}: ${event.data.reason}`;
    case 'FlowVoided':
      return `Flow ${event.data.flowId} voided by ${names.organisation(event.data.voidedBy)}: ${event.data.reason}`;
    case 'FlowCorrected':
      return `Flow ${event.data.flowId} corrected by ${names.organisation(event.data.correctedBy)} to ${event.data.date}${event.data.exchangeRate ? ` at ${event.data.exchangeRate.rate} ${event.data.exchangeRate.toCurrency}` : ', no recorded rate'}: ${event.data.reason}`;
    case 'ActivityCorrected': {
      const p = event.data.participants;
      return `Activity ${event.data.activityId} corrected by ${names.organisation(event.data.correctedBy)}: ${p.women + p.men + p.undisclosed} participant(s) (${p.women} women), ${event.data.startDate} to ${event.data.endDate}: ${event.data.reason}`;
    }
    case 'ActivityVoided':
      return `Activity ${event.data.activityId} voided by ${names.organisation(event.data.voidedBy)}: ${event.data.reason}`;
    case 'MilestoneRescheduled':
      return `Milestone ${names.milestone(event.data.milestoneId)} rescheduled to ${event.data.dueDate} by ${names.organisation(event.data.rescheduledBy)}: ${event.data.reason}`;
    case 'MilestoneCancelled':
      return `Milestone ${names.milestone(event.data.milestoneId)} cancelled by ${names.organisation(event.data.cancelledBy)}: ${event.data.reason}`;
    case 'MilestoneValidationRetracted':
      return `${names.organisation(event.data.retractedBy)} retracted its ${event.data.retracted} of milestone ${names.milestone(event.data.milestoneId)}: ${event.data.reason}`;
    case 'IndicatorRevised':
      return `Indicator ${event.data.indicatorId} revised by ${names.organisation(event.data.revisedBy)}: baseline ${event.data.baseline}, target ${event.data.target}: ${event.data.reason}`;
    case 'PartnershipAmended':
      return `Title and summary amended by ${names.organisation(event.data.amendedBy)} ("${event.data.title}"): ${event.data.reason}`;
    case 'PlannedDatesChanged':
      return `Planned period changed by ${names.organisation(event.data.changedBy)} to ${event.data.plannedStart} – ${event.data.plannedEnd ?? 'open'}: ${event.data.reason}`;
    case 'PartyInvited':
      return `${names.organisation(event.data.organisationId)} invited as ${event.data.role} by ${names.organisation(event.data.invitedBy)}`;
    case 'InvitationDeclined':
      return `${names.organisation(event.data.organisationId)} declined to join as ${event.data.role}: ${event.data.reason}`;
    case 'InvitationWithdrawn':
      return `Invitation of ${names.organisation(event.data.organisationId)} as ${event.data.role} withdrawn by ${names.organisation(event.data.withdrawnBy)}`;
    case 'MeasurementVoided':
      return `Measurement of indicator ${event.data.indicatorId} (${event.data.value} on ${event.data.measuredOn}) voided by ${names.organisation(event.data.voidedBy)}`;
    case 'NeedsReprioritised':
      return `Needs ranked anew by ${names.organisation(event.data.reprioritisedBy)}: ${event.data.needIds.join(' > ')}`;
    case 'MidTermReviewRecorded':
      return `Mid-term review ${event.data.reviewId} by ${names.organisation(event.data.reviewerId)}${event.data.scores.length ? `, ${event.data.scores.length} principle(s) scored provisionally` : ''}`;
    case 'NeedWithdrawn':
      return `Need ${event.data.needId} withdrawn by ${names.organisation(event.data.withdrawnBy)}`;
    case 'NeedConfidentialityChanged':
      return `Need ${event.data.needId} ${event.data.confidential ? 'classified confidential' : 'declassified'} by ${names.organisation(event.data.changedBy)}`;
    case 'BaselineCommitmentWithdrawn':
      return `Baseline commitment ${event.data.commitment} withdrawn by ${names.organisation(event.data.withdrawnBy)}: ${event.data.reason}`;
    case 'PartyLeft':
      return `${names.organisation(event.data.organisationId)} left as ${event.data.role} from ${event.data.effectiveDate}: ${event.data.reason}`;
    case 'EvaluatorReplaced':
      return `Evaluator ${names.organisation(event.data.previousId)} replaced by ${names.organisation(event.data.organisationId)} (by ${names.organisation(event.data.replacedBy)}): ${event.data.reason}`;
    case 'PartnershipCancelled':
      return `Partnership cancelled in ${event.data.phase} by ${names.organisation(event.data.cancelledBy)}: ${event.data.reason}`;
    case 'ClosureCorrected':
      return `Closure corrected by ${names.organisation(event.data.correctedBy)}: outcome ${event.data.outcome}, handover ${event.data.handover.done ? `to ${event.data.handover.institutionId} on ${event.data.handover.date}` : 'not done'}: ${event.data.reason}`;
    case 'MilestonePlanned':
      return `Milestone "${event.data.title}" planned for ${event.data.dueDate}`;
    case 'MilestoneAchieved':
      return `Milestone ${names.milestone(event.data.milestoneId)} reported achieved on ${event.data.achievedOn}`;
    case 'MilestoneConfirmed':
      return `Milestone ${names.milestone(event.data.milestoneId)} confirmed by ${names.organisation(event.data.confirmedBy)}`;
    case 'MilestoneDisputed':
      return `Milestone ${names.milestone(event.data.milestoneId)} disputed by ${names.organisation(event.data.disputedBy)}`;
    case 'ActivityDelivered': {
      const p = event.data.participants;
      return `${event.data.type} "${event.data.title}" delivered to ${p.women + p.men + p.undisclosed} participant(s) (${p.women} women)`;
    }
    case 'IndicatorDefined':
      return `Indicator "${event.data.name}" defined: baseline ${event.data.baseline}, target ${event.data.target} ${event.data.unit}`;
    case 'IndicatorMeasured':
      return `Indicator ${event.data.indicatorId} measured at ${event.data.value} on ${event.data.measuredOn}`;
    case 'RiskRaised':
      return `${event.data.severity} ${event.data.kind} raised by ${names.organisation(event.data.raisedBy)}`;
    case 'RiskResolved':
      return `Risk ${event.data.riskId} resolved`;
    case 'EvaluatorAppointed':
      return `${names.organisation(event.data.organisationId)} appointed evaluator by ${names.organisation(event.data.appointedBy)}`;
    case 'EvaluationRecorded':
      return `Evaluation ${event.data.evaluationId} by ${names.organisation(event.data.evaluatorId)} scored ${event.data.scores.length} principle(s)${event.data.corrects ? `, correcting ${event.data.corrects}` : ''}`;
    case 'PartnershipClosed':
      return `Closed: ${event.data.outcome}${event.data.handover.done ? `, handed over to ${event.data.handover.institutionId ? names.organisation(event.data.handover.institutionId) : 'a local institution'}` : ''}`;
  }
}

/** The sentence for a stored event, or a plain note when the event cannot be read (it is still listed). */
export function describeRecorded(recorded: StoredEvent, names: EventNames = IDS_AS_NAMES): string {
  try {
    return describeEvent(upcastPartnershipEvent(recorded), names);
  } catch {
    return `A ${recorded.type} event that cannot be read (left out of every figure)`;
  }
}
