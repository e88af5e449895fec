import type { DemoStep } from './demo-partnerships';

const DAY = 86_400_000;

/** Plans may lie ahead; every other date is of a fact, which is recorded after it happened. */
const PLANNED = new Set(['plannedStart', 'plannedEnd', 'dueDate']);

function latestDateIn(value: unknown): number {
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : 0;
  if (Array.isArray(value)) return Math.max(0, ...value.map(latestDateIn));
  if (value && typeof value === 'object') return Math.max(0, ...Object.entries(value).map(([key, v]) => (PLANNED.has(key) ? 0 : latestDateIn(v))));
  return 0;
}

/**
 * When each demo command "happened": a partnership's steps start some weeks before its planned
 * start and follow the dates they carry (a milestone is recorded after it was achieved), a few days
 * apart, never later than `now`. So the demo's timelines, endorsement delays and lags look like a
 * programme's, not like one burst at install time.
 */
export function demoTimes(steps: readonly DemoStep[], now: Date): string[] {
  const cap = now.getTime();
  const last = new Map<string, number>();
  return steps.map((step) => {
    const previous = last.get(step.partnershipId);
    const dated = latestDateIn(step.data);
    let at: number;
    if (previous === undefined) {
      const start = step.type === 'ProposePartnership' ? Date.parse(`${(step.data as { plannedStart: string }).plannedStart}T00:00:00Z`) : cap;
      at = start - 45 * DAY;
    } else {
      at = Math.max(previous + 4 * DAY, dated + DAY);
    }
    at = Math.min(Math.max(at, dated + DAY), cap);
    at = Math.max(at, previous ?? 0);
    last.set(step.partnershipId, at);
    // Office hours, so the timeline reads naturally.
    const d = new Date(at);
    if (at < cap) d.setUTCHours(9 + (steps.indexOf(step) % 8), 0, 0, 0);
    return new Date(Math.min(d.getTime(), cap)).toISOString();
  });
}
