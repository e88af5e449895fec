import { getJson } from '../api/api-client';
import type { CurrencyTotals, FundingChain, FundingItem, FundingTotals, HistoryEvent, Page, PartnershipDetail } from '../api/api-types';

export interface PartnershipView {
  readonly partnership: PartnershipDetail;
  readonly chain: FundingChain;
  readonly money: readonly CurrencyTotals[];
  /** The partnership's figures with the programme currency as reporting currency (absent before any money). */
  readonly funding: FundingItem<{ partnershipId: string }> | null;
  /** When each phase was entered; empty for a viewer who may not read the history (an admin). */
  readonly phaseEntered: ReadonlyMap<string, string>;
}

export async function loadPartnership(id: string, signal: AbortSignal): Promise<PartnershipView> {
  const path = encodeURIComponent(id);
  const [partnership, chain, phases] = await Promise.all([
    getJson<PartnershipDetail>(`/api/partnerships/${path}`, signal),
    getJson<FundingChain>(`/api/funding/chains/${path}`, signal),
    getJson<Page<HistoryEvent>>(`/api/partnerships/${path}/history?type=PhaseAdvanced&limit=50`, signal).catch(() => null),
  ]);
  const reporting = chain.basis ? `&reportingCurrency=${chain.basis}` : '';
  const totals = await getJson<FundingTotals<{ partnershipId: string }>>(`/api/funding/totals?groupBy=partnership${reporting}`, signal);
  const funding = totals.items.find((i) => i.key.partnershipId === id) ?? null;
  const phaseEntered = new Map<string, string>([['scoping', partnership.proposedAt]]);
  for (const event of phases?.items ?? []) if (typeof event.data.to === 'string') phaseEntered.set(event.data.to, event.recordedAt);
  return { partnership, chain, money: funding?.byCurrency ?? [], funding, phaseEntered };
}
