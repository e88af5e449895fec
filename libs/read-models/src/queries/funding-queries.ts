import { partnershipFilter, type PartnershipFilter } from './partnership-queries';
import type { Viewer } from './viewer';
import type { Cell } from './small-cells';
import { minor, ratioOf, type ReadModelContext } from './query-kit';
import { FUNDING_MEASURES, type FundingMeasure } from '../funding/funding-summary';

export const FUNDING_GROUPS = ['partnership', 'donor', 'implementer', 'country', 'theme', 'year', 'provider-receiver'] as const;
export type FundingGroup = (typeof FUNDING_GROUPS)[number];

export interface FundingFilter extends PartnershipFilter {
  readonly year?: number;
  readonly currency?: string;
  /** Totals also in this currency, through the rates recorded with the flows. */
  readonly reportingCurrency?: string;
}

export interface Amounts {
  /** Commitments of the funders at the top of the chain. */
  committed: number;
  /** Net of refunds, at the top of the chain only: money passed down a chain is not counted again. */
  disbursed: number;
  refunded: number;
  /** Money passed on by an organisation that itself received funds in the partnership. */
  passedOn: number;
  received: number;
  spent: number;
  /** Spent in the beneficiary country or with a local supplier. */
  spentLocally: number;
  inKind: number;
}

export interface FundingTotal extends Cell {
  readonly key: Record<string, string | number>;
  readonly byCurrency: (Amounts & { currency: string; localShare: number | null; burnRate: number | null })[];
  /** Present when a reporting currency was asked for. */
  readonly reporting?: Amounts & { currency: string; unconverted: (Partial<Amounts> & { currency: string })[] };
}

const AMOUNT_COLUMNS: Readonly<Record<keyof Amounts, FundingMeasure>> = {
  committed: 'committed',
  disbursed: 'disbursed',
  refunded: 'refunded',
  passedOn: 'passed_on',
  received: 'received',
  spent: 'spent',
  spentLocally: 'spent_locally',
  inKind: 'in_kind',
};

const zero = (): Amounts => ({ committed: 0, disbursed: 0, refunded: 0, passedOn: 0, received: 0, spent: 0, spentLocally: 0, inKind: 0 });

/**
 * Committed, disbursed and spent, grouped, from the per-partnership funding summary. Committed and
 * disbursed count only flows at the top of their chain, so a donor -> implementer -> local partner
 * chain counts its money once; spending is recorded once, by whoever spent. Voided expenditure is
 * left out entirely. Donors are credited the partnership's spending in proportion to what each
 * disbursed at the top of the chain (per currency).
 */
export async function fundingTotals(ctx: ReadModelContext, viewer: Viewer, groupBy: FundingGroup, filter: FundingFilter): Promise<FundingTotal[]> {
  if (groupBy === 'provider-receiver') return providerReceiverTotals(ctx, viewer, filter);
  const s = ctx.models.portfolio.schema;
  const where = partnershipFilter(ctx, viewer, filter);
  if (filter.year !== undefined) where.add('f.year = ?', filter.year);
  if (filter.currency) where.add('f.currency = ?', filter.currency);
  const reporting = filter.reportingCurrency ? where.param(filter.reportingCurrency) : null;
  const keys: Record<Exclude<FundingGroup, 'provider-receiver'>, { select: string; group: string; join?: string }> = {
    partnership: { select: 'f.partnership_id, p.title', group: 'f.partnership_id, p.title' },
    country: { select: 'p.beneficiary_country AS country', group: 'p.beneficiary_country' },
    theme: { select: 'theme', group: 'theme', join: 'CROSS JOIN LATERAL unnest(p.themes) AS theme' },
    year: { select: 'f.year', group: 'f.year' },
    donor: { select: 'f.organisation_id AS donor_id', group: 'f.organisation_id' },
    implementer: { select: 'f.organisation_id AS implementer_id', group: 'f.organisation_id' },
  };
  const key = keys[groupBy];
  if (groupBy === 'implementer') where.add('f.organisation_id = ANY(p.implementer_ids || p.beneficiary_ids)');
  if (groupBy === 'donor') where.add('f.organisation_id = ANY(p.donor_ids)');
  const columns = FUNDING_MEASURES.flatMap((m) => {
    const list = [`sum(f.${m}) AS "${m}"`];
    if (reporting) list.push(`sum(f.c_${m}) FILTER (WHERE f.rate_currency = ${reporting}) AS "${m}__converted"`, `sum(f.${m}) FILTER (WHERE f.rate_currency = ${reporting}) AS "${m}__convertible"`);
    return list;
  });
  let from = `${s}.funding_summary f JOIN ${s}.partnerships p USING (partnership_id) ${key.join ?? ''} ${where}`;
  if (groupBy === 'donor') {
    // Each donor row carries its share of what entered the partnership at the top, in that currency and year.
    from = `(SELECT f.*, sp.spent AS partnership_spent, sp.spent_locally AS partnership_spent_locally,
                    CASE WHEN sum(f.disbursed - f.refunded) OVER w > 0 THEN (f.disbursed - f.refunded)::numeric / sum(f.disbursed - f.refunded) OVER w ELSE 0 END AS share
               FROM ${s}.funding_summary f
               JOIN ${s}.partnerships p USING (partnership_id)
               LEFT JOIN (SELECT partnership_id, currency, sum(spent) AS spent, sum(spent_locally) AS spent_locally
                            FROM ${s}.funding_summary ${filter.year !== undefined ? `WHERE year = ${where.param(filter.year)}` : ''} GROUP BY 1, 2) sp USING (partnership_id, currency)
               ${where}
             WINDOW w AS (PARTITION BY f.partnership_id, f.currency)) f`;
    columns.push('round(sum(f.partnership_spent * f.share))::bigint AS attributed_spent', 'round(sum(f.partnership_spent_locally * f.share))::bigint AS attributed_spent_locally');
  }
  const rows: Record<string, unknown>[] = await ctx.db.query(
    `SELECT ${key.select}, f.currency, array_agg(DISTINCT f.partnership_id) AS partnership_ids, ${columns.join(', ')} FROM ${from} GROUP BY ${key.group}, f.currency ORDER BY ${key.group}, f.currency`,
    where.params,
  );

  const groups = new Map<string, FundingTotal>();
  for (const row of rows) {
    const keyValues = keyOf(groupBy, row);
    const id = JSON.stringify(keyValues);
    let group = groups.get(id);
    if (!group) {
      group = { key: keyValues, partnershipIds: [], byCurrency: [], ...(filter.reportingCurrency ? { reporting: { ...zero(), currency: filter.reportingCurrency, unconverted: [] } } : {}) };
      groups.set(id, group);
    }
    (group.partnershipIds as string[]).push(...(row.partnership_ids as string[]));
    const amounts = zero();
    for (const m of Object.keys(amounts) as (keyof Amounts)[]) amounts[m] = minor(row[AMOUNT_COLUMNS[m]]);
    if (groupBy === 'donor') {
      amounts.spent = minor(row.attributed_spent);
      amounts.spentLocally = minor(row.attributed_spent_locally);
    }
    const currency = row.currency as string;
    group.byCurrency.push({ currency, ...amounts, localShare: ratioOf(amounts.spentLocally, amounts.spent), burnRate: ratioOf(amounts.spent, amounts.disbursed - amounts.refunded) });
    if (group.reporting) {
      const unconverted: Partial<Amounts> & { currency: string } = { currency };
      for (const m of Object.keys(amounts) as (keyof Amounts)[]) {
        if (currency === group.reporting.currency) {
          group.reporting[m] += amounts[m];
          continue;
        }
        // A donor's share of spending has no recorded rate of its own: in another currency it stays unconverted.
        const attributed = groupBy === 'donor' && (m === 'spent' || m === 'spentLocally');
        if (!attributed) group.reporting[m] += minor(row[`${AMOUNT_COLUMNS[m]}__converted`]);
        const left = attributed ? amounts[m] : amounts[m] - minor(row[`${AMOUNT_COLUMNS[m]}__convertible`]);
        if (left !== 0) unconverted[m] = left;
      }
      if (Object.keys(unconverted).length > 1) group.reporting.unconverted.push(unconverted);
    }
  }
  for (const group of groups.values()) for (const c of group.byCurrency) c.disbursed -= c.refunded;
  for (const group of groups.values()) if (group.reporting) group.reporting.disbursed -= group.reporting.refunded;
  return [...groups.values()];
}

/** Flows between each provider and receiver, by kind; a filter (partnership, donor...) keeps it small. */
async function providerReceiverTotals(ctx: ReadModelContext, viewer: Viewer, filter: FundingFilter): Promise<FundingTotal[]> {
  const s = ctx.models.portfolio.schema;
  const where = partnershipFilter(ctx, viewer, filter).add('NOT f.voided');
  if (filter.year !== undefined) where.add('f.year = ?', filter.year);
  if (filter.currency) where.add('f.currency = ?', filter.currency);
  const rows: Record<string, unknown>[] = await ctx.db.query(
    `SELECT f.provider_id, coalesce(f.receiver_id, '') AS receiver_id, f.currency, array_agg(DISTINCT f.partnership_id) AS partnership_ids,
            sum(f.amount_minor) FILTER (WHERE f.kind = 'commitment') AS committed,
            sum(f.amount_minor) FILTER (WHERE f.kind = 'disbursement') AS received,
            sum(f.amount_minor) FILTER (WHERE f.kind = 'refund') AS refunded,
            sum(f.amount_minor) FILTER (WHERE f.kind = 'expenditure') AS spent,
            sum(f.amount_minor) FILTER (WHERE f.kind = 'expenditure' AND (f.spent_in_country = p.beneficiary_country OR f.supplier_local)) AS spent_locally,
            sum(f.amount_minor) FILTER (WHERE f.kind = 'in-kind') AS in_kind
       FROM ${s}.flows f JOIN ${s}.partnerships p USING (partnership_id) ${where}
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    where.params,
  );
  const groups = new Map<string, FundingTotal>();
  for (const row of rows) {
    const key = keyOf('provider-receiver', row);
    const id = JSON.stringify(key);
    const group = groups.get(id) ?? { key, partnershipIds: [], byCurrency: [] };
    groups.set(id, group);
    (group.partnershipIds as string[]).push(...(row.partnership_ids as string[]));
    const received = minor(row.received);
    const refunded = minor(row.refunded);
    const spent = minor(row.spent);
    const spentLocally = minor(row.spent_locally);
    group.byCurrency.push({
      currency: row.currency as string,
      ...zero(),
      committed: minor(row.committed),
      received,
      disbursed: received - refunded,
      refunded,
      spent,
      spentLocally,
      inKind: minor(row.in_kind),
      localShare: ratioOf(spentLocally, spent),
      burnRate: null,
    });
  }
  return [...groups.values()];
}

function keyOf(groupBy: FundingGroup, row: Record<string, unknown>): Record<string, string | number> {
  switch (groupBy) {
    case 'partnership':
      return { partnershipId: row.partnership_id as string, title: row.title as string };
    case 'country':
      return { country: row.country as string };
    case 'theme':
      return { theme: row.theme as string };
    case 'year':
      return { year: Number(row.year) };
    case 'provider-receiver':
      return { providerId: row.provider_id as string, receiverId: row.receiver_id as string };
    case 'donor':
      return { donorId: row.donor_id as string };
    case 'implementer':
      return { organisationId: row.implementer_id as string };
  }
}

export interface FlowChain {
  readonly partnershipId: string;
  /** Levels from the funders (1) down: who received from whom. */
  readonly levels: { organisationId: string; level: number }[];
  readonly edges: { providerId: string; receiverId: string; currency: string; committed: number; disbursed: number; level: number }[];
  /** Each funder's money followed down to the last receivers, split pro rata at every level. */
  readonly paths: { donorId: string; currency: string; path: string[]; amount: number }[];
}

/** The chain of one partnership, computed from its flow rows. */
export async function fundingChain(ctx: ReadModelContext, partnershipId: string): Promise<FlowChain | null> {
  const s = ctx.models.portfolio.schema;
  const exists: unknown[] = await ctx.db.query(`SELECT 1 FROM ${s}.partnerships WHERE partnership_id = $1`, [partnershipId]);
  if (exists.length === 0) return null;
  const flows: { kind: string; provider_id: string; receiver_id: string; currency: string; amount: string }[] = await ctx.db.query(
    `SELECT kind, provider_id, receiver_id, currency, sum(amount_minor) AS amount FROM ${s}.flows
      WHERE partnership_id = $1 AND kind IN ('commitment', 'disbursement', 'refund') GROUP BY 1, 2, 3, 4`,
    [partnershipId],
  );
  return chainOf(partnershipId, flows.map((f) => ({ kind: f.kind, providerId: f.provider_id, receiverId: f.receiver_id, currency: f.currency, amount: minor(f.amount) })));
}

export function chainOf(
  partnershipId: string,
  flows: readonly { kind: string; providerId: string; receiverId: string; currency: string; amount: number }[],
): FlowChain {
  const edgeMap = new Map<string, { providerId: string; receiverId: string; currency: string; committed: number; disbursed: number; level: number }>();
  for (const f of flows) {
    const id = `${f.providerId}|${f.receiverId}|${f.currency}`;
    const edge = edgeMap.get(id) ?? { providerId: f.providerId, receiverId: f.receiverId, currency: f.currency, committed: 0, disbursed: 0, level: 0 };
    if (f.kind === 'commitment') edge.committed += f.amount;
    else edge.disbursed += f.kind === 'refund' ? -f.amount : f.amount;
    edgeMap.set(id, edge);
  }
  const edges = [...edgeMap.values()].sort((a, b) => `${a.providerId}|${a.receiverId}|${a.currency}`.localeCompare(`${b.providerId}|${b.receiverId}|${b.currency}`));
  const receivers = new Set(edges.map((e) => e.receiverId));
  const level = new Map<string, number>();
  for (const e of edges) if (!receivers.has(e.providerId)) level.set(e.providerId, 1);
  // Breadth first from the funders; a cycle (money sent back up) keeps the first level found.
  for (let changed = true, guard = 0; changed && guard < 100; guard++) {
    changed = false;
    for (const e of edges) {
      const from = level.get(e.providerId);
      if (from !== undefined && !level.has(e.receiverId)) {
        level.set(e.receiverId, from + 1);
        changed = true;
      }
    }
  }
  for (const e of edges) e.level = level.get(e.providerId) ?? 0;

  const paths: FlowChain['paths'] = [];
  const follow = (donorId: string, currency: string, path: string[], amount: bigint) => {
    const node = path[path.length - 1];
    const inflow = edges.filter((e) => e.receiverId === node && e.currency === currency && e.disbursed > 0).reduce((sum, e) => sum + e.disbursed, 0);
    const out = edges.filter((e) => e.providerId === node && e.currency === currency && e.disbursed > 0 && !path.includes(e.receiverId));
    const outflow = out.reduce((sum, e) => sum + e.disbursed, 0);
    // Pro rata: each euro that reached this node leaves along the node's outgoing flows in their proportions.
    const base = BigInt(Math.max(inflow, outflow));
    let passed = 0n;
    for (const e of out) {
      const share = (amount * BigInt(e.disbursed)) / base;
      passed += share;
      if (share > 0n) follow(donorId, currency, [...path, e.receiverId], share);
    }
    if (amount - passed > 0n) paths.push({ donorId, currency, path, amount: Number(amount - passed) });
  };
  for (const e of edges) if (e.level === 1 && e.disbursed > 0) follow(e.providerId, e.currency, [e.providerId, e.receiverId], BigInt(e.disbursed));
  return {
    partnershipId,
    levels: [...level.entries()].map(([organisationId, l]) => ({ organisationId, level: l })).sort((a, b) => a.level - b.level || a.organisationId.localeCompare(b.organisationId)),
    edges,
    paths,
  };
}

