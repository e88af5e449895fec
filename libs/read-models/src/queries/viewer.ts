import type { ReadModelContext, Where } from './query-kit';

/**
 * Whose eyes a query answers for. Row-level queries take one and select only the partnerships the
 * viewer is a party to (or evaluates): other partnerships' rows are never read, not filtered afterwards.
 */
export type Viewer = { readonly sees: 'all' } | { readonly sees: 'parties-of'; readonly organisationId: string };

/** For aggregate statistics over every partnership, which anyone may see. */
export const EVERY_PARTNERSHIP: Viewer = { sees: 'all' };

/** Adds "the partnership in `column` is one the viewer may see" to a WHERE clause. */
export function visibleTo(where: Where, ctx: ReadModelContext, viewer: Viewer, column: string): Where {
  if (viewer.sees === 'all') return where;
  return where.add(`${column} IN (SELECT partnership_id FROM ${ctx.models.portfolio.schema}.parties WHERE organisation_id = ?)`, viewer.organisationId);
}

/** Whether the viewer may see this one partnership (false too when it does not exist: a caller cannot tell them apart). */
export async function canSee(ctx: ReadModelContext, viewer: Viewer, partnershipId: string): Promise<boolean> {
  const s = ctx.models.portfolio.schema;
  const rows = await (viewer.sees === 'all'
    ? ctx.db.query(`SELECT 1 FROM ${s}.partnerships WHERE partnership_id = $1`, [partnershipId])
    : ctx.db.query(`SELECT 1 FROM ${s}.parties WHERE partnership_id = $1 AND organisation_id = $2 LIMIT 1`, [partnershipId, viewer.organisationId]));
  return rows.length > 0;
}
