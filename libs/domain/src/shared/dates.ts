import { ensure } from './rule-violation';

/** A calendar date, YYYY-MM-DD. */
export type IsoDate = string;

/** A real day: the shape YYYY-MM-DD and a day that month has (Date.parse accepts 2026-02-30 and rolls it over). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** Facts are recorded after they happen: a date may not lie after today (UTC). */
export function ensureNotInFuture(date: IsoDate, now: string, field: string): void {
  ensure(date <= now.slice(0, 10), 'dates.not-in-future', `${field} (${date}) lies in the future`);
}

export function ensureOrdered(start: IsoDate, end: IsoDate | undefined, field: string): void {
  if (end === undefined) return;
  ensure(end >= start, 'dates.end-after-start', `${field}: end (${end}) is before start (${start})`);
}
