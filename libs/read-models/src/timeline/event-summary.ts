import { upcastPartnershipEvent, type PartnershipEvent } from '@ccb/domain';
import { code, codes, date, money, num, renderSentence, sentence, text, type Sentence } from './sentences';

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
 * One sentence a person reads for each event. It names kinds, amounts, parties and ids, and never
 * quotes the free text of needs, plans or findings, which may be confidential.
 */
export function eventSentence(event: PartnershipEvent, names: EventNames = IDS_AS_NAMES): Sentence {
  const org = (id: string) => text(names.organisation(id));
  const milestone = (id: string) => text(names.milestone(id));
  switch (event.type) {
    case 'PartnershipProposed':
      return sentence('partnershipProposed', {
        title: text(event.data.title),
        organisation: org(event.data.proposerId),
        role: code(event.data.proposerRole),
        country: { kind: 'country', code: event.data.beneficiaryCountry },
      });
    case 'PartyJoined':
      return sentence('partyJoined', { organisation: org(event.data.organisationId), role: code(event.data.role) });
    case 'NeedStated':
      return sentence(event.data.confidential ? 'needStatedConfidential' : 'needStated', { organisation: org(event.data.statedBy), kind: code(event.data.kind) });
    case 'LanguagesStated':
      return sentence('languagesStated', { languages: { kind: 'languages', codes: event.data.languages } });
    case 'PlanVersionProposed':
      return sentence('planVersionProposed', { version: num(event.data.version), organisation: org(event.data.proposedBy), objectives: num(event.data.objectives.length) });
    case 'PlanEndorsed':
      return sentence('planEndorsed', { organisation: org(event.data.organisationId), version: num(event.data.version), role: code(event.data.role) });
    case 'BaselineCommitmentRecorded':
      return sentence('baselineCommitmentRecorded', { commitment: code(event.data.commitment) });
    case 'PartnershipTagged':
      return event.data.levels.length
        ? sentence('partnershipTaggedWithLevels', { themes: codes(event.data.themes), levels: codes(event.data.levels) })
        : sentence('partnershipTagged', { themes: codes(event.data.themes) });
    case 'PhaseAdvanced':
      return sentence('phaseAdvanced', { from: code(event.data.from), to: code(event.data.to) });
    case 'SectorsAllocated':
      return sentence('sectorsAllocated', { organisation: org(event.data.allocatedBy), sectors: text(event.data.sectors.map((x) => `${x.code} ${x.percentage}%`).join(', ')) });
    case 'RecipientAreasSet':
      return sentence('recipientAreasSet', {
        organisation: org(event.data.setBy),
        areas: text([...event.data.countries, ...event.data.regions].map((x) => `${x.code} ${x.percentage}%`).join(', ')),
      });
    case 'BudgetPlanned':
      return sentence(event.data.kind === 'original' ? 'budgetPlanned' : 'budgetRevised', {
        amount: money(event.data.amount),
        status: code(event.data.status),
        start: date(event.data.periodStart),
        end: date(event.data.periodEnd),
        organisation: org(event.data.plannedBy),
      });
    case 'BudgetVoided':
      return sentence('budgetVoided', { budget: text(event.data.budgetId), organisation: org(event.data.voidedBy) });
    case 'DisbursementPlanned': {
      const values = { organisation: org(event.data.providerId), amount: money(event.data.amount), start: date(event.data.periodStart), end: date(event.data.periodEnd) };
      return event.data.receiverId ? sentence('disbursementPlannedTo', { ...values, receiver: org(event.data.receiverId) }) : sentence('disbursementPlanned', values);
    }
    case 'PlannedDisbursementVoided':
      return sentence('plannedDisbursementVoided', { plannedDisbursement: text(event.data.plannedDisbursementId), organisation: org(event.data.voidedBy) });
    case 'DocumentLinked': {
      const values = {
        title: text(event.data.title),
        category: text(event.data.category),
        language: { kind: 'languages', codes: [event.data.language] } as const,
        organisation: org(event.data.linkedBy),
      };
      return event.data.milestoneId ? sentence('documentLinkedToMilestone', { ...values, milestone: milestone(event.data.milestoneId) }) : sentence('documentLinked', values);
    }
    case 'DocumentUnlinked':
      return sentence('documentUnlinked', { document: text(event.data.documentId), organisation: org(event.data.unlinkedBy) });
    case 'PartnershipSuspended':
      return sentence('partnershipSuspended', { phase: code(event.data.phase) });
    case 'PartnershipResumed':
      return sentence('partnershipResumed', { phase: code(event.data.phase) });
    case 'FundingCommitted':
      return sentence('fundingCommitted', { organisation: org(event.data.providerId), amount: money(event.data.amount), receiver: org(event.data.receiverId) });
    case 'FundsDisbursed':
      return sentence('fundsDisbursed', { organisation: org(event.data.providerId), amount: money(event.data.amount), receiver: org(event.data.receiverId) });
    case 'RefundRecorded':
      return sentence('refundRecorded', { organisation: org(event.data.receiverId), amount: money(event.data.amount), provider: org(event.data.providerId) });
    case 'InKindContributionRecorded':
      return sentence('inKindContributionRecorded', { organisation: org(event.data.providerId), amount: money(event.data.amount), receiver: org(event.data.receiverId) });
    case 'ExpenditureRecorded':
      return sentence(event.data.supplier.local ? 'expenditureRecordedLocal' : 'expenditureRecordedForeign', {
        organisation: org(event.data.spenderId),
        amount: money(event.data.amount),
        category: code(event.data.category),
        country: { kind: 'country', code: event.data.spentInCountry },
      });
    case 'ExpenditureVoided':
      return sentence('expenditureVoided', { flow: text(event.data.flowId), organisation: org(event.data.voidedBy) });
    case 'CommitmentAmended':
      return sentence('commitmentAmended', {
        flow: text(event.data.flowId),
        amount: money(event.data.amount),
        date: date(event.data.date),
        organisation: org(event.data.amendedBy),
        reason: text(event.data.reason),
      });
    case 'CommitmentCancelled':
      return sentence('commitmentCancelled', { flow: text(event.data.flowId), organisation: org(event.data.cancelledBy), reason: text(event.data.reason) });
    case 'FlowVoided':
      return sentence('flowVoided', { flow: text(event.data.flowId), organisation: org(event.data.voidedBy), reason: text(event.data.reason) });
    case 'FlowCorrected': {
      const values = { flow: text(event.data.flowId), organisation: org(event.data.correctedBy), date: date(event.data.date), reason: text(event.data.reason) };
      return event.data.exchangeRate
        ? sentence('flowCorrected', { ...values, rate: text(String(event.data.exchangeRate.rate)), currency: text(event.data.exchangeRate.toCurrency) })
        : sentence('flowCorrectedNoRate', values);
    }
    case 'ActivityCorrected': {
      const p = event.data.participants;
      return sentence('activityCorrected', {
        activity: text(event.data.activityId),
        organisation: org(event.data.correctedBy),
        participants: num(p.women + p.men + p.undisclosed),
        women: num(p.women),
        start: date(event.data.startDate),
        end: date(event.data.endDate),
        reason: text(event.data.reason),
      });
    }
    case 'ActivityVoided':
      return sentence('activityVoided', { activity: text(event.data.activityId), organisation: org(event.data.voidedBy), reason: text(event.data.reason) });
    case 'MilestoneRescheduled':
      return sentence('milestoneRescheduled', {
        milestone: milestone(event.data.milestoneId),
        date: date(event.data.dueDate),
        organisation: org(event.data.rescheduledBy),
        reason: text(event.data.reason),
      });
    case 'MilestoneCancelled':
      return sentence('milestoneCancelled', { milestone: milestone(event.data.milestoneId), organisation: org(event.data.cancelledBy), reason: text(event.data.reason) });
    case 'MilestoneValidationRetracted':
      return sentence(event.data.retracted === 'confirmation' ? 'milestoneConfirmationRetracted' : 'milestoneDisputeRetracted', {
        organisation: org(event.data.retractedBy),
        milestone: milestone(event.data.milestoneId),
        reason: text(event.data.reason),
      });
    case 'IndicatorRevised':
      return sentence('indicatorRevised', {
        indicator: text(event.data.indicatorId),
        organisation: org(event.data.revisedBy),
        baseline: num(event.data.baseline),
        target: num(event.data.target),
        reason: text(event.data.reason),
      });
    case 'PartnershipAmended':
      return sentence('partnershipAmended', { organisation: org(event.data.amendedBy), title: text(event.data.title), reason: text(event.data.reason) });
    case 'PlannedDatesChanged': {
      const values = { organisation: org(event.data.changedBy), start: date(event.data.plannedStart), reason: text(event.data.reason) };
      return event.data.plannedEnd === null ? sentence('plannedDatesChangedOpen', values) : sentence('plannedDatesChanged', { ...values, end: date(event.data.plannedEnd) });
    }
    case 'PartyInvited':
      return sentence('partyInvited', { organisation: org(event.data.organisationId), role: code(event.data.role), inviter: org(event.data.invitedBy) });
    case 'InvitationDeclined':
      return sentence('invitationDeclined', { organisation: org(event.data.organisationId), role: code(event.data.role), reason: text(event.data.reason) });
    case 'InvitationWithdrawn':
      return sentence('invitationWithdrawn', { organisation: org(event.data.organisationId), role: code(event.data.role), withdrawer: org(event.data.withdrawnBy) });
    case 'MeasurementVoided':
      return sentence('measurementVoided', {
        indicator: text(event.data.indicatorId),
        value: num(event.data.value),
        date: date(event.data.measuredOn),
        organisation: org(event.data.voidedBy),
      });
    case 'NeedsReprioritised':
      return sentence('needsReprioritised', { organisation: org(event.data.reprioritisedBy), ranking: text(event.data.needIds.join(' > ')) });
    case 'MidTermReviewRecorded': {
      const values = { review: text(event.data.reviewId), organisation: org(event.data.reviewerId) };
      return event.data.scores.length ? sentence('midTermReviewRecordedScored', { ...values, scores: num(event.data.scores.length) }) : sentence('midTermReviewRecorded', values);
    }
    case 'NeedWithdrawn':
      return sentence('needWithdrawn', { need: text(event.data.needId), organisation: org(event.data.withdrawnBy) });
    case 'NeedConfidentialityChanged':
      return sentence(event.data.confidential ? 'needClassified' : 'needDeclassified', { need: text(event.data.needId), organisation: org(event.data.changedBy) });
    case 'BaselineCommitmentWithdrawn':
      return sentence('baselineCommitmentWithdrawn', { commitment: code(event.data.commitment), organisation: org(event.data.withdrawnBy), reason: text(event.data.reason) });
    case 'PartyLeft':
      return sentence('partyLeft', {
        organisation: org(event.data.organisationId),
        role: code(event.data.role),
        date: date(event.data.effectiveDate),
        reason: text(event.data.reason),
      });
    case 'EvaluatorReplaced':
      return sentence('evaluatorReplaced', {
        previous: org(event.data.previousId),
        organisation: org(event.data.organisationId),
        replacer: org(event.data.replacedBy),
        reason: text(event.data.reason),
      });
    case 'PartnershipCancelled':
      return sentence('partnershipCancelled', { phase: code(event.data.phase), organisation: org(event.data.cancelledBy), reason: text(event.data.reason) });
    case 'ClosureCorrected': {
      const { handover } = event.data;
      const values = { organisation: org(event.data.correctedBy), outcome: code(event.data.outcome), reason: text(event.data.reason) };
      if (!handover.done) return sentence('closureCorrected', values);
      const on = date(handover.date ?? '');
      return handover.institutionId
        ? sentence('closureCorrectedHandedOver', { ...values, institution: org(handover.institutionId), date: on })
        : sentence('closureCorrectedHandedOverLocal', { ...values, date: on });
    }
    case 'MilestonePlanned':
      return sentence('milestonePlanned', { title: text(event.data.title), date: date(event.data.dueDate) });
    case 'MilestoneAchieved':
      return sentence('milestoneAchieved', { milestone: milestone(event.data.milestoneId), date: date(event.data.achievedOn) });
    case 'MilestoneConfirmed':
      return sentence('milestoneConfirmed', { milestone: milestone(event.data.milestoneId), organisation: org(event.data.confirmedBy) });
    case 'MilestoneDisputed':
      return sentence('milestoneDisputed', { milestone: milestone(event.data.milestoneId), organisation: org(event.data.disputedBy) });
    case 'ActivityDelivered': {
      const p = event.data.participants;
      return sentence('activityDelivered', {
        type: code(event.data.type),
        title: text(event.data.title),
        participants: num(p.women + p.men + p.undisclosed),
        women: num(p.women),
      });
    }
    case 'IndicatorDefined':
      return sentence('indicatorDefined', { name: text(event.data.name), baseline: num(event.data.baseline), target: num(event.data.target), unit: text(event.data.unit) });
    case 'IndicatorMeasured':
      return sentence('indicatorMeasured', { indicator: text(event.data.indicatorId), value: num(event.data.value), date: date(event.data.measuredOn) });
    case 'RiskRaised':
      return sentence('riskRaised', { severity: code(event.data.severity), kind: code(event.data.kind), organisation: org(event.data.raisedBy) });
    case 'RiskResolved':
      return sentence('riskResolved', { risk: text(event.data.riskId) });
    case 'EvaluatorAppointed':
      return sentence('evaluatorAppointed', { organisation: org(event.data.organisationId), appointer: org(event.data.appointedBy) });
    case 'EvaluationRecorded': {
      const values = { evaluation: text(event.data.evaluationId), organisation: org(event.data.evaluatorId), scores: num(event.data.scores.length) };
      return event.data.corrects ? sentence('evaluationRecordedCorrecting', { ...values, corrected: text(event.data.corrects) }) : sentence('evaluationRecorded', values);
    }
    case 'PartnershipClosed':
      return closedSentence(event.data.outcome, event.data.handover.done, event.data.handover.institutionId, names);
  }
}

/** How a closure reads, in the event's sentence and among the changes a diff lists. */
export function closedSentence(outcome: string, handedOver: boolean, institutionId: string | null, names: EventNames): Sentence {
  if (!handedOver) return sentence('partnershipClosed', { outcome: code(outcome) });
  return institutionId
    ? sentence('partnershipClosedHandedOver', { outcome: code(outcome), institution: text(names.organisation(institutionId)) })
    : sentence('partnershipClosedHandedOverLocal', { outcome: code(outcome) });
}

export function describeEvent(event: PartnershipEvent, names: EventNames = IDS_AS_NAMES): string {
  return renderSentence(eventSentence(event, names));
}

/** The sentence for a stored event, or a plain note when the event cannot be read (it is still listed). */
export function recordedSentence(recorded: StoredEvent, names: EventNames = IDS_AS_NAMES): Sentence {
  try {
    return eventSentence(upcastPartnershipEvent(recorded), names);
  } catch {
    return sentence('unreadableEvent', { type: { kind: 'eventType', type: recorded.type } });
  }
}

export function describeRecorded(recorded: StoredEvent, names: EventNames = IDS_AS_NAMES): string {
  return renderSentence(recordedSentence(recorded, names));
}

/** Both forms the API answers with: the English `summary` and the `sentence` each language renders. */
export function describedRecorded(recorded: StoredEvent, names: EventNames = IDS_AS_NAMES): { readonly summary: string; readonly sentence: Sentence } {
  const said = recordedSentence(recorded, names);
  return { summary: renderSentence(said), sentence: said };
}
