import { getJson } from '../api/api-client';
import type {
  CurrencyTotals,
  ExchangeRateSets,
  FundingTotals,
  InclusionResult,
  LocalOwnershipRow,
  Overlap,
  Page,
  PartnershipRow,
  ReportingTotals,
  WholeFunding,
  WholeInclusion,
} from '../api/api-types';
import { visible, type Visible } from '../api/cells';
import type { ProviderReceiverTotals } from './funding-sankey';

export interface PortfolioData {
  readonly reportingCurrency: string;
  readonly currencies: readonly string[];
  readonly partnerships: readonly PartnershipRow[];
  readonly byPartnership: Visible<WholeFunding<'partnership'>>;
  readonly byYear: Visible<WholeFunding<'year'>>;
  /** Per donor of the portfolio's partnerships: a donor's own money apart from its co-funders'. */
  readonly byDonor: Visible<WholeFunding<'donor'>>;
  readonly transfers: readonly ProviderReceiverTotals[];
  readonly ownership: readonly LocalOwnershipRow[];
  readonly inclusion: readonly WholeInclusion[];
  readonly overlaps: readonly Overlap[];
}

/**
 * One portfolio: the partnerships the viewer's organisation takes part in (every one for an admin).
 * Row-level endpoints are scoped by the API itself; public statistics are narrowed with `organisationId`
 * so both halves of a chart describe the same partnerships.
 */
export async function loadPortfolio(organisationId: string | null, chosenCurrency: string | null, signal: AbortSignal): Promise<PortfolioData> {
  const scope = organisationId ? `&organisationId=${encodeURIComponent(organisationId)}` : '';
  // What does not depend on the reporting currency is asked at once, beside the figures that choose it: one
  // round trip fewer on a slow link.
  const independent = Promise.all([
    getJson<Page<PartnershipRow>>(`/api/partnerships?limit=500&sort=title${scope}`, signal),
    getJson<FundingTotals<'provider-receiver'>>(`/api/funding/totals?groupBy=provider-receiver${scope}`, signal),
    getJson<Page<LocalOwnershipRow>>(`/api/local-ownership/partnerships?limit=500${scope}`, signal),
    getJson<InclusionResult<'partnership'>>(`/api/inclusion?groupBy=partnership${scope}`, signal),
    getJson<Page<Overlap>>('/api/coordination/overlaps?limit=500', signal),
  ]);
  // A rejection is read when awaited below; until then it must not count as unhandled.
  independent.catch(() => undefined);
  const [plain, rates] = await Promise.all([
    getJson<FundingTotals<'partnership'>>(`/api/funding/totals?groupBy=partnership${scope}`, signal),
    getJson<ExchangeRateSets>('/api/exchange-rates', signal),
  ]);
  const own = portfolioCurrencies(visible(plain.items).items);
  const reportingCurrency = chosenCurrency ?? own[0] ?? 'EUR';
  const rc = `&reportingCurrency=${reportingCurrency}`;
  const [[partnerships, transfers, ownership, inclusion, overlaps], byPartnership, byYear, byDonor] = await Promise.all([
    independent,
    getJson<FundingTotals<'partnership'>>(`/api/funding/totals?groupBy=partnership${rc}${scope}`, signal),
    getJson<FundingTotals<'year'>>(`/api/funding/totals?groupBy=year${rc}${scope}`, signal),
    getJson<FundingTotals<'donor'>>(`/api/funding/totals?groupBy=donor${rc}${scope}`, signal),
  ]);
  const mine = new Set(partnerships.items.map((p) => p.partnershipId));
  return {
    reportingCurrency,
    // The portfolio's own currencies first, then any other the rate table converts to.
    currencies: [...new Set([reportingCurrency, ...own, ...[...rates.currencies].sort()])],
    partnerships: partnerships.items,
    byPartnership: visible(byPartnership.items),
    byYear: visible(byYear.items),
    byDonor: visible(byDonor.items),
    transfers: visible(transfers.items).items,
    ownership: ownership.items,
    inclusion: visible(inclusion.items).items,
    overlaps: overlaps.items.filter((o) => o.partnerships.some((p) => mine.has(p.partnershipId))),
  };
}

/** Currencies that had no rate for some amount, over every measure. */
export function unconvertedCurrencies(items: readonly { reporting?: ReportingTotals }[]): string[] {
  return [...new Set(items.flatMap((i) => i.reporting?.unconverted.map((u) => u.currency) ?? []))].sort();
}

/**
 * Currencies in the portfolio, the one most partnerships commit in first: amounts in different
 * currencies cannot be ranked by size, partnerships can.
 */
export function portfolioCurrencies(items: readonly { byCurrency: readonly CurrencyTotals[] }[]): string[] {
  const partnerships = new Map<string, number>();
  for (const item of items) for (const t of item.byCurrency) partnerships.set(t.currency, (partnerships.get(t.currency) ?? 0) + (t.committed > 0 ? 1 : 0));
  return [...partnerships.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c);
}
