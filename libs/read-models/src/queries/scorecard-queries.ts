import { PRINCIPLES } from '@ccb/domain';
import { paged, Where, type Page, type PageRequest, type ReadModelContext } from './query-kit';
import { visibleTo, type Viewer } from './viewer';
import type { PrincipleSummary, Score } from '../api/scorecard-results';
import { readRow, SCORE_COLUMNS } from '../storage/columns';

export interface ScoreFilter extends PageRequest {
  readonly partnershipId?: string;
  readonly principle?: string;
  readonly evaluatorId?: string;
}

export type { Score, PrincipleSummary };

const scoreWhere = (ctx: ReadModelContext, viewer: Viewer, filter: ScoreFilter) =>
  visibleTo(new Where(), ctx, viewer, 'ps.partnership_id')
    .when(filter.partnershipId, 'ps.partnership_id = ?', filter.partnershipId)
    .when(filter.principle, 'ps.principle = ?', filter.principle)
    .when(filter.evaluatorId, 'ps.evaluator_id = ?', filter.evaluatorId);

/** Scores in force (a corrected evaluation's scores are replaced by its correction's). */
export function listScores(ctx: ReadModelContext, viewer: Viewer, filter: ScoreFilter): Promise<Page<Score>> {
  return paged(
    ctx,
    'ps.*',
    `${ctx.models.portfolio.schema}.principle_scores ps`,
    scoreWhere(ctx, viewer, filter),
    `ORDER BY array_position(ARRAY[${PRINCIPLES.map((p) => `'${p}'`).join(',')}]::text[], ps.principle), ps.partnership_id, ps.evaluation_id`,
    filter,
    (raw) => {
      const r = readRow(SCORE_COLUMNS, raw);
      return {
        partnershipId: r.partnership_id,
        evaluationId: r.evaluation_id,
        evaluatorId: r.evaluator_id,
        principle: r.principle,
        score: r.score,
        evidence: r.evidence,
        eventIds: r.event_ids,
        recordedAt: r.recorded_at,
      };
    },
  );
}

/** Every principle, scored or not, in the report's order. */
export async function scorecard(ctx: ReadModelContext, viewer: Viewer, filter: ScoreFilter): Promise<PrincipleSummary[]> {
  const where = scoreWhere(ctx, viewer, filter);
  const rows: { principle: string; n: string; average: number | null; min: number | null; max: number | null; partnership_ids: string[] }[] = await ctx.db.query(
    `SELECT ps.principle, count(*) AS n, array_agg(DISTINCT ps.partnership_id) AS partnership_ids, round(avg(ps.score)::numeric, 2)::float8 AS average, min(ps.score) AS min, max(ps.score) AS max
       FROM ${ctx.models.portfolio.schema}.principle_scores ps ${where} GROUP BY ps.principle`,
    where.params,
  );
  const byPrinciple = new Map(rows.map((r) => [r.principle, r]));
  return PRINCIPLES.filter((p) => !filter.principle || p === filter.principle).map((principle) => {
    const r = byPrinciple.get(principle);
    return { principle, partnershipIds: r?.partnership_ids ?? [], evaluations: r ? Number(r.n) : 0, average: r?.average ?? null, min: r?.min ?? null, max: r?.max ?? null };
  });
}
