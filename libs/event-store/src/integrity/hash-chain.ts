import { createHash } from 'node:crypto';
import type { EventMetadata, RecordedEvent } from '../types';
import { canonicalJson } from './canonical-json';
import type { ChainBreak, ChainVerification } from './chain-verification';

export type { ChainBreak, ChainVerification };

/** The link before a stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** What a link covers: the event as recorded, minus the link itself. */
export interface Linkable {
  readonly id: string;
  readonly streamId: string;
  readonly revision: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

/** SHA-256 over the canonical serialisation of the event and the previous link. */
export function linkHash(event: Linkable, previousHash: string): string {
  const { hash: _h, previousHash: _p, ...metadata } = event.metadata;
  const covered = {
    id: event.id,
    streamId: event.streamId,
    revision: event.revision,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata,
    previousHash,
  };
  return createHash('sha256').update(canonicalJson(covered)).digest('hex');
}

/** The metadata to store with the event: its own, plus the link. */
export function chained(event: Linkable, previousHash: string): EventMetadata {
  return { ...event.metadata, previousHash, hash: linkHash(event, previousHash) };
}

/** A verified stretch of a chain: its first `eventsChecked` events hold, the last link being `headHash`. */
export interface VerifiedPrefix {
  readonly eventsChecked: number;
  readonly headHash: string;
}

/**
 * Recomputes a stream's chain and names the first link that does not hold: from its first event, or
 * after a prefix already verified (`events` then starts at revision `from.eventsChecked`).
 */
export function verifyChain(streamId: string, events: readonly RecordedEvent[], from: VerifiedPrefix = { eventsChecked: 0, headHash: GENESIS_HASH }): ChainVerification {
  let previous = from.headHash;
  let checked = from.eventsChecked;
  for (const event of events) {
    const brk = (reason: ChainBreak['reason'], expected: string, found: string | null): ChainVerification => ({
      streamId,
      ok: false,
      eventsChecked: checked,
      headHash: previous,
      firstBroken: { revision: event.revision, eventId: event.id, type: event.type, reason, expected, found },
    });
    if (event.revision !== checked) return brk('revision-gap', String(checked), String(event.revision));
    const { hash, previousHash } = event.metadata;
    if (hash === undefined || previousHash === undefined) return brk('unchained', previous, null);
    if (previousHash !== previous) return brk('previous-link-mismatch', previous, previousHash);
    const recomputed = linkHash(event, previous);
    if (recomputed !== hash) return brk('hash-mismatch', recomputed, hash);
    previous = hash;
    checked += 1;
  }
  return { streamId, ok: true, eventsChecked: checked, headHash: previous, firstBroken: null };
}
