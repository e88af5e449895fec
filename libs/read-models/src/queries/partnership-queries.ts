import { orderBy, paged, selectRows, Where, type Page, type PageRequest, type ReadModelContext } from './query-kit';
import { ACTIVITY_COLUMNS, c, INDICATOR_COLUMNS, MILESTONE_COLUMNS, nullable, PARTNERSHIP_COLUMNS, PARTY_COLUMNS, readRow } from '../storage/columns';
import { visibleTo, type Viewer } from './viewer';
import type { PendingInvitation } from '../view/partnership-view';
import type { PartnershipDetail, PartnershipSummary, PendingInvitationItem } from '../api/partnership-results';

export type { PartnershipDetail, PartnershipSummary, PendingInvitationItem };

export interface PartnershipFilter extends PageRequest {
  readonly phase?: string;
  readonly country?: string;
  readonly region?: string;
  readonly theme?: string;
  readonly level?: string;
  readonly modality?: string;
  /** Any role. */
  readonly organisationId?: string;
  readonly donorId?: string;
  readonly q?: string;
  readonly sort?: string;
}

export const PARTNERSHIP_SORTS = {
  title: 'p.title',
  phase: 'p.phase',
  country: 'p.beneficiary_country',
  proposedAt: 'p.proposed_at',
  lastEventAt: 'p.last_event_at',
  localOwnershipIndex: 'p.lo_index',
} as const;

/** The filter's conditions on the partnerships table, always within what the viewer may see. */
export function partnershipFilter(ctx: ReadModelContext, viewer: Viewer, filter: PartnershipFilter, alias = 'p'): Where {
  return visibleTo(new Where(), ctx, viewer, `${alias}.partnership_id`)
    .when(filter.phase, `${alias}.phase = ?`, filter.phase)
    .when(filter.country, `${alias}.beneficiary_country = ?`, filter.country)
    .when(filter.region, `${alias}.beneficiary_region = ?`, filter.region)
    .when(filter.theme, `${alias}.themes @> ARRAY[?]::text[]`, filter.theme)
    .when(filter.level, `${alias}.levels @> ARRAY[?]::text[]`, filter.level)
    .when(filter.modality, `${alias}.modality = ?`, filter.modality)
    .when(filter.donorId, `${alias}.donor_ids @> ARRAY[?]::text[]`, filter.donorId)
    .when(
      filter.organisationId,
      `(${alias}.donor_ids || ${alias}.implementer_ids || ${alias}.beneficiary_ids || ${alias}.evaluator_ids) @> ARRAY[?]::text[]`,
      filter.organisationId,
    )
    .when(filter.q, `${alias}.title ILIKE ?`, `%${(filter.q ?? '').replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
}

export function toSummary(raw: Record<string, unknown>): PartnershipSummary {
  const r = readRow(PARTNERSHIP_COLUMNS, raw);
  return {
    partnershipId: r.partnership_id,
    title: r.title,
    summary: r.summary,
    beneficiaryCountry: r.beneficiary_country,
    beneficiaryRegion: r.beneficiary_region,
    modality: r.modality,
    initiatedBy: r.initiated_by,
    themes: r.themes,
    levels: r.levels,
    sdgs: r.sdgs,
    genderMarker: r.gender_marker,
    phase: r.phase,
    suspended: r.suspended,
    plannedStart: r.planned_start,
    plannedEnd: r.planned_end,
    donorIds: r.donor_ids,
    implementerIds: r.implementer_ids,
    beneficiaryIds: r.beneficiary_ids,
    evaluatorIds: r.evaluator_ids,
    localOwnershipIndex: r.lo_index,
    revision: r.revision,
    proposedAt: r.proposed_at,
    lastEventAt: r.last_event_at,
  };
}

export function listPartnerships(ctx: ReadModelContext, viewer: Viewer, filter: PartnershipFilter): Promise<Page<PartnershipSummary>> {
  const s = ctx.models.portfolio.schema;
  return paged(
    ctx,
    'p.*',
    `${s}.partnerships p`,
    partnershipFilter(ctx, viewer, filter),
    orderBy(filter.sort, PARTNERSHIP_SORTS, 'p.last_event_at DESC', 'p.partnership_id'),
    filter,
    toSummary,
  );
}

export async function getPartnership(ctx: ReadModelContext, partnershipId: string): Promise<PartnershipDetail | null> {
  const s = ctx.models.portfolio.schema;
  const [row] = await ctx.db.query<Record<string, unknown>[]>(`SELECT * FROM ${s}.partnerships WHERE partnership_id = $1`, [partnershipId]);
  if (!row) return null;
  const [parties, milestones, activities, indicators] = await Promise.all([
    ctx.db.query<Record<string, unknown>[]>(
      `SELECT pt.*, o.name, o.kind, o.country FROM ${s}.parties pt LEFT JOIN ${s}.organisations o USING (organisation_id)
        WHERE pt.partnership_id = $1 ORDER BY pt.since, pt.organisation_id, pt.role`,
      [partnershipId],
    ),
    ctx.db.query<Record<string, unknown>[]>(`SELECT * FROM ${s}.milestones WHERE partnership_id = $1 ORDER BY due_date, milestone_id`, [partnershipId]),
    ctx.db.query<Record<string, unknown>[]>(`SELECT * FROM ${s}.activities WHERE partnership_id = $1 ORDER BY start_date, activity_id`, [partnershipId]),
    ctx.db.query<Record<string, unknown>[]>(`SELECT * FROM ${s}.indicators WHERE partnership_id = $1 ORDER BY indicator_id`, [partnershipId]),
  ]);
  const p = readRow(PARTNERSHIP_COLUMNS, row);
  const { participants_women: women, participants_men: men, participants_undisclosed: undisclosed } = p;
  return {
    ...toSummary(row),
    parties: parties.map((raw) => {
      const pt = readRow(PARTY_COLUMNS, raw);
      // The organisation's columns come from a LEFT JOIN: null when it is not (yet) in the directory.
      const o = readRow({ name: nullable(c.text), kind: nullable(c.text), country: nullable(c.text) }, raw);
      return { organisationId: pt.organisation_id, name: o.name, kind: o.kind, country: o.country, role: pt.role, since: pt.since };
    }),
    milestones: milestones.map((raw) => {
      const m = readRow(MILESTONE_COLUMNS, raw);
      return { milestoneId: m.milestone_id, title: m.title, dueDate: m.due_date, status: m.status, achievedOn: m.achieved_on, validatedAt: m.validated_at };
    }),
    activities: activities.map((raw) => {
      const a = readRow(ACTIVITY_COLUMNS, raw);
      return {
        activityId: a.activity_id,
        type: a.type,
        title: a.title,
        themes: a.themes,
        level: a.level,
        startDate: a.start_date,
        endDate: a.end_date,
        languages: a.languages,
        participants: { women: a.women, men: a.men, undisclosed: a.undisclosed },
        participantHours: a.participant_hours,
      };
    }),
    indicators: indicators.map((raw) => {
      const i = readRow(INDICATOR_COLUMNS, raw);
      return {
        indicatorId: i.indicator_id,
        name: i.name,
        unit: i.unit,
        baseline: i.baseline,
        target: i.target,
        latestValue: i.latest_value,
        latestOn: i.latest_on,
        progress: i.progress,
      };
    }),
    counts: {
      milestonesPlanned: p.milestones_planned,
      milestonesDelivered: p.milestones_delivered,
      milestonesConfirmed: p.milestones_confirmed,
      milestonesDisputed: p.milestones_disputed,
      activities: p.activities,
      openRisks: p.open_risks,
    },
    participants: { women, men, undisclosed, womenShare: women + men + undisclosed > 0 ? Math.round((women / (women + men + undisclosed)) * 10_000) / 10_000 : null },
    closure: { outcome: p.outcome, closedAt: p.closed_at },
  };
}

/**
 * The invitations an organisation has not answered yet (every one for the operator). The invitee is no party
 * yet, so it learns of the partnership only its title, country and phase: enough to decide.
 */
export async function pendingInvitations(ctx: ReadModelContext, viewer: Viewer): Promise<PendingInvitationItem[]> {
  const s = ctx.models.portfolio.schema;
  const { partnership_id, title, beneficiary_country, phase } = PARTNERSHIP_COLUMNS;
  // jsonb comes back parsed (node-postgres, PGlite) or as text (another driver): readRow reads both the same way.
  const rows = await selectRows(
    ctx,
    { partnership_id, title, beneficiary_country, phase, invitation: c.json<PendingInvitation>() },
    `SELECT p.partnership_id, p.title, p.beneficiary_country, p.phase, i.value AS invitation
       FROM ${s}.partnerships p, jsonb_array_elements(p.invitations) i
      WHERE p.invitations <> '[]'::jsonb ${viewer.sees === 'all' ? '' : `AND i.value->>'organisationId' = $1`}
      ORDER BY i.value->>'invitedAt', p.partnership_id`,
    viewer.sees === 'all' ? [] : [viewer.organisationId],
  );
  return rows.map((r) => ({ partnershipId: r.partnership_id, title: r.title, beneficiaryCountry: r.beneficiary_country, phase: r.phase, ...r.invitation }));
}
