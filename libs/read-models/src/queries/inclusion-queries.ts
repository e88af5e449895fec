import { partnershipFilter, type PartnershipFilter } from './partnership-queries';
import type { Viewer } from './viewer';
import { ratioOf, type ReadModelContext } from './query-kit';
import type { InclusionGroup, InclusionRow } from '../api/inclusion-results';
import { c, readRow, type ColumnSet, type RowOf } from '../storage/columns';

export { INCLUSION_GROUPS, type InclusionGroup, type InclusionRow } from '../api/inclusion-results';

/** Participants by sex. An activity with two themes counts under both themes. */
export async function inclusion(
  ctx: ReadModelContext,
  viewer: Viewer,
  groupBy: InclusionGroup,
  filter: PartnershipFilter & { activityType?: string; year?: number },
): Promise<InclusionRow[]> {
  if ((groupBy === 'country' || groupBy === 'partnership') && !filter.activityType && filter.year === undefined) return fromPartnershipTotals(ctx, viewer, groupBy, filter);
  if (groupBy === 'theme' && !filter.activityType && filter.year === undefined && !filter.theme) return fromThemeTotals(ctx, viewer, filter);
  return inclusionFromActivities(ctx, viewer, groupBy, filter);
}

/** The figures added up from the activities themselves: any grouping, any filter. */
export async function inclusionFromActivities(
  ctx: ReadModelContext,
  viewer: Viewer,
  groupBy: InclusionGroup,
  filter: PartnershipFilter & { activityType?: string; year?: number },
): Promise<InclusionRow[]> {
  const s = ctx.models.portfolio.schema;
  const where = partnershipFilter(ctx, viewer, filter).when(filter.activityType, 'a.type = ?', filter.activityType);
  if (filter.year !== undefined) where.add('substr(a.start_date, 1, 4) = ?', String(filter.year));
  if (filter.theme) where.add('a.themes @> ARRAY[?]::text[]', filter.theme);
  const key = INCLUSION_KEYS[groupBy];
  const rows = await ctx.db.query<Record<string, unknown>[]>(
    `SELECT ${key.select}, count(*) AS activities, array_agg(DISTINCT a.partnership_id) AS partnership_ids, sum(a.women) AS women, sum(a.men) AS men, sum(a.undisclosed) AS undisclosed, sum(a.participant_hours) AS hours
       FROM ${s}.activities a JOIN ${s}.partnerships p USING (partnership_id) ${key.join}
       ${where}
      GROUP BY ${key.group}
      ORDER BY ${key.group}`,
    where.params,
  );
  return rows.map((raw) => inclusionRow(key.keyOf(raw), readRow(SUMS, raw)));
}

const SUMS = { partnership_ids: c.textArray, activities: c.int8, women: c.int8, men: c.int8, undisclosed: c.int8, hours: c.int8 } as const;

function inclusionRow(key: InclusionRow['key'], sums: RowOf<typeof SUMS>): InclusionRow {
  const participants = sums.women + sums.men + sums.undisclosed;
  return {
    key,
    partnershipIds: sums.partnership_ids,
    activities: sums.activities,
    women: sums.women,
    men: sums.men,
    undisclosed: sums.undisclosed,
    participants,
    womenShare: ratioOf(sums.women, participants),
    participantHours: sums.hours,
  };
}

/** How a grouping selects its key columns, and the key it reads from them (declared with the row they come in). */
function keyed<S extends ColumnSet>(spec: { select: string; group: string; join: string; shape: S; key: (row: RowOf<S>) => InclusionRow['key'] }) {
  return { select: spec.select, group: spec.group, join: spec.join, keyOf: (raw: Record<string, unknown>) => spec.key(readRow(spec.shape, raw)) };
}

const INCLUSION_KEYS = {
  activity: keyed({
    select: 'a.partnership_id, a.activity_id, a.title',
    group: 'a.partnership_id, a.activity_id, a.title',
    join: '',
    shape: { partnership_id: c.text, activity_id: c.text, title: c.text },
    key: (r) => ({ partnershipId: r.partnership_id, activityId: r.activity_id, title: r.title }),
  }),
  partnership: keyed({
    select: 'a.partnership_id, p.title',
    group: 'a.partnership_id, p.title',
    join: '',
    shape: { partnership_id: c.text, title: c.text },
    key: (r) => ({ partnershipId: r.partnership_id, title: r.title }),
  }),
  theme: keyed({ select: 'theme', group: 'theme', join: 'CROSS JOIN LATERAL unnest(a.themes) AS theme', shape: { theme: c.text }, key: (r) => ({ theme: r.theme }) }),
  country: keyed({ select: 'p.beneficiary_country AS country', group: 'p.beneficiary_country', join: '', shape: { country: c.text }, key: (r) => ({ country: r.country }) }),
  type: keyed({ select: 'a.type', group: 'a.type', join: '', shape: { type: c.text }, key: (r) => ({ type: r.type }) }),
  year: keyed({ select: 'substr(a.start_date, 1, 4)::int AS year', group: '1', join: '', shape: { year: c.int4 }, key: (r) => ({ year: r.year }) }),
} as const satisfies Record<InclusionGroup, unknown>;

/** Each partnership's activities are kept added up per theme (`activity_themes`): the portfolio by theme reads those. */
async function fromThemeTotals(ctx: ReadModelContext, viewer: Viewer, filter: PartnershipFilter): Promise<InclusionRow[]> {
  const s = ctx.models.portfolio.schema;
  const where = partnershipFilter(ctx, viewer, filter);
  const rows = await ctx.db.query<Record<string, unknown>[]>(
    `SELECT t.theme, array_agg(t.partnership_id ORDER BY t.partnership_id) AS partnership_ids, sum(t.activities) AS activities, sum(t.women) AS women,
            sum(t.men) AS men, sum(t.undisclosed) AS undisclosed, sum(t.participant_hours) AS hours
       FROM ${s}.activity_themes t JOIN ${s}.partnerships p USING (partnership_id) ${where} GROUP BY t.theme ORDER BY t.theme`,
    where.params,
  );
  return rows.map((raw) => inclusionRow(INCLUSION_KEYS.theme.keyOf(raw), readRow(SUMS, raw)));
}

/** Each partnership row already sums its activities' participants: a country or partnership total reads those. */
async function fromPartnershipTotals(ctx: ReadModelContext, viewer: Viewer, groupBy: 'country' | 'partnership', filter: PartnershipFilter): Promise<InclusionRow[]> {
  const s = ctx.models.portfolio.schema;
  const where = partnershipFilter(ctx, viewer, filter).add('p.activities > 0');
  const key = groupBy === 'country' ? 'p.beneficiary_country' : 'p.partnership_id, p.title';
  const rows = await ctx.db.query<Record<string, unknown>[]>(
    `SELECT ${groupBy === 'country' ? 'p.beneficiary_country AS country' : key}, array_agg(DISTINCT p.partnership_id) AS partnership_ids, sum(p.activities) AS activities, sum(p.participants_women) AS women,
            sum(p.participants_men) AS men, sum(p.participants_undisclosed) AS undisclosed, sum(p.participant_hours) AS hours
       FROM ${s}.partnerships p ${where} GROUP BY ${key} ORDER BY ${key}`,
    where.params,
  );
  return rows.map((raw) => inclusionRow(INCLUSION_KEYS[groupBy].keyOf(raw), readRow(SUMS, raw)));
}
