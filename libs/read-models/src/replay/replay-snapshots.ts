import type { RecordedEvent } from '@ccb/event-store';
import { emptyReplay, replayStep, within, type ReplayPoint, type ReplayState } from './partnership-replay';

/**
 * Replays of one stream, remembering the state every `every` revisions, so a replay to any point folds
 * at most `every` events from the nearest snapshot before it. States are immutable, so sharing them is safe;
 * `events` must be the stream from revision 0, only ever appended to.
 */
export class ReplaySnapshots {
  private readonly snapshots: ReplayState[] = [];

  constructor(readonly every = 500) {}

  replay(events: readonly RecordedEvent[], point: ReplayPoint): ReplayState {
    let replay = emptyReplay;
    for (const snapshot of this.snapshots) {
      if (snapshot.revision >= events.length || !within(point, events[snapshot.revision])) break;
      replay = snapshot;
    }
    for (let i = replay.revision + 1; i < events.length; i++) {
      const event = events[i];
      if (!within(point, event)) break;
      replay = replayStep(replay, event);
      const slot = (replay.revision + 1) / this.every - 1;
      if (Number.isInteger(slot) && slot === this.snapshots.length) this.snapshots.push(replay);
    }
    return replay;
  }
}
