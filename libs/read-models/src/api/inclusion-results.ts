/** What the inclusion query answers (participants by sex, docs/metrics.md), declared once for the API and the dashboard. */
import type { Cell, Published } from './cells';

export const INCLUSION_GROUPS = ['activity', 'partnership', 'theme', 'country', 'type', 'year'] as const;
export type InclusionGroup = (typeof INCLUSION_GROUPS)[number];

/** The key of a group, per grouping. */
export interface InclusionKeys {
  readonly activity: { partnershipId: string; activityId: string; title: string };
  readonly partnership: { partnershipId: string; title: string };
  readonly theme: { theme: string };
  readonly country: { country: string };
  readonly type: { type: string };
  readonly year: { year: number };
}

/** One group's participants (a cell: withheld below the small-cell threshold). */
export interface InclusionRow extends Cell {
  readonly key: InclusionKeys[InclusionGroup];
  readonly activities: number;
  readonly women: number;
  readonly men: number;
  readonly undisclosed: number;
  readonly participants: number;
  /** Women over all participants (undisclosed included in the whole); null with no participants. */
  readonly womenShare: number | null;
  readonly participantHours: number;
}

export type InclusionItem<K> = Published<Omit<InclusionRow, 'key'> & { readonly key: K }, { readonly key: K }>;

/** GET /api/inclusion */
export interface InclusionResult<G extends InclusionGroup = InclusionGroup> {
  readonly groupBy: G;
  readonly items: InclusionItem<InclusionKeys[G]>[];
}
