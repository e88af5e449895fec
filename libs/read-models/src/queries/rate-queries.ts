import { RateTable, type TableRate } from '../funding/rate-table';
import { selectRows, type ReadModelContext } from './query-kit';
import type { ExchangeRateSets, RateSetSummary } from '../api/funding-results';
import { c, EXCHANGE_RATE_COLUMNS, readRow } from '../storage/columns';

const tables = new Map<string, RateTable>();

/** The rate table as the portfolio projection holds it, read again only when a set was added. */
export async function rateTableOf(ctx: ReadModelContext): Promise<RateTable> {
  const s = ctx.models.portfolio.schema;
  const [stamp]: { n: number; latest: string | null }[] = await ctx.db.query(`SELECT count(*)::int AS n, max(recorded_at)::text AS latest FROM ${s}.exchange_rates`);
  const cached = tables.get(s);
  const version = `${stamp.n}:${stamp.latest ?? ''}`;
  if (cached && cached.stamp === version) return cached;
  const rows = await ctx.db.query<Record<string, unknown>[]>(
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

export type { RateSetSummary, ExchangeRateSets };

/** The recorded sets, newest first, and the currencies the table can convert between. */
export async function rateSets(ctx: ReadModelContext): Promise<ExchangeRateSets> {
  const s = ctx.models.portfolio.schema;
  const rows = await selectRows(
    ctx,
    { set_id: c.text, source: c.text, recorded_at: c.timestamptz, rates: c.int4, pairs: c.textArray, from_date: c.text, to_date: c.text },
    `SELECT set_id, source, max(recorded_at) AS recorded_at, count(*)::int AS rates, array_agg(DISTINCT base || '/' || quote) AS pairs, min(value_date) AS from_date, max(value_date) AS to_date
       FROM ${s}.exchange_rates GROUP BY set_id, source ORDER BY max(recorded_at) DESC, set_id`,
  );
  const table = await rateTableOf(ctx);
  return {
    sets: rows.map((r) => ({ setId: r.set_id, source: r.source, recordedAt: r.recorded_at, rates: r.rates, pairs: [...r.pairs].sort(), from: r.from_date, to: r.to_date })),
    currencies: table.currencies(),
    rates: table.size,
  };
}

/** Rates of one pair (either direction), newest first: what the rate table would use. */
export async function ratesOfPair(ctx: ReadModelContext, base: string, quote: string, limit = 200): Promise<TableRate[]> {
  const rows = await ctx.db.query<Record<string, unknown>[]>(
    `SELECT set_id, base, quote, value_date, rate, source, recorded_at FROM ${ctx.models.portfolio.schema}.exchange_rates
      WHERE (base = $1 AND quote = $2) OR (base = $2 AND quote = $1) ORDER BY value_date DESC, recorded_at DESC LIMIT $3`,
    [base, quote, limit],
  );
  return rows.map(tableRateOf);
}
