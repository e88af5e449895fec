import { comparePositions, type EventStore, type Position } from '@ccb/event-store';
import type { DataSource } from 'typeorm';
import { afterOf, readCheckpoint } from './checkpoint';
import { readDeadLetters, type DeadLetter } from './dead-letters';
import type { Projection } from './projection';

/** Counting stops here: beyond it "at least" is all an operator needs. */
export const BEHIND_COUNT_CAP = 10_000;

export interface ProjectionStatus {
  readonly projection: string;
  /** `degraded` while any event is parked: the read model is current except for those events. */
  readonly status: 'ok' | 'degraded';
  readonly parked: number;
  /** The parked events (the first 50): which event, where, and the kind of error, without values. */
  readonly parkedEvents: readonly DeadLetter[];
  readonly checkpoint: Position | null;
  readonly head: Position | null;
  readonly eventsBehind: number;
  /** True when eventsBehind stopped counting at BEHIND_COUNT_CAP. */
  readonly eventsBehindAtLeast: boolean;
  /** How long the oldest event not yet projected has waited; 0 when caught up. */
  readonly secondsBehind: number;
  readonly eventsProcessed: number;
  readonly lastEventAt: string | null;
  readonly updatedAt: string;
}

export async function projectionStatus(dataSource: DataSource, store: EventStore, projection: Projection, now = new Date()): Promise<ProjectionStatus> {
  const checkpoint = await readCheckpoint(dataSource, projection.model.schema, projection.name);
  const head = await store.headPosition();
  const after = afterOf(checkpoint.position);
  let behind = 0;
  let oldestWaiting: string | null = null;
  if (head !== null && (after === undefined || comparePositions(head, after) > 0)) {
    let cursor = after;
    while (behind < BEHIND_COUNT_CAP) {
      const page = await store.readAll({ after: cursor, maxCount: Math.min(1000, BEHIND_COUNT_CAP - behind) });
      if (page.length === 0) break;
      oldestWaiting ??= page[0].metadata.recordedAt;
      behind += page.length;
      cursor = page[page.length - 1].position;
    }
  }
  const parked = await readDeadLetters(dataSource, projection.model.schema, projection.name);
  return {
    projection: projection.name,
    status: parked.length > 0 ? 'degraded' : 'ok',
    parked: parked.length,
    parkedEvents: parked.slice(0, 50),
    checkpoint: after ?? null,
    head,
    eventsBehind: behind,
    eventsBehindAtLeast: behind >= BEHIND_COUNT_CAP,
    secondsBehind: oldestWaiting === null ? 0 : Math.max(0, Math.round((now.getTime() - Date.parse(oldestWaiting)) / 100) / 10),
    eventsProcessed: checkpoint.eventsProcessed,
    lastEventAt: checkpoint.lastEventAt,
    updatedAt: checkpoint.updatedAt,
  };
}
