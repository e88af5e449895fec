import type { PartnershipView } from '../view/partnership-view';
import { convertMinor } from './currency-conversion';
import { partnershipLedger, type LedgerMeasure } from './money-ledger';
import { RateTable } from './rate-table';
import { FUNDING_SUMMARY_COLUMNS, type RowOf } from '../storage/columns';

export const FUNDING_MEASURES = ['committed', 'disbursed', 'refunded', 'passed_on', 'received', 'spent', 'spent_locally', 'in_kind'] as const;
export type FundingMeasure = (typeof FUNDING_MEASURES)[number];

const COLUMN_OF: Partial<Record<LedgerMeasure, FundingMeasure>> = {
  committed: 'committed',
  disbursed: 'disbursed',
  refunded: 'refunded',
  passedOn: 'passed_on',
  received: 'received',
  spent: 'spent',
  spentLocally: 'spent_locally',
  inKind: 'in_kind',
};

/**
 * One partnership's own money per organisation, currency, year and recorded rate, from its ledger: each flow
 * on the provider's, the spender's, or for `received` the receiver's row. `committed`, `disbursed` (gross) and
 * `refunded` are the top of the chain's; `passed_on` and `received` are net of refunds. No attribution:
 * a donor's share of others' spending depends on the rate table and is computed where it is read.
 */
export type FundingSummaryRow = RowOf<typeof FUNDING_SUMMARY_COLUMNS>;

// The measures and the declared columns are one list: a measure without its two columns does not compile.
type MeasureColumns = Record<FundingMeasure | `c_${FundingMeasure}`, number>;
type Holds<T extends true> = T;
export type EveryMeasureDeclared = Holds<FundingSummaryRow extends MeasureColumns ? true : false>;

export function fundingSummaryRows(view: PartnershipView): FundingSummaryRow[] {
  const rows = new Map<string, FundingSummaryRow>();
  for (const entry of partnershipLedger(view.flows, view.beneficiaryCountry, RateTable.EMPTY).entries) {
    const column = COLUMN_OF[entry.measure];
    if (!column) continue;
    const rate = entry.rate?.toCurrency ?? '';
    const year = Number(entry.date.slice(0, 4));
    const key = `${entry.organisationId}|${entry.currency}|${year}|${rate}`;
    let row = rows.get(key);
    if (!row) {
      row = { partnership_id: view.partnershipId, organisation_id: entry.organisationId, currency: entry.currency, year, rate_currency: rate } as FundingSummaryRow;
      for (const m of FUNDING_MEASURES) {
        row[m] = 0;
        row[`c_${m}`] = 0;
      }
      rows.set(key, row);
    }
    row[column] += entry.amountMinor;
    if (entry.rate)
      row[`c_${column}`] += entry.amountMinor < 0 ? -convertMinor(-entry.amountMinor, entry.currency, entry.rate) : convertMinor(entry.amountMinor, entry.currency, entry.rate);
  }
  return [...rows.values()].sort((a, b) =>
    `${a.organisation_id}|${a.currency}|${a.year}|${a.rate_currency}`.localeCompare(`${b.organisation_id}|${b.currency}|${b.year}|${b.rate_currency}`),
  );
}
