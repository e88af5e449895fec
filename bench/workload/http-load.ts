/**
 * Sends requests over HTTP from a worker thread, so the load generator does not share the API's event loop:
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

/** Readers that read as fast as answers come, while commands arrive at a steady rate. */
export interface MixedLoad {
  readonly base: string;
  readonly reads: readonly { readonly label: string; readonly path: string; readonly token: string }[];
  readonly readers: number;
  readonly writes: readonly { readonly path: string; readonly token: string; readonly body: Record<string, string> }[];
  /** Commands per second. */
  readonly rate: number;
  readonly seconds: number;
}

export interface MixedLoadResult {
  /** Client-measured read latencies (ms, sorted) by label. */
  readonly reads: Record<string, number[]>;
  readonly writes: number[];
  readonly seconds: number;
  readonly failures: string[];
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
  return inWorker<HttpLoadResult>({ kind: 'commands', load });
}

/** Runs reads and writes together in a worker and waits for their figures. */
export function runMixedLoad(load: MixedLoad): Promise<MixedLoadResult> {
  return inWorker<MixedLoadResult>({ kind: 'mixed', load });
}

type Job = { readonly kind: 'commands'; readonly load: HttpLoad } | { readonly kind: 'mixed'; readonly load: MixedLoad };

function inWorker<Result>(job: Job): Promise<Result> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename.replace(/\.[cm]?[jt]s$/, extname(__filename)), { workerData: job });
    worker.once('message', (result: Result) => resolve(result));
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
        const body = fill(load.body, id);
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

const fill = (body: Record<string, string>, id: string) => Object.fromEntries(Object.entries(body).map(([k, v]) => [k, v.replace('{id}', id)]));

async function mixed(load: MixedLoad): Promise<MixedLoadResult> {
  const reads: Record<string, number[]> = Object.fromEntries(load.reads.map((r) => [r.label, []]));
  const writes: number[] = [];
  const failures: string[] = [];
  const started = performance.now();
  const until = started + load.seconds * 1000;
  const readers = Array.from({ length: load.readers }, async (_, reader) => {
    for (let i = reader; performance.now() < until; i += load.readers) {
      const read = load.reads[i % load.reads.length];
      const t0 = performance.now();
      const res = await fetch(`${load.base}${read.path}`, { headers: { Authorization: `Bearer ${read.token}`, 'Accept-Encoding': 'gzip' } });
      await res.arrayBuffer();
      reads[read.label].push(performance.now() - t0);
      if (res.status !== 200) failures.push(`${read.path}: ${res.status}`);
    }
  });
  const sent: Promise<void>[] = [];
  for (let n = 0; performance.now() < until; n++) {
    const due = started + (n * 1000) / load.rate;
    if (due > performance.now()) await new Promise((resolve) => setTimeout(resolve, due - performance.now()));
    const write = load.writes[n % load.writes.length];
    const id = randomUUID();
    sent.push(
      (async () => {
        const t0 = performance.now();
        const res = await fetch(`${load.base}${write.path}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${write.token}`, 'Content-Type': 'application/json', 'Idempotency-Key': `k-${id}` },
          body: JSON.stringify(fill(write.body, id)),
        });
        const text = await res.text();
        writes.push(performance.now() - t0);
        if (res.status !== 201) failures.push(`${write.path}: ${res.status} ${text.slice(0, 200)}`);
      })(),
    );
  }
  await Promise.all([...readers, ...sent]);
  for (const list of [...Object.values(reads), writes]) list.sort((a, b) => a - b);
  return { reads, writes, seconds: (performance.now() - started) / 1000, failures };
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  const job = workerData as Job;
  void (job.kind === 'commands' ? generate(job.load) : mixed(job.load)).then((result) => port.postMessage(result));
}
