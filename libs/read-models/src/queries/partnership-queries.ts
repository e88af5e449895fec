import { iso, num, orderBy, paged, Where, type Page, type PageRequest, type ReadModelContext } from './query-kit';
import { visibleTo, type Viewer } from './viewer';
import type { PendingInvitation } from '../view/partnership-view';

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

export interface PartnershipSummary {
  readonly partnershipId: string;
  readonly title: string;
  readonly summary: string;
  readonly beneficiaryCountry: string;
  readonly beneficiaryRegion: string | null;
  readonly modality: string;
  readonly initiatedBy: string;
  readonly themes: string[];
  readonly levels: string[];
  readonly sdgs: number[];
  readonly phase: string;
  readonly suspended: boolean;
  readonly plannedStart: string;
  readonly plannedEnd: string | null;
  readonly donorIds: string[];
  readonly implementerIds: string[];
  readonly beneficiaryIds: string[];
  readonly evaluatorIds: string[];
  readonly localOwnershipIndex: number | null;
  readonly revision: number;
  readonly proposedAt: string;
  readonly lastEventAt: string;
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

export function toSummary(r: Record<string, unknown>): PartnershipSummary {
  return {
    partnershipId: r.partnership_id as string,
    title: r.title as string,
    summary: r.summary as string,
    beneficiaryCountry: r.beneficiary_country as string,
    beneficiaryRegion: r.beneficiary_region as string | null,
    modality: r.modality as string,
    initiatedBy: r.initiated_by as string,
    themes: r.themes as string[],
    levels: r.levels as string[],
    sdgs: r.sdgs as number[],
    phase: r.phase as string,
    suspended: r.suspended as boolean,
    plannedStart: r.planned_start as string,
    plannedEnd: r.planned_end as string | null,
    donorIds: r.donor_ids as string[],
    implementerIds: r.implementer_ids as string[],
    beneficiaryIds: r.beneficiary_ids as string[],
    evaluatorIds: r.evaluator_ids as string[],
    localOwnershipIndex: num(r.lo_index),
    revision: r.revision as number,
    proposedAt: iso(r.proposed_at)!,
    lastEventAt: iso(r.last_event_at)!,
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

export interface PartnershipDetail extends PartnershipSummary {
  readonly parties: { organisationId: string; name: string | null; kind: string | null; country: string | null; role: string; since: string }[];
  readonly milestones: { milestoneId: string; title: string; dueDate: string; status: string; achievedOn: string | null; validatedAt: string | null }[];
  readonly activities: {
    activityId: string;
    type: string;
    title: string;
    themes: string[];
    level: string;
    startDate: string;
    endDate: string;
    languages: string[];
    participants: { women: number; men: number; undisclosed: number };
    participantHours: number;
  }[];
  readonly indicators: {
    indicatorId: string;
    name: string;
    unit: string;
    baseline: number;
    target: number;
    latestValue: number | null;
    latestOn: string | null;
    progress: number | null;
  }[];
  readonly counts: { milestonesPlanned: number; milestonesDelivered: number; milestonesConfirmed: number; milestonesDisputed: number; activities: number; openRisks: number };
  readonly participants: { women: number; men: number; undisclosed: number; womenShare: number | null };
  readonly closure: { outcome: string | null; closedAt: string | null };
}

export async function getPartnership(ctx: ReadModelContext, partnershipId: string): Promise<PartnershipDetail | null> {
  const s = ctx.models.portfolio.schema;
  const [row] = await ctx.db.query<Record<string, unknown>[]>(`SELECT * FROM ${s}.partnerships WHERE partnership_id = $1`, [partnershipId]);
  if (!row) return null;
  const [parties, milestones, activities, indicators] = (await Promise.all([
    ctx.db.query(
      `SELECT pt.*, o.name, o.kind, o.country FROM ${s}.parties pt LEFT JOIN ${s}.organisations o USING (organisation_id)
        WHERE pt.partnership_id = $1 ORDER BY pt.since, pt.organisation_id, pt.role`,
      [partnershipId],
    ),
    ctx.db.query(`SELECT * FROM ${s}.milestones WHERE partnership_id = $1 ORDER BY due_date, milestone_id`, [partnershipId]),
    ctx.db.query(`SELECT * FROM ${s}.activities WHERE partnership_id = $1 ORDER BY start_date, activity_id`, [partnershipId]),
    ctx.db.query(`SELECT * FROM ${s}.indicators WHERE partnership_id = $1 ORDER BY indicator_id`, [partnershipId]),
  ])) as Record<string, unknown>[][];
  const women = row.participants_women as number;
  const men = row.participants_men as number;
  const undisclosed = row.participants_undisclosed as number;
  return {
    ...toSummary(row),
    parties: parties.map((p) => ({
      organisationId: p.organisation_id as string,
      name: p.name as string | null,
      kind: p.kind as string | null,
      country: p.country as string | null,
      role: p.role as string,
      since: iso(p.since)!,
    })),
    milestones: milestones.map((m) => ({
      milestoneId: m.milestone_id as string,
      title: m.title as string,
      dueDate: m.due_date as string,
      status: m.status as string,
      achievedOn: m.achieved_on as string | null,
      validatedAt: iso(m.validated_at),
    })),
    activities: activities.map((a) => ({
      activityId: a.activity_id as string,
      type: a.type as string,
      title: a.title as string,
      themes: a.themes as string[],
      level: a.level as string,
      startDate: a.start_date as string,
      endDate: a.end_date as string,
      languages: a.languages as string[],
      participants: { women: a.women as number, men: a.men as number, undisclosed: a.undisclosed as number },
      participantHours: a.participant_hours as number,
    })),
    indicators: indicators.map((i) => ({
      indicatorId: i.indicator_id as string,
      name: i.name as string,
      unit: i.unit as string,
      baseline: i.baseline as number,
      target: i.target as number,
      latestValue: num(i.latest_value),
      latestOn: i.latest_on as string | null,
      progress: num(i.progress),
    })),
    counts: {
      milestonesPlanned: row.milestones_planned as number,
      milestonesDelivered: row.milestones_delivered as number,
      milestonesConfirmed: row.milestones_confirmed as number,
      milestonesDisputed: row.milestones_disputed as number,
      activities: row.activities as number,
      openRisks: row.open_risks as number,
    },
    participants: { women, men, undisclosed, womenShare: women + men + undisclosed > 0 ? Math.round((women / (women + men + undisclosed)) * 10_000) / 10_000 : null },
    closure: { outcome: row.outcome as string | null, closedAt: iso(row.closed_at) },
  };
}

/** An invitation waiting for the invited organisation's answer. */
export interface PendingInvitationItem {
  readonly partnershipId: string;
  readonly title: string;
  readonly beneficiaryCountry: string;
  readonly phase: string;
  readonly organisationId: string;
  readonly role: 'donor' | 'implementer' | 'beneficiary';
  readonly invitedBy: string;
  readonly invitedAt: string;
}

/**
 * The invitations an organisation has not answered yet (every one for the operator). The invitee is no party
 * yet, so it learns of the partnership only its title, country and phase: enough to decide.
 */
export async function pendingInvitations(ctx: ReadModelContext, viewer: Viewer): Promise<PendingInvitationItem[]> {
  const s = ctx.models.portfolio.schema;
  const rows = await ctx.db.query<{ partnership_id: string; title: string; beneficiary_country: string; phase: string; invitation: PendingInvitation | string }[]>(
    `SELECT p.partnership_id, p.title, p.beneficiary_country, p.phase, i.value AS invitation
       FROM ${s}.partnerships p, jsonb_array_elements(p.invitations) i
      WHERE p.invitations <> '[]'::jsonb ${viewer.sees === 'all' ? '' : `AND i.value->>'organisationId' = $1`}
      ORDER BY i.value->>'invitedAt', p.partnership_id`,
    viewer.sees === 'all' ? [] : [viewer.organisationId],
  );
  return rows.map((r) => {
    // PGlite hands jsonb back parsed, node-postgres too; a driver that returns text is read the same way.
    const i: PendingInvitation = typeof r.invitation === 'string' ? (JSON.parse(r.invitation) as PendingInvitation) : r.invitation;
    return { partnershipId: r.partnership_id, title: r.title, beneficiaryCountry: r.beneficiary_country, phase: r.phase, ...i };
  });
}
