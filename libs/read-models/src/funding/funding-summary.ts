import type { PartnershipView } from '../partnerships/partnership-view';
import { convertMinor } from './currency-conversion';

export const FUNDING_MEASURES = ['committed', 'disbursed', 'refunded', 'passed_on', 'received', 'spent', 'spent_locally', 'in_kind'] as const;
export type FundingMeasure = (typeof FUNDING_MEASURES)[number];

/**
 * One partnership's money summed per organisation, currency, year and recorded rate: what portfolio
 * totals add up without reading every flow. Each flow lands on exactly one organisation's row per
 * measure (the provider's, the spender's, or for `received` the receiver's), so sums never count a
 * flow twice. `committed`, `disbursed` and `refunded` count only flows at the top of the chain: from
 * an organisation that received nothing in the partnership.
 */
export type FundingSummaryRow = {
  partnership_id: string;
  organisation_id: string;
  currency: string;
  year: number;
  /** '' when the flows carry no rate. */
  rate_currency: string;
} & Record<FundingMeasure, number> &
  Record<`c_${FundingMeasure}`, number>;

export function topOfChainProviders(view: PartnershipView): (providerId: string) => boolean {
  const receivers = new Set(view.flows.filter((f) => (f.kind === 'disbursement' || f.kind === 'commitment') && f.receiverId !== null).map((f) => f.receiverId));
  return (providerId) => !receivers.has(providerId);
}

export function fundingSummaryRows(view: PartnershipView): FundingSummaryRow[] {
  const isOrigin = topOfChainProviders(view);
  const rows = new Map<string, FundingSummaryRow>();
  const add = (organisationId: string, flow: PartnershipView['flows'][number], measure: FundingMeasure) => {
    const rate = flow.rate?.toCurrency ?? '';
    const year = Number(flow.date.slice(0, 4));
    const key = `${organisationId}|${flow.currency}|${year}|${rate}`;
    let row = rows.get(key);
    if (!row) {
      row = { partnership_id: view.partnershipId, organisation_id: organisationId, currency: flow.currency, year, rate_currency: rate } as FundingSummaryRow;
      for (const m of FUNDING_MEASURES) {
        row[m] = 0;
        row[`c_${m}`] = 0;
      }
      rows.set(key, row);
    }
    row[measure] += flow.amountMinor;
    if (flow.rate) row[`c_${measure}`] += convertMinor(flow.amountMinor, flow.currency, flow.rate);
  };
  for (const f of view.flows) {
    if (f.voided) continue;
    switch (f.kind) {
      case 'commitment':
        if (isOrigin(f.providerId)) add(f.providerId, f, 'committed');
        break;
      case 'disbursement':
        add(f.providerId, f, isOrigin(f.providerId) ? 'disbursed' : 'passed_on');
        if (f.receiverId) add(f.receiverId, f, 'received');
        break;
      case 'refund':
        // A refund names the disbursement it reduces: same provider and receiver.
        if (isOrigin(f.providerId)) add(f.providerId, f, 'refunded');
        break;
      case 'in-kind':
        add(f.providerId, f, 'in_kind');
        break;
      case 'expenditure':
        add(f.providerId, f, 'spent');
        if (f.spentInCountry === view.beneficiaryCountry || f.supplierLocal === true) add(f.providerId, f, 'spent_locally');
        break;
    }
  }
  return [...rows.values()].sort((a, b) => `${a.organisation_id}|${a.currency}|${a.year}|${a.rate_currency}`.localeCompare(`${b.organisation_id}|${b.currency}|${b.year}|${b.rate_currency}`));
}
