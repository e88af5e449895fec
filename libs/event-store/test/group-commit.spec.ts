import { GroupCommit, type PendingAppend } from '../src/postgres/group-commit';
import { anEvent } from '../src/testing/event-store-contract';

/** The batching rule alone, with a writer that records what it was given. */
describe('GroupCommit', () => {
  const deferred = () => {
    let release!: () => void;
    const done = new Promise<void>((r) => (release = r));
    return { done, release };
  };

  it('gathers what arrives while a batch is in flight, one append per stream per batch, in arrival order', async () => {
    const batches: string[][] = [];
    const gates: ReturnType<typeof deferred>[] = [];
    const group = new GroupCommit(
      async (batch: readonly PendingAppend[]) => {
        batches.push(batch.map((p) => p.streamId));
        const gate = deferred();
        gates.push(gate);
        await gate.done;
        batch.forEach((p, i) => p.resolve({ nextExpectedRevision: i, position: `1:${i}` as never }));
      },
      { maxBatch: 3, maxInFlight: 1 },
    );
    const results = ['a', 'b', 'a', 'c', 'd', 'e', 'a'].map((s) => group.submit(s, [anEvent()], 'any'));
    // The first append goes alone; the rest wait for it.
    expect(batches).toEqual([['a']]);
    gates[0].release();
    await new Promise((r) => setImmediate(r));
    // Then up to three, skipping a stream already in the batch: the second "a" waits for the next one.
    expect(batches[1]).toEqual(['b', 'a', 'c']);
    gates[1].release();
    await new Promise((r) => setImmediate(r));
    expect(batches[2]).toEqual(['d', 'e', 'a']);
    gates[2].release();
    await expect(Promise.all(results)).resolves.toHaveLength(7);
  });

  it('a writer that throws rejects only the appends of its batch', async () => {
    const group = new GroupCommit(
      async (batch: readonly PendingAppend[]) => {
        if (batch.some((p) => p.streamId === 'poison')) throw new Error('connection lost');
        for (const p of batch) p.resolve({ nextExpectedRevision: 0, position: '1:1' as never });
      },
      { maxBatch: 1, maxInFlight: 2 },
    );
    const [ok, bad, later] = await Promise.allSettled([
      group.submit('fine', [anEvent()], 'any'),
      group.submit('poison', [anEvent()], 'any'),
      group.submit('later', [anEvent()], 'any'),
    ]);
    expect(ok.status).toBe('fulfilled');
    expect(bad.status === 'rejected' && (bad.reason as Error).message).toBe('connection lost');
    expect(later.status).toBe('fulfilled');
  });
});
