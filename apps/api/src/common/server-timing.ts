import type { NextFunction, Request, Response } from 'express';
import onHeaders from 'on-headers';

/**
 * Where a request's time went, in order: `receive` (reading and parsing the body), `auth` (token check),
 * `validate` (DTO checks, building the command, looking up what it names), `queue` (waiting behind the
 * commands already running on the same stream), `load` (reading and folding the stream, and recording the
 * Idempotency-Key alongside when one is sent), `decide`,
 * `chain` (hash-linking the events) and `append`.
 */
export const STAGES = ['receive', 'auth', 'validate', 'queue', 'load', 'decide', 'chain', 'append'] as const;
export type Stage = (typeof STAGES)[number];

/** Lap times of one request: each lap is added to a stage, so a retried command adds up its attempts. */
export class StageTimings {
  private readonly spent = new Map<Stage, number>();
  private last: number;

  constructor(private readonly startedAt = performance.now()) {
    this.last = startedAt;
  }

  /** The time since the previous lap, spent in `stage`. */
  lap(stage: Stage): void {
    const now = performance.now();
    this.spent.set(stage, (this.spent.get(stage) ?? 0) + (now - this.last));
    this.last = now;
  }

  /** The Server-Timing header (W3C): each stage reached, then the total so far. */
  header(): string {
    const parts = STAGES.filter((s) => this.spent.has(s)).map((s) => `${s};dur=${this.spent.get(s)!.toFixed(2)}`);
    return [...parts, `total;dur=${(performance.now() - this.startedAt).toFixed(2)}`].join(', ');
  }
}

export interface TimedRequest extends Request {
  timings?: StageTimings;
}

/** Starts a request's timings and reports them in `Server-Timing`, which browsers' developer tools show too. */
export function serverTiming() {
  return (req: TimedRequest, res: Response, next: NextFunction): void => {
    const timings = new StageTimings();
    req.timings = timings;
    onHeaders(res, () => res.setHeader('Server-Timing', timings.header()));
    next();
  };
}

/** Parses a Server-Timing header back into durations (ms) by name: what a client or a benchmark reads. */
export function parseServerTiming(header: string | null): Map<string, number> {
  const durations = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const match = /^\s*([A-Za-z0-9_-]+)\s*;\s*dur=([0-9.]+)\s*$/.exec(part);
    if (match) durations.set(match[1], Number(match[2]));
  }
  return durations;
}
