import { convertWithFraction, fractionToDecimal, invert, multiply, parseRate, type ExchangeRate, type Fraction } from '@ccb/domain';

/** One row of the rate table, as recorded by an administrator from a published source. */
export interface TableRate {
  readonly setId: string;
  readonly base: string;
  readonly quote: string;
  readonly valueDate: string;
  readonly rate: string;
  readonly source: string;
  /** Later sets supersede earlier ones for the same pair and date. */
  readonly recordedAt: string;
}

/**
 * How old a table rate may be for a flow: the latest rate on or before the flow's value date counts only
 * within this many days (a monthly average, dated the 1st, still covers the 31st and a late publication).
 */
export const RATE_STALENESS_DAYS = 45;

import type { UsedRate } from '../api/funding-results';

export type { UsedRate };

export interface Conversion {
  readonly amountMinor: number;
  readonly used: UsedRate | null;
}

const DAY_MS = 86_400_000;
const daysBetween = (earlier: string, later: string) => Math.round((Date.parse(later) - Date.parse(earlier)) / DAY_MS);
/** Cross rates go through the currencies the published series quote against, in this order. */
const PIVOTS = ['USD', 'EUR', 'XDR', 'GBP'];

interface Quote {
  readonly valueDate: string;
  readonly fraction: Fraction;
  readonly rate: string;
  readonly source: string;
}

interface Leg {
  readonly fraction: Fraction;
  readonly quote: Quote;
  readonly inverted: boolean;
}

/** The dated rate table: lookups by pair and date, direct, inverse, or across one pivot currency. */
export class RateTable {
  private readonly pairs = new Map<string, Quote[]>();
  readonly version: string;
  private readonly rows: readonly TableRate[];

  constructor(
    rates: readonly TableRate[],
    /** Identifies the table's content, for caches of what was computed with it. */
    readonly stamp = '',
  ) {
    this.rows = rates;
    const latest = new Map<string, TableRate>();
    for (const r of [...rates].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.setId.localeCompare(b.setId))) {
      latest.set(`${r.base}|${r.quote}|${r.valueDate}`, r);
    }
    for (const r of latest.values()) {
      const key = `${r.base}|${r.quote}`;
      const list = this.pairs.get(key) ?? [];
      list.push({ valueDate: r.valueDate, fraction: parseRate(r.rate), rate: r.rate, source: r.source });
      this.pairs.set(key, list);
    }
    for (const list of this.pairs.values()) list.sort((a, b) => a.valueDate.localeCompare(b.valueDate));
    this.version = stamp || `${rates.length}:${rates.reduce((max, r) => (r.recordedAt > max ? r.recordedAt : max), '')}`;
  }

  static readonly EMPTY = new RateTable([]);

  /** The table as it stood at an instant: what a replay of that moment converts with. */
  asOf(instant: string): RateTable {
    const rows = this.rows.filter((r) => r.recordedAt <= instant);
    return rows.length === this.rows.length ? this : new RateTable(rows);
  }

  /** The same table with more sets recorded. */
  with(more: readonly TableRate[]): RateTable {
    return more.length === 0 ? this : new RateTable([...this.rows, ...more]);
  }

  get size(): number {
    let n = 0;
    for (const list of this.pairs.values()) n += list.length;
    return n;
  }

  /** Every currency the table can convert from or to. */
  currencies(): string[] {
    const all = new Set<string>();
    for (const key of this.pairs.keys()) for (const c of key.split('|')) all.add(c);
    return [...all].sort();
  }

  private quoteOn(base: string, quote: string, date: string): Quote | null {
    const list = this.pairs.get(`${base}|${quote}`);
    if (!list) return null;
    let lo = 0;
    let hi = list.length - 1;
    let found: Quote | null = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].valueDate <= date) {
        found = list[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found && daysBetween(found.valueDate, date) <= RATE_STALENESS_DAYS ? found : null;
  }

  private leg(from: string, to: string, date: string): Leg | null {
    const direct = this.quoteOn(from, to, date);
    if (direct) return { fraction: direct.fraction, quote: direct, inverted: false };
    const reverse = this.quoteOn(to, from, date);
    if (reverse) return { fraction: invert(reverse.fraction), quote: reverse, inverted: true };
    return null;
  }

  /** "1 from = ? to" on `date`, or null when the table has no fresh enough rate. */
  lookup(from: string, to: string, date: string): { fraction: Fraction; used: UsedRate } | null {
    if (from === to) return null;
    const leg = this.leg(from, to, date);
    if (leg) {
      return {
        fraction: leg.fraction,
        used: {
          from,
          to,
          rate: leg.inverted ? fractionToDecimal(leg.fraction) : leg.quote.rate,
          source: leg.quote.source,
          valueDate: leg.quote.valueDate,
          derivation: leg.inverted ? 'inverse' : 'direct',
        },
      };
    }
    for (const via of PIVOTS) {
      if (via === from || via === to) continue;
      const first = this.leg(from, via, date);
      const second = first && this.leg(via, to, date);
      if (!first || !second) continue;
      const fraction = multiply(first.fraction, second.fraction);
      const older = first.quote.valueDate < second.quote.valueDate ? first.quote : second.quote;
      const source = first.quote.source === second.quote.source ? first.quote.source : `${first.quote.source} + ${second.quote.source}`;
      return { fraction, used: { from, to, rate: fractionToDecimal(fraction), source, valueDate: older.valueDate, derivation: 'cross', via } };
    }
    return null;
  }
}

/**
 * An amount in `target`, in the documented order: the same currency; the rate recorded with the flow; the
 * table's rate for the flow's value date; else null (the amount stays unconverted and is listed as such).
 */
export function convert(
  amount: { readonly amountMinor: number; readonly currency: string; readonly date: string; readonly rate: ExchangeRate | null },
  target: string,
  rates: RateTable,
): Conversion | null {
  if (amount.currency === target) return { amountMinor: amount.amountMinor, used: null };
  if (amount.amountMinor < 0) {
    // A refund converts as the money it gives back: the same rounding as the disbursement, negated.
    const positive = convert({ ...amount, amountMinor: -amount.amountMinor }, target, rates);
    return positive && { amountMinor: -positive.amountMinor, used: positive.used };
  }
  if (amount.rate && amount.rate.toCurrency === target) {
    return {
      amountMinor: convertWithFraction(amount.amountMinor, amount.currency, target, parseRate(amount.rate.rate)),
      used: { from: amount.currency, to: target, rate: amount.rate.rate, source: 'recorded with the flow', valueDate: amount.date, derivation: 'flow' },
    };
  }
  const found = rates.lookup(amount.currency, target, amount.date);
  if (!found) return null;
  return { amountMinor: convertWithFraction(amount.amountMinor, amount.currency, target, found.fraction), used: found.used };
}
