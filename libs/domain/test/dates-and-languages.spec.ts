import type { PartnershipEvent } from '../src';
import { latestToday } from '../src/shared/dates';
import { BENEFICIARY, committed, eur, IMPLEMENTER, inDelivery } from '../src/testing/partnership-fixtures';
import { as, given } from '../src/testing/partnership-spec';

const disbursed: PartnershipEvent = {
  type: 'FundsDisbursed',
  schemaVersion: 1,
  data: { flowId: 'd-1', providerId: 'org-donor', receiverId: IMPLEMENTER, amount: eur(1_000), date: '2026-02-10', exchangeRate: null },
};
const spending = (date: string) => ({
  flowId: 'x-1',
  amount: eur(100),
  date,
  category: 'venue',
  spentInCountry: 'TL',
  supplier: { name: 'Dili venue', local: true },
  exchangeRate: null,
});

describe('"not in the future" is judged where it is latest (UTC+14)', () => {
  it('lets a user in Dili (UTC+9) record on its today at 21:13Z, when UTC still says yesterday', () => {
    // 2026-06-30T21:13Z is 2026-07-01 06:13 in Dili and 11:13 at UTC+14.
    const evening = { ...as(IMPLEMENTER), now: '2026-06-30T21:13:00.000Z' };
    expect(latestToday(evening.now)).toBe('2026-07-01');
    const { ...data } = spending('2026-07-01');
    given(...inDelivery, committed(1_000), disbursed)
      .when({ type: 'RecordExpenditure', data, context: evening })
      .then([{ type: 'ExpenditureRecorded', schemaVersion: 2, data: { ...data, spenderId: IMPLEMENTER, overspendReason: null } }]);
  });

  it('still refuses a date that is tomorrow everywhere', () => {
    given(...inDelivery, committed(1_000), disbursed)
      .when({ type: 'RecordExpenditure', data: spending('2026-07-02'), context: { ...as(IMPLEMENTER), now: '2026-06-30T21:13:00.000Z' } })
      .thenThrows('dates.not-in-future');
  });
});

describe('languages by ISO 639', () => {
  it('accepts Tetum (tet, ISO 639-3) beside Portuguese (pt, ISO 639-1)', () => {
    given(...inDelivery)
      .when({ type: 'StateLanguages', data: { languages: ['pt', 'tet'] }, context: as(BENEFICIARY) })
      .then([{ type: 'LanguagesStated', schemaVersion: 1, data: { languages: ['pt', 'tet'], statedBy: BENEFICIARY } }]);
  });

  it('refuses a code ISO 639 does not have', () => {
    given(...inDelivery)
      .when({ type: 'StateLanguages', data: { languages: ['pt', 'zz'] }, context: as(BENEFICIARY) })
      .thenThrows('language.iso-639');
  });
});
