/**
 * Work waiting per stream, taken in batches: while one batch of a stream runs, what arrives for that stream
 * waits, and is taken together when it ends. Streams run side by side. This is what lets the commands that
 * queued up behind each other on one busy stream share one read and one append.
 */
export class StreamBatches<Item> {
  private readonly waiting = new Map<string, Item[]>();
  private readonly running = new Set<string>();

  constructor(
    private readonly run: (streamId: string, batch: Item[]) => Promise<void>,
    /** Which of the items waiting (in arrival order) go together now; the rest wait for the next batch. */
    private readonly take: (waiting: readonly Item[]) => number,
  ) {}

  add(streamId: string, item: Item): void {
    const list = this.waiting.get(streamId);
    if (list) list.push(item);
    else this.waiting.set(streamId, [item]);
    if (!this.running.has(streamId)) void this.drain(streamId);
  }

  private async drain(streamId: string): Promise<void> {
    this.running.add(streamId);
    try {
      for (let list = this.waiting.get(streamId); list && list.length > 0; list = this.waiting.get(streamId)) {
        const batch = list.splice(0, Math.max(1, this.take(list)));
        if (list.length === 0) this.waiting.delete(streamId);
        // `run` settles every item itself; a throw here would be a bug, and must not stop the stream.
        await this.run(streamId, batch).catch(() => undefined);
      }
    } finally {
      this.running.delete(streamId);
    }
  }
}
