import type { AsOf } from '../api/api-types';

export interface CurrencyFigures {
  readonly currency: string;
  readonly committed: number;
  readonly disbursed: number;
  readonly spent: number;
}

/** The replayed funding rows (per organisation, currency and year) summed per currency; disbursed net of refunds, as everywhere else. */
export function figuresByCurrency(funding: AsOf['funding']): CurrencyFigures[] {
  const byCurrency = new Map<string, CurrencyFigures>();
  for (const row of funding) {
    const sum = byCurrency.get(row.currency) ?? { currency: row.currency, committed: 0, disbursed: 0, spent: 0 };
    byCurrency.set(row.currency, {
      currency: row.currency,
      committed: sum.committed + row.committed,
      disbursed: sum.disbursed + row.disbursed - (row.refunded ?? 0),
      spent: sum.spent + row.spent,
    });
  }
  return [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}
