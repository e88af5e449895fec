import { iso, paged, Where, type Page, type PageRequest, type ReadModelContext } from './query-kit';
import { visibleTo, type Viewer } from './viewer';

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
  return paged(ctx, 't.*', `${ctx.models.timeline.schema}.timeline t`, where, order, filter, (r) => ({
    partnershipId: r.partnership_id as string,
    revision: Number(r.revision),
    eventId: r.event_id as string,
    position: r.position as string,
    type: r.type as string,
    recordedAt: iso(r.recorded_at)!,
    actor: r.actor as string,
    organisationId: r.organisation_id as string | null,
    reason: r.reason as string | null,
    correlationId: r.correlation_id as string,
    causationId: r.causation_id as string | null,
    summary: r.summary as string,
  }));
}
