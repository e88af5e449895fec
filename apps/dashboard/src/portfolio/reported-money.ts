import type { MoneyMeasure, ReportingTotals } from '../api/api-types';
import { formatMoneyWhole } from '../ui/format';

/** One figure of a group in the reporting currency, and what no rate converted, in its own currencies. */
export interface ReportedFigure {
  readonly currency: string;
  readonly converted: number;
  readonly unconverted: readonly { readonly currency: string; readonly amountMinor: number }[];
}

/** Sums one measure over groups: converted amounts together, the unconverted kept per currency, never as zero. */
export function reportedFigure(items: readonly { reporting?: ReportingTotals }[], measure: MoneyMeasure, currency: string): ReportedFigure {
  let converted = 0;
  const left = new Map<string, number>();
  for (const { reporting } of items) {
    if (!reporting) continue;
    converted += reporting[measure];
    for (const u of reporting.unconverted) {
      const amount = u[measure] ?? 0;
      if (amount !== 0) left.set(u.currency, (left.get(u.currency) ?? 0) + amount);
    }
  }
  return {
    currency,
    converted,
    unconverted: [...left].sort(([a], [b]) => a.localeCompare(b)).map(([c, amountMinor]) => ({ currency: c, amountMinor })),
  };
}

/**
 * How a figure reads on a tile: the converted sum, or "—" when all of it is in currencies without a rate, and
 * a note naming what was left out ("NOK 3,500,000 and KES 10,600,000 not converted: no rate").
 */
export function describeFigure(figure: ReportedFigure, locale?: string): { value: string; note: string | null } {
  const nothingConverted = figure.converted === 0 && figure.unconverted.length > 0;
  const value = nothingConverted ? '—' : formatMoneyWhole(figure.converted, figure.currency, locale);
  if (figure.unconverted.length === 0) return { value, note: null };
  const amounts = figure.unconverted.map((u) => formatMoneyWhole(u.amountMinor, u.currency, locale));
  const list = amounts.length === 1 ? amounts[0] : `${amounts.slice(0, -1).join(', ')} and ${amounts[amounts.length - 1]}`;
  return { value, note: `${nothingConverted ? '' : 'plus '}${list} not converted: no rate to ${figure.currency}` };
}
