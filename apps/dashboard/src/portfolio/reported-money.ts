import type { MoneyMeasure, ReportingTotals } from '../api/api-types';
import { formatMoneyWhole, listOf } from '../ui/format';

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

/** The sentence naming what no rate converted, in the reader's language; `partial` when some of the figure did convert. */
export type FigureNote = (amounts: string, currency: string, partial: boolean) => string;
const englishNote: FigureNote = (amounts, currency, partial) => `${partial ? 'plus ' : ''}${amounts} not converted: no rate to ${currency}`;

/**
 * How a figure reads on a tile: the converted sum, or "—" when all of it is in currencies without a rate, and
 * a note naming what was left out ("NOK 3,500,000 and KES 10,600,000 not converted: no rate").
 */
export function describeFigure(figure: ReportedFigure, note: FigureNote = englishNote, locale?: string): { value: string; note: string | null } {
  const nothingConverted = figure.converted === 0 && figure.unconverted.length > 0;
  const value = nothingConverted ? '—' : formatMoneyWhole(figure.converted, figure.currency, locale);
  if (figure.unconverted.length === 0) return { value, note: null };
  const amounts = listOf(figure.unconverted.map((u) => formatMoneyWhole(u.amountMinor, u.currency, locale)));
  return { value, note: note(amounts, figure.currency, !nothingConverted) };
}
