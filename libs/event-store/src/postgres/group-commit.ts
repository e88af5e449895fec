import type { AppendResult, EventData, ExpectedRevision } from '../types';

/** One append waiting for a batch: its own expected revision and its own outcome. */
export interface PendingAppend {
  readonly streamId: string;
  readonly events: readonly EventData[];
  readonly expected: ExpectedRevision;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/**
 * Gathers the appends made in one process while earlier ones are being written, and writes each gathering
 * in one statement and one commit (EventStoreDB batches writes behind one fsync the same way). A stream is in
 * at most one batch in flight: a second append to it waits for the next, so appends to one stream from this
 * process are queued, never raced against each other.
 */
export class GroupCommit {
  private readonly queue: PendingAppend[] = [];
  private readonly streamsInFlight = new Set<string>();
  private inFlight = 0;

  constructor(
    private readonly write: (batch: readonly PendingAppend[]) => Promise<void>,
    private readonly options: { readonly maxBatch: number; readonly maxInFlight: number },
  ) {}

  submit(streamId: string, events: readonly EventData[], expected: ExpectedRevision): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ streamId, events, expected, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const batch = this.take();
      if (batch.length === 0) return;
      this.inFlight += 1;
      for (const p of batch) this.streamsInFlight.add(p.streamId);
      void this.write(batch)
        .catch((error: unknown) => {
          for (const p of batch) p.reject(error);
        })
        .finally(() => {
          for (const p of batch) this.streamsInFlight.delete(p.streamId);
          this.inFlight -= 1;
          this.pump();
        });
    }
  }

  /** The oldest appends whose streams are not already being written, one per stream, up to the batch size. */
  private take(): PendingAppend[] {
    const batch: PendingAppend[] = [];
    const streams = new Set<string>();
    for (let i = 0; i < this.queue.length && batch.length < this.options.maxBatch;) {
      const p = this.queue[i];
      if (this.streamsInFlight.has(p.streamId) || streams.has(p.streamId)) {
        i += 1;
        continue;
      }
      streams.add(p.streamId);
      batch.push(p);
      this.queue.splice(i, 1);
    }
    return batch;
  }
}
