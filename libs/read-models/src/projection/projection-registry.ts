import type { EventStore } from '@ccb/event-store';
import type { DataSource } from 'typeorm';
import { portfolioProjection } from '../partnerships/portfolio-projection';
import type { ReadModelSet } from '../storage/read-model-schemas';
import { timelineProjection } from '../timeline/timeline-projection';
import type { Projection } from './projection';

/**
 * The one list of projections, opened over one read-model set: the API, the projector, the rebuild and retry
 * commands and the test harness all take it from here, so a new projection is added in one place.
 */
export function openProjections(models: ReadModelSet, store: EventStore, dataSource: DataSource) {
  return {
    portfolio: portfolioProjection(models.portfolio, store, dataSource),
    timeline: timelineProjection(models.timeline),
  } as const satisfies Readonly<Record<keyof ReadModelSet, Projection>>;
}

export type ProjectionSet = ReturnType<typeof openProjections>;
export type ProjectionName = keyof ProjectionSet;

/** In the order they are started and reported. */
export const projectionList = (set: ProjectionSet): readonly Projection[] => [set.portfolio, set.timeline];
