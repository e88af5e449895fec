import type { ActivityView } from '../api/dossier-results';
import type {
  BaselineCommitment,
  BudgetPlanned,
  DisbursementPlanned,
  DocumentLinked,
  ExchangeRate,
  GenderMarker,
  Initiator,
  Level,
  NeedKind,
  PartnershipEvent,
  Phase,
  Principle,
  Role,
  Sdg,
  Share,
  Theme,
} from '@ccb/domain';

/** Where an event sits: what a read model may show about who recorded it and when. */
export interface EventEnvelope {
  readonly eventId: string;
  readonly revision: number;
  /** ISO 8601, from the event's metadata. */
  readonly recordedAt: string;
}

export type FlowKind = 'commitment' | 'disbursement' | 'refund' | 'in-kind' | 'expenditure';

export interface FlowView {
  readonly flowId: string;
  readonly kind: FlowKind;
  readonly providerId: string;
  /** Expenditure leaves the partnership: its receiver is a supplier, not an organisation. */
  readonly receiverId: string | null;
  readonly amountMinor: number;
  readonly currency: string;
  readonly date: string;
  readonly rate: ExchangeRate | null;
  readonly spentInCountry: string | null;
  readonly supplierLocal: boolean | null;
  readonly category: string | null;
  readonly voided: boolean;
}

export interface MilestoneView {
  readonly milestoneId: string;
  readonly title: string;
  readonly dueDate: string;
  readonly objectiveId: string | null;
  readonly status: 'planned' | 'achieved' | 'confirmed' | 'disputed';
  readonly achievedOn: string | null;
  /** When the beneficiary last confirmed or disputed it. */
  readonly validatedAt: string | null;
}

export type { ActivityView };

export interface IndicatorView {
  readonly indicatorId: string;
  readonly name: string;
  readonly unit: string;
  readonly baseline: number;
  readonly target: number;
  readonly baselineDate: string;
  readonly latestValue: number | null;
  readonly latestOn: string | null;
  readonly measurements: number;
  /** Every measurement standing (void ones removed), in recording order: what the latest is chosen from. */
  readonly readings: readonly { readonly measuredOn: string; readonly value: number }[];
}

/** Measurements may be recorded late: the latest is the one measured last (of one day, the one recorded last). */
function withReadings(indicator: IndicatorView, readings: IndicatorView['readings']): IndicatorView {
  let latest: IndicatorView['readings'][number] | null = null;
  for (const r of readings) if (latest === null || r.measuredOn >= latest.measuredOn) latest = r;
  return { ...indicator, readings, measurements: readings.length, latestValue: latest?.value ?? null, latestOn: latest?.measuredOn ?? null };
}

export interface PendingInvitation {
  readonly organisationId: string;
  readonly role: Exclude<Role, 'evaluator'>;
  readonly invitedBy: string;
  readonly invitedAt: string;
}

export interface EvaluationView {
  readonly evaluationId: string;
  readonly evaluatorId: string;
  readonly corrects: string | null;
  readonly recordedAt: string;
  readonly scores: readonly { readonly principle: Principle; readonly score: number; readonly evidence: string; readonly eventIds: readonly string[] }[];
}

/**
 * What the read models know of one partnership, folded from its events. Needs, plans and findings
 * keep their ids, kinds and links but never their text: a confidential needs assessment cannot leak
 * from a table that never held it.
 */
export type BudgetView = BudgetPlanned['data'] & { readonly voided: boolean };
export type PlannedDisbursementView = DisbursementPlanned['data'] & { readonly voided: boolean };
export type DocumentView = Omit<DocumentLinked['data'], 'linkedBy'> & { readonly unlinked: boolean };

export interface PartnershipView {
  readonly partnershipId: string;
  readonly revision: number;
  readonly title: string;
  readonly summary: string;
  readonly beneficiaryCountry: string;
  readonly initiatedBy: Initiator;
  /** Who proposed it, as recorded (demand origin is read from this, not from `initiatedBy`). */
  readonly proposerRole: Role;
  readonly themes: readonly Theme[];
  readonly levels: readonly Level[];
  readonly sdgs: readonly Sdg[];
  readonly genderMarker: GenderMarker;
  readonly plannedStart: string;
  readonly plannedEnd: string | null;
  readonly phase: Phase;
  readonly suspended: boolean;
  readonly proposedAt: string;
  readonly lastEventAt: string;
  readonly parties: readonly { readonly organisationId: string; readonly role: Role; readonly since: string }[];
  /** Invitations not yet answered: the invitee is no party until it accepts. */
  readonly invitations: readonly PendingInvitation[];
  readonly needs: readonly { readonly needId: string; readonly kind: NeedKind; readonly statedBy: string; readonly confidential: boolean }[];
  readonly languages: readonly string[];
  readonly firstPlanAt: string | null;
  readonly plan: { readonly version: number; readonly objectives: readonly { readonly objectiveId: string; readonly needIds: readonly string[] }[] } | null;
  /** Endorsements of the current plan version. */
  readonly endorsements: readonly { readonly organisationId: string; readonly role: Role; readonly at: string }[];
  readonly deliveryStartedAt: string | null;
  /** When the beneficiary endorsed the plan version delivery started under. */
  readonly beneficiaryEndorsedAt: string | null;
  readonly baselineCommitments: readonly BaselineCommitment[];
  readonly flows: readonly FlowView[];
  readonly milestones: readonly MilestoneView[];
  readonly activities: readonly ActivityView[];
  readonly indicators: readonly IndicatorView[];
  readonly risks: readonly { readonly riskId: string; readonly kind: 'risk' | 'issue'; readonly severity: 'low' | 'medium' | 'high'; readonly open: boolean }[];
  readonly evaluations: readonly EvaluationView[];
  /** DAC sectors as allocated; null: the default its themes give (docs/iati.md). */
  readonly sectors: readonly Share[] | null;
  /** Countries and regions with shares; null: the beneficiary country, whole. */
  readonly recipientAreas: { readonly countries: readonly Share[]; readonly regions: readonly Share[] } | null;
  readonly budgets: readonly BudgetView[];
  readonly plannedDisbursements: readonly PlannedDisbursementView[];
  readonly documents: readonly DocumentView[];
  readonly closure: {
    readonly outcome: 'achieved' | 'partially-achieved' | 'not-achieved';
    readonly closedAt: string;
    readonly handoverDone: boolean;
    readonly handoverInstitutionId: string | null;
    readonly handoverDate: string | null;
  } | null;
}

function replace<T>(items: readonly T[], matches: (item: T) => boolean, change: (item: T) => T): readonly T[] {
  return items.map((item) => (matches(item) ? change(item) : item));
}

function union<T>(items: readonly T[], more: readonly T[]): readonly T[] {
  return [...items, ...more.filter((item) => !items.includes(item))];
}

function startView(event: Extract<PartnershipEvent, { type: 'PartnershipProposed' }>, at: EventEnvelope): PartnershipView {
  const d = event.data;
  return {
    partnershipId: d.partnershipId,
    revision: at.revision,
    title: d.title,
    summary: d.summary,
    beneficiaryCountry: d.beneficiaryCountry,
    initiatedBy: d.initiatedBy,
    proposerRole: d.proposerRole,
    themes: d.themes,
    levels: d.levels,
    sdgs: d.sdgs,
    genderMarker: d.genderMarker,
    plannedStart: d.plannedStart,
    plannedEnd: d.plannedEnd,
    phase: 'scoping',
    suspended: false,
    proposedAt: at.recordedAt,
    lastEventAt: at.recordedAt,
    parties: [{ organisationId: d.proposerId, role: d.proposerRole, since: at.recordedAt }],
    invitations: [],
    needs: [],
    languages: [],
    firstPlanAt: null,
    plan: null,
    endorsements: [],
    deliveryStartedAt: null,
    beneficiaryEndorsedAt: null,
    baselineCommitments: [],
    flows: [],
    milestones: [],
    activities: [],
    indicators: [],
    risks: [],
    evaluations: [],
    sectors: null,
    recipientAreas: null,
    budgets: [],
    plannedDisbursements: [],
    documents: [],
    closure: null,
  };
}

/** The read side's own fold. A view is null until the partnership is proposed. */
export function evolveView(view: PartnershipView | null, event: PartnershipEvent, at: EventEnvelope): PartnershipView | null {
  if (event.type === 'PartnershipProposed') return startView(event, at);
  if (view === null) return null;
  const next = applyToView(view, event, at);
  return { ...next, revision: at.revision, lastEventAt: at.recordedAt };
}

function flow(
  kind: FlowKind,
  d: { flowId: string; providerId: string; receiverId: string; amount: { amountMinor: number; currency: string }; date: string; exchangeRate: ExchangeRate | null },
): FlowView {
  return {
    flowId: d.flowId,
    kind,
    providerId: d.providerId,
    receiverId: d.receiverId,
    amountMinor: d.amount.amountMinor,
    currency: d.amount.currency,
    date: d.date,
    rate: d.exchangeRate,
    spentInCountry: null,
    supplierLocal: null,
    category: null,
    voided: false,
  };
}

function activityOf(d: Extract<PartnershipEvent, { type: 'ActivityDelivered' }>['data']): ActivityView {
  return {
    activityId: d.activityId,
    type: d.type,
    title: d.title,
    themes: d.themes,
    level: d.level,
    startDate: d.startDate,
    endDate: d.endDate,
    languages: d.languages,
    women: d.participants.women,
    men: d.participants.men,
    undisclosed: d.participants.undisclosed,
    participantHours: d.participantHours,
    localTrainers: d.trainers.local,
    foreignTrainers: d.trainers.foreign,
    localTrainersProduced: d.localTrainersProduced,
    objectiveId: d.objectiveId,
    needIds: d.needIds,
    continuesAfterFunding: d.continuesAfterFunding,
  };
}

function applyToView(view: PartnershipView, event: PartnershipEvent, at: EventEnvelope): PartnershipView {
  switch (event.type) {
    case 'PartnershipProposed':
      return view;
    case 'PartyJoined': {
      const { organisationId, role } = event.data;
      const invitations = view.invitations.filter((i) => !(i.organisationId === organisationId && i.role === role));
      if (view.parties.some((p) => p.organisationId === organisationId && p.role === role)) return { ...view, invitations };
      return { ...view, invitations, parties: [...view.parties, { organisationId, role, since: at.recordedAt }] };
    }
    case 'PartyInvited': {
      const { organisationId, role, invitedBy } = event.data;
      return { ...view, invitations: [...view.invitations, { organisationId, role, invitedBy, invitedAt: at.recordedAt }] };
    }
    case 'InvitationDeclined':
    case 'InvitationWithdrawn': {
      const { organisationId, role } = event.data;
      return { ...view, invitations: view.invitations.filter((i) => !(i.organisationId === organisationId && i.role === role)) };
    }
    case 'EvaluatorAppointed': {
      const { organisationId } = event.data;
      if (view.parties.some((p) => p.organisationId === organisationId && p.role === 'evaluator')) return view;
      return { ...view, parties: [...view.parties, { organisationId, role: 'evaluator', since: at.recordedAt }] };
    }
    case 'NeedStated':
      return {
        ...view,
        needs: [...view.needs, { needId: event.data.needId, kind: event.data.kind, statedBy: event.data.statedBy, confidential: event.data.confidential }],
      };
    case 'LanguagesStated':
      return { ...view, languages: event.data.languages };
    case 'PlanVersionProposed':
      return {
        ...view,
        firstPlanAt: view.firstPlanAt ?? at.recordedAt,
        plan: { version: event.data.version, objectives: event.data.objectives.map((o) => ({ objectiveId: o.objectiveId, needIds: o.needIds })) },
        endorsements: [],
      };
    case 'PlanEndorsed':
      if (view.plan?.version !== event.data.version) return view;
      return { ...view, endorsements: [...view.endorsements, { organisationId: event.data.organisationId, role: event.data.role, at: at.recordedAt }] };
    case 'BaselineCommitmentRecorded':
      return { ...view, baselineCommitments: union(view.baselineCommitments, [event.data.commitment]) };
    case 'PartnershipTagged':
      return { ...view, themes: event.data.themes, levels: event.data.levels, sdgs: event.data.sdgs, genderMarker: event.data.genderMarker };
    case 'PhaseAdvanced': {
      if (event.data.to !== 'delivery' || view.deliveryStartedAt !== null) return { ...view, phase: event.data.to };
      const beneficiary = view.endorsements.find((e) => e.role === 'beneficiary');
      return { ...view, phase: event.data.to, deliveryStartedAt: at.recordedAt, beneficiaryEndorsedAt: beneficiary?.at ?? null };
    }
    case 'PartnershipSuspended':
      return { ...view, suspended: true };
    case 'PartnershipResumed':
      return { ...view, suspended: false };
    case 'FundingCommitted':
      return { ...view, flows: [...view.flows, flow('commitment', event.data)] };
    case 'FundsDisbursed':
      return { ...view, flows: [...view.flows, flow('disbursement', event.data)] };
    case 'RefundRecorded':
      return { ...view, flows: [...view.flows, flow('refund', event.data)] };
    case 'InKindContributionRecorded':
      return { ...view, flows: [...view.flows, flow('in-kind', event.data)] };
    case 'ExpenditureRecorded': {
      const d = event.data;
      return {
        ...view,
        flows: [
          ...view.flows,
          {
            flowId: d.flowId,
            kind: 'expenditure',
            providerId: d.spenderId,
            receiverId: null,
            amountMinor: d.amount.amountMinor,
            currency: d.amount.currency,
            date: d.date,
            rate: d.exchangeRate,
            spentInCountry: d.spentInCountry,
            supplierLocal: d.supplier.local,
            category: d.category,
            voided: false,
          },
        ],
      };
    }
    case 'ExpenditureVoided':
    case 'CommitmentCancelled':
    case 'FlowVoided':
      return {
        ...view,
        flows: replace(
          view.flows,
          (f) => f.flowId === event.data.flowId,
          (f) => ({ ...f, voided: true }),
        ),
      };
    case 'CommitmentAmended':
      return {
        ...view,
        flows: replace(
          view.flows,
          (f) => f.flowId === event.data.flowId,
          (f) => ({ ...f, amountMinor: event.data.amount.amountMinor, date: event.data.date }),
        ),
      };
    case 'FlowCorrected':
      return {
        ...view,
        flows: replace(
          view.flows,
          (f) => f.flowId === event.data.flowId,
          (f) => ({ ...f, date: event.data.date, rate: event.data.exchangeRate }),
        ),
      };
    case 'PartnershipAmended':
      return { ...view, title: event.data.title, summary: event.data.summary };
    case 'NeedWithdrawn':
      return { ...view, needs: view.needs.filter((n) => n.needId !== event.data.needId) };
    case 'NeedConfidentialityChanged':
      return {
        ...view,
        needs: replace(
          view.needs,
          (n) => n.needId === event.data.needId,
          (n) => ({ ...n, confidential: event.data.confidential }),
        ),
      };
    case 'BaselineCommitmentWithdrawn':
      return { ...view, baselineCommitments: view.baselineCommitments.filter((c) => c !== event.data.commitment) };
    case 'PartyLeft':
      return { ...view, parties: view.parties.filter((p) => !(p.organisationId === event.data.organisationId && p.role === event.data.role)) };
    case 'EvaluatorReplaced':
      return {
        ...view,
        parties: [
          ...view.parties.filter((p) => !(p.organisationId === event.data.previousId && p.role === 'evaluator')),
          { organisationId: event.data.organisationId, role: 'evaluator', since: at.recordedAt },
        ],
      };
    case 'PartnershipCancelled':
      return { ...view, phase: 'cancelled', suspended: false };
    case 'ClosureCorrected': {
      const h = event.data.handover;
      if (!view.closure) return view;
      return { ...view, closure: { ...view.closure, outcome: event.data.outcome, handoverDone: h.done, handoverInstitutionId: h.institutionId, handoverDate: h.date } };
    }
    case 'PlannedDatesChanged':
      return { ...view, plannedStart: event.data.plannedStart, plannedEnd: event.data.plannedEnd };
    case 'MilestoneRescheduled':
      return {
        ...view,
        milestones: replace(
          view.milestones,
          (m) => m.milestoneId === event.data.milestoneId,
          (m) => ({ ...m, dueDate: event.data.dueDate }),
        ),
      };
    // A cancelled milestone or a void activity counts nowhere: it leaves the view (the history keeps it).
    case 'MilestoneCancelled':
      return { ...view, milestones: view.milestones.filter((m) => m.milestoneId !== event.data.milestoneId) };
    case 'MilestoneValidationRetracted':
      return {
        ...view,
        milestones: replace(
          view.milestones,
          (m) => m.milestoneId === event.data.milestoneId,
          (m) => ({ ...m, status: 'achieved', validatedAt: null }),
        ),
      };
    case 'ActivityVoided':
      return { ...view, activities: view.activities.filter((a) => a.activityId !== event.data.activityId) };
    case 'ActivityCorrected':
      return {
        ...view,
        activities: replace(
          view.activities,
          (a) => a.activityId === event.data.activityId,
          () => activityOf(event.data),
        ),
      };
    case 'IndicatorRevised':
      return {
        ...view,
        indicators: replace(
          view.indicators,
          (i) => i.indicatorId === event.data.indicatorId,
          (i) => ({ ...i, baseline: event.data.baseline, target: event.data.target }),
        ),
      };
    case 'MilestonePlanned': {
      const d = event.data;
      return {
        ...view,
        milestones: [
          ...view.milestones,
          { milestoneId: d.milestoneId, title: d.title, dueDate: d.dueDate, objectiveId: d.objectiveId, status: 'planned', achievedOn: null, validatedAt: null },
        ],
      };
    }
    case 'MilestoneAchieved':
      return {
        ...view,
        milestones: replace(
          view.milestones,
          (m) => m.milestoneId === event.data.milestoneId,
          (m) => ({ ...m, status: 'achieved', achievedOn: event.data.achievedOn, validatedAt: null }),
        ),
      };
    case 'MilestoneConfirmed':
    case 'MilestoneDisputed': {
      const status = event.type === 'MilestoneConfirmed' ? 'confirmed' : 'disputed';
      return {
        ...view,
        milestones: replace(
          view.milestones,
          (m) => m.milestoneId === event.data.milestoneId,
          (m) => ({ ...m, status, validatedAt: at.recordedAt }),
        ),
      };
    }
    case 'ActivityDelivered':
      return { ...view, activities: [...view.activities, activityOf(event.data)] };
    case 'IndicatorDefined': {
      const d = event.data;
      return {
        ...view,
        indicators: [
          ...view.indicators,
          {
            indicatorId: d.indicatorId,
            name: d.name,
            unit: d.unit,
            baseline: d.baseline,
            target: d.target,
            baselineDate: d.baselineDate,
            latestValue: null,
            latestOn: null,
            measurements: 0,
            readings: [],
          },
        ],
      };
    }
    case 'IndicatorMeasured': {
      const d = event.data;
      return {
        ...view,
        indicators: replace(
          view.indicators,
          (i) => i.indicatorId === d.indicatorId,
          (i) => withReadings(i, [...i.readings, { measuredOn: d.measuredOn, value: d.value }]),
        ),
      };
    }
    case 'MeasurementVoided': {
      const d = event.data;
      return {
        ...view,
        indicators: replace(
          view.indicators,
          (i) => i.indicatorId === d.indicatorId,
          (i) => {
            const at = i.readings.map((r) => r.measuredOn === d.measuredOn && r.value === d.value).lastIndexOf(true);
            return at < 0
              ? i
              : withReadings(
                  i,
                  i.readings.filter((_, k) => k !== at),
                );
          },
        ),
      };
    }
    case 'NeedsReprioritised':
    case 'MidTermReviewRecorded':
      // Priorities and review text live in the dossier, read by the parties only.
      return view;
    case 'SectorsAllocated':
      return { ...view, sectors: event.data.sectors };
    case 'RecipientAreasSet':
      return { ...view, recipientAreas: { countries: event.data.countries, regions: event.data.regions } };
    case 'BudgetPlanned':
      return { ...view, budgets: [...view.budgets, { ...event.data, voided: false }] };
    case 'BudgetVoided':
      return {
        ...view,
        budgets: replace(
          view.budgets,
          (b) => b.budgetId === event.data.budgetId,
          (b) => ({ ...b, voided: true }),
        ),
      };
    case 'DisbursementPlanned':
      return { ...view, plannedDisbursements: [...view.plannedDisbursements, { ...event.data, voided: false }] };
    case 'PlannedDisbursementVoided':
      return {
        ...view,
        plannedDisbursements: replace(
          view.plannedDisbursements,
          (p) => p.plannedDisbursementId === event.data.plannedDisbursementId,
          (p) => ({ ...p, voided: true }),
        ),
      };
    case 'DocumentLinked': {
      const { linkedBy: _by, ...document } = event.data;
      return { ...view, documents: [...view.documents, { ...document, unlinked: false }] };
    }
    case 'DocumentUnlinked':
      return {
        ...view,
        documents: replace(
          view.documents,
          (d) => d.documentId === event.data.documentId,
          (d) => ({ ...d, unlinked: true }),
        ),
      };
    case 'RiskRaised':
      return { ...view, risks: [...view.risks, { riskId: event.data.riskId, kind: event.data.kind, severity: event.data.severity, open: true }] };
    case 'RiskResolved':
      return {
        ...view,
        risks: replace(
          view.risks,
          (r) => r.riskId === event.data.riskId,
          (r) => ({ ...r, open: false }),
        ),
      };
    case 'EvaluationRecorded': {
      const d = event.data;
      return {
        ...view,
        evaluations: [
          ...view.evaluations,
          {
            evaluationId: d.evaluationId,
            evaluatorId: d.evaluatorId,
            corrects: d.corrects,
            recordedAt: at.recordedAt,
            scores: d.scores.map((s) => ({ principle: s.principle, score: s.score, evidence: s.evidence, eventIds: s.eventIds })),
          },
        ],
      };
    }
    case 'PartnershipClosed': {
      const h = event.data.handover;
      return {
        ...view,
        phase: 'closed',
        suspended: false,
        closure: { outcome: event.data.outcome, closedAt: at.recordedAt, handoverDone: h.done, handoverInstitutionId: h.institutionId, handoverDate: h.date },
      };
    }
  }
}

/** Evaluations still in force: one that a later evaluation corrects is replaced by it. */
export function currentEvaluations(view: PartnershipView): readonly EvaluationView[] {
  const corrected = new Set(view.evaluations.map((e) => e.corrects).filter((id): id is string => id !== null));
  return view.evaluations.filter((e) => !corrected.has(e.evaluationId));
}

export function partiesWithRole(view: PartnershipView, role: Role): readonly string[] {
  return view.parties.filter((p) => p.role === role).map((p) => p.organisationId);
}
