import { evolve, initialPartnershipState, upcastPartnershipEvent, type PartnershipEvent, type PartnershipState } from '@ccb/domain';
import type { RecordedEvent } from '@ccb/event-store';
import { emptyDossier, evolveDossier, type PartnershipDossier } from '../dossier/partnership-dossier';
import { fundingSummaryRows, type FundingSummaryRow } from '../funding/funding-summary';
import type { RateTable } from '../funding/rate-table';
import { localOwnership, type LocalOwnership } from '../local-ownership/local-ownership';
import type { OrganisationLookup } from '../organisations/organisation-directory';
import type { PartnershipView } from '../view/partnership-view';
import { applyRecorded } from '../view/view-loader';
import { describeFailure } from '../projection/dead-letters';
import type { UnreadableEvent } from './replay-results';

export type { UnreadableEvent };

/** Where a replay stops: after a revision, or after the last event recorded at or before an instant. */
export type ReplayPoint = { readonly revision: number } | { readonly at: string } | { readonly head: true };

/**
 * Everything the folds know after some prefix of a stream. Each part is folded by the function the
 * live system uses (the domain's evolve, the read model's view, the dossier), so a replay cannot
 * disagree with what the rules or the dashboards saw at the time.
 */
export interface ReplayState {
  /** -1 before the first event. */
  readonly revision: number;
  readonly recordedAt: string | null;
  readonly state: PartnershipState;
  readonly view: PartnershipView | null;
  readonly dossier: PartnershipDossier;
  /**
   * Events of the prefix that the folds could not read (written before the rules checked every event's
   * shape, or behind the store's back). The replay goes on without them and says so, as the projections
   * park them: an evaluator still sees the rest of the history.
   */
  readonly unreadable: readonly UnreadableEvent[];
}

export const emptyReplay: ReplayState = { revision: -1, recordedAt: null, state: initialPartnershipState, view: null, dossier: emptyDossier, unreadable: [] };

export function replayStep(replay: ReplayState, recorded: RecordedEvent): ReplayState {
  try {
    const event: PartnershipEvent = upcastPartnershipEvent(recorded);
    return {
      revision: recorded.revision,
      recordedAt: recorded.metadata.recordedAt,
      state: evolve(replay.state, event),
      view: applyRecorded(replay.view, recorded),
      dossier: evolveDossier(replay.dossier, event),
      unreadable: replay.unreadable,
    };
  } catch (error) {
    const unreadable = { eventId: recorded.id, revision: recorded.revision, type: recorded.type, ...describeFailure(error) };
    return { ...replay, revision: recorded.revision, recordedAt: recorded.metadata.recordedAt, unreadable: [...replay.unreadable, unreadable] };
  }
}

/** Whether the event falls within the point: revisions and times only grow along a stream. */
export function within(point: ReplayPoint, recorded: RecordedEvent): boolean {
  if ('head' in point) return true;
  if ('revision' in point) return recorded.revision <= point.revision;
  return recorded.metadata.recordedAt <= point.at;
}

/** Folds `events` (in revision order, starting right after `from`) up to the point. */
export function replayTo(events: readonly RecordedEvent[], point: ReplayPoint, from: ReplayState = emptyReplay): ReplayState {
  let replay = from;
  for (const recorded of events) {
    if (recorded.revision <= replay.revision) continue;
    if (!within(point, recorded)) break;
    replay = replayStep(replay, recorded);
  }
  return replay;
}

/** The derived figures at that point: funding per organisation and the local-ownership metrics. */
export interface ReplayFigures {
  readonly funding: FundingSummaryRow[];
  readonly localOwnership: LocalOwnership | null;
}

/** `rates`: the rate table as it stood at that point (RateTable.asOf). */
export function figuresOf(replay: ReplayState, organisations: OrganisationLookup, rates: RateTable): ReplayFigures {
  if (!replay.view) return { funding: [], localOwnership: null };
  return { funding: fundingSummaryRows(replay.view), localOwnership: localOwnership(replay.view, organisations, rates) };
}
