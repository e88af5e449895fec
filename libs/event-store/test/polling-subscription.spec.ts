import { makePosition, pollingSubscription, type LogPage, type LogSource, type Position, type RecordedEvent } from '../src';

function logOf(count: number): RecordedEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `e${i}`,
    type: 'T',
    schemaVersion: 1,
    data: {},
    metadata: { actor: 'a', organisation: null, correlationId: 'c', causationId: null, recordedAt: '2026-01-01T00:00:00Z' },
    streamId: 's',
    revision: i,
    position: makePosition(1, i + 1),
    created: '2026-01-01T00:00:00Z',
  }));
}

/** A log whose reads fail every `failEvery`th call, as a dropped connection would, and that counts reads. */
class FlakyLog implements LogSource {
  reads = 0;
  constructor(
    private readonly log: RecordedEvent[],
    private readonly failEvery = 3,
  ) {}
  async readPage(after: Position | undefined, limit: number): Promise<LogPage> {
    this.reads += 1;
    if (this.reads % this.failEvery === 0) throw new Error('connection dropped');
    const start = after ? this.log.findIndex((e) => e.position === after) + 1 : 0;
    const events = this.log.slice(start, start + limit);
    return { events, scannedTo: events.at(-1)?.position ?? null, exhausted: events.length < limit };
  }
  waitForAppend(): Promise<void> {
    return new Promise((r) => setTimeout(r, 1));
  }
}

describe('pollingSubscription', () => {
  it('retries failed reads from the last delivered event: nothing missed, nothing repeated', async () => {
    const log = logOf(50);
    const source = new FlakyLog(log);
    const errors: unknown[] = [];
    const seen: string[] = [];
    for await (const event of pollingSubscription(source, { batchSize: 7 }, { onError: (e) => errors.push(e), maxRetryDelayMs: 1 })) {
      seen.push(event.id);
      if (seen.length === 50) break;
    }
    expect(seen).toEqual(log.map((e) => e.id));
    expect(errors.length).toBeGreaterThan(0);
  });

  it('reads at most one page ahead of the consumer (backpressure)', async () => {
    const source = new FlakyLog(logOf(100), Infinity);
    const iterator = pollingSubscription(source, { batchSize: 10 })[Symbol.asyncIterator]();
    await iterator.next();
    await new Promise((r) => setTimeout(r, 20));
    expect(source.reads).toBe(2);
    for (let i = 1; i < 10; i++) await iterator.next();
    await new Promise((r) => setTimeout(r, 20));
    expect(source.reads).toBe(2);
    await iterator.next();
    await new Promise((r) => setTimeout(r, 20));
    expect(source.reads).toBe(3);
    await iterator.return(undefined);
  });
});
