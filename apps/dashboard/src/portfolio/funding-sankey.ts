import type { CurrencyTotals } from '../api/api-types';

export type FlowMeasure = 'committed' | 'disbursed' | 'spent';

/** One row of `GET /api/funding/totals?groupBy=provider-receiver`; an empty receiver is the provider's own spending. */
export interface ProviderReceiverTotals {
  readonly key: { readonly providerId: string; readonly receiverId: string };
  readonly byCurrency: readonly CurrencyTotals[];
}

export interface SankeyLink {
  readonly source: string;
  readonly target: string;
  readonly value: number;
}

export interface FundingSankey {
  readonly currency: string;
  readonly measure: FlowMeasure;
  readonly nodes: readonly { readonly id: string }[];
  readonly links: readonly SankeyLink[];
}

/** Currencies that carry money between organisations, the one on most flows first (amounts in different currencies do not compare). */
export function transferCurrencies(rows: readonly ProviderReceiverTotals[]): string[] {
  const flows = new Map<string, number>();
  for (const row of rows) {
    if (row.key.receiverId === '' || row.key.receiverId === row.key.providerId) continue;
    for (const t of row.byCurrency) if (t.committed > 0 || t.disbursed > 0) flows.set(t.currency, (flows.get(t.currency) ?? 0) + 1);
  }
  return [...flows.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([currency]) => currency);
}

/**
 * Donor → implementer → beneficiary in one currency. Committed and disbursed are the transfers
 * themselves. Spent follows the money one step further: what a receiver spent is shared among the
 * links into it in proportion to what each disbursed to it, because spending records do not say whose
 * money paid for them (docs/metrics.md, "Funding Sankey").
 */
export function fundingSankey(rows: readonly ProviderReceiverTotals[], currency: string, measure: FlowMeasure): FundingSankey {
  const transfers: { providerId: string; receiverId: string; totals: CurrencyTotals }[] = [];
  const spentBy = new Map<string, number>();
  for (const row of rows) {
    const totals = row.byCurrency.find((t) => t.currency === currency);
    if (!totals) continue;
    if (row.key.receiverId === '') spentBy.set(row.key.providerId, (spentBy.get(row.key.providerId) ?? 0) + totals.spent);
    // An organisation that is donor and implementer of its own partnership pays itself: no flow to draw.
    else if (row.key.providerId !== row.key.receiverId) transfers.push({ providerId: row.key.providerId, receiverId: row.key.receiverId, totals });
  }
  const receivedBy = new Map<string, number>();
  for (const t of transfers) receivedBy.set(t.receiverId, (receivedBy.get(t.receiverId) ?? 0) + t.totals.disbursed);

  const links: SankeyLink[] = [];
  for (const t of withoutCycles(transfers)) {
    let value: number;
    if (measure === 'spent') {
      const received = receivedBy.get(t.receiverId) ?? 0;
      value = received === 0 ? 0 : Math.round(((spentBy.get(t.receiverId) ?? 0) * t.totals.disbursed) / received);
    } else {
      value = t.totals[measure];
    }
    if (value > 0) links.push({ source: t.providerId, target: t.receiverId, value });
  }
  const ids = [...new Set(links.flatMap((l) => [l.source, l.target]))];
  return { currency, measure, nodes: ids.map((id) => ({ id })), links };
}

/** A Sankey must be acyclic; a flow back up the chain (rare: a refund path recorded as a transfer) is left out. */
function withoutCycles<T extends { providerId: string; receiverId: string }>(transfers: readonly T[]): T[] {
  const kept: T[] = [];
  const reaches = (from: string, to: string): boolean => {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length > 0) {
      const at = stack.pop()!;
      if (at === to) return true;
      if (seen.has(at)) continue;
      seen.add(at);
      for (const k of kept) if (k.providerId === at) stack.push(k.receiverId);
    }
    return false;
  };
  for (const t of transfers) if (!reaches(t.receiverId, t.providerId)) kept.push(t);
  return kept;
}
