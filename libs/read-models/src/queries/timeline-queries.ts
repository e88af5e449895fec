import { paged, Where, type Page, type PageRequest, type ReadModelContext } from './query-kit';
import { visibleTo, type Viewer } from './viewer';
import { readRow, TIMELINE_COLUMNS } from '../storage/columns';

export interface TimelineFilter extends PageRequest {
  readonly partnershipId?: string;
  readonly type?: string;
  readonly organisationId?: string;
  readonly actor?: string;
  /** ISO 8601 instants, inclusive. */
  readonly from?: string;
  readonly to?: string;
  readonly order?: 'asc' | 'desc';
}

export interface TimelineEntry {
  readonly partnershipId: string;
  readonly revision: number;
  readonly eventId: string;
  readonly position: string;
  readonly type: string;
  readonly recordedAt: string;
  readonly actor: string;
  readonly organisationId: string | null;
  readonly reason: string | null;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly summary: string;
}

export function timeline(ctx: ReadModelContext, viewer: Viewer, filter: TimelineFilter): Promise<Page<TimelineEntry>> {
  const where = visibleTo(new Where(), ctx, viewer, 't.partnership_id')
    .when(filter.partnershipId, 't.partnership_id = ?', filter.partnershipId)
    .when(filter.type, 't.type = ?', filter.type)
    .when(filter.organisationId, 't.organisation_id = ?', filter.organisationId)
    .when(filter.actor, 't.actor = ?', filter.actor)
    .when(filter.from, 't.recorded_at >= ?::timestamptz', filter.from)
    .when(filter.to, 't.recorded_at <= ?::timestamptz', filter.to);
  const direction = filter.order === 'desc' ? 'DESC' : 'ASC';
  const order = filter.partnershipId ? `ORDER BY t.revision ${direction}` : `ORDER BY t.recorded_at ${direction}, t.partnership_id, t.revision`;
  return paged(ctx, 't.*', `${ctx.models.timeline.schema}.timeline t`, where, order, filter, (raw) => {
    const r = readRow(TIMELINE_COLUMNS, raw);
    return {
      partnershipId: r.partnership_id,
      revision: r.revision,
      eventId: r.event_id,
      position: r.position,
      type: r.type,
      recordedAt: r.recorded_at,
      actor: r.actor,
      organisationId: r.organisation_id,
      reason: r.reason,
      correlationId: r.correlation_id,
      causationId: r.causation_id,
      summary: r.summary,
    };
  });
}
