import { isPartnershipEventType, upcastPartnershipEvent } from '@ccb/domain';
import type { RecordedEvent } from '@ccb/event-store';
import type { EntityManager } from 'typeorm';
import { PARTNERSHIP_STREAM_PREFIX } from '../view/view-loader';
import type { PreparedBatch, Projection, ProjectionHandler } from '../projection/projection';
import type { ReadModelSchema } from '../storage/read-model-schemas';
import { insertRowsIgnoringDuplicates } from '../storage/row-writer';
import { describeEvent } from './event-summary';
import { TIMELINE_COLUMNS, type RowOf } from '../storage/columns';

export type TimelineRow = RowOf<typeof TIMELINE_COLUMNS>;

export function timelineRow(event: RecordedEvent): TimelineRow | null {
  if (!event.streamId.startsWith(PARTNERSHIP_STREAM_PREFIX) || !isPartnershipEventType(event.type)) return null;
  const m = event.metadata;
  const domainEvent = upcastPartnershipEvent(event);
  const reasonInData = 'reason' in domainEvent.data && typeof domainEvent.data.reason === 'string' ? domainEvent.data.reason : null;
  return {
    partnership_id: event.streamId.slice(PARTNERSHIP_STREAM_PREFIX.length),
    revision: event.revision,
    event_id: event.id,
    position: event.position,
    type: event.type,
    recorded_at: m.recordedAt,
    actor: m.actor,
    organisation_id: m.organisation,
    reason: m.reason ?? reasonInData,
    correlation_id: m.correlationId,
    causation_id: m.causationId,
    summary: describeEvent(domainEvent),
  };
}

class TimelineHandler implements ProjectionHandler {
  constructor(private readonly schema: string) {}
  reset(): void {}
  async prepare(events: readonly RecordedEvent[], parked: ReadonlySet<string> = new Set()): Promise<PreparedBatch> {
    const rows = events
      .filter((e) => !parked.has(e.id))
      .map(timelineRow)
      .filter((row): row is TimelineRow => row !== null);
    return {
      write: (tx: EntityManager) => insertRowsIgnoringDuplicates(tx, `${this.schema}.timeline`, rows),
      committed: () => undefined,
    };
  }
}

export function timelineProjection(model: ReadModelSchema): Projection {
  return { name: model.projection, model, handlerFor: (schema) => new TimelineHandler(schema) };
}
