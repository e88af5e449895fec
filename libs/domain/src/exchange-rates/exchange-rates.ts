import { CURRENCY_CODES } from '../shared/codelists';
import type { Command, DomainEvent } from '../shared/command';
import type { Decider, StoredEvent } from '../shared/decider';
import { ensureNotInFuture, isCalendarDate, type IsoDate } from '../shared/dates';
import { ensure } from '../shared/rule-violation';
import { dateAt, isUsableRate, listAt, objectAt, oneOfAt, textAt } from '../shared/shape';

/** "1 `base` = `rate` `quote`" on `valueDate` (a monthly average is dated the first of its month). */
export interface RateQuote {
  readonly base: string;
  readonly quote: string;
  readonly valueDate: IsoDate;
  /** Exact decimal as text, never a float. */
  readonly rate: string;
}

/** A set of rates from one published source, recorded by an administrator: one stream per set. */
export type ExchangeRatesRecorded = DomainEvent<
  'ExchangeRatesRecorded',
  1,
  { readonly setId: string; readonly source: string; readonly recordedBy: string; readonly rates: readonly RateQuote[] }
>;
export type ExchangeRateEvent = ExchangeRatesRecorded;

export type RecordExchangeRates = Command<'RecordExchangeRates', { readonly setId: string; readonly source: string; readonly rates: readonly RateQuote[] }>;
export type ExchangeRateCommand = RecordExchangeRates;

export interface ExchangeRateSetState {
  readonly recorded: boolean;
}

export const initialExchangeRateSetState: ExchangeRateSetState = { recorded: false };
export const EXCHANGE_RATE_STREAM_PREFIX = 'exchange-rates-';
export const exchangeRateStreamId = (setId: string) => `${EXCHANGE_RATE_STREAM_PREFIX}${setId}`;
/** One import is one event: a year of daily rates for 20 currencies fits, a careless upload of a whole database does not. */
export const MAX_RATES_PER_SET = 10_000;

export function evolveExchangeRateSet(state: ExchangeRateSetState, event: ExchangeRateEvent): ExchangeRateSetState {
  switch (event.type) {
    case 'ExchangeRatesRecorded':
      return { ...state, recorded: true };
  }
}

const CURRENCIES = [...CURRENCY_CODES];

export function ensureExchangeRatesFoldable(event: ExchangeRateEvent): void {
  const data = objectAt(event.data, 'data');
  textAt(data.setId, 'setId');
  textAt(data.source, 'source');
  textAt(data.recordedBy, 'recordedBy');
  listAt(data.rates, 'rates', (item, field) => {
    const r = objectAt(item, field);
    oneOfAt(r.base, CURRENCIES, `${field}.base`);
    oneOfAt(r.quote, CURRENCIES, `${field}.quote`);
    dateAt(r.valueDate, `${field}.valueDate`);
    textAt(r.rate, `${field}.rate`);
  });
}

export function decideExchangeRates(command: ExchangeRateCommand, state: ExchangeRateSetState): ExchangeRateEvent[] {
  const events = decideExchangeRateEvents(command, state);
  for (const event of events) ensureExchangeRatesFoldable(event);
  return events;
}

function decideExchangeRateEvents(command: ExchangeRateCommand, state: ExchangeRateSetState): ExchangeRateEvent[] {
  switch (command.type) {
    case 'RecordExchangeRates': {
      const { context: ctx, data } = command;
      ensure(ctx.roles.includes('admin'), 'access.admin', 'only an administrator records exchange rates');
      ensure(!state.recorded, 'rates.set-unique', `rate set ${data.setId} is already recorded: record corrections as a new set`);
      ensure(data.rates.length > 0, 'rates.required', 'a rate set holds at least one rate');
      ensure(data.rates.length <= MAX_RATES_PER_SET, 'rates.too-many', `a rate set holds at most ${MAX_RATES_PER_SET} rates; split the import`);
      const seen = new Set<string>();
      data.rates.forEach((r, i) => {
        const at = `rates[${i}]`;
        ensure(CURRENCY_CODES.has(r.base), 'money.iso-4217', `${at}.base: "${r.base}" is not an ISO 4217 currency code`);
        ensure(CURRENCY_CODES.has(r.quote), 'money.iso-4217', `${at}.quote: "${r.quote}" is not an ISO 4217 currency code`);
        ensure(r.base !== r.quote, 'rates.distinct-currencies', `${at}: a rate converts between two different currencies`);
        ensure(isUsableRate(r.rate), 'rates.positive', `${at}.rate: "${r.rate}" must be a decimal greater than zero, e.g. "1.0842"`);
        ensure(isCalendarDate(r.valueDate), 'date.calendar', `${at}.valueDate: "${r.valueDate}" is not a calendar date`);
        ensureNotInFuture(r.valueDate, ctx.now, `${at}.valueDate`);
        const key = `${r.base}|${r.quote}|${r.valueDate}`;
        ensure(!seen.has(key), 'rates.unique', `${at}: ${r.base}/${r.quote} on ${r.valueDate} appears twice in the set`);
        seen.add(key);
      });
      return [{ type: 'ExchangeRatesRecorded', schemaVersion: 1, data: { ...data, recordedBy: ctx.organisationId } }];
    }
    default: {
      const unknown: never = command.type;
      return unknown;
    }
  }
}

/** Rate sets are public facts: anyone may read them, only an administrator records one. */
export function upcastExchangeRateEvent(stored: StoredEvent): ExchangeRateEvent {
  if (stored.type !== 'ExchangeRatesRecorded' || stored.schemaVersion !== 1) throw new Error(`No upcaster for rate event ${stored.type} v${stored.schemaVersion}`);
  // The store gave back what an earlier append of this very union wrote.
  return stored as unknown as ExchangeRateEvent;
}

export const exchangeRateDecider: Decider<ExchangeRateCommand, ExchangeRateEvent, ExchangeRateSetState> = {
  streamPrefix: EXCHANGE_RATE_STREAM_PREFIX,
  streamId: exchangeRateStreamId,
  initialState: initialExchangeRateSetState,
  decide: decideExchangeRates,
  evolve: evolveExchangeRateSet,
  upcast: upcastExchangeRateEvent,
};
