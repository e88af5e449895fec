import { randomUUID } from 'node:crypto';
import { exchangeRateStreamId } from '@ccb/domain';
import { InMemoryEventStore, type EventStore } from '@ccb/event-store';
import { RateHistory, ratesAsOf } from '../src';

const metadata = (recordedAt: string) => ({ actor: 'ada', organisation: null, correlationId: 'c', causationId: null, recordedAt });

function recordRates(store: EventStore, setId: string, quote: string, rate: string, recordedAt: string) {
  return store.appendToStream(
    exchangeRateStreamId(setId),
    [
      {
        id: randomUUID(),
        type: 'ExchangeRatesRecorded',
        schemaVersion: 1,
        data: { setId, source: 'ECB', recordedBy: 'ada', rates: [{ base: 'EUR', quote, valueDate: '2026-01-02', rate }] },
        metadata: metadata(recordedAt),
      },
    ],
    { expectedRevision: 'no_stream' },
  );
}

function recordOther(store: EventStore, n: number, recordedAt: string) {
  return store.appendToStream(`partnership-p-${n}`, [{ id: randomUUID(), type: 'Noted', schemaVersion: 1, data: { n }, metadata: metadata(recordedAt) }], {
    expectedRevision: 'no_stream',
  });
}

describe('the rate history a long-lived reader keeps', () => {
  it('reads the log once, then only what was appended since, and answers as a fresh read would at every instant', async () => {
    const store = new InMemoryEventStore();
    await recordRates(store, 'ecb-jan', 'USD', '1.08', '2026-01-02T10:00:00.000Z');
    for (let n = 0; n < 50; n++) await recordOther(store, n, '2026-01-03T10:00:00.000Z');
    const history = new RateHistory(store);
    const readFrom: (string | undefined)[] = [];
    const readAll = store.readAll.bind(store);
    store.readAll = (options) => (readFrom.push(options?.after), readAll(options));

    expect((await history.asOf(null)).currencies()).toEqual(['EUR', 'USD']);
    const head = await store.headPosition();
    // A second read starts at the head the first one reached, not at the last rate set: the 50 other events are not scanned again.
    await history.asOf(null);
    expect(readFrom).toEqual([undefined, head]);

    // A set recorded later is seen by the next read, and a replay of an earlier instant still converts without it.
    await recordRates(store, 'ecb-feb', 'NOK', '11.2', '2026-02-02T10:00:00.000Z');
    expect((await history.asOf(null)).currencies()).toEqual(['EUR', 'NOK', 'USD']);
    expect((await history.asOf('2026-01-31T00:00:00.000Z')).currencies()).toEqual(['EUR', 'USD']);
    for (const instant of [null, '2026-01-31T00:00:00.000Z']) expect((await history.asOf(instant)).currencies()).toEqual((await ratesAsOf(store, instant)).currencies());
  });

  it('answers readers asking at once with each set counted once', async () => {
    const store = new InMemoryEventStore();
    await recordRates(store, 'ecb-jan', 'USD', '1.08', '2026-01-02T10:00:00.000Z');
    const history = new RateHistory(store);
    const tables = await Promise.all([history.asOf(null), history.asOf(null), history.asOf(null)]);
    for (const table of tables) expect(table.size).toBe(1);
  });
});
