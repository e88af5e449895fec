import { getJson } from '../api/api-client';
import type { CurrencyTotals, ExchangeRateSets, FundingTotals, InclusionRow, LocalOwnershipRow, Overlap, Page, PartnershipRow, ReportingTotals } from '../api/api-types';
import type { ProviderReceiverTotals } from './funding-sankey';

export interface PortfolioData {
  readonly reportingCurrency: string;
  readonly currencies: readonly string[];
  readonly partnerships: readonly PartnershipRow[];
  readonly byPartnership: FundingTotals<{ partnershipId: string; title: string }>;
  readonly byYear: FundingTotals<{ year: number }>;
  /** Per donor of the portfolio's partnerships: a donor's own money apart from its co-funders'. */
  readonly byDonor: FundingTotals<{ donorId: string }>;
  readonly transfers: readonly ProviderReceiverTotals[];
  readonly ownership: readonly LocalOwnershipRow[];
  readonly inclusion: readonly InclusionRow[];
  readonly overlaps: readonly Overlap[];
}

/**
 * One portfolio: the partnerships the viewer's organisation takes part in (every one for an admin).
 * Row-level endpoints are scoped by the API itself; public statistics are narrowed with `organisationId`
 * so both halves of a chart describe the same partnerships.
 */
export async function loadPortfolio(organisationId: string | null, chosenCurrency: string | null, signal: AbortSignal): Promise<PortfolioData> {
  const scope = organisationId ? `&organisationId=${encodeURIComponent(organisationId)}` : '';
  const [plain, rates] = await Promise.all([
    getJson<FundingTotals<{ partnershipId: string }>>(`/api/funding/totals?groupBy=partnership${scope}`, signal),
    getJson<ExchangeRateSets>('/api/exchange-rates', signal),
  ]);
  const own = portfolioCurrencies(plain.items);
  const reportingCurrency = chosenCurrency ?? own[0] ?? 'EUR';
  const rc = `&reportingCurrency=${reportingCurrency}`;
  const [partnerships, byPartnership, byYear, byDonor, transfers, ownership, inclusion, overlaps] = await Promise.all([
    getJson<Page<PartnershipRow>>(`/api/partnerships?limit=500&sort=title${scope}`, signal),
    getJson<FundingTotals<{ partnershipId: string; title: string }>>(`/api/funding/totals?groupBy=partnership${rc}${scope}`, signal),
    getJson<FundingTotals<{ year: number }>>(`/api/funding/totals?groupBy=year${rc}${scope}`, signal),
    getJson<FundingTotals<{ donorId: string }>>(`/api/funding/totals?groupBy=donor${rc}${scope}`, signal),
    getJson<FundingTotals<{ providerId: string; receiverId: string }>>(`/api/funding/totals?groupBy=provider-receiver${scope}`, signal),
    getJson<Page<LocalOwnershipRow>>(`/api/local-ownership/partnerships?limit=500${scope}`, signal),
    getJson<{ items: InclusionRow[] }>(`/api/inclusion?groupBy=partnership${scope}`, signal),
    getJson<Page<Overlap>>('/api/coordination/overlaps?limit=500', signal),
  ]);
  const mine = new Set(partnerships.items.map((p) => p.partnershipId));
  return {
    reportingCurrency,
    // The portfolio's own currencies first, then any other the rate table converts to.
    currencies: [...new Set([reportingCurrency, ...own, ...[...rates.currencies].sort()])],
    partnerships: partnerships.items,
    byPartnership,
    byYear,
    byDonor,
    transfers: transfers.items,
    ownership: ownership.items,
    inclusion: inclusion.items,
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
