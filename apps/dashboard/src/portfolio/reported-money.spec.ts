import type { ReportingTotals } from '../api/api-types';
import { describeFigure, reportedFigure } from './reported-money';

const plain = (text: string | null) => text?.replace(/[\s\u00a0\u202f]+/g, ' ') ?? null;
const zero = { committed: 0, disbursed: 0, refunded: 0, passedOn: 0, received: 0, spent: 0, spentLocally: 0, spentDirectly: 0, inKind: 0 };
const reporting = (r: Partial<ReportingTotals>): { reporting: ReportingTotals } => ({
  reporting: { currency: 'EUR', ...zero, unconverted: [], complete: true, localShare: null, burnRate: null, ...r },
});

describe('reported money: unconverted is shown as such, never as zero', () => {
  it('shows a dash and names the amounts when nothing converted', () => {
    // Kenya NOK 3,500,000 committed and Mozambique NOK 900,000, no NOK rate: "—", and NOK 4,400,000 not converted.
    const figure = reportedFigure(
      [
        reporting({ unconverted: [{ currency: 'NOK', committed: 350_000_000 }], complete: false }),
        reporting({ unconverted: [{ currency: 'NOK', committed: 90_000_000 }], complete: false }),
      ],
      'committed',
      'EUR',
    );
    expect(figure).toEqual({ currency: 'EUR', converted: 0, unconverted: [{ currency: 'NOK', amountMinor: 440_000_000 }] });
    const shown = describeFigure(figure);
    expect(shown.value).toBe('—');
    expect(plain(shown.note)).toBe('NOK 4,400,000 not converted: no rate to EUR');
  });

  it('adds the converted part and lists the rest', () => {
    // EUR 480,000 + EUR 210,000 converted; KES 10,600,000 and JPY 5,000,000 spent without a rate.
    const figure = reportedFigure(
      [
        reporting({ spent: 48_000_000, unconverted: [{ currency: 'KES', spent: 1_060_000_000 }] }),
        reporting({ spent: 21_000_000, unconverted: [{ currency: 'JPY', spent: 5_000_000, committed: 9 }] }),
      ],
      'spent',
      'EUR',
    );
    const shown = describeFigure(figure);
    expect(plain(shown.value)).toBe('EUR 690,000');
    expect(plain(shown.note)).toBe('plus JPY 5,000,000 and KES 10,600,000 not converted: no rate to EUR');
  });

  it('shows a real zero as zero', () => {
    expect(plain(describeFigure(reportedFigure([reporting({})], 'spent', 'EUR')).value)).toBe('EUR 0');
  });
});
