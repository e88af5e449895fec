import { randomUUID } from 'node:crypto';
import type { EventStore } from '@ccb/event-store';
import type { WorkloadStep } from './partnership-workload';

/**
 * Appends workload steps as commands would: each at its stream's current revision, several streams
 * at once, a stream's steps strictly in order. `coalesce` > 1 appends that many of a stream's steps
 * in one call (seeding a large store faster, still interleaved in `$all`).
 */
export async function appendWorkload(
  store: EventStore,
  steps: Iterable<WorkloadStep>,
  options: {
    concurrency?: number;
    coalesce?: number;
    onProgress?: (events: number) => void;
    recordedAt?: () => string;
    /** Revisions of streams already written, for a workload appended in several calls. */
    revisions?: Map<string, number>;
  } = {},
): Promise<{ events: number; appends: number }> {
  const concurrency = options.concurrency ?? 8;
  const coalesce = options.coalesce ?? 1;
  const revisions = options.revisions ?? new Map<string, number>();
  const tails = new Map<string, Promise<void>>();
  const buffers = new Map<string, WorkloadStep['events'][number][]>();
  const inFlight = new Set<Promise<void>>();
  let events = 0;
  let appends = 0;
  let failure: unknown = null;

  const append = (streamId: string, batch: WorkloadStep['events'][number][]) => {
    const run = async () => {
      const expected = revisions.get(streamId) ?? -1;
      revisions.set(streamId, expected + batch.length);
      const recordedAt = options.recordedAt?.() ?? new Date().toISOString();
      await store.appendToStream(
        streamId,
        batch.map((e) => ({
          id: randomUUID(),
          type: e.type,
          schemaVersion: e.schemaVersion,
          data: e.data as Record<string, unknown>,
          metadata: { actor: 'workload', organisation: null, correlationId: randomUUID(), causationId: null, recordedAt },
        })),
        { expectedRevision: expected === -1 ? 'no_stream' : expected },
      );
      events += batch.length;
      appends += 1;
      options.onProgress?.(events);
    };
    const tail = (tails.get(streamId) ?? Promise.resolve()).then(run);
    const tracked = tail.catch((error: unknown) => {
      failure ??= error;
    });
    tails.set(streamId, tracked);
    inFlight.add(tracked);
    void tracked.finally(() => inFlight.delete(tracked));
    return tracked;
  };

  for (const step of steps) {
    if (failure) break;
    const buffer = buffers.get(step.streamId) ?? [];
    buffer.push(...step.events);
    if (buffer.length < coalesce) {
      buffers.set(step.streamId, buffer);
      continue;
    }
    buffers.delete(step.streamId);
    void append(step.streamId, buffer);
    while (inFlight.size >= concurrency) await Promise.race(inFlight);
  }
  for (const [streamId, buffer] of buffers) {
    void append(streamId, buffer);
    while (inFlight.size >= concurrency) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  await Promise.all(tails.values());
  if (failure) throw failure;
  return { events, appends };
}
