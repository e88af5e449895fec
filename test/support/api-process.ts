import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { Pool } from 'pg';
import { TEST_DATABASE_URL } from '../../libs/event-store/src/testing/test-databases';
import type { Backend } from './test-app';
import { TEST_JWT_SECRET } from './test-app';

export interface ApiProcess {
  readonly baseUrl: string;
  /** Everything the process wrote to stdout and stderr: its log lines. */
  output(): string;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The API as its own process, so a test can read the log lines it really writes. */
export async function startApiProcess(backend: Backend, env: Record<string, string> = {}): Promise<ApiProcess> {
  const port = await freePort();
  let databaseEnv: Record<string, string> = { DATA_DIR: 'memory', DATABASE_URL: '' };
  let dropSchemas = async () => {};
  if (backend === 'postgresql') {
    const schema = `api_${randomBytes(6).toString('hex')}`;
    const admin = new Pool({ connectionString: TEST_DATABASE_URL, max: 1 });
    await admin.query(`CREATE SCHEMA ${schema}`);
    const url = new URL(TEST_DATABASE_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    databaseEnv = { DATABASE_URL: url.toString(), READ_MODEL_SCHEMA_PREFIX: `${schema}_` };
    dropSchemas = async () => {
      const { rows } = await admin.query<{ nspname: string }>('SELECT nspname FROM pg_namespace WHERE starts_with(nspname, $1)', [`${schema}_`]);
      for (const { nspname } of rows) await admin.query(`DROP SCHEMA ${nspname} CASCADE`);
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    };
  }
  const child = spawn(process.execPath, ['-r', './test/support/ts-hook.js', 'apps/api/src/main.ts'], {
    cwd: `${__dirname}/../..`,
    env: { ...process.env, NODE_OPTIONS: '', DEMO_DATA: 'false', JWT_SECRET: TEST_JWT_SECRET, PORT: String(port), ...databaseEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited: ${output}`);
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the API did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    output: () => output,
    async close() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      await dropSchemas();
    },
  };
}
