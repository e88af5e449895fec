import os from 'node:os';
import { Pool } from 'pg';
import { loadSettings } from '@ccb/runtime';

/** The server the benchmarks make their databases on: DATABASE_URL, else the local default. */
export const ADMIN_URL = loadSettings().DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Drops and creates a benchmark's own database on that server, and returns its URL. */
export async function freshBenchDatabase(name: string): Promise<string> {
  const admin = new Pool({ connectionString: ADMIN_URL, max: 1 });
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** One line describing where the figures were taken, printed with every benchmark. */
export async function describeMachine(pool?: Pool): Promise<string> {
  const cpu = os.cpus()[0]?.model ?? 'unknown cpu';
  const memory = `${Math.round(os.totalmem() / 2 ** 30)} GiB`;
  let postgres = '';
  if (pool) {
    const { rows } = await pool.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
    postgres = `, PostgreSQL ${rows[0].v}`;
  }
  return `${os.cpus().length} x ${cpu}, ${memory}, ${os.platform()} ${os.release()}, node ${process.version}${postgres}`;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function formatRate(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function printTable(headers: string[], rows: (string | number)[][]): void {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells: (string | number)[]) => '| ' + cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ') + ' |';
  console.log(line(headers));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const r of rows) console.log(line(r));
}

export function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : Number(process.env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`] ?? fallback);
}
