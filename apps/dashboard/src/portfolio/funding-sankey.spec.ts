import { fundingSankey, transferCurrencies, type ProviderReceiverTotals } from './funding-sankey';

const totals = (currency: string, committed: number, disbursed: number, spent = 0) => ({
  currency,
  committed,
  disbursed,
  spent,
  refunded: 0,
  passedOn: 0,
  received: 0,
  spentLocally: 0,
  inKind: 0,
  localShare: null,
  burnRate: null,
});
const row = (providerId: string, receiverId: string, ...byCurrency: ReturnType<typeof totals>[]): ProviderReceiverTotals => ({ key: { providerId, receiverId }, byCurrency });

// Two donors fund one implementer, which passes part on to the beneficiary and spends the rest.
const rows = [
  row('donor-a', 'impl', totals('EUR', 1000, 600)),
  row('donor-b', 'impl', totals('EUR', 500, 200), totals('NOK', 9000, 9000)),
  row('impl', 'benef', totals('EUR', 300, 100)),
  row('impl', '', totals('EUR', 0, 0, 400)),
  row('benef', '', totals('EUR', 0, 0, 80)),
  row('both', 'both', totals('EUR', 700, 700)),
];

describe('funding Sankey', () => {
  it('draws committed and disbursed as the transfers themselves, in one currency', () => {
    expect(fundingSankey(rows, 'EUR', 'committed').links).toEqual([
      { source: 'donor-a', target: 'impl', value: 1000 },
      { source: 'donor-b', target: 'impl', value: 500 },
      { source: 'impl', target: 'benef', value: 300 },
    ]);
    expect(fundingSankey(rows, 'NOK', 'disbursed').links).toEqual([{ source: 'donor-b', target: 'impl', value: 9000 }]);
  });

  it('shares what a receiver spent among the flows into it, in proportion to what each disbursed', () => {
    // impl received 600 + 200 and spent 400: 300 is attributed to donor-a, 100 to donor-b.
    expect(fundingSankey(rows, 'EUR', 'spent').links).toEqual([
      { source: 'donor-a', target: 'impl', value: 300 },
      { source: 'donor-b', target: 'impl', value: 100 },
      { source: 'impl', target: 'benef', value: 80 },
    ]);
  });

  it('leaves out an organisation paying itself and any flow that would close a cycle', () => {
    const cyclic = [...rows, row('benef', 'donor-a', totals('EUR', 50, 50))];
    const links = fundingSankey(cyclic, 'EUR', 'committed').links;
    expect(links.some((l) => l.source === 'both' || l.source === 'benef')).toBe(false);
  });

  it('offers the currency on most flows first', () => {
    expect(transferCurrencies(rows)).toEqual(['EUR', 'NOK']);
  });
});
