import type { ExchangeRate } from '@ccb/domain';
import type { FlowKind } from '../view/partnership-view';
import { convert, type RateTable, type UsedRate } from './rate-table';

/** The flow facts the money figures need, as the `flows` table and the partnership view both hold them. */
export interface LedgerFlow {
  readonly flowId: string;
  readonly kind: FlowKind;
  readonly providerId: string;
  readonly receiverId: string | null;
  readonly amountMinor: number;
  readonly currency: string;
  readonly date: string;
  readonly rate: ExchangeRate | null;
  readonly spentInCountry: string | null;
  readonly supplierLocal: boolean | null;
  readonly voided: boolean;
}

export const LEDGER_MEASURES = [
  'committed',
  'disbursed',
  'refunded',
  'passedOn',
  'received',
  'spent',
  'spentLocally',
  'spentDirectly',
  'inKind',
  'attributedSpent',
  'attributedSpentLocally',
] as const;
export type LedgerMeasure = (typeof LEDGER_MEASURES)[number];

/** One signed amount of one measure for one organisation, in the flow's currency, with what converts it. */
export interface LedgerEntry {
  readonly organisationId: string;
  readonly measure: LedgerMeasure;
  readonly amountMinor: number;
  readonly currency: string;
  /** The fact's date: what the entry is grouped by (its year). */
  readonly date: string;
  /**
   * The date (and `rate`) the amount converts at. Its own date, except for committed money already disbursed,
   * which converts as the disbursement that drew it: committed and disbursed share one rate basis.
   */
  readonly valueDate: string;
  readonly rate: ExchangeRate | null;
  /** For `received`: the money came from the top of the chain (what entered the partnership). */
  readonly fromOrigin: boolean;
}

export interface Attribution {
  /** The currency shares are weighed in where money arrives in more than one currency. */
  readonly basis: string | null;
  /** Rates used to weigh money arriving in several currencies. */
  readonly rates: readonly UsedRate[];
  /** Flows whose weight could not be converted to the basis and were left out of the shares. */
  readonly unconvertedFlowIds: readonly string[];
  /** Spending that could be attributed to no funder (every inflow unconvertible), per currency. */
  readonly unattributed: readonly { readonly currency: string; readonly amountMinor: number }[];
}

export interface PartnershipLedger {
  /** Funders at the top of the chain: they provide and receive nothing (a commitment to oneself does not count). */
  readonly origins: readonly string[];
  readonly levels: ReadonlyMap<string, number>;
  readonly entries: readonly LedgerEntry[];
  /** organisation -> the share of its funds that came from each origin. */
  readonly composition: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly attribution: Attribution;
}

/** The partnership's programme currency: that of its first commitment from the top of the chain. */
export function basisCurrency(flows: readonly LedgerFlow[], origins: ReadonlySet<string>): string | null {
  const live = flows.filter((f) => !f.voided);
  const first = (kind: LedgerFlow['kind']) => live.filter((f) => f.kind === kind && origins.has(f.providerId)).sort((a, b) => a.date.localeCompare(b.date))[0];
  return (first('commitment') ?? first('disbursement') ?? live[0])?.currency ?? null;
}

const isTransfer = (f: LedgerFlow) => (f.kind === 'commitment' || f.kind === 'disbursement') && f.receiverId !== null && f.receiverId !== f.providerId;

export function chainLevels(flows: readonly LedgerFlow[]): { origins: Set<string>; levels: Map<string, number> } {
  const live = flows.filter((f) => !f.voided);
  const receivers = new Set(live.filter(isTransfer).map((f) => f.receiverId as string));
  const providers = new Set(live.filter((f) => f.kind === 'commitment' || f.kind === 'disbursement').map((f) => f.providerId));
  const origins = new Set([...providers].filter((p) => !receivers.has(p)));
  const levels = new Map<string, number>([...origins].map((o) => [o, 1]));
  // Breadth first from the funders; money sent back up (a cycle) keeps the first level found.
  for (let changed = true; changed;) {
    changed = false;
    for (const f of live) {
      if (!isTransfer(f)) continue;
      const from = levels.get(f.providerId);
      if (from !== undefined && !levels.has(f.receiverId as string)) {
        levels.set(f.receiverId as string, from + 1);
        changed = true;
      }
    }
  }
  return { origins, levels };
}

/** Splits `amount` over weights in whole minor units: floors, then the remainder to the largest fractions (ties by key). */
export function splitByShares(amount: number, shares: ReadonlyMap<string, number>): Map<string, number> {
  const total = [...shares.values()].reduce((a, b) => a + b, 0);
  const parts = new Map<string, number>();
  if (total <= 0) return parts;
  const exact = [...shares].map(([key, w]) => ({ key, value: (amount * w) / total }));
  let left = amount;
  for (const e of exact) {
    const floor = Math.floor(e.value);
    parts.set(e.key, floor);
    left -= floor;
  }
  exact.sort((a, b) => b.value - Math.floor(b.value) - (a.value - Math.floor(a.value)) || a.key.localeCompare(b.key));
  for (let i = 0; left > 0 && exact.length > 0; i = (i + 1) % exact.length, left--) parts.set(exact[i].key, (parts.get(exact[i].key) ?? 0) + 1);
  return parts;
}

/**
 * Money arriving at `node`, per provider: net disbursements (refunds back subtract). In one currency the raw
 * amounts weigh; across currencies each flow is converted to the basis at its own date.
 */
function inflowWeights(
  node: string,
  flows: readonly LedgerFlow[],
  levels: ReadonlyMap<string, number>,
  basis: string | null,
  rates: RateTable,
  used: Map<string, UsedRate>,
  unconverted: Set<string>,
): Map<string, number> {
  const level = levels.get(node) ?? Infinity;
  const incoming = flows.filter(
    (f) =>
      !f.voided &&
      ((f.kind === 'disbursement' && f.receiverId === node) || (f.kind === 'refund' && f.receiverId === node)) &&
      f.providerId !== node &&
      (levels.get(f.providerId) ?? Infinity) < level,
  );
  const currencies = new Set(incoming.map((f) => f.currency));
  const weights = new Map<string, number>();
  for (const f of incoming) {
    const sign = f.kind === 'refund' ? -1 : 1;
    let amount: number | null = f.amountMinor;
    if (currencies.size > 1) {
      const c = basis ? convert(f, basis, rates) : null;
      if (c?.used) used.set(`${c.used.from}|${c.used.to}|${c.used.valueDate}|${c.used.rate}`, c.used);
      amount = c?.amountMinor ?? null;
      if (amount === null) unconverted.add(f.flowId);
    }
    if (amount !== null) weights.set(f.providerId, (weights.get(f.providerId) ?? 0) + sign * amount);
  }
  for (const [k, w] of weights) if (w <= 0) weights.delete(k);
  return weights;
}

/** Every money figure of one partnership as signed entries, and each spender's funds traced to the funders. */
export function partnershipLedger(flows: readonly LedgerFlow[], beneficiaryCountry: string, rates: RateTable): PartnershipLedger {
  const live = flows.filter((f) => !f.voided);
  const { origins, levels } = chainLevels(live);
  const basis = basisCurrency(live, origins);
  const used = new Map<string, UsedRate>();
  const unconverted = new Set<string>();

  const composition = new Map<string, Map<string, number>>();
  const compositionOf = (node: string, depth = 0): Map<string, number> | null => {
    const known = composition.get(node);
    if (known) return known;
    const weights = depth > 50 ? new Map<string, number>() : inflowWeights(node, live, levels, basis, rates, used, unconverted);
    const hasInflow = live.some((f) => f.kind === 'disbursement' && f.receiverId === node && f.providerId !== node);
    let result: Map<string, number> | null;
    if (origins.has(node) || !hasInflow) result = new Map([[node, 1]]);
    else if (weights.size === 0) result = null;
    else {
      const total = [...weights.values()].reduce((a, b) => a + b, 0);
      result = new Map();
      for (const [provider, w] of weights) {
        const upstream = compositionOf(provider, depth + 1);
        if (!upstream) continue;
        for (const [origin, share] of upstream) result.set(origin, (result.get(origin) ?? 0) + (share * w) / total);
      }
      if (result.size === 0) result = null;
    }
    if (result) composition.set(node, result);
    return result;
  };

  const entries: LedgerEntry[] = [];
  const add = (organisationId: string, measure: LedgerMeasure, f: LedgerFlow, amountMinor = f.amountMinor, fromOrigin = false) => {
    if (amountMinor !== 0) entries.push({ organisationId, measure, amountMinor, currency: f.currency, date: f.date, valueDate: f.date, rate: f.rate, fromOrigin });
  };
  entries.push(...committedEntries(live, origins));
  const unattributed = new Map<string, number>();
  for (const f of live) {
    const fromOrigin = origins.has(f.providerId);
    switch (f.kind) {
      case 'commitment':
        break;
      case 'disbursement':
        add(f.providerId, fromOrigin ? 'disbursed' : 'passedOn', f);
        if (f.receiverId) add(f.receiverId, 'received', f, f.amountMinor, fromOrigin);
        break;
      case 'refund':
        // A refund names the disbursement it reduces: `providerId` gave the money, `receiverId` gives it back.
        if (fromOrigin) add(f.providerId, 'refunded', f);
        else add(f.providerId, 'passedOn', f, -f.amountMinor);
        if (f.receiverId) add(f.receiverId, 'received', f, -f.amountMinor, fromOrigin);
        break;
      case 'in-kind':
        add(f.providerId, 'inKind', f);
        break;
      case 'expenditure': {
        const local = f.spentInCountry === beneficiaryCountry || f.supplierLocal === true;
        add(f.providerId, 'spent', f);
        if (local) add(f.providerId, 'spentLocally', f);
        const shares = compositionOf(f.providerId);
        if (shares?.size === 1 && shares.has(f.providerId)) add(f.providerId, 'spentDirectly', f);
        if (!shares) {
          unattributed.set(f.currency, (unattributed.get(f.currency) ?? 0) + f.amountMinor);
          break;
        }
        for (const [origin, part] of splitByShares(f.amountMinor, shares)) {
          add(origin, 'attributedSpent', f, part);
          if (local) add(origin, 'attributedSpentLocally', f, part);
        }
        break;
      }
    }
  }
  for (const node of levels.keys()) compositionOf(node);
  return {
    origins: [...origins].sort(),
    levels,
    entries,
    composition,
    attribution: {
      basis,
      rates: [...used.values()],
      unconvertedFlowIds: [...unconverted].sort(),
      unattributed: [...unattributed].map(([currency, amountMinor]) => ({ currency, amountMinor })),
    },
  };
}

/**
 * Committed money at one rate basis with the money disbursed from it. Per commitment key (provider, receiver,
 * currency), disbursements draw on the commitments first in, first out and refunds give back to the latest
 * drawn: a drawn piece converts at its disbursement's (or refund's) date and rate, the undrawn rest at the
 * commitment's. So a commitment fully disbursed reports exactly what was disbursed in any reporting currency,
 * and disbursed exceeds committed only when it does in the flows' own currency. Drawn money beyond every
 * commitment of its key draws nothing (the rules refuse it; older histories keep their own figures).
 */
function committedEntries(live: readonly LedgerFlow[], origins: ReadonlySet<string>): LedgerEntry[] {
  const keyOf = (f: LedgerFlow) => `${f.providerId}|${f.receiverId ?? ''}|${f.currency}`;
  const byKey = new Map<string, { commitments: LedgerFlow[]; draws: LedgerFlow[] }>();
  for (const f of live) {
    if (!origins.has(f.providerId) || (f.kind !== 'commitment' && f.kind !== 'disbursement' && f.kind !== 'refund')) continue;
    const group = byKey.get(keyOf(f)) ?? { commitments: [], draws: [] };
    (f.kind === 'commitment' ? group.commitments : group.draws).push(f);
    byKey.set(keyOf(f), group);
  }
  const entries: LedgerEntry[] = [];
  const byDate = (a: LedgerFlow, b: LedgerFlow) => a.date.localeCompare(b.date) || a.flowId.localeCompare(b.flowId);
  for (const { commitments, draws } of byKey.values()) {
    if (commitments.length === 0) continue;
    commitments.sort(byDate);
    const pieces = commitments.map(() => [] as { amountMinor: number; from: LedgerFlow }[]);
    const drawn = commitments.map(() => 0);
    for (const d of [...draws].sort(byDate)) {
      if (d.kind === 'disbursement') {
        let left = d.amountMinor;
        for (let i = 0; i < commitments.length && left > 0; i++) {
          const take = Math.min(left, commitments[i].amountMinor - drawn[i]);
          if (take <= 0) continue;
          pieces[i].push({ amountMinor: take, from: d });
          drawn[i] += take;
          left -= take;
        }
      } else {
        let left = d.amountMinor;
        for (let i = commitments.length - 1; i >= 0 && left > 0; i--) {
          const give = Math.min(left, drawn[i]);
          if (give <= 0) continue;
          pieces[i].push({ amountMinor: -give, from: d });
          drawn[i] -= give;
          left -= give;
        }
      }
    }
    commitments.forEach((c, i) => {
      const entry = (amountMinor: number, rateOf: LedgerFlow) => ({
        organisationId: c.providerId,
        measure: 'committed' as const,
        amountMinor,
        currency: c.currency,
        date: c.date,
        valueDate: rateOf.date,
        rate: rateOf.rate,
        fromOrigin: false,
      });
      for (const p of pieces[i]) if (p.amountMinor !== 0) entries.push(entry(p.amountMinor, p.from));
      if (c.amountMinor - drawn[i] !== 0) entries.push(entry(c.amountMinor - drawn[i], c));
    });
  }
  return entries;
}
