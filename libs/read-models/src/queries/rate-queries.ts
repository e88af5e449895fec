import { RateTable, type TableRate } from '../funding/rate-table';
import type { ReadModelContext } from './query-kit';
import { EXCHANGE_RATE_COLUMNS, readRow } from '../storage/columns';

const tables = new Map<string, RateTable>();

/** The rate table as the portfolio projection holds it, read again only when a set was added. */
export async function rateTableOf(ctx: ReadModelContext): Promise<RateTable> {
  const s = ctx.models.portfolio.schema;
  const [stamp]: { n: number; latest: string | null }[] = await ctx.db.query(`SELECT count(*)::int AS n, max(recorded_at)::text AS latest FROM ${s}.exchange_rates`);
  const cached = tables.get(s);
  const version = `${stamp.n}:${stamp.latest ?? ''}`;
  if (cached && cached.stamp === version) return cached;
  const rows: Record<string, unknown>[] = await ctx.db.query(
    `SELECT set_id, base, quote, value_date, rate, source, recorded_at FROM ${s}.exchange_rates ORDER BY recorded_at, set_id, base, quote, value_date`,
  );
  const table = new RateTable(rows.map(tableRateOf), version);
  tables.set(s, table);
  return table;
}

export function tableRateOf(raw: Record<string, unknown>): TableRate {
  const r = readRow(EXCHANGE_RATE_COLUMNS, raw);
  return { setId: r.set_id, base: r.base, quote: r.quote, valueDate: r.value_date, rate: r.rate, source: r.source, recordedAt: r.recorded_at };
}

export interface RateSetSummary {
  readonly setId: string;
  readonly source: string;
  readonly recordedAt: string;
  readonly rates: number;
  readonly pairs: string[];
  readonly from: string;
  readonly to: string;
}

/** The recorded sets, newest first, and the currencies the table can convert between. */
export async function rateSets(ctx: ReadModelContext): Promise<{ sets: RateSetSummary[]; currencies: string[]; rates: number }> {
  const s = ctx.models.portfolio.schema;
  const rows: Record<string, unknown>[] = await ctx.db.query(
    `SELECT set_id, source, max(recorded_at) AS recorded_at, count(*)::int AS rates, array_agg(DISTINCT base || '/' || quote) AS pairs, min(value_date) AS from_date, max(value_date) AS to_date
       FROM ${s}.exchange_rates GROUP BY set_id, source ORDER BY max(recorded_at) DESC, set_id`,
  );
  const table = await rateTableOf(ctx);
  return {
    sets: rows.map((r) => ({
      setId: r.set_id as string,
      source: r.source as string,
      recordedAt: new Date(r.recorded_at as string).toISOString(),
      rates: Number(r.rates),
      pairs: [...(r.pairs as string[])].sort(),
      from: r.from_date as string,
      to: r.to_date as string,
    })),
    currencies: table.currencies(),
    rates: table.size,
  };
}

/** Rates of one pair (either direction), newest first: what the rate table would use. */
export async function ratesOfPair(ctx: ReadModelContext, base: string, quote: string, limit = 200): Promise<TableRate[]> {
  const rows: Record<string, unknown>[] = await ctx.db.query(
    `SELECT set_id, base, quote, value_date, rate, source, recorded_at FROM ${ctx.models.portfolio.schema}.exchange_rates
      WHERE (base = $1 AND quote = $2) OR (base = $2 AND quote = $1) ORDER BY value_date DESC, recorded_at DESC LIMIT $3`,
    [base, quote, limit],
  );
  return rows.map(tableRateOf);
}
