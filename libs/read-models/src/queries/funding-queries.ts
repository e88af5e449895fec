import { createHash } from 'node:crypto';
import { partnershipFilter, type PartnershipFilter } from './partnership-queries';
import type { Viewer } from './viewer';
import type { Cell } from './small-cells';
import { ratioOf, selectRows, type ReadModelContext } from './query-kit';
import type { FlowChain, FundingGroup, FundingKeys } from '../api/funding-results';
import { c, FLOW_COLUMNS, type RowOf } from '../storage/columns';
import { amountOf, FiguresBuilder, zeroAmounts, type CurrencyAmounts, type MoneyFigures, type Perspective } from '../funding/funding-figures';
import { basisCurrency, chainLevels, partnershipLedger, type LedgerEntry, type LedgerFlow, type PartnershipLedger } from '../funding/money-ledger';
import { convert, type RateTable, type UsedRate } from '../funding/rate-table';
import { rateTableOf } from './rate-queries';
import { KeptAnswers, portfolioCheckpoint } from './kept-answers';

export { FUNDING_GROUPS, type FlowChain, type FundingGroup } from '../api/funding-results';

export interface FundingFilter extends PartnershipFilter {
  readonly year?: number;
  readonly currency?: string;
  /** Totals also in this currency: the rate recorded with each flow, else the rate table's for its date. */
  readonly reportingCurrency?: string;
  /** List every rate a converted figure used, with its source and value date. */
  readonly explain?: boolean;
}

export interface FundingTotal extends Cell, MoneyFigures {
  readonly key: FundingKey;
}

type FundingKey = FundingKeys[FundingGroup];

/**
 * Committed, disbursed and spent, grouped, from each partnership's ledger (libs/read-models/src/funding/money-ledger.ts).
 * Committed and disbursed count only flows at the top of their chain, so a donor -> implementer -> local partner
 * chain counts its money once; spending is recorded once, by whoever spent. Voided expenditure is left out
 * entirely. Donors are credited each expenditure in proportion to the share of the spender's funds that came
 * from them, weighed across currencies at the rates of docs/metrics.md; with a reporting currency every amount
 * is converted at its own date, and what no rate converts is listed, never counted as zero.
 */
export async function fundingTotals(ctx: ReadModelContext, viewer: Viewer, groupBy: FundingGroup, filter: FundingFilter): Promise<readonly FundingTotal[]> {
  if (groupBy === 'provider-receiver') return providerReceiverTotals(ctx, viewer, filter);
  const s = ctx.models.portfolio.schema;
  const where = partnershipFilter(ctx, viewer, filter);
  // The totals are a function of the read model's content and the rate table. The projection moves its checkpoint
  // in the transaction that changes its rows, so while the checkpoint stands, the last answer to the same question
  // stands too. Read before the rows: an answer is never older than the checkpoint it is kept under.
  const question = JSON.stringify([
    s,
    groupBy,
    String(where),
    where.params,
    filter.year ?? null,
    filter.currency ?? null,
    filter.reportingCurrency ?? null,
    filter.explain === true,
  ]);
  const [checkpoint, rates] = await Promise.all([portfolioCheckpoint(ctx), rateTableOf(ctx)]);
  const at = `${checkpoint}|${rates.version}`;
  const answered = keptTotals.find(question);
  if (answered?.at === at) return keptTotals.keep(question, answered).totals;
  const versions = await selectRows(ctx, { partnership_id: c.text, revision: c.int4 }, `SELECT p.partnership_id, p.revision FROM ${s}.partnerships p ${where}`, where.params);
  // Events about other partnerships moved the checkpoint: if none of the selected ones changed, the answer still holds.
  const inputs = createHash('sha256').update(rates.version);
  for (const v of versions) inputs.update(`\u0000${v.partnership_id}\u0001${v.revision}`);
  const fingerprint = inputs.digest('base64');
  if (answered?.fingerprint === fingerprint) return keptTotals.keep(question, { ...answered, at }).totals;
  const groups = new Map<string, { key: FundingKey; partnershipIds: string[]; figures: FiguresBuilder }>();
  for (const { partnershipId, cells } of await partialTotals(ctx, versions, groupBy, filter, rates)) {
    for (const cell of cells) {
      let group = groups.get(cell.id);
      if (!group) {
        group = { key: cell.key, partnershipIds: [], figures: new FiguresBuilder(cell.perspective, rates, filter.reportingCurrency) };
        groups.set(cell.id, group);
      }
      group.partnershipIds.push(partnershipId);
      group.figures.merge(cell.figures);
    }
  }
  const totals = [...groups.values()]
    .sort((a, b) => compareKeys(a.key, b.key))
    .map((g) => ({ key: g.key, partnershipIds: g.partnershipIds.sort(), ...g.figures.build(filter.explain === true) }));
  return keptTotals.keep(question, { at, fingerprint, totals }).totals;
}

/** Each answer with the checkpoint it stands at and the fingerprint of the partnerships and rates it was computed from. */
const keptTotals = new KeptAnswers<{ readonly at: string; readonly fingerprint: string; readonly totals: readonly FundingTotal[] }>();

/** One partnership's share of one group: its entries for that key, added up. */
interface PartialCell {
  readonly id: string;
  readonly key: FundingKey;
  readonly perspective: Perspective;
  readonly figures: FiguresBuilder;
}

const PARTIALS_CACHE_SIZE = 20_000;
const PARTIAL_VARIANTS = 16;
const partialsCache = new Map<string, { revision: number; ratesVersion: string; variants: Map<string, PartialCell[]> }>();

/**
 * Each visible partnership's figures per group, for this grouping and these money filters. They are a
 * function of its revision, the rate table and the filters, so they are kept per (revision, rate table
 * version) and a call adds up thousands of small sums instead of folding every ledger entry again: only the
 * partnerships that changed since are read and computed again.
 */
async function partialTotals(
  ctx: ReadModelContext,
  versions: readonly { readonly partnership_id: string; readonly revision: number }[],
  groupBy: Exclude<FundingGroup, 'provider-receiver'>,
  filter: FundingFilter,
  rates: RateTable,
): Promise<{ partnershipId: string; cells: readonly PartialCell[] }[]> {
  const s = ctx.models.portfolio.schema;
  const variant = JSON.stringify([groupBy, filter.year ?? null, filter.currency ?? null, filter.reportingCurrency ?? null]);
  const cacheKey = (id: string) => `${s}|${id}`;
  const found = new Map<string, readonly PartialCell[]>();
  const missing: string[] = [];
  for (const v of versions) {
    const hit = partialsCache.get(cacheKey(v.partnership_id));
    const cells = hit && hit.revision === v.revision && hit.ratesVersion === rates.version ? hit.variants.get(variant) : undefined;
    if (cells) found.set(v.partnership_id, cells);
    else missing.push(v.partnership_id);
  }
  if (missing.length > 0) {
    const rows = await selectRows(
      ctx,
      LEDGER_ROW,
      `SELECT p.partnership_id, p.revision, p.title, p.beneficiary_country, p.themes, p.donor_ids, p.implementer_ids, p.beneficiary_ids
         FROM ${s}.partnerships p WHERE p.partnership_id = ANY($1::text[])`,
      [missing],
    );
    for (const { row, ledger } of await ledgersOf(ctx, rows, rates)) {
      const cells = partialCells(groupBy, filter, row, ledger, rates);
      found.set(row.partnership_id, cells);
      const key = cacheKey(row.partnership_id);
      const kept = partialsCache.get(key);
      const entry =
        kept && kept.revision === row.revision && kept.ratesVersion === rates.version
          ? kept
          : { revision: row.revision, ratesVersion: rates.version, variants: new Map<string, PartialCell[]>() };
      entry.variants.delete(variant);
      entry.variants.set(variant, cells);
      if (entry.variants.size > PARTIAL_VARIANTS) entry.variants.delete(entry.variants.keys().next().value!);
      partialsCache.delete(key);
      partialsCache.set(key, entry);
      if (partialsCache.size > PARTIALS_CACHE_SIZE) partialsCache.delete(partialsCache.keys().next().value!);
    }
  }
  return versions.flatMap((v) => {
    const cells = found.get(v.partnership_id);
    return cells ? [{ partnershipId: v.partnership_id, cells }] : [];
  });
}

function partialCells(groupBy: Exclude<FundingGroup, 'provider-receiver'>, filter: FundingFilter, row: LedgerRow, ledger: PartnershipLedger, rates: RateTable): PartialCell[] {
  const cells = new Map<string, PartialCell>();
  for (const entry of ledger.entries) {
    if (filter.year !== undefined && Number(entry.date.slice(0, 4)) !== filter.year) continue;
    if (filter.currency && entry.currency !== filter.currency) continue;
    for (const [key, perspective] of groupKeys(groupBy, row, entry)) {
      if (amountOf(entry, perspective) === null) continue;
      const id = JSON.stringify(key);
      let cell = cells.get(id);
      if (!cell) {
        cell = { id, key, perspective, figures: new FiguresBuilder(perspective, rates, filter.reportingCurrency) };
        cells.set(id, cell);
      }
      cell.figures.add(entry);
    }
  }
  return [...cells.values()];
}

const WHOLE: Perspective = { kind: 'whole' };

function groupKeys(groupBy: Exclude<FundingGroup, 'provider-receiver'>, row: LedgerRow, entry: LedgerEntry): [FundingKey, Perspective][] {
  switch (groupBy) {
    case 'partnership':
      return [[{ partnershipId: row.partnership_id, title: row.title }, WHOLE]];
    case 'country':
      return [[{ country: row.beneficiary_country }, WHOLE]];
    case 'theme':
      return row.themes.map((theme) => [{ theme }, WHOLE]);
    case 'year':
      return [[{ year: Number(entry.date.slice(0, 4)) }, WHOLE]];
    case 'donor':
      return row.donor_ids.filter((d) => d === entry.organisationId).map((donorId) => [{ donorId }, { kind: 'donor', organisationId: donorId }]);
    case 'implementer':
      return [...new Set([...row.implementer_ids, ...row.beneficiary_ids])]
        .filter((o) => o === entry.organisationId)
        .map((organisationId) => [{ organisationId }, { kind: 'organisation', organisationId }]);
  }
}

function compareKeys(a: Record<string, string | number>, b: Record<string, string | number>): number {
  for (const k of Object.keys(a)) {
    const [x, y] = [a[k], b[k]];
    if (x === y) continue;
    return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
  }
  return 0;
}

const LEDGER_ROW = {
  partnership_id: c.text,
  revision: c.int4,
  title: c.text,
  beneficiary_country: c.text,
  themes: c.textArray,
  donor_ids: c.textArray,
  implementer_ids: c.textArray,
  beneficiary_ids: c.textArray,
} as const;
type LedgerRow = RowOf<typeof LEDGER_ROW>;

const LEDGER_CACHE_SIZE = 20_000;
const ledgerCache = new Map<string, { revision: number; ratesVersion: string; ledger: PartnershipLedger }>();

/**
 * The ledgers of the visible partnerships that pass the filter. A ledger is a function of the partnership's
 * flows and the rate table, so it is kept per (revision, rate table version) and computed again only when either moves.
 */
export async function ledgersFor(ctx: ReadModelContext, viewer: Viewer, filter: PartnershipFilter, rates: RateTable): Promise<{ row: LedgerRow; ledger: PartnershipLedger }[]> {
  const s = ctx.models.portfolio.schema;
  const where = partnershipFilter(ctx, viewer, filter);
  const rows = await selectRows(
    ctx,
    LEDGER_ROW,
    `SELECT p.partnership_id, p.revision, p.title, p.beneficiary_country, p.themes, p.donor_ids, p.implementer_ids, p.beneficiary_ids
       FROM ${s}.partnerships p ${where} ORDER BY p.partnership_id`,
    where.params,
  );
  return ledgersOf(ctx, rows, rates);
}

/** The ledgers of these partnership rows, from the cache where their revision and the rate table still match. */
async function ledgersOf(ctx: ReadModelContext, rows: readonly LedgerRow[], rates: RateTable): Promise<{ row: LedgerRow; ledger: PartnershipLedger }[]> {
  const s = ctx.models.portfolio.schema;
  const cacheKey = (id: string) => `${s}|${id}`;
  const ledgers = new Map<string, PartnershipLedger>();
  const missing = rows.filter((r) => {
    const hit = ledgerCache.get(cacheKey(r.partnership_id));
    if (hit && hit.revision === r.revision && hit.ratesVersion === rates.version) ledgers.set(r.partnership_id, hit.ledger);
    return !ledgers.has(r.partnership_id);
  });
  if (missing.length > 0) {
    const flows = await flowsOf(
      ctx,
      missing.map((r) => r.partnership_id),
    );
    for (const r of missing) {
      const ledger = partnershipLedger(flows.get(r.partnership_id) ?? [], r.beneficiary_country, rates);
      ledgers.set(r.partnership_id, ledger);
      ledgerCache.delete(cacheKey(r.partnership_id));
      ledgerCache.set(cacheKey(r.partnership_id), { revision: r.revision, ratesVersion: rates.version, ledger });
      const oldest = ledgerCache.keys().next();
      if (ledgerCache.size > LEDGER_CACHE_SIZE && !oldest.done) ledgerCache.delete(oldest.value);
    }
  }
  return rows.flatMap((row) => {
    const ledger = ledgers.get(row.partnership_id);
    return ledger ? [{ row, ledger }] : [];
  });
}

/** The flow rows of some partnerships, in the order the ledger reads them. */
export async function flowsOf(ctx: ReadModelContext, partnershipIds: readonly string[]): Promise<Map<string, LedgerFlow[]>> {
  const { partnership_id, flow_id, kind, provider_id, receiver_id, amount_minor, currency, date, rate_currency, rate, spent_in_country, supplier_local, voided } = FLOW_COLUMNS;
  const shape = { partnership_id, flow_id, kind, provider_id, receiver_id, amount_minor, currency, date, rate_currency, rate, spent_in_country, supplier_local, voided };
  const rows = await selectRows(
    ctx,
    shape,
    `SELECT ${Object.keys(shape).join(', ')} FROM ${ctx.models.portfolio.schema}.flows WHERE partnership_id = ANY($1::text[]) ORDER BY partnership_id, date, flow_id`,
    [partnershipIds],
  );
  const byPartnership = new Map<string, LedgerFlow[]>();
  for (const r of rows) {
    const list = byPartnership.get(r.partnership_id) ?? [];
    list.push({
      flowId: r.flow_id,
      kind: r.kind,
      providerId: r.provider_id,
      receiverId: r.receiver_id,
      amountMinor: r.amount_minor,
      currency: r.currency,
      date: r.date,
      rate: r.rate_currency !== null && r.rate !== null ? { toCurrency: r.rate_currency, rate: r.rate } : null,
      spentInCountry: r.spent_in_country,
      supplierLocal: r.supplier_local,
      voided: r.voided,
    });
    byPartnership.set(r.partnership_id, list);
  }
  return byPartnership;
}

/** Flows between each provider and receiver, by kind; a filter (partnership, donor...) keeps it small. */
async function providerReceiverTotals(ctx: ReadModelContext, viewer: Viewer, filter: FundingFilter): Promise<FundingTotal[]> {
  const s = ctx.models.portfolio.schema;
  const where = partnershipFilter(ctx, viewer, filter).add('NOT f.voided');
  if (filter.year !== undefined) where.add('f.year = ?', filter.year);
  if (filter.currency) where.add('f.currency = ?', filter.currency);
  const rows = await selectRows(
    ctx,
    PROVIDER_RECEIVER_ROW,
    `SELECT f.provider_id, coalesce(f.receiver_id, '') AS receiver_id, f.currency, array_agg(DISTINCT f.partnership_id) AS partnership_ids,
            coalesce(sum(f.amount_minor) FILTER (WHERE f.kind = 'commitment'), 0) AS committed,
            coalesce(sum(f.amount_minor) FILTER (WHERE f.kind = 'disbursement'), 0) AS received,
            coalesce(sum(f.amount_minor) FILTER (WHERE f.kind = 'refund'), 0) AS refunded,
            coalesce(sum(f.amount_minor) FILTER (WHERE f.kind = 'expenditure'), 0) AS spent,
            coalesce(sum(f.amount_minor) FILTER (WHERE f.kind = 'expenditure' AND (f.spent_in_country = p.beneficiary_country OR f.supplier_local)), 0) AS spent_locally,
            coalesce(sum(f.amount_minor) FILTER (WHERE f.kind = 'in-kind'), 0) AS in_kind
       FROM ${s}.flows f JOIN ${s}.partnerships p USING (partnership_id) ${where}
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    where.params,
  );
  const groups = new Map<string, { key: FundingKeys['provider-receiver']; partnershipIds: string[]; byCurrency: CurrencyAmounts[] }>();
  for (const row of rows) {
    const key = { providerId: row.provider_id, receiverId: row.receiver_id };
    const id = JSON.stringify(key);
    let group = groups.get(id);
    if (!group) {
      group = { key, partnershipIds: [], byCurrency: [] };
      groups.set(id, group);
    }
    group.partnershipIds.push(...row.partnership_ids);
    const received = row.received - row.refunded;
    group.byCurrency.push({
      currency: row.currency,
      ...zeroAmounts(),
      committed: row.committed,
      received,
      disbursed: received,
      refunded: row.refunded,
      spent: row.spent,
      spentLocally: row.spent_locally,
      inKind: row.in_kind,
      localShare: ratioOf(row.spent_locally, row.spent),
      burnRate: null,
    });
  }
  // Between two organisations no spending is attributed: burn rate and overspending belong to the organisation's own figures.
  return [...groups.values()].map((g) => ({ ...g, burnRate: null, localShare: null, overspent: false }));
}

const PROVIDER_RECEIVER_ROW = {
  provider_id: c.text,
  receiver_id: c.text,
  currency: c.text,
  partnership_ids: c.textArray,
  committed: c.int8,
  received: c.int8,
  refunded: c.int8,
  spent: c.int8,
  spent_locally: c.int8,
  in_kind: c.int8,
} as const;

/** The chain of one partnership, computed from its flow rows. */
export async function fundingChain(ctx: ReadModelContext, partnershipId: string): Promise<FlowChain | null> {
  const s = ctx.models.portfolio.schema;
  const exists: unknown[] = await ctx.db.query(`SELECT 1 FROM ${s}.partnerships WHERE partnership_id = $1`, [partnershipId]);
  if (exists.length === 0) return null;
  const flows = (await flowsOf(ctx, [partnershipId])).get(partnershipId) ?? [];
  return chainOf(partnershipId, flows, await rateTableOf(ctx));
}

export function chainOf(partnershipId: string, allFlows: readonly LedgerFlow[], rates: RateTable): FlowChain {
  const flows = allFlows.filter(
    (f) => !f.voided && (f.kind === 'commitment' || f.kind === 'disbursement' || f.kind === 'refund') && f.receiverId !== null && f.receiverId !== f.providerId,
  );
  const { origins, levels } = chainLevels(flows);
  const basis = basisCurrency(flows, origins);
  const edgeMap = new Map<string, FlowChain['edges'][number]>();
  for (const f of flows) {
    const id = `${f.providerId}|${f.receiverId}|${f.currency}`;
    const edge = edgeMap.get(id) ?? { providerId: f.providerId, receiverId: f.receiverId ?? '', currency: f.currency, committed: 0, disbursed: 0, level: 0 };
    if (f.kind === 'commitment') edge.committed += f.amountMinor;
    else edge.disbursed += f.kind === 'refund' ? -f.amountMinor : f.amountMinor;
    edgeMap.set(id, edge);
  }
  const edges = [...edgeMap.values()].sort((a, b) => `${a.providerId}|${a.receiverId}|${a.currency}`.localeCompare(`${b.providerId}|${b.receiverId}|${b.currency}`));
  for (const e of edges) e.level = levels.get(e.providerId) ?? 0;

  // Each edge's net money in one unit: raw where a node's money is all in one currency, else converted to the basis.
  const used = new Map<string, UsedRate>();
  const unconverted = new Set<string>();
  const weightOf = new Map<string, number | null>();
  const converted = (e: FlowChain['edges'][number]): number | null => {
    const id = `${e.providerId}|${e.receiverId}|${e.currency}`;
    if (weightOf.has(id)) return weightOf.get(id) ?? null;
    let total: number | null = 0;
    for (const f of flows) {
      if (f.kind === 'commitment' || f.providerId !== e.providerId || f.receiverId !== e.receiverId || f.currency !== e.currency) continue;
      const c = basis ? convert({ ...f, amountMinor: f.kind === 'refund' ? -f.amountMinor : f.amountMinor }, basis, rates) : null;
      if (!c) {
        unconverted.add(f.flowId);
        total = null;
        break;
      }
      if (c.used) used.set(`${c.used.from}|${c.used.to}|${c.used.valueDate}|${c.used.rate}`, c.used);
      total += c.amountMinor;
    }
    weightOf.set(id, total);
    return total;
  };
  const weigh = (list: FlowChain['edges'], raw: boolean) => list.map((e) => ({ e, w: raw ? e.disbursed : converted(e) }));

  const paths: FlowChain['paths'] = [];
  const follow = (donorId: string, currency: string, path: string[], amount: bigint) => {
    const node = path[path.length - 1];
    const into = edges.filter((e) => e.receiverId === node && e.disbursed > 0);
    const out = edges.filter((e) => e.providerId === node && e.disbursed > 0 && !path.includes(e.receiverId));
    const raw = new Set([...into, ...out].map((e) => e.currency)).size <= 1;
    const weightedOut = weigh(out, raw).flatMap((x) => (x.w !== null && x.w > 0 ? [{ e: x.e, w: x.w }] : []));
    const inflow = weigh(into, raw).reduce((sum, x) => sum + (x.w ?? 0), 0);
    const outflow = weightedOut.reduce((sum, x) => sum + x.w, 0);
    // Pro rata: each unit that reached this node leaves along the node's outgoing flows in their proportions.
    const base = BigInt(Math.max(inflow, outflow, 1));
    let passed = 0n;
    for (const { e, w } of weightedOut) {
      const share = (amount * BigInt(w)) / base;
      passed += share;
      if (share > 0n) follow(donorId, currency, [...path, e.receiverId], share);
    }
    if (amount - passed > 0n) paths.push({ donorId, currency, path, amount: Number(amount - passed) });
  };
  for (const e of edges) if (e.level === 1 && e.disbursed > 0) follow(e.providerId, e.currency, [e.providerId, e.receiverId], BigInt(e.disbursed));
  return {
    partnershipId,
    levels: [...levels.entries()]
      .map(([organisationId, l]) => ({ organisationId, level: l }))
      .sort((a, b) => a.level - b.level || a.organisationId.localeCompare(b.organisationId)),
    edges,
    paths,
    basis,
    rates: [...used.values()],
    unconvertedFlowIds: [...unconverted].sort(),
  };
}
