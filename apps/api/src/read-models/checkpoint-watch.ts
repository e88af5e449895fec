import { comparePositions, type Position } from '@ccb/event-store';

interface Waiter {
  readonly position: Position;
  readonly done: (reached: boolean) => void;
}

/**
 * Where one projection's checkpoint stands, for every read waiting on a position at once. It is told by
 * the projector in this process, and while anyone waits it also reads the checkpoint table, once per
 * interval whatever the number of waiters (another replica may hold the projector lease). So 200
 * waiting reads cost one query per interval, and never hold the embedded database's one connection.
 */
export class CheckpointWatch {
  private latest: Position | undefined;
  private readonly waiters = new Set<Waiter>();
  private polling: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly readCheckpoint: () => Promise<Position | undefined>,
    private readonly intervalMs = 50,
  ) {}

  /** The projector in this process moved its checkpoint. */
  advance(position: Position): void {
    if (this.latest !== undefined && comparePositions(this.latest, position) >= 0) return;
    this.latest = position;
    for (const waiter of this.waiters) {
      if (comparePositions(position, waiter.position) >= 0) waiter.done(true);
    }
  }

  /** Resolves true once the checkpoint is at or past `position`, false at `deadline` (epoch ms). */
  async reached(position: Position, deadline: number): Promise<boolean> {
    if (this.latest !== undefined && comparePositions(this.latest, position) >= 0) return true;
    const result = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => waiter.done(false), Math.max(0, deadline - Date.now()));
      const waiter: Waiter = {
        position,
        done: (reached) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(reached);
        },
      };
      this.waiters.add(waiter);
    });
    this.poll();
    return result;
  }

  /** Reads waiting on this projection now. */
  waiting(): number {
    return this.waiters.size;
  }

  current(): Position | undefined {
    return this.latest;
  }

  private poll(): void {
    if (this.polling) return;
    const look = async () => {
      try {
        const checkpoint = await this.readCheckpoint();
        if (checkpoint !== undefined) this.advance(checkpoint);
      } catch {
        // A failed look is only a missed chance: the next one, or the projector, tells.
      }
      this.polling = this.waiters.size > 0 ? setTimeout(look, this.intervalMs) : null;
    };
    this.polling = setTimeout(look, 0);
  }
}
