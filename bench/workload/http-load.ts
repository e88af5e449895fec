/**
 * Sends commands over HTTP from a worker thread, so the load generator does not share the API's event loop:
 * the server's figures are the server's. Each command is one POST with its own body and Idempotency-Key.
 */
import { randomUUID } from 'node:crypto';
import { extname } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { parseServerTiming } from '../../apps/api/src/common/server-timing';

export interface HttpLoad {
  readonly base: string;
  readonly token: string;
  /** Paths are sent round robin. */
  readonly paths: readonly string[];
  /** The body of command i: `{id}` in its string values is replaced by a fresh id. */
  readonly body: Record<string, string>;
  readonly clients: number;
  readonly commands: number;
}

export interface HttpLoadResult {
  readonly seconds: number;
  /** Client-measured, ms, sorted. */
  readonly latencies: number[];
  /** Summed Server-Timing durations (ms) by name. */
  readonly stages: Record<string, number>;
  readonly failures: string[];
}

/** Runs the load in a worker and waits for its figures. */
export function runHttpLoad(load: HttpLoad): Promise<HttpLoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename.replace(/\.[cm]?[jt]s$/, extname(__filename)), { workerData: load });
    worker.once('message', (result: HttpLoadResult) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`HTTP load worker exited with ${code}`));
    });
  });
}

async function generate(load: HttpLoad): Promise<HttpLoadResult> {
  const latencies: number[] = [];
  const stages: Record<string, number> = {};
  const failures: string[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: load.clients }, async () => {
      while (next < load.commands) {
        const i = next++;
        const id = randomUUID();
        const body = Object.fromEntries(Object.entries(load.body).map(([k, v]) => [k, v.replace('{id}', id)]));
        const t0 = performance.now();
        const res = await fetch(`${load.base}${load.paths[i % load.paths.length]}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${load.token}`, 'Content-Type': 'application/json', 'Idempotency-Key': `k-${id}` },
          body: JSON.stringify(body),
        });
        const text = await res.text();
        latencies.push(performance.now() - t0);
        if (res.status !== 201) failures.push(`${res.status} ${text.slice(0, 200)}`);
        for (const [name, ms] of parseServerTiming(res.headers.get('server-timing'))) stages[name] = (stages[name] ?? 0) + ms;
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, latencies: latencies.sort((a, b) => a - b), stages, failures };
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  void generate(workerData as HttpLoad).then((result) => port.postMessage(result));
}
