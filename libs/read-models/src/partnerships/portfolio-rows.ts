import type { PartnershipEvent } from '@ccb/domain';
import {
  ACTIVITY_COLUMNS,
  ACTIVITY_THEME_COLUMNS,
  FLOW_COLUMNS,
  INDICATOR_COLUMNS,
  MILESTONE_COLUMNS,
  ORGANISATION_COLUMNS,
  PARTNERSHIP_COLUMNS,
  PARTY_COLUMNS,
  SCORE_COLUMNS,
  type RowOf,
} from '../storage/columns';
import { localOwnership, programmeCurrency } from '../local-ownership/local-ownership';
import { convertMinor } from '../funding/currency-conversion';
import type { RateTable } from '../funding/rate-table';
import type { OrganisationInfo, OrganisationLookup } from '../organisations/organisation-directory';
import { cooperationModality } from './cooperation-modality';
import { currentEvaluations, partiesWithRole, type PartnershipView } from '../view/partnership-view';
import { sectorShares } from '@ccb/domain';

/** Rows exactly as stored, typed by their declarations in storage/columns.ts. */
export type PartnershipRow = RowOf<typeof PARTNERSHIP_COLUMNS>;

export type PartyRow = RowOf<typeof PARTY_COLUMNS>;

export type FlowRow = RowOf<typeof FLOW_COLUMNS>;

export type ActivityRow = RowOf<typeof ACTIVITY_COLUMNS>;
export type ActivityThemeRow = RowOf<typeof ACTIVITY_THEME_COLUMNS>;

export type MilestoneRow = RowOf<typeof MILESTONE_COLUMNS>;

export type IndicatorRow = RowOf<typeof INDICATOR_COLUMNS>;

export type ScoreRow = RowOf<typeof SCORE_COLUMNS>;

export type OrganisationRow = RowOf<typeof ORGANISATION_COLUMNS>;

/** The day a partnership's classification is read at: its last recorded event (for a closed one, its closure). */
export function referenceDate(view: PartnershipView): string {
  return view.lastEventAt.slice(0, 10);
}

export function partnershipRow(view: PartnershipView, organisations: OrganisationLookup, rates: RateTable): PartnershipRow {
  const lo = localOwnership(view, organisations, rates);
  const beneficiaryIds = partiesWithRole(view, 'beneficiary');
  // Who the parties were when the partnership last moved: a later reclassification does not reach back.
  const asTheyWere = (organisationId: string) => organisations(organisationId, referenceDate(view));
  const delivered = view.milestones.filter((m) => m.status !== 'planned');
  return {
    partnership_id: view.partnershipId,
    revision: view.revision,
    title: view.title,
    summary: view.summary,
    beneficiary_country: view.beneficiaryCountry,
    beneficiary_region: beneficiaryIds.map(asTheyWere).find((o) => o !== undefined)?.region ?? null,
    modality: cooperationModality(view, asTheyWere),
    initiated_by: view.initiatedBy,
    themes: [...view.themes],
    levels: [...view.levels],
    sdgs: [...view.sdgs],
    gender_marker: view.genderMarker,
    languages: [...view.languages],
    planned_start: view.plannedStart,
    planned_end: view.plannedEnd,
    phase: view.phase,
    suspended: view.suspended,
    proposed_at: view.proposedAt,
    last_event_at: view.lastEventAt,
    delivery_started_at: view.deliveryStartedAt,
    closed_at: view.closure?.closedAt ?? null,
    outcome: view.closure?.outcome ?? null,
    donor_ids: [...partiesWithRole(view, 'donor')],
    implementer_ids: [...partiesWithRole(view, 'implementer')],
    beneficiary_ids: [...beneficiaryIds],
    evaluator_ids: [...partiesWithRole(view, 'evaluator')],
    programme_currency: programmeCurrency(view),
    milestones_planned: view.milestones.length,
    milestones_delivered: delivered.length,
    milestones_confirmed: delivered.filter((m) => m.status === 'confirmed').length,
    milestones_disputed: delivered.filter((m) => m.status === 'disputed').length,
    activities: view.activities.length,
    participants_women: view.activities.reduce((s, a) => s + a.women, 0),
    participants_men: view.activities.reduce((s, a) => s + a.men, 0),
    participants_undisclosed: view.activities.reduce((s, a) => s + a.undisclosed, 0),
    participant_hours: view.activities.reduce((s, a) => s + a.participantHours, 0),
    open_risks: view.risks.filter((r) => r.open).length,
    lo_demand_origin: lo.demandOrigin,
    lo_co_design_endorsed: lo.coDesignEndorsed,
    lo_days_to_endorsement: lo.daysToEndorsement,
    lo_alignment: lo.alignment,
    lo_language: lo.language,
    lo_local_spend: lo.localSpend,
    lo_beneficiary_managed: lo.beneficiaryManaged,
    lo_local_trainers: lo.localTrainers,
    lo_local_trainers_produced: lo.localTrainersProduced,
    lo_validation: lo.validation,
    lo_open_disputes: lo.openDisputes,
    lo_handover: lo.handover,
    lo_continuing_activities: lo.continuingActivities,
    lo_sustainability: lo.sustainability,
    lo_index: lo.index,
    lo_coverage: lo.coverage,
    lo_components: lo.components,
    lo_local_spend_basis: lo.localSpendBasis,
    lo_local_spend_coverage: lo.localSpendCoverage,
    lo_local_spend_by_currency: lo.localSpendByCurrency,
    lo_pending_validation: lo.pendingValidation,
    invitations: view.invitations,
    sector_codes: (view.sectors ?? sectorShares(view.themes)).map((x) => x.code),
  };
}

export function partyRows(view: PartnershipView): PartyRow[] {
  return view.parties.map((p) => ({ partnership_id: view.partnershipId, organisation_id: p.organisationId, role: p.role, since: p.since }));
}

export function flowRow(view: PartnershipView, flowId: string): FlowRow | null {
  const f = view.flows.find((candidate) => candidate.flowId === flowId);
  if (!f) return null;
  return {
    partnership_id: view.partnershipId,
    flow_id: f.flowId,
    kind: f.kind,
    provider_id: f.providerId,
    receiver_id: f.receiverId,
    amount_minor: f.amountMinor,
    currency: f.currency,
    date: f.date,
    year: Number(f.date.slice(0, 4)),
    rate_currency: f.rate?.toCurrency ?? null,
    rate: f.rate?.rate ?? null,
    converted_minor: f.rate ? convertMinor(f.amountMinor, f.currency, f.rate) : null,
    spent_in_country: f.spentInCountry,
    supplier_local: f.supplierLocal,
    category: f.category,
    voided: f.voided,
  };
}

/** The partnership's activities added up per theme: an activity on two themes counts on each, as the inclusion figures count it. */
export function activityThemeRows(view: PartnershipView): ActivityThemeRow[] {
  const byTheme = new Map<string, ActivityThemeRow>();
  for (const a of view.activities) {
    for (const theme of new Set(a.themes)) {
      const row = byTheme.get(theme) ?? { partnership_id: view.partnershipId, theme, activities: 0, women: 0, men: 0, undisclosed: 0, participant_hours: 0 };
      byTheme.set(theme, {
        ...row,
        activities: row.activities + 1,
        women: row.women + a.women,
        men: row.men + a.men,
        undisclosed: row.undisclosed + a.undisclosed,
        participant_hours: row.participant_hours + a.participantHours,
      });
    }
  }
  return [...byTheme.values()].sort((x, y) => x.theme.localeCompare(y.theme));
}

export function activityRow(view: PartnershipView, activityId: string): ActivityRow | null {
  const a = view.activities.find((candidate) => candidate.activityId === activityId);
  if (!a) return null;
  return {
    partnership_id: view.partnershipId,
    activity_id: a.activityId,
    type: a.type,
    title: a.title,
    themes: [...a.themes],
    level: a.level,
    start_date: a.startDate,
    end_date: a.endDate,
    languages: [...a.languages],
    women: a.women,
    men: a.men,
    undisclosed: a.undisclosed,
    participant_hours: a.participantHours,
    local_trainers: a.localTrainers,
    foreign_trainers: a.foreignTrainers,
    local_trainers_produced: a.localTrainersProduced,
    objective_id: a.objectiveId,
    linked_need_ids: [...a.needIds],
    continues_after_funding: a.continuesAfterFunding,
  };
}

export function milestoneRow(view: PartnershipView, milestoneId: string): MilestoneRow | null {
  const m = view.milestones.find((candidate) => candidate.milestoneId === milestoneId);
  if (!m) return null;
  return {
    partnership_id: view.partnershipId,
    milestone_id: m.milestoneId,
    title: m.title,
    due_date: m.dueDate,
    objective_id: m.objectiveId,
    status: m.status,
    achieved_on: m.achievedOn,
    validated_at: m.validatedAt,
  };
}

export function indicatorRow(view: PartnershipView, indicatorId: string): IndicatorRow | null {
  const i = view.indicators.find((candidate) => candidate.indicatorId === indicatorId);
  if (!i) return null;
  const span = i.target - i.baseline;
  return {
    partnership_id: view.partnershipId,
    indicator_id: i.indicatorId,
    name: i.name,
    unit: i.unit,
    baseline: i.baseline,
    target: i.target,
    baseline_date: i.baselineDate,
    latest_value: i.latestValue,
    latest_on: i.latestOn,
    measurements: i.measurements,
    progress: i.latestValue === null || span === 0 ? null : Math.round(((i.latestValue - i.baseline) / span) * 10_000) / 10_000,
  };
}

/** The scores of one evaluation, or none once a later evaluation corrected it. */
export function scoreRows(view: PartnershipView, evaluationId: string): ScoreRow[] {
  const evaluation = currentEvaluations(view).find((e) => e.evaluationId === evaluationId);
  if (!evaluation) return [];
  return evaluation.scores.map((s) => ({
    partnership_id: view.partnershipId,
    evaluation_id: evaluation.evaluationId,
    principle: s.principle,
    evaluator_id: evaluation.evaluatorId,
    score: s.score,
    evidence: s.evidence,
    event_ids: [...s.eventIds],
    recorded_at: evaluation.recordedAt,
  }));
}

export function organisationRow(info: OrganisationInfo): OrganisationRow {
  return {
    organisation_id: info.organisationId,
    name: info.name,
    kind: info.kind,
    country: info.country,
    region: info.region,
    development_status: info.developmentStatus,
    contacts: info.contacts,
    registered_at: info.registeredAt,
    profile_periods: info.periods,
    iati_org_id: info.iati?.orgId ?? null,
    iati_org_type: info.iati?.orgType ?? null,
  };
}

export type RowKey =
  | { readonly table: 'parties' }
  | { readonly table: 'funding' }
  | { readonly table: 'flows'; readonly id: string }
  | { readonly table: 'activities'; readonly id: string }
  | { readonly table: 'milestones'; readonly id: string }
  | { readonly table: 'indicators'; readonly id: string }
  | { readonly table: 'scores'; readonly id: string };

/** Which rows besides the partnership's own an event can change: only those are written again. */
export function rowsTouchedBy(event: PartnershipEvent): RowKey[] {
  switch (event.type) {
    case 'PartnershipProposed':
    case 'PartyJoined':
    case 'EvaluatorAppointed':
    case 'PartyLeft':
    case 'EvaluatorReplaced':
      return [{ table: 'parties' }];
    case 'FundingCommitted':
    case 'FundsDisbursed':
    case 'RefundRecorded':
    case 'InKindContributionRecorded':
    case 'ExpenditureRecorded':
    case 'ExpenditureVoided':
    case 'CommitmentAmended':
    case 'CommitmentCancelled':
    case 'FlowVoided':
    case 'FlowCorrected':
      return [{ table: 'flows', id: event.data.flowId }, { table: 'funding' }];
    case 'MilestonePlanned':
    case 'MilestoneAchieved':
    case 'MilestoneConfirmed':
    case 'MilestoneDisputed':
    case 'MilestoneRescheduled':
    case 'MilestoneCancelled':
    case 'MilestoneValidationRetracted':
      return [{ table: 'milestones', id: event.data.milestoneId }];
    case 'ActivityDelivered':
    case 'ActivityCorrected':
    case 'ActivityVoided':
      return [{ table: 'activities', id: event.data.activityId }];
    case 'IndicatorDefined':
    case 'IndicatorMeasured':
    case 'IndicatorRevised':
    case 'MeasurementVoided':
      return [{ table: 'indicators', id: event.data.indicatorId }];
    case 'EvaluationRecorded':
      return event.data.corrects === null
        ? [{ table: 'scores', id: event.data.evaluationId }]
        : [
            { table: 'scores', id: event.data.evaluationId },
            { table: 'scores', id: event.data.corrects },
          ];
    case 'BaselineCommitmentRecorded':
    case 'BaselineCommitmentWithdrawn':
    case 'ClosureCorrected':
    case 'InvitationDeclined':
    case 'InvitationWithdrawn':
    case 'LanguagesStated':
    case 'MidTermReviewRecorded':
    case 'NeedConfidentialityChanged':
    case 'NeedStated':
    case 'NeedWithdrawn':
    case 'NeedsReprioritised':
    case 'PartnershipAmended':
    case 'PartnershipCancelled':
    case 'PartnershipClosed':
    case 'PartnershipResumed':
    case 'PartnershipSuspended':
    case 'PartnershipTagged':
    case 'PartyInvited':
    case 'PhaseAdvanced':
    case 'PlanEndorsed':
    case 'PlanVersionProposed':
    case 'PlannedDatesChanged':
    case 'RiskRaised':
    case 'RiskResolved':
    case 'SectorsAllocated':
    case 'RecipientAreasSet':
    case 'BudgetPlanned':
    case 'BudgetVoided':
    case 'DisbursementPlanned':
    case 'PlannedDisbursementVoided':
    case 'DocumentLinked':
    case 'DocumentUnlinked':
      // Only the partnership's own row (written for every event) changes.
      return [];
    default: {
      // A new event fails to compile here until it says which rows it changes.
      const unhandled: never = event;
      throw new Error(`rowsTouchedBy: unknown event ${(unhandled as { type: string }).type}`);
    }
  }
}
