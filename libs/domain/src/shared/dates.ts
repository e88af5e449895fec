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

/** The earliest time zone on Earth (Line Islands, UTC+14): its calendar date is the latest that is "today" anywhere. */
const LATEST_OFFSET_MS = 14 * 3_600_000;

/** Today's calendar date where it is latest: at 21:13Z it is already tomorrow in Dili (UTC+9), and a user there may say so. */
export function latestToday(now: string): IsoDate {
  return new Date(Date.parse(now) + LATEST_OFFSET_MS).toISOString().slice(0, 10);
}

/** Facts are recorded after they happen: a date may not lie after today in any time zone (up to UTC+14). */
export function ensureNotInFuture(date: IsoDate, now: string, field: string): void {
  ensure(date <= latestToday(now), 'dates.not-in-future', `${field} (${date}) lies in the future (after ${latestToday(now)}, today's date at UTC+14)`);
}

export function ensureOrdered(start: IsoDate, end: IsoDate | undefined, field: string): void {
  if (end === undefined) return;
  ensure(end >= start, 'dates.end-after-start', `${field}: end (${end}) is before start (${start})`);
}
