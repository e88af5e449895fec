import { getJson } from '../api/api-client';
import type { CurrencyTotals, FundingChain, FundingTotals, HistoryPage, PartnershipDetail, WholeFunding } from '../api/api-types';
import { visible } from '../api/cells';
import type { SignedInUser } from '../session/session';
import { myRoles } from './my-roles';

export interface PartnershipView {
  readonly partnership: PartnershipDetail;
  readonly chain: FundingChain;
  readonly money: readonly CurrencyTotals[];
  /** The partnership's figures with the programme currency as reporting currency (absent before any money). */
  readonly funding: WholeFunding<'partnership'> | null;
  /** When each phase was entered; empty for a viewer who may not read the history (an admin). */
  readonly phaseEntered: ReadonlyMap<string, string>;
  /** By milestone: each time the beneficiary disputed it, oldest first, with its reason (shown to every party). */
  readonly disputes: ReadonlyMap<string, readonly Dispute[]>;
}

export interface Dispute {
  readonly at: string;
  readonly by: string;
  readonly reason: string;
}

export async function loadPartnership(id: string, user: SignedInUser | null, signal: AbortSignal): Promise<PartnershipView> {
  const path = encodeURIComponent(id);
  const [partnership, chain] = await Promise.all([getJson<PartnershipDetail>(`/api/partnerships/${path}`, signal), getJson<FundingChain>(`/api/funding/chains/${path}`, signal)]);
  const reporting = chain.basis ? `&reportingCurrency=${chain.basis}` : '';
  // The history is for the parties and appointed evaluators: anyone else (an administrator) is not asked to
  // fetch what would only come back 404.
  const party = myRoles(partnership, user).size > 0;
  const [totals, phases, disputed] = await Promise.all([
    getJson<FundingTotals<'partnership'>>(`/api/funding/totals?groupBy=partnership${reporting}`, signal),
    party ? getJson<HistoryPage>(`/api/partnerships/${path}/history?type=PhaseAdvanced&limit=50`, signal) : null,
    party && partnership.milestones.length > 0 ? getJson<HistoryPage>(`/api/partnerships/${path}/history?type=MilestoneDisputed&limit=1000`, signal) : null,
  ]);
  // Per partnership is for its parties: their own partnership is never withheld.
  const funding = visible(totals.items).items.find((i) => i.key.partnershipId === id) ?? null;
  const phaseEntered = new Map<string, string>([['scoping', partnership.proposedAt]]);
  for (const event of phases?.items ?? []) if (isPhaseAdvance(event.data)) phaseEntered.set(event.data.to, event.recordedAt);
  const disputes = new Map<string, Dispute[]>();
  for (const event of disputed?.items ?? []) {
    if (!isDispute(event.data)) continue;
    disputes.set(event.data.milestoneId, [...(disputes.get(event.data.milestoneId) ?? []), { at: event.recordedAt, by: event.data.disputedBy, reason: event.data.reason }]);
  }
  return { partnership, chain, money: funding?.byCurrency ?? [], funding, phaseEntered, disputes };
}

const isDispute = (data: unknown): data is { milestoneId: string; disputedBy: string; reason: string } =>
  typeof data === 'object' && data !== null && 'milestoneId' in data && 'reason' in data && 'disputedBy' in data && typeof data.reason === 'string';

const isPhaseAdvance = (data: unknown): data is { to: string } => typeof data === 'object' && data !== null && 'to' in data && typeof data.to === 'string';
