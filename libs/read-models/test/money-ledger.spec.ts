import { FiguresBuilder, type Perspective } from '../src/funding/funding-figures';
import { partnershipLedger, type LedgerFlow } from '../src/funding/money-ledger';
import { RateTable } from '../src/funding/rate-table';

const WHOLE: Perspective = { kind: 'whole' };

let seq = 0;
const flow = (
  kind: LedgerFlow['kind'],
  amountMinor: number,
  currency: string,
  date: string,
  rate: string | null,
  providerId = 'org-donor',
  receiverId: string | null = 'org-impl',
): LedgerFlow => ({
  flowId: `f-${kind}-${++seq}`,
  kind,
  providerId,
  receiverId,
  amountMinor,
  currency,
  date,
  rate: rate === null ? null : { toCurrency: 'USD', rate },
  spentInCountry: null,
  supplierLocal: null,
  voided: false,
});

function reported(flows: LedgerFlow[], perspective: Perspective = WHOLE, filter: (date: string) => boolean = () => true) {
  const figures = new FiguresBuilder(perspective, RateTable.EMPTY, 'USD');
  for (const entry of partnershipLedger(flows, 'MZ', RateTable.EMPTY).entries) if (filter(entry.date)) figures.add(entry);
  const built = figures.build(false);
  return { usd: built.reporting!, native: built.byCurrency };
}

describe('committed and disbursed share one rate basis', () => {
  it('given NOK 900,000 committed at 0.0915 and disbursed in full at 0.0921, both report USD 82,890.00', () => {
    // By hand: 900,000.00 × 0.0921 = 82,890.00 for the disbursement; the commitment is drawn in full by it, so it
    // converts at the same rate. Converting the commitment at its own rate gave 900,000.00 × 0.0915 = 82,350.00,
    // less than was disbursed (the demo's Mozambique exercise before this rule).
    const { usd } = reported([flow('commitment', 90_000_000, 'NOK', '2024-05-01', '0.0915'), flow('disbursement', 90_000_000, 'NOK', '2024-05-20', '0.0921')]);
    expect(usd.committed).toBe(8_289_000);
    expect(usd.disbursed).toBe(8_289_000);
    expect(usd.complete).toBe(true);
  });

  it('given a partly drawn commitment and a refund, the undrawn rest converts at the commitment rate', () => {
    // By hand, EUR → USD: committed 100,000 at 1.10; disbursed 40,000 at 1.08 = 43,200; refunded 5,000 at 1.12 = 5,600.
    // Disbursed, net: 43,200 − 5,600 = 37,600.00.
    // Committed: drawn 40,000 − 5,000 = 35,000 at the draws' rates (43,200 − 5,600 = 37,600) plus the undrawn
    // 65,000 at 1.10 = 71,500, so 109,100.00; committed − disbursed = 71,500 = the undrawn rest at its own rate.
    const { usd, native } = reported([
      flow('commitment', 10_000_000, 'EUR', '2024-01-10', '1.10'),
      flow('disbursement', 4_000_000, 'EUR', '2024-03-01', '1.08'),
      flow('refund', 500_000, 'EUR', '2024-06-01', '1.12'),
    ]);
    expect(native).toEqual([expect.objectContaining({ currency: 'EUR', committed: 10_000_000, disbursed: 3_500_000, refunded: 500_000 })]);
    expect(usd.disbursed).toBe(3_760_000);
    expect(usd.committed).toBe(10_910_000);
  });

  it('given two commitments, disbursements draw on the earlier first and each stays in its own year', () => {
    // By hand: 2023 commitment 60,000 at 2.0 and 2024 commitment 40,000 at 3.0; one 2024 disbursement of 80,000
    // at 2.5 draws 60,000 from the first and 20,000 from the second. Committed in USD: 60,000 × 2.5 = 150,000 (2023)
    // and 20,000 × 2.5 + 20,000 × 3.0 = 110,000 (2024), 260,000 in all; disbursed 80,000 × 2.5 = 200,000.
    const flows = [
      flow('commitment', 6_000_000, 'EUR', '2023-06-01', '2.0'),
      flow('commitment', 4_000_000, 'EUR', '2024-02-01', '3.0'),
      flow('disbursement', 8_000_000, 'EUR', '2024-03-01', '2.5'),
    ];
    expect(reported(flows, WHOLE, (d) => d.startsWith('2023')).usd.committed).toBe(15_000_000);
    expect(reported(flows, WHOLE, (d) => d.startsWith('2023')).native[0].committed).toBe(6_000_000);
    expect(reported(flows, WHOLE, (d) => d.startsWith('2024')).usd.committed).toBe(11_000_000);
    expect(reported(flows).usd).toEqual(expect.objectContaining({ committed: 26_000_000, disbursed: 20_000_000 }));
  });

  it('given a donor that commits to itself, its budget converts at its own rate and counts once', () => {
    // By hand: JPY 5,000,000 at 0.0068 = USD 34,000.00; nothing is disbursed to oneself.
    const { usd } = reported([flow('commitment', 5_000_000, 'JPY', '2024-04-01', '0.0068', 'org-donor', 'org-donor')], { kind: 'donor', organisationId: 'org-donor' });
    expect(usd.committed).toBe(3_400_000);
    expect(usd.disbursed).toBe(0);
  });
});

describe('figures added up per partnership, then merged', () => {
  it('equal the figures of every entry added one by one: per currency, reported, unconverted and the rates used', () => {
    // Two partnerships' ledgers, one with a flow no rate converts (GHS without a rate): merged partial sums must
    // give exactly what one builder fed every entry gives, since each figure is a sum of whole minor units.
    const first = partnershipLedger(
      [
        flow('commitment', 10_000_000, 'EUR', '2024-01-10', '1.10'),
        flow('disbursement', 4_000_000, 'EUR', '2024-03-01', '1.08'),
        flow('expenditure', 1_250_000, 'EUR', '2024-04-01', '1.09', 'org-impl', null),
      ],
      'MZ',
      RateTable.EMPTY,
    );
    const second = partnershipLedger(
      [flow('commitment', 90_000_000, 'NOK', '2024-05-01', '0.0915'), flow('disbursement', 5_000_000, 'GHS', '2024-06-01', null)],
      'MZ',
      RateTable.EMPTY,
    );
    const whole = new FiguresBuilder(WHOLE, RateTable.EMPTY, 'USD');
    const merged = new FiguresBuilder(WHOLE, RateTable.EMPTY, 'USD');
    for (const ledger of [first, second]) {
      const partial = new FiguresBuilder(WHOLE, RateTable.EMPTY, 'USD');
      for (const entry of ledger.entries) {
        whole.add(entry);
        partial.add(entry);
      }
      merged.merge(partial);
    }
    const expected = whole.build(true);
    expect(merged.build(true)).toEqual(expected);
    expect(expected.reporting?.unconverted).toEqual([{ currency: 'GHS', disbursed: 5_000_000, received: 5_000_000 }]);
    expect(expected.reporting?.conversions?.length).toBeGreaterThan(0);
  });
});
