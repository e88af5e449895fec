/** What the scorecard endpoints answer, declared once for the API and the dashboard. */
import type { Cell, Published } from './cells';

/** One evaluator's score of one principle, in force (not corrected since). */
export interface Score {
  readonly partnershipId: string;
  readonly evaluationId: string;
  readonly evaluatorId: string;
  readonly principle: string;
  /** 0 (not met) to 4 (fully met). */
  readonly score: number;
  readonly evidence: string;
  readonly eventIds: string[];
  readonly recordedAt: string;
}

/** One principle over the partnerships the reader asked about: how often scored, and how well. */
export interface PrincipleSummary extends Cell {
  readonly principle: string;
  readonly evaluations: number;
  readonly average: number | null;
  readonly min: number | null;
  readonly max: number | null;
}

/** GET /api/scorecard: a principle scored in too few partnerships is withheld from readers outside them. */
export interface ScorecardAnswer {
  readonly items: Published<PrincipleSummary, { readonly principle: string; readonly evaluations: null; readonly average: null; readonly min: null; readonly max: null }>[];
}
