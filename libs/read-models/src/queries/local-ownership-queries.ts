import { LOCAL_OWNERSHIP_WEIGHTS } from '../local-ownership/local-ownership';
import { partnershipFilter, type PartnershipFilter } from './partnership-queries';
import type { Viewer } from './viewer';
import type { Cell } from './small-cells';
import { num, orderBy, paged, type Page, type ReadModelContext } from './query-kit';
import { METRIC_COLUMNS, metricsFrom, type LocalOwnershipMetrics, type PartnershipOwnership } from '../api/local-ownership-results';
import { KeptAnswers, portfolioCheckpoint } from './kept-answers';
import { c, nullable, PARTNERSHIP_COLUMNS, readRow } from '../storage/columns';

export type { LocalOwnershipMetrics, PartnershipOwnership };

const metricsOf = (r: Readonly<Record<string, unknown>>): LocalOwnershipMetrics => metricsFrom((column) => num(r[column]));

export const OWNERSHIP_SORTS = {
  index: 'p.lo_index',
  title: 'p.title',
  country: 'p.beneficiary_country',
  ...Object.fromEntries(Object.entries(METRIC_COLUMNS).map(([k, c]) => [k, `p.${c}`])),
};

export function ownershipByPartnership(ctx: ReadModelContext, viewer: Viewer, filter: PartnershipFilter): Promise<Page<PartnershipOwnership>> {
  return paged(
    ctx,
    'p.*',
    `${ctx.models.portfolio.schema}.partnerships p`,
    partnershipFilter(ctx, viewer, filter),
    orderBy(filter.sort, OWNERSHIP_SORTS, 'p.lo_index DESC NULLS LAST', 'p.partnership_id'),
    filter,
    (raw) => {
      const r = readRow(PARTNERSHIP_COLUMNS, raw);
      return { partnershipId: r.partnership_id, title: r.title, beneficiaryCountry: r.beneficiary_country, phase: r.phase, metrics: metricsOf(raw) };
    },
  );
}

export interface PortfolioOwnership extends Cell {
  readonly organisationId: string;
  readonly name: string | null;
  readonly partnerships: number;
  /** Each metric averaged over the portfolio's partnerships that have it; counts are summed. */
  readonly metrics: LocalOwnershipMetrics;
}

/** Per beneficiary or donor: the metrics of its partnerships, averaged (each over those that have data). */
export async function ownershipByPortfolio(
  ctx: ReadModelContext,
  viewer: Viewer,
  role: 'beneficiary' | 'donor',
  filter: PartnershipFilter,
): Promise<readonly PortfolioOwnership[]> {
  const s = ctx.models.portfolio.schema;
  const where = partnershipFilter(ctx, viewer, filter).add('pt.role = ?', role);
  const summed = new Set(['localTrainersProduced', 'openDisputes']);
  const aggregates = Object.entries(METRIC_COLUMNS)
    .map(([name, column]) => (summed.has(name) ? `sum(p.${column}) AS ${column}` : `round(avg(p.${column})::numeric, 4)::float8 AS ${column}`))
    .join(', ');
  const question = JSON.stringify([role, String(where), where.params]);
  const at = await portfolioCheckpoint(ctx);
  const kept = keptPortfolios.find(question);
  if (kept?.at === at) return keptPortfolios.keep(question, kept).portfolios;
  const rows = await ctx.db.query<Record<string, unknown>[]>(
    `SELECT pt.organisation_id, o.name, count(*) AS partnerships, array_agg(DISTINCT pt.partnership_id) AS partnership_ids, ${aggregates}
       FROM ${s}.parties pt JOIN ${s}.partnerships p USING (partnership_id)
       LEFT JOIN ${s}.organisations o ON o.organisation_id = pt.organisation_id
       ${where}
      GROUP BY pt.organisation_id, o.name
      ORDER BY lo_index DESC NULLS LAST, pt.organisation_id`,
    where.params,
  );
  const portfolios = rows.map((raw) => {
    const r = readRow(PORTFOLIO_ROW, raw);
    return { organisationId: r.organisation_id, name: r.name, partnerships: r.partnerships, partnershipIds: r.partnership_ids, metrics: metricsOf(raw) };
  });
  return keptPortfolios.keep(question, { at, portfolios }).portfolios;
}

/** An aggregate over every party row: answered again only once the read model has moved. */
const keptPortfolios = new KeptAnswers<{ readonly at: string; readonly portfolios: readonly PortfolioOwnership[] }>();

const PORTFOLIO_ROW = { organisation_id: c.text, name: nullable(c.text), partnerships: c.int8, partnership_ids: c.textArray } as const;

export const LOCAL_OWNERSHIP_INDEX = { weights: LOCAL_OWNERSHIP_WEIGHTS, scale: '0-100', documentation: 'docs/metrics.md' } as const;
