import { countAt, dateAt, exchangeRateAt, flagAt, idAt, listAt, moneyAt, numberAt, objectAt, oneOfAt, textAt } from '../shared/shape';
import type { PartnershipEvent } from './partnership-events';
import { BUDGET_KINDS, BUDGET_STATUSES, DOCUMENT_CATEGORIES } from './publication-vocabulary';
import {
  ACTIVITY_TYPES,
  BASELINE_COMMITMENTS,
  GENDER_MARKERS,
  INITIATORS,
  LEVELS,
  NEED_KINDS,
  OUTCOMES,
  PHASES,
  PRINCIPLES,
  RISK_KINDS,
  ROLES,
  SDGS,
  SEVERITIES,
  THEMES,
} from './vocabulary';

const ids = (value: unknown, field: string) => listAt(value, field, (item, f) => idAt(item, f));
const texts = (value: unknown, field: string) => listAt(value, field, (item, f) => textAt(item, f));

function tagsAt(d: Readonly<Record<string, unknown>>): void {
  listAt(d.themes, 'themes', (t, f) => oneOfAt(t, THEMES, f));
  listAt(d.levels, 'levels', (t, f) => oneOfAt(t, LEVELS, f));
  listAt(d.sdgs, 'sdgs', (t, f) => oneOfAt(t, SDGS, f));
  oneOfAt(d.genderMarker, GENDER_MARKERS, 'genderMarker');
}

function flowAt(d: Readonly<Record<string, unknown>>): void {
  idAt(d.flowId, 'flowId');
  idAt(d.providerId, 'providerId');
  idAt(d.receiverId, 'receiverId');
  moneyAt(d.amount, 'amount');
  dateAt(d.date, 'date');
  exchangeRateAt(d.exchangeRate, 'exchangeRate');
}

function closureAt(d: Readonly<Record<string, unknown>>): void {
  oneOfAt(d.outcome, OUTCOMES, 'outcome');
  textAt(d.summary, 'summary');
  const handover = objectAt(d.handover, 'handover');
  flagAt(handover.done, 'handover.done');
  idAt(handover.institutionId, 'handover.institutionId', { optional: true });
  dateAt(handover.date, 'handover.date', { optional: true });
}

function scoresAt(value: unknown): void {
  listAt(value, 'scores', (item, f) => {
    const s = objectAt(item, f);
    oneOfAt(s.principle, PRINCIPLES, `${f}.principle`);
    countAt(s.score, `${f}.score`);
    textAt(s.evidence, `${f}.evidence`);
    ids(s.eventIds, `${f}.eventIds`);
  });
}

function sharesAt(value: unknown, field: string): void {
  listAt(value, field, (item, f) => {
    const share = objectAt(item, f);
    textAt(share.code, `${f}.code`);
    numberAt(share.percentage, `${f}.percentage`);
  });
}

/** A budget's or planned disbursement's period, amount and value date. */
function periodAt(d: Readonly<Record<string, unknown>>): void {
  dateAt(d.periodStart, 'periodStart');
  dateAt(d.periodEnd, 'periodEnd');
  moneyAt(d.amount, 'amount');
  dateAt(d.valueDate, 'valueDate');
}

/** Every correction says why and who made it. */
function correctionAt(d: Readonly<Record<string, unknown>>, by: string): void {
  textAt(d.reason, 'reason');
  idAt(d[by], by);
}

/**
 * Checks that an event has every field, of the right kind, that the folds read (the rules' state, the
 * read-model view, the timeline, the dossier, the replay). `decide` calls it on every event it returns.
 */
export function ensureFoldable(event: PartnershipEvent): void {
  const d = objectAt(event.data, 'data');
  switch (event.type) {
    case 'PartnershipProposed':
      tagsAt(d);
      idAt(d.partnershipId, 'partnershipId');
      textAt(d.title, 'title');
      textAt(d.summary, 'summary');
      textAt(d.beneficiaryCountry, 'beneficiaryCountry');
      oneOfAt(d.initiatedBy, INITIATORS, 'initiatedBy');
      idAt(d.proposerId, 'proposerId');
      oneOfAt(d.proposerRole, ROLES, 'proposerRole');
      dateAt(d.plannedStart, 'plannedStart');
      dateAt(d.plannedEnd, 'plannedEnd', { optional: true });
      return;
    case 'PartyJoined':
    case 'EvaluatorAppointed':
      idAt(d.organisationId, 'organisationId');
      if (event.type === 'PartyJoined') oneOfAt(d.role, ROLES, 'role');
      return;
    case 'NeedStated':
      idAt(d.needId, 'needId');
      oneOfAt(d.kind, NEED_KINDS, 'kind');
      textAt(d.description, 'description');
      flagAt(d.confidential, 'confidential');
      return;
    case 'LanguagesStated':
      texts(d.languages, 'languages');
      return;
    case 'PlanVersionProposed':
      countAt(d.version, 'version');
      flagAt(d.confidential, 'confidential');
      listAt(d.objectives, 'objectives', (item, f) => {
        const o = objectAt(item, f);
        idAt(o.objectiveId, `${f}.objectiveId`);
        textAt(o.description, `${f}.description`);
        ids(o.needIds, `${f}.needIds`);
      });
      return;
    case 'PlanEndorsed':
      countAt(d.version, 'version');
      idAt(d.organisationId, 'organisationId');
      oneOfAt(d.role, ROLES, 'role');
      return;
    case 'BaselineCommitmentRecorded':
      oneOfAt(d.commitment, BASELINE_COMMITMENTS, 'commitment');
      textAt(d.description, 'description');
      return;
    case 'PartnershipTagged':
      tagsAt(d);
      return;
    case 'PhaseAdvanced':
      oneOfAt(d.from, PHASES, 'from');
      oneOfAt(d.to, PHASES, 'to');
      textAt(d.reason, 'reason');
      return;
    case 'PartnershipSuspended':
    case 'PartnershipResumed':
      oneOfAt(d.phase, PHASES, 'phase');
      textAt(d.reason, 'reason');
      return;
    case 'FundingCommitted':
    case 'FundsDisbursed':
      flowAt(d);
      return;
    case 'RefundRecorded':
      flowAt(d);
      textAt(d.reason, 'reason');
      return;
    case 'InKindContributionRecorded':
      flowAt(d);
      textAt(d.description, 'description');
      return;
    case 'ExpenditureRecorded': {
      idAt(d.flowId, 'flowId');
      idAt(d.spenderId, 'spenderId');
      moneyAt(d.amount, 'amount');
      dateAt(d.date, 'date');
      textAt(d.category, 'category');
      textAt(d.spentInCountry, 'spentInCountry');
      const supplier = objectAt(d.supplier, 'supplier');
      textAt(supplier.name, 'supplier.name');
      flagAt(supplier.local, 'supplier.local');
      exchangeRateAt(d.exchangeRate, 'exchangeRate');
      textAt(d.overspendReason, 'overspendReason', { optional: true });
      return;
    }
    case 'ExpenditureVoided':
      idAt(d.flowId, 'flowId');
      textAt(d.reason, 'reason');
      return;
    case 'MilestonePlanned':
      idAt(d.milestoneId, 'milestoneId');
      textAt(d.title, 'title');
      dateAt(d.dueDate, 'dueDate');
      idAt(d.objectiveId, 'objectiveId', { optional: true });
      return;
    case 'MilestoneAchieved':
      idAt(d.milestoneId, 'milestoneId');
      dateAt(d.achievedOn, 'achievedOn');
      listAt(d.evidence, 'evidence', (item, f) => {
        const e = objectAt(item, f);
        textAt(e.description, `${f}.description`);
        textAt(e.uri, `${f}.uri`, { optional: true });
      });
      return;
    case 'MilestoneConfirmed':
      idAt(d.milestoneId, 'milestoneId');
      textAt(d.note, 'note');
      return;
    case 'MilestoneDisputed':
      idAt(d.milestoneId, 'milestoneId');
      textAt(d.reason, 'reason');
      return;
    case 'ActivityDelivered':
    case 'ActivityCorrected': {
      if (event.type === 'ActivityCorrected') correctionAt(d, 'correctedBy');
      idAt(d.activityId, 'activityId');
      oneOfAt(d.type, ACTIVITY_TYPES, 'type');
      textAt(d.title, 'title');
      listAt(d.themes, 'themes', (t, f) => oneOfAt(t, THEMES, f));
      oneOfAt(d.level, LEVELS, 'level');
      dateAt(d.startDate, 'startDate');
      dateAt(d.endDate, 'endDate');
      texts(d.languages, 'languages');
      const participants = objectAt(d.participants, 'participants');
      for (const k of ['women', 'men', 'undisclosed']) countAt(participants[k], `participants.${k}`);
      numberAt(d.participantHours, 'participantHours');
      const trainers = objectAt(d.trainers, 'trainers');
      for (const k of ['local', 'foreign']) countAt(trainers[k], `trainers.${k}`);
      countAt(d.localTrainersProduced, 'localTrainersProduced');
      idAt(d.trainedByActivityId, 'trainedByActivityId', { optional: true });
      idAt(d.objectiveId, 'objectiveId', { optional: true });
      ids(d.needIds, 'needIds');
      flagAt(d.continuesAfterFunding, 'continuesAfterFunding');
      return;
    }
    case 'IndicatorDefined':
      idAt(d.indicatorId, 'indicatorId');
      textAt(d.name, 'name');
      textAt(d.unit, 'unit');
      numberAt(d.baseline, 'baseline');
      numberAt(d.target, 'target');
      dateAt(d.baselineDate, 'baselineDate');
      return;
    case 'IndicatorMeasured':
      idAt(d.indicatorId, 'indicatorId');
      numberAt(d.value, 'value');
      dateAt(d.measuredOn, 'measuredOn');
      textAt(d.note, 'note');
      return;
    case 'RiskRaised':
      idAt(d.riskId, 'riskId');
      oneOfAt(d.kind, RISK_KINDS, 'kind');
      textAt(d.description, 'description');
      oneOfAt(d.severity, SEVERITIES, 'severity');
      return;
    case 'RiskResolved':
      idAt(d.riskId, 'riskId');
      textAt(d.resolution, 'resolution');
      return;
    case 'EvaluationRecorded':
      idAt(d.evaluationId, 'evaluationId');
      idAt(d.evaluatorId, 'evaluatorId');
      idAt(d.corrects, 'corrects', { optional: true });
      textAt(d.findings, 'findings');
      textAt(d.lessons, 'lessons');
      scoresAt(d.scores);
      return;
    case 'MidTermReviewRecorded':
      idAt(d.reviewId, 'reviewId');
      idAt(d.reviewerId, 'reviewerId');
      textAt(d.findings, 'findings');
      textAt(d.recommendations, 'recommendations');
      scoresAt(d.scores);
      return;
    case 'MeasurementVoided':
      idAt(d.indicatorId, 'indicatorId');
      dateAt(d.measuredOn, 'measuredOn');
      numberAt(d.value, 'value');
      correctionAt(d, 'voidedBy');
      return;
    case 'NeedsReprioritised':
      ids(d.needIds, 'needIds');
      correctionAt(d, 'reprioritisedBy');
      return;
    case 'PartyInvited':
      idAt(d.organisationId, 'organisationId');
      oneOfAt(d.role, ['donor', 'implementer', 'beneficiary'], 'role');
      idAt(d.invitedBy, 'invitedBy');
      return;
    case 'InvitationDeclined':
      idAt(d.organisationId, 'organisationId');
      oneOfAt(d.role, ['donor', 'implementer', 'beneficiary'], 'role');
      textAt(d.reason, 'reason');
      return;
    case 'InvitationWithdrawn':
      idAt(d.organisationId, 'organisationId');
      oneOfAt(d.role, ['donor', 'implementer', 'beneficiary'], 'role');
      correctionAt(d, 'withdrawnBy');
      return;
    case 'ClosureCorrected':
      correctionAt(d, 'correctedBy');
      closureAt(d);
      return;
    case 'PartnershipClosed':
      closureAt(d);
      return;
    case 'CommitmentAmended':
      idAt(d.flowId, 'flowId');
      moneyAt(d.amount, 'amount');
      dateAt(d.date, 'date');
      correctionAt(d, 'amendedBy');
      return;
    case 'CommitmentCancelled':
      idAt(d.flowId, 'flowId');
      correctionAt(d, 'cancelledBy');
      return;
    case 'FlowVoided':
      idAt(d.flowId, 'flowId');
      correctionAt(d, 'voidedBy');
      return;
    case 'FlowCorrected':
      idAt(d.flowId, 'flowId');
      dateAt(d.date, 'date');
      exchangeRateAt(d.exchangeRate, 'exchangeRate');
      correctionAt(d, 'correctedBy');
      return;
    case 'ActivityVoided':
      idAt(d.activityId, 'activityId');
      correctionAt(d, 'voidedBy');
      return;
    case 'MilestoneRescheduled':
      idAt(d.milestoneId, 'milestoneId');
      dateAt(d.dueDate, 'dueDate');
      correctionAt(d, 'rescheduledBy');
      return;
    case 'MilestoneCancelled':
      idAt(d.milestoneId, 'milestoneId');
      correctionAt(d, 'cancelledBy');
      return;
    case 'MilestoneValidationRetracted':
      idAt(d.milestoneId, 'milestoneId');
      oneOfAt(d.retracted, ['confirmation', 'dispute'], 'retracted');
      correctionAt(d, 'retractedBy');
      return;
    case 'IndicatorRevised':
      idAt(d.indicatorId, 'indicatorId');
      numberAt(d.baseline, 'baseline');
      numberAt(d.target, 'target');
      correctionAt(d, 'revisedBy');
      return;
    case 'PartnershipAmended':
      textAt(d.title, 'title');
      textAt(d.summary, 'summary');
      correctionAt(d, 'amendedBy');
      return;
    case 'PlannedDatesChanged':
      dateAt(d.plannedStart, 'plannedStart');
      dateAt(d.plannedEnd, 'plannedEnd', { optional: true });
      correctionAt(d, 'changedBy');
      return;
    case 'NeedWithdrawn':
      idAt(d.needId, 'needId');
      correctionAt(d, 'withdrawnBy');
      return;
    case 'NeedConfidentialityChanged':
      idAt(d.needId, 'needId');
      flagAt(d.confidential, 'confidential');
      correctionAt(d, 'changedBy');
      return;
    case 'BaselineCommitmentWithdrawn':
      oneOfAt(d.commitment, BASELINE_COMMITMENTS, 'commitment');
      correctionAt(d, 'withdrawnBy');
      return;
    case 'PartyLeft':
      idAt(d.organisationId, 'organisationId');
      oneOfAt(d.role, ['donor', 'implementer', 'beneficiary'], 'role');
      dateAt(d.effectiveDate, 'effectiveDate');
      textAt(d.reason, 'reason');
      return;
    case 'EvaluatorReplaced':
      idAt(d.previousId, 'previousId');
      idAt(d.organisationId, 'organisationId');
      correctionAt(d, 'replacedBy');
      return;
    case 'PartnershipCancelled':
      oneOfAt(d.phase, PHASES, 'phase');
      correctionAt(d, 'cancelledBy');
      return;
    case 'SectorsAllocated':
      sharesAt(d.sectors, 'sectors');
      idAt(d.allocatedBy, 'allocatedBy');
      return;
    case 'RecipientAreasSet':
      sharesAt(d.countries, 'countries');
      sharesAt(d.regions, 'regions');
      idAt(d.setBy, 'setBy');
      return;
    case 'BudgetPlanned':
      idAt(d.budgetId, 'budgetId');
      oneOfAt(d.kind, BUDGET_KINDS, 'kind');
      oneOfAt(d.status, BUDGET_STATUSES, 'status');
      periodAt(d);
      idAt(d.plannedBy, 'plannedBy');
      return;
    case 'DisbursementPlanned':
      idAt(d.plannedDisbursementId, 'plannedDisbursementId');
      idAt(d.providerId, 'providerId');
      idAt(d.receiverId, 'receiverId', { optional: true });
      periodAt(d);
      return;
    case 'DocumentLinked':
      idAt(d.documentId, 'documentId');
      textAt(d.title, 'title');
      textAt(d.url, 'url');
      oneOfAt(d.category, DOCUMENT_CATEGORIES, 'category');
      textAt(d.language, 'language');
      idAt(d.milestoneId, 'milestoneId', { optional: true });
      idAt(d.linkedBy, 'linkedBy');
      return;
    case 'BudgetVoided':
      idAt(d.budgetId, 'budgetId');
      correctionAt(d, 'voidedBy');
      return;
    case 'PlannedDisbursementVoided':
      idAt(d.plannedDisbursementId, 'plannedDisbursementId');
      correctionAt(d, 'voidedBy');
      return;
    case 'DocumentUnlinked':
      idAt(d.documentId, 'documentId');
      correctionAt(d, 'unlinkedBy');
      return;
    default: {
      const unknown: never = event;
      throw new Error(`No shape for event ${(unknown as { type: string }).type}`);
    }
  }
}
