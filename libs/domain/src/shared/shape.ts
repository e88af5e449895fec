import { CURRENCY_CODES } from './codelists';
import { isCalendarDate } from './dates';
import { refuse } from './rule-violation';

/**
 * The runtime shape of what an event carries. The HTTP layer validates too, but the domain is the last
 * guard before the log: an event it returns is read by every fold for ever, so it must be one they can read.
 * Each check names the field; the message never quotes the value.
 */
const bad = (field: string, what: string): never => refuse('event.shape', `${field} must be ${what}`);

export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function objectAt(value: unknown, field: string): Readonly<Record<string, unknown>> {
  return isRecord(value) ? value : bad(field, 'an object');
}

export function textAt(value: unknown, field: string, options: { optional?: boolean } = {}): void {
  if (options.optional && value === null) return;
  if (typeof value !== 'string') bad(field, options.optional ? 'text or null' : 'text');
}

/** Client-chosen ids: letters, digits and ._:-, starting with a letter or digit, at most 128 characters. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/**
 * Names the JavaScript runtime gives every object ("constructor", "toString", ...). Lookups are Maps,
 * but an id like these is refused outright: no code of ours, a library's or a future one's can then
 * mistake a client's id for a built-in.
 */
export const RESERVED_IDS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

export function isClientId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value) && !RESERVED_IDS.has(value);
}

export function idAt(value: unknown, field: string, options: { optional?: boolean } = {}): void {
  if (options.optional && value === null) return;
  if (!isClientId(value)) bad(field, options.optional ? 'an id or null' : 'an id');
}

export function dateAt(value: unknown, field: string, options: { optional?: boolean } = {}): void {
  if (options.optional && value === null) return;
  if (typeof value !== 'string' || !isCalendarDate(value)) bad(field, 'a real calendar date YYYY-MM-DD');
}

export function countAt(value: unknown, field: string): void {
  if (!Number.isSafeInteger(value) || (value as number) < 0) bad(field, 'a whole number, zero or more');
}

export function numberAt(value: unknown, field: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) bad(field, 'a finite number');
}

export function flagAt(value: unknown, field: string): void {
  if (typeof value !== 'boolean') bad(field, 'true or false');
}

export function oneOfAt<T>(value: unknown, allowed: readonly T[], field: string): void {
  if (!allowed.includes(value as T)) bad(field, `one of ${allowed.join(', ')}`);
}

export function listAt(value: unknown, field: string, each: (item: unknown, field: string) => void): void {
  if (!Array.isArray(value)) return bad(field, 'a list');
  value.forEach((item, i) => each(item, `${field}[${i}]`));
}

export function moneyAt(value: unknown, field: string): void {
  const money = objectAt(value, field);
  if (!Number.isSafeInteger(money.amountMinor)) bad(`${field}.amountMinor`, 'a whole number of minor units');
  if (typeof money.currency !== 'string' || !CURRENCY_CODES.has(money.currency)) bad(`${field}.currency`, 'an ISO 4217 currency code');
}

/** The rate every conversion parses: a decimal written as text, never a float. */
export const DECIMAL_RATE = /^\d{1,9}(\.\d{1,10})?$/;

/** A rate of zero makes the money vanish from every converted total: a rate has a non-zero digit. */
export function isUsableRate(rate: string): boolean {
  return DECIMAL_RATE.test(rate) && /[1-9]/.test(rate);
}

export function exchangeRateAt(value: unknown, field: string): void {
  if (value === null) return;
  const rate = objectAt(value, field);
  if (typeof rate.toCurrency !== 'string' || !CURRENCY_CODES.has(rate.toCurrency)) bad(`${field}.toCurrency`, 'an ISO 4217 currency code');
  if (typeof rate.rate !== 'string' || !isUsableRate(rate.rate)) bad(`${field}.rate`, 'a decimal number greater than zero written as text');
}
