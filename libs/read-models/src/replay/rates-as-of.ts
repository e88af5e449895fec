import { EXCHANGE_RATE_STREAM_PREFIX, type ExchangeRatesRecorded } from '@ccb/domain';
import { comparePositions, type EventStore, type Position, type RecordedEvent } from '@ccb/event-store';
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
export function ratesAsOf(store: Pick<EventStore, 'readAll' | 'headPosition'>, until: string | null): Promise<RateTable> {
  return new RateHistory(store).asOf(until);
}

/**
 * Every rate set recorded, kept by a long-lived reader: the first read scans the global log for them, later ones
 * only what was appended since (a replay of a long partnership spent 130 ms of 160 scanning it every time).
 * Rate sets are never changed once recorded, so the rows read stay true.
 */
export class RateHistory {
  private readonly rows: TableRate[] = [];
  private after: Position | undefined;
  private table: RateTable | null = null;
  private reading: Promise<void> = Promise.resolve();

  constructor(private readonly store: Pick<EventStore, 'readAll' | 'headPosition'>) {}

  async asOf(until: string | null): Promise<RateTable> {
    // One catch-up at a time, so two readers never append the same page twice.
    this.reading = this.reading.then(
      () => this.catchUp(),
      () => this.catchUp(),
    );
    await this.reading;
    const table = (this.table ??= new RateTable(this.rows));
    return until === null ? table : table.asOf(until);
  }

  private async catchUp(): Promise<void> {
    // Everything up to the head is visible now; reading on to it means the next catch-up starts there, not at the last rate set.
    const head = await this.store.headPosition();
    for (;;) {
      const page = await this.store.readAll({ after: this.after, maxCount: 1000, filter: { streamPrefixes: [EXCHANGE_RATE_STREAM_PREFIX] } });
      if (page.length > 0) {
        this.rows.push(...tableRatesOf(page));
        this.after = page[page.length - 1].position;
        this.table = null;
      }
      if (page.length < 1000) break;
    }
    if (head !== null && (this.after === undefined || comparePositions(head, this.after) > 0)) this.after = head;
  }
}
