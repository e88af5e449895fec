import { RuleViolation } from '../src';
import { decideExchangeRates, evolveExchangeRateSet, initialExchangeRateSetState, type RecordExchangeRates } from '../src/exchange-rates/exchange-rates';
import { committed, DONOR, eur, IMPLEMENTER, inDelivery, joined, disbursed, refunded } from '../src/testing/partnership-fixtures';
import { as, given, NOW } from '../src/testing/partnership-spec';

const table = { rate: '1.0800', source: 'ECB reference rate', valueDate: '2026-02-27' };

describe('money rules: rates checked against the table', () => {
  const flow = { flowId: 'd-2', receiverId: IMPLEMENTER, amount: eur(100), date: '2026-02-28' };

  it('accepts a recorded rate within 10% of the table (1.15 against 1.08 is 6.5%)', () => {
    const exchangeRate = { toCurrency: 'USD', rate: '1.15' };
    given(...inDelivery, committed(1000))
      .when({ type: 'DisburseFunds', data: { ...flow, exchangeRate, referenceRate: table }, context: as(DONOR) })
      .then([{ type: 'FundsDisbursed', schemaVersion: 1, data: { ...flow, exchangeRate, providerId: DONOR } }]);
  });

  it('refuses an inverted rate (0.9259 against 1.08 is 14% off) unless the client confirms it', () => {
    const exchangeRate = { toCurrency: 'USD', rate: '0.9259' };
    given(...inDelivery, committed(1000))
      .when({ type: 'DisburseFunds', data: { ...flow, exchangeRate, referenceRate: table }, context: as(DONOR) })
      .thenThrows('flow.rate-deviation');
    given(...inDelivery, committed(1000))
      .when({ type: 'DisburseFunds', data: { ...flow, exchangeRate, referenceRate: table, rateConfirmed: true }, context: as(DONOR) })
      .then([{ type: 'FundsDisbursed', schemaVersion: 1, data: { ...flow, exchangeRate, providerId: DONOR } }]);
  });

  it('takes any positive rate when the table has none for the date', () => {
    const exchangeRate = { toCurrency: 'USD', rate: '9.99' };
    given(...inDelivery, committed(1000))
      .when({ type: 'DisburseFunds', data: { ...flow, exchangeRate, referenceRate: null }, context: as(DONOR) })
      .then([{ type: 'FundsDisbursed', schemaVersion: 1, data: { ...flow, exchangeRate, providerId: DONOR } }]);
  });
});

describe('money rules: refunds and re-disbursement', () => {
  it('lets refunded money be disbursed again under the same commitment, and no more', () => {
    // Committed 1,000; disbursed 800; refunded 300: 1,000 − 800 + 300 = 500 may still be disbursed.
    const again = { flowId: 'd-2', receiverId: IMPLEMENTER, amount: eur(500), date: '2026-03-10', exchangeRate: null };
    given(...inDelivery, committed(1000), disbursed(800), refunded(300))
      .when({ type: 'DisburseFunds', data: again, context: as(DONOR) })
      .then([{ type: 'FundsDisbursed', schemaVersion: 1, data: { ...again, providerId: DONOR } }]);
    given(...inDelivery, committed(1000), disbursed(800), refunded(300))
      .when({ type: 'DisburseFunds', data: { ...again, amount: eur(501) }, context: as(DONOR) })
      .thenThrows('flow.disbursement-within-commitment');
  });
});

describe('money rules: a donor that implements', () => {
  const own = { flowId: 'c-own', receiverId: DONOR, amount: eur(5000), date: '2026-02-01', exchangeRate: null };

  it('budgets its own implementation as a commitment to itself', () => {
    given(...inDelivery, joined(DONOR, 'implementer'))
      .when({ type: 'CommitFunding', data: own, context: as(DONOR) })
      .then([{ type: 'FundingCommitted', schemaVersion: 1, data: { ...own, providerId: DONOR } }]);
  });

  it('refuses a commitment to itself from a donor that does not implement, and a disbursement to itself always', () => {
    given(...inDelivery)
      .when({ type: 'CommitFunding', data: own, context: as(DONOR) })
      .thenThrows('flow.distinct-parties');
    given(...inDelivery, joined(DONOR, 'implementer'), { type: 'FundingCommitted', schemaVersion: 1, data: { ...own, providerId: DONOR } })
      .when({ type: 'DisburseFunds', data: { ...own, flowId: 'd-own' }, context: as(DONOR) })
      .thenThrows('flow.distinct-parties');
  });
});

describe('money rules: spending far beyond what was received', () => {
  const spend = (amountMinor: number, overspendReason?: string) => ({
    flowId: 'x-1',
    amount: eur(amountMinor),
    date: '2026-03-15',
    category: 'training',
    spentInCountry: 'GH',
    supplier: { name: 'Accra venue', local: true },
    exchangeRate: null,
    ...(overspendReason === undefined ? {} : { overspendReason }),
  });

  it('records spending up to 150% of what was received without a reason (1,200 of 800 received)', () => {
    const { overspendReason: _none, ...data } = spend(1200);
    given(...inDelivery, committed(1000), disbursed(800))
      .when({ type: 'RecordExpenditure', data: spend(1200), context: as(IMPLEMENTER) })
      .then([{ type: 'ExpenditureRecorded', schemaVersion: 2, data: { ...data, spenderId: IMPLEMENTER, overspendReason: null } }]);
  });

  it('asks for a reason above 150% (1,201 of 800), and keeps the reason it is given', () => {
    given(...inDelivery, committed(1000), disbursed(800))
      .when({ type: 'RecordExpenditure', data: spend(1201), context: as(IMPLEMENTER) })
      .thenThrows('flow.spending-beyond-received');
    given(...inDelivery, committed(1000), disbursed(800))
      .when({ type: 'RecordExpenditure', data: spend(1201, '   '), context: as(IMPLEMENTER) })
      .thenThrows('flow.spending-beyond-received');
    const { overspendReason: _given, ...data } = spend(1201, 'co-financed by the ministry');
    given(...inDelivery, committed(1000), disbursed(800))
      .when({ type: 'RecordExpenditure', data: spend(1201, 'co-financed by the ministry'), context: as(IMPLEMENTER) })
      .then([{ type: 'ExpenditureRecorded', schemaVersion: 2, data: { ...data, spenderId: IMPLEMENTER, overspendReason: 'co-financed by the ministry' } }]);
  });

  it('compares net of refunds: 800 received less 300 refunded leaves 500, so 751 needs a reason', () => {
    given(...inDelivery, committed(1000), disbursed(800), refunded(300))
      .when({ type: 'RecordExpenditure', data: spend(751), context: as(IMPLEMENTER) })
      .thenThrows('flow.spending-beyond-received');
  });
});

describe('exchange-rate sets', () => {
  const admin = { ...as('org-admin', ['admin']), now: NOW };
  const record = (rates: RecordExchangeRates['data']['rates'], context = admin): RecordExchangeRates => ({
    type: 'RecordExchangeRates',
    data: { setId: 'ecb-2026-01', source: 'ECB reference rate', rates },
    context,
  });
  const eurUsd = { base: 'EUR', quote: 'USD', valueDate: '2026-01-02', rate: '1.0350' };
  const refused = (run: () => unknown): string => {
    try {
      run();
    } catch (e) {
      if (e instanceof RuleViolation) return e.rule;
      throw e;
    }
    return 'accepted';
  };

  it('records a set once, with who recorded it', () => {
    const events = decideExchangeRates(record([eurUsd]), initialExchangeRateSetState);
    expect(events).toEqual([
      { type: 'ExchangeRatesRecorded', schemaVersion: 1, data: { setId: 'ecb-2026-01', source: 'ECB reference rate', recordedBy: 'org-admin', rates: [eurUsd] } },
    ]);
    const state = events.reduce(evolveExchangeRateSet, initialExchangeRateSetState);
    expect(refused(() => decideExchangeRates(record([eurUsd]), state))).toBe('rates.set-unique');
  });

  it.each([
    ['a rate of zero', [{ ...eurUsd, rate: '0' }], 'rates.positive'],
    ['a negative rate', [{ ...eurUsd, rate: '-1.03' }], 'rates.positive'],
    ['a float in exponent form', [{ ...eurUsd, rate: '1e3' }], 'rates.positive'],
    ['a pair of one currency', [{ ...eurUsd, quote: 'EUR' }], 'rates.distinct-currencies'],
    ['an unknown currency', [{ ...eurUsd, quote: 'XYZ' }], 'money.iso-4217'],
    ['30 February', [{ ...eurUsd, valueDate: '2026-02-30' }], 'date.calendar'],
    ['a rate from the future', [{ ...eurUsd, valueDate: '2027-01-04' }], 'dates.not-in-future'],
    ['the same pair and date twice', [eurUsd, { ...eurUsd, rate: '1.0351' }], 'rates.unique'],
    ['an empty set', [], 'rates.required'],
  ])('refuses %s', (_what, rates, rule) => {
    expect(refused(() => decideExchangeRates(record(rates), initialExchangeRateSetState))).toBe(rule);
  });

  it('is for administrators only', () => {
    expect(refused(() => decideExchangeRates(record([eurUsd], as(DONOR)), initialExchangeRateSetState))).toBe('access.admin');
  });
});
