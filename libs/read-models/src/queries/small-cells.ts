import type { ReadModelContext } from './query-kit';
import type { Viewer } from './viewer';
import type { Cell, Published } from '../api/cells';

export type { Cell, Published };

/**
 * Statistics anyone may read must not single a partnership out: a figure drawn from fewer partnerships
 * than this is withheld from a reader who is not a party to each of them, as statistical offices
 * suppress small cells. Documented in docs/metrics.md.
 */
export const MIN_CELL_PARTNERSHIPS = 3;

/** Whose partnerships a reader may see figures of alone: every one (an administrator), its own, or none (anonymous). */
export type CellReader = { readonly all: true } | { readonly all: false; readonly own: ReadonlySet<string> };

export async function cellReader(ctx: ReadModelContext, viewer: Viewer | null): Promise<CellReader> {
  if (viewer === null) return { all: false, own: new Set() };
  if (viewer.sees === 'all') return { all: true };
  const rows: { partnership_id: string }[] = await ctx.db.query(`SELECT DISTINCT partnership_id FROM ${ctx.models.portfolio.schema}.parties WHERE organisation_id = $1`, [
    viewer.organisationId,
  ]);
  return { all: false, own: new Set(rows.map((r) => r.partnership_id)) };
}

/** Each cell as the reader may see it: whole, or only its key with `suppressed: true`. */
export function suppressSmallCells<T extends Cell, W>(items: readonly T[], reader: CellReader, withhold: (item: T) => W): Published<T, W>[] {
  return items.map((item) => {
    const ids = new Set(item.partnershipIds);
    const readable = reader.all || ids.size >= MIN_CELL_PARTNERSHIPS || [...ids].every((id) => reader.own.has(id));
    if (!readable) return { ...withhold(item), suppressed: true as const };
    const { partnershipIds: _ids, ...rest } = item;
    return { ...rest, suppressed: false as const };
  });
}
