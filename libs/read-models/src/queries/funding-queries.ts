import { partnershipFilter, type PartnershipFilter } from './partnership-queries';
import { minor, ratioOf, type ReadModelContext } from './query-kit';

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

export interface FundingTotal {
  readonly key: Record<string, string | number>;
  readonly byCurrency: (Amounts & { currency: string; localShare: number | null; burnRate: number | null })[];
  /** Present when a reporting currency was asked for. */
  readonly reporting?: Amounts & { currency: string; unconverted: (Partial<Amounts> & { currency: string })[] };
}

const MEASURES: Readonly<Record<keyof Amounts, string>> = {
  committed: "f.kind = 'commitment' AND f.origin",
  disbursed: "f.kind = 'disbursement' AND f.origin",
  refunded: "f.kind = 'refund' AND f.origin",
  passedOn: "f.kind = 'disbursement' AND NOT f.origin",
  received: "f.kind = 'disbursement'",
  spent: "f.kind = 'expenditure'",
  spentLocally: "f.kind = 'expenditure' AND (f.spent_in_country = f.beneficiary_country OR f.supplier_local)",
  inKind: "f.kind = 'in-kind'",
};

const zero = (): Amounts => ({ committed: 0, disbursed: 0, refunded: 0, passedOn: 0, received: 0, spent: 0, spentLocally: 0, inKind: 0 });

/**
 * Committed, disbursed and spent, grouped. A flow is at the top of its chain ("origin") when its
 * provider received nothing in that partnership; committed and disbursed count only those, so a
 * donor -> implementer -> local partner chain counts its money once. Spending is recorded once, by
 * whoever spent it. Voided expenditure is left out entirely.
 */
export async function fundingTotals(ctx: ReadModelContext, groupBy: FundingGroup, filter: FundingFilter): Promise<FundingTotal[]> {
  const s = ctx.models.portfolio.schema;
  const where = partnershipFilter(filter);
  if (filter.year !== undefined) where.add('f.year = ?', filter.year);
  if (filter.currency) where.add('f.currency = ?', filter.currency);
  const reporting = filter.reportingCurrency ? where.param(filter.reportingCurrency) : null;

  const keys: Record<FundingGroup, { select: string; join?: string; group: string; condition?: (m: keyof Amounts) => string }> = {
    partnership: { select: 'f.partnership_id AS partnership_id, p.title AS title', group: 'f.partnership_id, p.title' },
    country: { select: 'p.beneficiary_country AS country', group: 'p.beneficiary_country' },
    theme: { select: 'theme', join: 'CROSS JOIN LATERAL unnest(p.themes) AS theme', group: 'theme' },
    year: { select: 'f.year AS year', group: 'f.year' },
    'provider-receiver': { select: "f.provider_id AS provider_id, coalesce(f.receiver_id, '') AS receiver_id", group: 'f.provider_id, f.receiver_id' },
    // A donor's own flows: what it committed and disbursed at the top of the chain (its spending share is added below).
    donor: { select: 'f.provider_id AS donor_id', group: 'f.provider_id', condition: () => 'f.origin AND f.provider_id = ANY(p.donor_ids)' },
    // What reached an organisation, what it passed on and what it spent.
    implementer: {
      select: 'org AS implementer_id',
      join: "CROSS JOIN LATERAL (VALUES (CASE WHEN f.kind IN ('disbursement', 'refund') THEN f.receiver_id ELSE f.provider_id END)) AS o(org)",
      group: 'org',
      condition: (m) => (m === 'received' || m === 'refunded' ? 'TRUE' : m === 'passedOn' ? 'FALSE' : 'TRUE'),
    },
  };
  const key = keys[groupBy];
  const measureSql = (Object.keys(MEASURES) as (keyof Amounts)[]).flatMap((m) => {
    const condition = `${groupBy === 'implementer' ? implementerMeasure(m) : MEASURES[m]}${key.condition && groupBy !== 'implementer' ? ` AND ${key.condition(m)}` : ''}`;
    const columns = [`sum(f.amount_minor) FILTER (WHERE ${condition}) AS "${m}"`];
    if (reporting) {
      columns.push(`sum(f.converted_minor) FILTER (WHERE ${condition} AND f.rate_currency = ${reporting}) AS "${m}__converted"`);
      columns.push(`sum(f.amount_minor) FILTER (WHERE ${condition} AND f.rate_currency = ${reporting}) AS "${m}__convertible"`);
    }
    return columns;
  });
  if (groupBy === 'implementer') where.add("f.kind IN ('disbursement', 'refund', 'expenditure')");
  if (groupBy === 'donor') where.add("f.kind IN ('commitment', 'disbursement', 'refund', 'in-kind') AND f.provider_id = ANY(p.donor_ids)");
  const rows: Record<string, unknown>[] = await ctx.db.query(
    `WITH f AS (
       SELECT f.*, p.beneficiary_country,
              NOT EXISTS (SELECT 1 FROM ${s}.flows i
                           WHERE i.partnership_id = f.partnership_id AND i.receiver_id = f.provider_id
                             AND i.kind IN ('disbursement', 'commitment')) AS origin
         FROM ${s}.flows f JOIN ${s}.partnerships p USING (partnership_id)
         ${where}${where.toString() ? ' AND' : 'WHERE'} NOT f.voided
     )
     SELECT ${key.select}, f.currency, ${measureSql.join(', ')}
       FROM f JOIN ${s}.partnerships p USING (partnership_id) ${key.join ?? ''}
      GROUP BY ${key.group}, f.currency
      ORDER BY ${key.group}, f.currency`,
    where.params,
  );

  const groups = new Map<string, FundingTotal>();
  for (const row of rows) {
    const keyValues = keyOf(groupBy, row);
    const id = JSON.stringify(keyValues);
    let group = groups.get(id);
    if (!group) {
      group = { key: keyValues, byCurrency: [], ...(filter.reportingCurrency ? { reporting: { ...zero(), currency: filter.reportingCurrency, unconverted: [] } } : {}) };
      groups.set(id, group);
    }
    const amounts = zero();
    for (const m of Object.keys(amounts) as (keyof Amounts)[]) amounts[m] = minor(row[m]);
    const currency = row.currency as string;
    group.byCurrency.push({ currency, ...amounts, localShare: ratioOf(amounts.spentLocally, amounts.spent), burnRate: ratioOf(amounts.spent, amounts.disbursed - amounts.refunded) });
    if (group.reporting) {
      const unconverted: Partial<Amounts> & { currency: string } = { currency };
      for (const m of Object.keys(amounts) as (keyof Amounts)[]) {
        if (currency === group.reporting.currency) {
          group.reporting[m] += amounts[m];
          continue;
        }
        group.reporting[m] += minor(row[`${m}__converted`]);
        const left = amounts[m] - minor(row[`${m}__convertible`]);
        if (left !== 0) unconverted[m] = left;
      }
      if (Object.keys(unconverted).length > 1) group.reporting.unconverted.push(unconverted);
    }
  }
  if (groupBy === 'donor') await attributeSpending(ctx, filter, groups);
  for (const group of groups.values()) for (const c of group.byCurrency) c.disbursed -= c.refunded;
  for (const group of groups.values()) if (group.reporting) group.reporting.disbursed -= group.reporting.refunded;
  return [...groups.values()];
}

/**
 * Spending is recorded by whoever spends, not by donor: each partnership's spending (per currency) is
 * attributed to its donors in proportion to what each disbursed at the top of the chain. In the
 * reporting currency only spending already in that currency is added; the rest is listed unconverted.
 */
async function attributeSpending(ctx: ReadModelContext, filter: FundingFilter, groups: Map<string, FundingTotal>): Promise<void> {
  const s = ctx.models.portfolio.schema;
  const where = partnershipFilter(filter);
  if (filter.year !== undefined) where.add('f.year = ?', filter.year);
  if (filter.currency) where.add('f.currency = ?', filter.currency);
  const rows: { donor_id: string; currency: string; spent: string; spent_locally: string }[] = await ctx.db.query(
    `WITH f AS (
       SELECT f.*, p.beneficiary_country, p.donor_ids FROM ${s}.flows f JOIN ${s}.partnerships p USING (partnership_id) ${where}${where.toString() ? ' AND' : 'WHERE'} NOT f.voided
     ),
     given AS (
       SELECT partnership_id, currency, provider_id AS donor_id,
              sum(CASE kind WHEN 'refund' THEN -amount_minor ELSE amount_minor END) AS given
         FROM f WHERE kind IN ('disbursement', 'refund') AND provider_id = ANY(donor_ids) GROUP BY 1, 2, 3
     ),
     spent AS (
       SELECT partnership_id, currency, sum(amount_minor) AS spent,
              coalesce(sum(amount_minor) FILTER (WHERE spent_in_country = beneficiary_country OR supplier_local), 0) AS spent_locally
         FROM f WHERE kind = 'expenditure' GROUP BY 1, 2
     )
     SELECT g.donor_id, g.currency,
            sum(round(sp.spent * g.given / nullif(t.total, 0)))::bigint AS spent,
            sum(round(sp.spent_locally * g.given / nullif(t.total, 0)))::bigint AS spent_locally
       FROM given g
       JOIN (SELECT partnership_id, currency, sum(given) AS total FROM given GROUP BY 1, 2) t USING (partnership_id, currency)
       JOIN spent sp USING (partnership_id, currency)
      WHERE g.given > 0
      GROUP BY 1, 2`,
    where.params,
  );
  for (const row of rows) {
    const group = groups.get(JSON.stringify({ donorId: row.donor_id }));
    if (!group) continue;
    let byCurrency = group.byCurrency.find((c) => c.currency === row.currency);
    if (!byCurrency) {
      byCurrency = { currency: row.currency, ...zero(), localShare: null, burnRate: null };
      group.byCurrency.push(byCurrency);
    }
    byCurrency.spent = minor(row.spent);
    byCurrency.spentLocally = minor(row.spent_locally);
    byCurrency.localShare = ratioOf(byCurrency.spentLocally, byCurrency.spent);
    byCurrency.burnRate = ratioOf(byCurrency.spent, byCurrency.disbursed - byCurrency.refunded);
    if (group.reporting) {
      if (row.currency === group.reporting.currency) {
        group.reporting.spent += byCurrency.spent;
        group.reporting.spentLocally += byCurrency.spentLocally;
      } else if (byCurrency.spent !== 0) {
        const unconverted = group.reporting.unconverted.find((u) => u.currency === row.currency);
        if (unconverted) Object.assign(unconverted, { spent: byCurrency.spent, spentLocally: byCurrency.spentLocally });
        else group.reporting.unconverted.push({ currency: row.currency, spent: byCurrency.spent, spentLocally: byCurrency.spentLocally });
      }
    }
  }
}

function implementerMeasure(m: keyof Amounts): string {
  switch (m) {
    case 'received':
      return "f.kind = 'disbursement'";
    case 'refunded':
      return "f.kind = 'refund'";
    case 'spent':
      return "f.kind = 'expenditure'";
    case 'spentLocally':
      return MEASURES.spentLocally;
    default:
      return 'FALSE';
  }
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

