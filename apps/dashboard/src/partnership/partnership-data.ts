import { getJson } from '../api/api-client';
import type { CurrencyTotals, FundingChain, FundingTotals, HistoryPage, PartnershipDetail, WholeFunding } from '../api/api-types';
import { visible } from '../api/cells';

export interface PartnershipView {
  readonly partnership: PartnershipDetail;
  readonly chain: FundingChain;
  readonly money: readonly CurrencyTotals[];
  /** The partnership's figures with the programme currency as reporting currency (absent before any money). */
  readonly funding: WholeFunding<'partnership'> | null;
  /** When each phase was entered; empty for a viewer who may not read the history (an admin). */
  readonly phaseEntered: ReadonlyMap<string, string>;
}

export async function loadPartnership(id: string, signal: AbortSignal): Promise<PartnershipView> {
  const path = encodeURIComponent(id);
  const [partnership, chain, phases] = await Promise.all([
    getJson<PartnershipDetail>(`/api/partnerships/${path}`, signal),
    getJson<FundingChain>(`/api/funding/chains/${path}`, signal),
    getJson<HistoryPage>(`/api/partnerships/${path}/history?type=PhaseAdvanced&limit=50`, signal).catch(() => null),
  ]);
  const reporting = chain.basis ? `&reportingCurrency=${chain.basis}` : '';
  const totals = await getJson<FundingTotals<'partnership'>>(`/api/funding/totals?groupBy=partnership${reporting}`, signal);
  // Per partnership is for its parties: their own partnership is never withheld.
  const funding = visible(totals.items).items.find((i) => i.key.partnershipId === id) ?? null;
  const phaseEntered = new Map<string, string>([['scoping', partnership.proposedAt]]);
  for (const event of phases?.items ?? []) if (isPhaseAdvance(event.data)) phaseEntered.set(event.data.to, event.recordedAt);
  return { partnership, chain, money: funding?.byCurrency ?? [], funding, phaseEntered };
}

const isPhaseAdvance = (data: unknown): data is { to: string } => typeof data === 'object' && data !== null && 'to' in data && typeof data.to === 'string';
