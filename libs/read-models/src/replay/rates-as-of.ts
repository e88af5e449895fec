import { EXCHANGE_RATE_STREAM_PREFIX, type ExchangeRatesRecorded } from '@ccb/domain';
import type { EventStore, RecordedEvent } from '@ccb/event-store';
import { RateTable, type TableRate } from '../funding/rate-table';

/** The rate sets in these events, as table rows. */
export function tableRatesOf(events: readonly RecordedEvent[]): TableRate[] {
  return events
    .filter((e) => e.streamId.startsWith(EXCHANGE_RATE_STREAM_PREFIX) && e.type === 'ExchangeRatesRecorded')
    .flatMap((e) => {
      const d = (e as unknown as ExchangeRatesRecorded).data;
      return d.rates.map((r) => ({ setId: d.setId, base: r.base, quote: r.quote, valueDate: r.valueDate, rate: r.rate, source: d.source, recordedAt: e.metadata.recordedAt }));
    });
}

/** The rate table as the events had it at `until` (ISO instant; null: now): what a replay of that moment converts with. */
export async function ratesAsOf(store: Pick<EventStore, 'readAll'>, until: string | null): Promise<RateTable> {
  const rows: TableRate[] = [];
  let after: RecordedEvent['position'] | undefined;
  for (;;) {
    const page = await store.readAll({ after, maxCount: 1000, filter: { streamPrefixes: [EXCHANGE_RATE_STREAM_PREFIX] } });
    rows.push(...tableRatesOf(page));
    if (page.length < 1000) break;
    after = page[page.length - 1].position;
  }
  const table = new RateTable(rows);
  return until === null ? table : table.asOf(until);
}
