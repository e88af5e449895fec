import type { AllFilter, Position, RecordedEvent, SubscribeToAllOptions } from './types';

/** One page of the log as scanned: the matching events and how far the scan got. */
export interface LogPage {
  readonly events: RecordedEvent[];
  /** The last position scanned, matching the filter or not; null when nothing was scanned. */
  readonly scannedTo: Position | null;
  readonly exhausted: boolean;
}

export interface LogSource {
  readPage(after: Position | undefined, limit: number, filter: AllFilter | undefined): Promise<LogPage>;
  /** Resolves when something may have been appended (or after `ms`), so idle polling stays cheap. */
  waitForAppend(ms: number, signal: AbortSignal | undefined): Promise<void>;
}

export interface PollingOptions {
  readonly idleDelayMs?: number;
  readonly maxRetryDelayMs?: number;
  readonly onError?: (error: unknown, attempt: number) => void;
}

/**
 * Catch-up subscription over any store that can page through its log. Pull-based: it reads at most
 * one page ahead of the page the consumer is taking events from. Read errors (a dropped
 * connection) are retried with backoff from the last event delivered, so nothing is skipped or repeated.
 */
export async function* pollingSubscription(source: LogSource, options: SubscribeToAllOptions = {}, polling: PollingOptions = {}): AsyncGenerator<RecordedEvent> {
  const { signal, filter } = options;
  const batchSize = options.batchSize ?? 500;
  const idleDelayMs = polling.idleDelayMs ?? 50;
  const maxRetryDelayMs = polling.maxRetryDelayMs ?? 5_000;
  let after = options.after;
  let failures = 0;
  // At most one page is read ahead, while the consumer works through the current one: the database
  // and the consumer overlap, and memory stays bounded by two pages.
  let ahead: Promise<LogPage> | undefined;

  while (!signal?.aborted) {
    let page: LogPage;
    try {
      page = await (ahead ?? source.readPage(after, batchSize, filter));
      failures = 0;
    } catch (error) {
      ahead = undefined;
      if (signal?.aborted) return;
      failures += 1;
      polling.onError?.(error, failures);
      await delay(Math.min(maxRetryDelayMs, 50 * 2 ** Math.min(failures, 10)), signal);
      continue;
    }
    ahead = undefined;
    if (!page.exhausted && page.scannedTo) {
      ahead = source.readPage(page.scannedTo, batchSize, filter);
      // A failed read-ahead is seen (and retried) when awaited; never as an unhandled rejection.
      ahead.catch(() => undefined);
    }
    for (const event of page.events) {
      yield event;
      after = event.position;
      if (signal?.aborted) return;
    }
    if (page.scannedTo) after = page.scannedTo;
    if (page.exhausted) await source.waitForAppend(idleDelayMs, signal);
  }
}

export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
