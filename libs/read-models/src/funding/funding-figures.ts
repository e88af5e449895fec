import { convert, type RateTable } from './rate-table';
import { AMOUNT_NAMES, zeroAmounts, type AmountName, type Amounts, type MoneyFigures, type ReportingAmounts, type UsedRate } from '../api/funding-results';

export { AMOUNT_NAMES, zeroAmounts, type AmountName, type Amounts, type CurrencyAmounts, type MoneyFigures, type ReportingAmounts } from '../api/funding-results';
import type { LedgerEntry, LedgerMeasure } from './money-ledger';

/**
 * Whose figures: `whole` is a partnership or a portfolio (each flow once); `donor` is one funder, credited its
 * share of all spending its money reached; `organisation` is one organisation's own flows.
 */
export type Perspective = { readonly kind: 'whole' } | { readonly kind: 'donor' | 'organisation'; readonly organisationId: string };

/** Which figure an entry adds to, from a perspective; null: not this perspective's. */
export function amountOf(entry: LedgerEntry, perspective: Perspective): AmountName | null {
  const m: LedgerMeasure = entry.measure;
  if (perspective.kind === 'whole') {
    if (m === 'attributedSpent' || m === 'attributedSpentLocally') return null;
    if (m === 'received' && !entry.fromOrigin) return null;
    return m;
  }
  if (entry.organisationId !== perspective.organisationId) return null;
  if (perspective.kind === 'donor') {
    if (m === 'spent' || m === 'spentLocally') return null;
    if (m === 'attributedSpent') return 'spent';
    if (m === 'attributedSpentLocally') return 'spentLocally';
    return m;
  }
  return m === 'attributedSpent' || m === 'attributedSpentLocally' ? null : m;
}

/** What the money spent came out of: money that left the funders (net) or reached the organisation, plus own funds spent. */
export function fundsAvailable(a: Amounts, perspective: Perspective): number {
  return (perspective.kind === 'organisation' ? a.received : a.disbursed) + a.spentDirectly;
}

function addAmounts(into: Amounts, from: Readonly<Amounts>): void {
  for (const name of AMOUNT_NAMES) into[name] += from[name];
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);

/** Adds a group's entries up per currency and, when asked, in a reporting currency with each rate named. */
export class FiguresBuilder {
  private readonly currencies = new Map<string, Amounts>();
  private readonly reported: Amounts | null;
  private readonly unconverted = new Map<string, Partial<Amounts>>();
  private readonly used = new Map<string, UsedRate & { amounts: number }>();

  constructor(
    private readonly perspective: Perspective,
    private readonly rates: RateTable,
    private readonly reportingCurrency: string | undefined,
  ) {
    this.reported = reportingCurrency ? zeroAmounts() : null;
  }

  add(entry: LedgerEntry): void {
    const name = amountOf(entry, this.perspective);
    if (name === null) return;
    const amounts = this.currencies.get(entry.currency) ?? zeroAmounts();
    amounts[name] += entry.amountMinor;
    this.currencies.set(entry.currency, amounts);
    if (!this.reported || !this.reportingCurrency) return;
    const c = convert({ amountMinor: entry.amountMinor, currency: entry.currency, date: entry.valueDate, rate: entry.rate }, this.reportingCurrency, this.rates);
    if (!c) {
      const left = this.unconverted.get(entry.currency) ?? {};
      left[name] = (left[name] ?? 0) + entry.amountMinor;
      this.unconverted.set(entry.currency, left);
      return;
    }
    this.reported[name] += c.amountMinor;
    if (c.used) {
      const key = `${c.used.from}|${c.used.to}|${c.used.valueDate}|${c.used.rate}|${c.used.source}`;
      const seen = this.used.get(key) ?? { ...c.used, amounts: 0 };
      seen.amounts += 1;
      this.used.set(key, seen);
    }
  }

  /**
   * Adds another builder's sums (same perspective, rates and reporting currency): the same figures as adding
   * its entries one by one, since every figure is a sum of whole minor units converted entry by entry.
   */
  merge(other: FiguresBuilder): void {
    for (const [currency, amounts] of other.currencies) {
      const mine = this.currencies.get(currency);
      if (mine) addAmounts(mine, amounts);
      else this.currencies.set(currency, { ...amounts });
    }
    if (this.reported && other.reported) addAmounts(this.reported, other.reported);
    for (const [currency, left] of other.unconverted) {
      const mine = this.unconverted.get(currency) ?? {};
      for (const [name, amount] of Object.entries(left) as [AmountName, number][]) mine[name] = (mine[name] ?? 0) + amount;
      this.unconverted.set(currency, mine);
    }
    // This builder's entries are its own copies: added to in place, with no new object per merge.
    for (const [key, used] of other.used) {
      const mine = this.used.get(key);
      if (mine) mine.amounts += used.amounts;
      else this.used.set(key, { ...used });
    }
  }

  build(explain: boolean): MoneyFigures {
    const single = this.currencies.size === 1;
    const byCurrency = [...this.currencies]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, a]) => {
        const net = { ...a, disbursed: a.disbursed - a.refunded };
        return { currency, ...net, localShare: ratio(net.spentLocally, net.spent), burnRate: single ? ratio(net.spent, fundsAvailable(net, this.perspective)) : null };
      });
    let reporting: ReportingAmounts | undefined;
    if (this.reported && this.reportingCurrency) {
      const r = { ...this.reported, disbursed: this.reported.disbursed - this.reported.refunded };
      const unconverted = [...this.unconverted]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([currency, left]) => {
          const row: Partial<Amounts> & { currency: string } = { currency, ...left };
          if (row.disbursed !== undefined || row.refunded !== undefined) row.disbursed = (row.disbursed ?? 0) - (row.refunded ?? 0);
          return row;
        });
      const gap = (names: AmountName[]) => unconverted.some((u) => names.some((n) => (u[n] ?? 0) !== 0));
      const burnKnown = !gap(['spent', 'disbursed', 'refunded', 'received', 'spentDirectly']);
      reporting = {
        currency: this.reportingCurrency,
        ...r,
        unconverted,
        complete: unconverted.length === 0,
        localShare: gap(['spent', 'spentLocally']) ? null : ratio(r.spentLocally, r.spent),
        burnRate: burnKnown ? ratio(r.spent, fundsAvailable(r, this.perspective)) : null,
        ...(explain ? { conversions: [...this.used.values()].sort((a, b) => `${a.from}${a.valueDate}`.localeCompare(`${b.from}${b.valueDate}`)) } : {}),
      };
    }
    const burnRate = reporting ? reporting.burnRate : single ? byCurrency[0].burnRate : byCurrency.length === 0 ? null : null;
    const localShare = reporting ? reporting.localShare : single ? byCurrency[0].localShare : null;
    const overspent =
      burnRate !== null ? burnRate > 1 : byCurrency.some((c) => c.spent > 0 && fundsAvailable(c, this.perspective) > 0 && c.spent > fundsAvailable(c, this.perspective));
    return { byCurrency, ...(reporting ? { reporting } : {}), burnRate, localShare, overspent };
  }
}
