import { randomUUID } from 'node:crypto';
import type { EventStore } from '../event-store';
import { WrongExpectedRevisionError } from '../errors';
import { comparePositions } from '../position';
import type { EventData, Position, RecordedEvent } from '../types';

export interface ContractHarness {
  store: EventStore;
  /** Called once after the suite. */
  dispose(): Promise<void>;
}

let counter = 0;
export function anEvent(type = 'ThingHappened', data: Record<string, unknown> = {}): EventData {
  counter += 1;
  return {
    id: randomUUID(),
    type,
    schemaVersion: 1,
    data: { n: counter, ...data },
    metadata: {
      actor: 'user-1',
      organisation: 'org-1',
      correlationId: randomUUID(),
      causationId: null,
      recordedAt: new Date().toISOString(),
    },
  };
}

async function take(iterable: AsyncIterable<RecordedEvent>, count: number): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  if (count === 0) return out;
  for await (const event of iterable) {
    out.push(event);
    if (out.length === count) break;
  }
  return out;
}

/** The behaviour every adapter of the EventStore port must show. */
export function eventStoreContract(name: string, open: () => Promise<ContractHarness>): void {
  describe(`EventStore contract: ${name}`, () => {
    let harness: ContractHarness;
    let store: EventStore;
    let prefix: string;
    const stream = (suffix: string) => `${prefix}${suffix}`;

    beforeAll(async () => {
      harness = await open();
      store = harness.store;
    });
    afterAll(async () => harness?.dispose());
    beforeEach(() => {
      prefix = `contract-${randomUUID().slice(0, 8)}-`;
    });

    describe('append and read a stream', () => {
      it('appends to a new stream and reads every field back', async () => {
        const events = [anEvent('A', { nested: { list: [1, 'two'] } }), anEvent('B')];
        const result = await store.appendToStream(stream('s'), events, { expectedRevision: 'no_stream' });
        expect(result.nextExpectedRevision).toBe(1);
        expect(typeof result.position).toBe('string');

        const { events: read, currentStreamVersion, streamExists } = await store.readStream(stream('s'));
        expect([currentStreamVersion, streamExists]).toEqual([1, true]);
        expect(read.map((e) => e.revision)).toEqual([0, 1]);
        expect(read[0]).toMatchObject({
          id: events[0].id,
          type: 'A',
          schemaVersion: 1,
          data: events[0].data,
          metadata: events[0].metadata,
          streamId: stream('s'),
        });
        expect(new Date(read[0].created).toString()).not.toBe('Invalid Date');
        expect(read[1].position).toBe(result.position);
        expect(comparePositions(read[0].position, read[1].position)).toBeLessThan(0);
      });

      it('answers a stream with no events as missing, without throwing', async () => {
        expect(await store.readStream(stream('missing'))).toEqual({ events: [], currentStreamVersion: null, streamExists: false });
        expect(await store.readStream(stream('missing'), { direction: 'backwards', maxCount: 1 })).toEqual({ events: [], currentStreamVersion: null, streamExists: false });
      });

      it('reads forwards from a revision with a max count, and backwards from the end', async () => {
        await store.appendToStream(
          stream('r'),
          [1, 2, 3, 4, 5].map(() => anEvent()),
          { expectedRevision: 'any' },
        );
        const forwards = await store.readStream(stream('r'), { fromRevision: 1, maxCount: 2 });
        expect(forwards.events.map((e) => e.revision)).toEqual([1, 2]);
        // The version is the stream's, whatever part of it was read.
        expect(forwards.currentStreamVersion).toBe(4);
        const backwards = await store.readStream(stream('r'), { direction: 'backwards', maxCount: 2 });
        expect(backwards.events.map((e) => e.revision)).toEqual([4, 3]);
        const backFrom = await store.readStream(stream('r'), { direction: 'backwards', fromRevision: 2 });
        expect(backFrom.events.map((e) => e.revision)).toEqual([2, 1, 0]);
        expect(backFrom.currentStreamVersion).toBe(4);
        const beyond = await store.readStream(stream('r'), { fromRevision: 9 });
        expect(beyond).toEqual({ events: [], currentStreamVersion: 4, streamExists: true });
      });
    });

    describe('expected revision', () => {
      it('no_stream: accepted for a new stream, refused for an existing one with the actual revision', async () => {
        await store.appendToStream(stream('n'), [anEvent(), anEvent()], { expectedRevision: 'no_stream' });
        const error = await store.appendToStream(stream('n'), [anEvent()], { expectedRevision: 'no_stream' }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ streamId: stream('n'), expected: 'no_stream', actual: 1 });
      });

      it('stream_exists: refused for a missing stream, accepted for an existing one', async () => {
        const error = await store.appendToStream(stream('e'), [anEvent()], { expectedRevision: 'stream_exists' }).catch((e: unknown) => e);
        expect(error).toMatchObject({ expected: 'stream_exists', actual: 'no_stream' });
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        await store.appendToStream(stream('e'), [anEvent()], { expectedRevision: 'any' });
        const ok = await store.appendToStream(stream('e'), [anEvent()], { expectedRevision: 'stream_exists' });
        expect(ok.nextExpectedRevision).toBe(1);
      });

      it('an exact revision: accepted when it is the last revision, refused otherwise with expected and actual', async () => {
        await store.appendToStream(stream('x'), [anEvent(), anEvent(), anEvent()], { expectedRevision: 'no_stream' });
        const ok = await store.appendToStream(stream('x'), [anEvent()], { expectedRevision: 2 });
        expect(ok.nextExpectedRevision).toBe(3);
        const stale = await store.appendToStream(stream('x'), [anEvent()], { expectedRevision: 2 }).catch((e: unknown) => e);
        expect(stale).toBeInstanceOf(WrongExpectedRevisionError);
        expect(stale).toMatchObject({ expected: 2, actual: 3 });
        const missing = await store.appendToStream(stream('x-none'), [anEvent()], { expectedRevision: 0 }).catch((e: unknown) => e);
        expect(missing).toMatchObject({ expected: 0, actual: 'no_stream' });
      });

      it('any: accepted whether or not the stream exists', async () => {
        expect((await store.appendToStream(stream('a'), [anEvent()], { expectedRevision: 'any' })).nextExpectedRevision).toBe(0);
        expect((await store.appendToStream(stream('a'), [anEvent()], { expectedRevision: 'any' })).nextExpectedRevision).toBe(1);
      });

      it('a refused append of several events writes none of them', async () => {
        await store.appendToStream(stream('atomic'), [anEvent()], { expectedRevision: 'no_stream' });
        await expect(store.appendToStream(stream('atomic'), [anEvent(), anEvent(), anEvent()], { expectedRevision: 5 })).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        expect((await store.readStream(stream('atomic'))).events).toHaveLength(1);
      });

      it('of concurrent writers expecting the same revision, exactly one wins', async () => {
        await store.appendToStream(stream('race'), [anEvent()], { expectedRevision: 'no_stream' });
        const results = await Promise.allSettled(Array.from({ length: 8 }, () => store.appendToStream(stream('race'), [anEvent()], { expectedRevision: 0 })));
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(WrongExpectedRevisionError);
        expect((await store.readStream(stream('race'))).events).toHaveLength(2);
      });
    });

    describe('idempotent appends', () => {
      it('a retry of the same events at the same expected revision succeeds and writes nothing twice', async () => {
        const first = [anEvent(), anEvent()];
        const a = await store.appendToStream(stream('i'), first, { expectedRevision: 'no_stream' });
        const b = await store.appendToStream(stream('i'), first, { expectedRevision: 'no_stream' });
        expect(b).toEqual(a);
        const next = [anEvent()];
        const c = await store.appendToStream(stream('i'), next, { expectedRevision: 1 });
        const d = await store.appendToStream(stream('i'), next, { expectedRevision: 1 });
        expect(d).toEqual(c);
        expect((await store.readStream(stream('i'))).events).toHaveLength(3);
      });

      it('a retry with expected revision any writes nothing twice', async () => {
        const events = [anEvent()];
        await store.appendToStream(stream('ia'), events, { expectedRevision: 'any' });
        await store.appendToStream(stream('ia'), events, { expectedRevision: 'any' });
        expect((await store.readStream(stream('ia'))).events).toHaveLength(1);
      });

      it('the same events at another expected revision are refused, not silently dropped', async () => {
        const events = [anEvent()];
        await store.appendToStream(stream('ib'), [anEvent()], { expectedRevision: 'no_stream' });
        await store.appendToStream(stream('ib'), events, { expectedRevision: 0 });
        await expect(store.appendToStream(stream('ib'), events, { expectedRevision: 1 })).rejects.toThrow();
        expect((await store.readStream(stream('ib'))).events).toHaveLength(2);
      });
    });

    // Adapters may gather concurrent appends into one write (group commit): each keeps its own check and outcome.
    describe('concurrent appends', () => {
      it('nothing lost, nothing applied twice: 120 appends to 120 streams, each stream holds exactly its events', async () => {
        const appends = Array.from({ length: 120 }, (_, i) => ({ streamId: stream(`many-${i}`), events: Array.from({ length: 1 + (i % 3) }, () => anEvent()) }));
        const results = await Promise.all(appends.map((a) => store.appendToStream(a.streamId, a.events, { expectedRevision: 'no_stream' })));
        for (const [i, a] of appends.entries()) {
          expect(results[i].nextExpectedRevision).toBe(a.events.length - 1);
          expect((await store.readStream(a.streamId)).events.map((e) => e.id)).toEqual(a.events.map((e) => e.id));
        }
        expect(new Set(results.map((r) => r.position)).size).toBe(120);
      });

      it('one wrong expected revision fails only its own append; the others in flight with it are written', async () => {
        await store.appendToStream(stream('wrong'), [anEvent()], { expectedRevision: 'no_stream' });
        const good = Array.from({ length: 30 }, (_, i) => store.appendToStream(stream(`ok-${i}`), [anEvent()], { expectedRevision: 'no_stream' }));
        const bad = store.appendToStream(stream('wrong'), [anEvent()], { expectedRevision: 7 });
        const missing = store.appendToStream(stream('never-created'), [anEvent()], { expectedRevision: 'stream_exists' });
        const settled = await Promise.allSettled([...good, bad, missing]);
        expect(settled.slice(0, 30).every((r) => r.status === 'fulfilled')).toBe(true);
        const [badResult, missingResult] = settled.slice(30);
        expect(badResult.status === 'rejected' && badResult.reason instanceof WrongExpectedRevisionError && badResult.reason.actual === 0).toBe(true);
        expect(missingResult.status === 'rejected' && missingResult.reason instanceof WrongExpectedRevisionError).toBe(true);
        expect((await store.readStream(stream('wrong'))).events).toHaveLength(1);
      });

      it('appends to one stream at once with expected revision any are all written, in contiguous revisions', async () => {
        const events = Array.from({ length: 40 }, () => anEvent());
        const results = await Promise.all(events.map((e) => store.appendToStream(stream('hot'), [e], { expectedRevision: 'any' })));
        expect(results.map((r) => r.nextExpectedRevision).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i));
        const stored = (await store.readStream(stream('hot'))).events;
        expect(new Set(stored.map((e) => e.id))).toEqual(new Set(events.map((e) => e.id)));
      });

      it('a retried append in flight beside new ones answers as the first time and the others are written', async () => {
        const retried = [anEvent(), anEvent()];
        const first = await store.appendToStream(stream('retried'), retried, { expectedRevision: 'no_stream' });
        const [again, ...others] = await Promise.all([
          store.appendToStream(stream('retried'), retried, { expectedRevision: 'no_stream' }),
          ...Array.from({ length: 10 }, (_, i) => store.appendToStream(stream(`beside-${i}`), [anEvent()], { expectedRevision: 'no_stream' })),
        ]);
        expect(again).toEqual(first);
        expect(others).toHaveLength(10);
        expect((await store.readStream(stream('retried'))).events).toHaveLength(2);
        for (let i = 0; i < 10; i++) expect((await store.readStream(stream(`beside-${i}`))).events).toHaveLength(1);
      });

      it('$all gives every concurrently appended event once, in position order', async () => {
        const before = await store.readAll({ maxCount: 1_000_000 });
        const after = before.at(-1)?.position;
        await Promise.all(Array.from({ length: 60 }, (_, i) => store.appendToStream(stream(`all-${i}`), [anEvent(), anEvent()], { expectedRevision: 'no_stream' })));
        const read = (await store.readAll({ after, maxCount: 10_000 })).filter((e) => e.streamId.startsWith(prefix));
        expect(read).toHaveLength(120);
        expect(new Set(read.map((e) => e.id)).size).toBe(120);
        for (let i = 1; i < read.length; i++) expect(comparePositions(read[i - 1].position, read[i].position)).toBeLessThan(0);
      });
    });

    describe('$all', () => {
      it('reads the log in order from the start and pages with positions that survive JSON', async () => {
        await store.appendToStream(stream('one'), [anEvent(), anEvent()], { expectedRevision: 'no_stream' });
        await store.appendToStream(stream('two'), [anEvent()], { expectedRevision: 'no_stream' });
        await store.appendToStream(stream('one'), [anEvent()], { expectedRevision: 1 });
        const all = await store.readAll({ filter: { streamPrefixes: [prefix] }, maxCount: 100 });
        expect(all.map((e) => [e.streamId, e.revision])).toEqual([
          [stream('one'), 0],
          [stream('one'), 1],
          [stream('two'), 0],
          [stream('one'), 2],
        ]);
        for (let i = 1; i < all.length; i++) expect(comparePositions(all[i - 1].position, all[i].position)).toBeLessThan(0);

        const after = JSON.parse(JSON.stringify({ p: all[1].position })).p as Position;
        const rest = await store.readAll({ after, filter: { streamPrefixes: [prefix] }, maxCount: 2 });
        expect(rest.map((e) => e.id)).toEqual([all[2].id, all[3].id]);
        const head = await store.headPosition();
        expect(head && comparePositions(head, all[3].position)).toBeGreaterThanOrEqual(0);
      });

      it('counts the events of $all, or says it cannot', async () => {
        const before = await store.countEvents();
        await store.appendToStream(stream('counted'), [anEvent(), anEvent()], { expectedRevision: 'no_stream' });
        const after = await store.countEvents();
        if (before === null) expect(after).toBeNull();
        else expect(after! - before).toBe(2);
      });

      it('reads without a filter, and a subscription without a filter sees the same events', async () => {
        await store.appendToStream(stream('nofilter'), [anEvent(), anEvent(), anEvent()], { expectedRevision: 'no_stream' });
        const all = await store.readAll({ maxCount: 100_000 });
        const ours = all.filter((e) => e.streamId === stream('nofilter'));
        expect(ours.map((e) => e.revision)).toEqual([0, 1, 2]);
        const subscribed: RecordedEvent[] = [];
        for await (const event of store.subscribeToAll({ batchSize: 50 })) {
          subscribed.push(event);
          if (event.streamId === stream('nofilter') && event.revision === 2) break;
        }
        expect(subscribed.map((e) => e.id)).toEqual(all.slice(0, subscribed.length).map((e) => e.id));
      });

      it('filters by event type', async () => {
        await store.appendToStream(stream('f'), [anEvent(`${prefix}Kept`), anEvent('Other'), anEvent(`${prefix}Kept`)], {
          expectedRevision: 'any',
        });
        const kept = await store.readAll({ filter: { eventTypes: [`${prefix}Kept`] }, maxCount: 10 });
        expect(kept.map((e) => e.revision)).toEqual([0, 2]);
      });
    });

    describe('catch-up subscription', () => {
      it('delivers past events, then live ones, in order', async () => {
        await store.appendToStream(stream('sub'), [anEvent(), anEvent()], { expectedRevision: 'no_stream' });
        const controller = new AbortController();
        const received = take(store.subscribeToAll({ filter: { streamPrefixes: [prefix] }, signal: controller.signal }), 4);
        await new Promise((r) => setTimeout(r, 100));
        await store.appendToStream(stream('sub'), [anEvent(), anEvent()], { expectedRevision: 1 });
        const events = await received;
        controller.abort();
        expect(events.map((e) => e.revision)).toEqual([0, 1, 2, 3]);
      });

      it('resumes after the last position it delivered: nothing missed, nothing repeated', async () => {
        await store.appendToStream(
          stream('resume'),
          [1, 2, 3, 4, 5].map(() => anEvent()),
          { expectedRevision: 'no_stream' },
        );
        const filter = { streamPrefixes: [prefix] };
        const firstThree = await take(store.subscribeToAll({ filter, batchSize: 2 }), 3);
        const checkpoint = firstThree[2].position;
        await store.appendToStream(stream('resume'), [anEvent()], { expectedRevision: 4 });
        const rest = await take(store.subscribeToAll({ filter, after: checkpoint }), 3);
        expect([...firstThree, ...rest].map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5]);
      });

      it('stops when its signal aborts', async () => {
        const controller = new AbortController();
        const seen: RecordedEvent[] = [];
        const done = (async () => {
          for await (const event of store.subscribeToAll({ filter: { streamPrefixes: [prefix] }, signal: controller.signal })) seen.push(event);
        })();
        await store.appendToStream(stream('stop'), [anEvent()], { expectedRevision: 'no_stream' });
        await new Promise((r) => setTimeout(r, 200));
        controller.abort();
        await done;
        expect(seen).toHaveLength(1);
      });
    });
  });
}
