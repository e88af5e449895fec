import { ensure } from './rule-violation';

/** A calendar date, YYYY-MM-DD. */
export type IsoDate = string;

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** Facts are recorded after they happen: a date may not lie after today (UTC). */
export function ensureNotInFuture(date: IsoDate, now: string, field: string): void {
  ensure(date <= now.slice(0, 10), 'dates.not-in-future', `${field} (${date}) lies in the future`);
}

export function ensureOrdered(start: IsoDate, end: IsoDate | undefined, field: string): void {
  if (end === undefined) return;
  ensure(end >= start, 'dates.end-after-start', `${field}: end (${end}) is before start (${start})`);
}
