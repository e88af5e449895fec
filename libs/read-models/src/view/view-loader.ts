import { upcastPartnershipEvent } from '@ccb/domain';
import { comparePositions, type EventStore, type Position, type RecordedEvent } from '@ccb/event-store';
import { evolveView, type EventEnvelope, type PartnershipView } from './partnership-view';

export { PARTNERSHIP_STREAM_PREFIX } from '@ccb/domain';
import { PARTNERSHIP_STREAM_PREFIX } from '@ccb/domain';

export function envelopeOf(event: RecordedEvent): EventEnvelope {
  return { eventId: event.id, revision: event.revision, recordedAt: event.metadata.recordedAt };
}

/** Folds a recorded partnership event into a view (upcasting it first), so every reader folds the same way. */
export function applyRecorded(view: PartnershipView | null, event: RecordedEvent): PartnershipView | null {
  const next = evolveView(view, upcastPartnershipEvent(event), envelopeOf(event));
  // The stream names the partnership: rows are keyed by it even if an event's payload said otherwise.
  const streamPartnershipId = event.streamId.slice(PARTNERSHIP_STREAM_PREFIX.length);
  return next && next.partnershipId !== streamPartnershipId ? { ...next, partnershipId: streamPartnershipId } : next;
}

/**
 * Rebuilds a partnership's view from its stream, stopping before `beforeRevision` or after
 * `upToPosition`: a projector needs the view exactly as its checkpoint left it.
 */
export async function loadPartnershipView(
  store: EventStore,
  partnershipId: string,
  limit: { beforeRevision: number } | { upToPosition: Position },
  parked: ReadonlySet<string> = new Set(),
): Promise<PartnershipView | null> {
  if ('beforeRevision' in limit && limit.beforeRevision === 0) return null;
  const { events, streamExists } = await store.readStream(
    `${PARTNERSHIP_STREAM_PREFIX}${partnershipId}`,
    'beforeRevision' in limit ? { maxCount: limit.beforeRevision } : undefined,
  );
  if (!streamExists) return null;
  let view: PartnershipView | null = null;
  for (const event of events) {
    if ('upToPosition' in limit && comparePositions(event.position, limit.upToPosition) > 0) break;
    if (parked.has(event.id)) continue;
    view = applyRecorded(view, event);
  }
  return view;
}
