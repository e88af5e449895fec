import { partnershipFilter, type PartnershipFilter } from './partnership-queries';
import type { Viewer } from './viewer';
import type { Cell } from './small-cells';
import { ratioOf, type ReadModelContext } from './query-kit';

export const INCLUSION_GROUPS = ['activity', 'partnership', 'theme', 'country', 'type', 'year'] as const;
export type InclusionGroup = (typeof INCLUSION_GROUPS)[number];

export interface InclusionRow extends Cell {
  readonly key: Record<string, string | number>;
  readonly activities: number;
  readonly women: number;
  readonly men: number;
  readonly undisclosed: number;
  readonly participants: number;
  /** Women over all participants (undisclosed included in the whole); null with no participants. */
  readonly womenShare: number | null;
  readonly participantHours: number;
}

/** Participants by sex. An activity with two themes counts under both themes. */
export async function inclusion(
  ctx: ReadModelContext,
  viewer: Viewer,
  groupBy: InclusionGroup,
  filter: PartnershipFilter & { activityType?: string; year?: number },
): Promise<InclusionRow[]> {
  const s = ctx.models.portfolio.schema;
  if ((groupBy === 'country' || groupBy === 'partnership') && !filter.activityType && filter.year === undefined) return fromPartnershipTotals(ctx, viewer, groupBy, filter);
  const where = partnershipFilter(ctx, viewer, filter).when(filter.activityType, 'a.type = ?', filter.activityType);
  if (filter.year !== undefined) where.add('substr(a.start_date, 1, 4) = ?', String(filter.year));
  if (filter.theme) where.add('a.themes @> ARRAY[?]::text[]', filter.theme);
  const key = {
    activity: { select: 'a.partnership_id, a.activity_id, a.title', group: 'a.partnership_id, a.activity_id, a.title', join: '' },
    partnership: { select: 'a.partnership_id, p.title', group: 'a.partnership_id, p.title', join: '' },
    theme: { select: 'theme', group: 'theme', join: 'CROSS JOIN LATERAL unnest(a.themes) AS theme' },
    country: { select: 'p.beneficiary_country AS country', group: 'p.beneficiary_country', join: '' },
    type: { select: 'a.type', group: 'a.type', join: '' },
    year: { select: 'substr(a.start_date, 1, 4)::int AS year', group: '1', join: '' },
  }[groupBy];
  const rows: Record<string, unknown>[] = await ctx.db.query(
    `SELECT ${key.select}, count(*) AS activities, array_agg(DISTINCT a.partnership_id) AS partnership_ids, sum(a.women) AS women, sum(a.men) AS men, sum(a.undisclosed) AS undisclosed, sum(a.participant_hours) AS hours
       FROM ${s}.activities a JOIN ${s}.partnerships p USING (partnership_id) ${key.join}
       ${where}
      GROUP BY ${key.group}
      ORDER BY ${key.group}`,
    where.params,
  );
  return rows.map((r) => {
    const women = Number(r.women);
    const men = Number(r.men);
    const undisclosed = Number(r.undisclosed);
    const k: Record<string, string | number> = {};
    for (const name of ['partnership_id', 'activity_id', 'title', 'theme', 'country', 'type', 'year']) {
      if (r[name] !== undefined) k[name.replace(/_(\w)/g, (_m, c: string) => c.toUpperCase())] = r[name] as string | number;
    }
    return {
      key: k,
      partnershipIds: r.partnership_ids as string[],
      activities: Number(r.activities),
      women,
      men,
      undisclosed,
      participants: women + men + undisclosed,
      womenShare: ratioOf(women, women + men + undisclosed),
      participantHours: Number(r.hours),
    };
  });
}

/** Each partnership row already sums its activities' participants: a country or partnership total reads those. */
async function fromPartnershipTotals(ctx: ReadModelContext, viewer: Viewer, groupBy: 'country' | 'partnership', filter: PartnershipFilter): Promise<InclusionRow[]> {
  const s = ctx.models.portfolio.schema;
  const where = partnershipFilter(ctx, viewer, filter).add('p.activities > 0');
  const key = groupBy === 'country' ? 'p.beneficiary_country' : 'p.partnership_id, p.title';
  const rows: Record<string, unknown>[] = await ctx.db.query(
    `SELECT ${groupBy === 'country' ? 'p.beneficiary_country AS country' : key}, array_agg(DISTINCT p.partnership_id) AS partnership_ids, sum(p.activities) AS activities, sum(p.participants_women) AS women,
            sum(p.participants_men) AS men, sum(p.participants_undisclosed) AS undisclosed, sum(p.participant_hours) AS hours
       FROM ${s}.partnerships p ${where} GROUP BY ${key} ORDER BY ${key}`,
    where.params,
  );
  return rows.map((r) => {
    const women = Number(r.women);
    const men = Number(r.men);
    const undisclosed = Number(r.undisclosed);
    const k: Record<string, string> = groupBy === 'country' ? { country: r.country as string } : { partnershipId: r.partnership_id as string, title: r.title as string };
    return {
      key: k,
      partnershipIds: r.partnership_ids as string[],
      activities: Number(r.activities),
      women,
      men,
      undisclosed,
      participants: women + men + undisclosed,
      womenShare: ratioOf(women, women + men + undisclosed),
      participantHours: Number(r.hours),
    };
  });
}
