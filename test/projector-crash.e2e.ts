import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Pool } from 'pg';
import { dumpReadModel, rebuildProjection, readCheckpoint } from '@ccb/read-models';
import { openReadModelRuntime, type ReadModelRuntime } from '@ccb/runtime';
import { TEST_DATABASE_URL } from '@ccb/event-store/testing/test-databases';
import { partnershipWorkload, workloadOrganisations } from '../bench/workload/partnership-workload';
import { appendWorkload } from '../bench/workload/append-workload';

const root = path.resolve(__dirname, '..');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Crash safety with a real process: the projector is SIGKILLed while a batch's transaction is open and has
 * written rows (seen in pg_stat_activity), restarted, killed again, and finally left to finish. Its read models
 * must then equal a clean rebuild, row for row: nothing lost, nothing applied twice.
 *
 * The window is widened by the database, not by the product: a statement trigger on the partnerships table
 * sleeps 200 ms, as a slow disk or a lock would, so a kill lands inside the batch's transaction.
 */
describe('a projector killed in the middle of a batch (PostgreSQL)', () => {
  const schema = `crash_${randomBytes(5).toString('hex')}`;
  const prefix = `${schema}_`;
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const admin = new Pool({ connectionString: TEST_DATABASE_URL, max: 2 });
  let runtime: ReadModelRuntime;
  const children = new Set<ChildProcess>();

  beforeAll(async () => {
    await admin.query(`CREATE SCHEMA ${schema}`);
    runtime = await openReadModelRuntime({ databaseUrl: url.toString(), dataDir: 'memory', readModelSchemaPrefix: prefix, poolSize: 4 });
    const orgs = workloadOrganisations(7);
    await appendWorkload(runtime.store, orgs.steps, { concurrency: 4 });
    await appendWorkload(runtime.store, partnershipWorkload({ partnerships: 40, events: 4000, seed: 7, concurrent: 20 }, orgs), { concurrency: 4 });
    await admin.query(`CREATE FUNCTION ${schema}.slow_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.2); RETURN NULL; END $$`);
    await admin.query(`CREATE TRIGGER slow_write AFTER INSERT OR UPDATE ON ${portfolioSchema()}.partnerships FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.slow_write()`);
  });

  const portfolioSchema = () => runtime.projections.find((p) => p.name === 'portfolio')?.model.schema ?? 'missing_portfolio_projection';

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await runtime?.close();
    const { rows } = await admin.query<{ nspname: string }>('SELECT nspname FROM pg_namespace WHERE nspname = $1 OR starts_with(nspname, $2)', [schema, prefix]);
    for (const { nspname } of rows) await admin.query(`DROP SCHEMA ${nspname} CASCADE`);
    await admin.end();
  });

  function startProjector(env: Record<string, string>): { child: ChildProcess; output: () => string } {
    let output = '';
    const child = spawn(process.execPath, ['-r', './test/support/ts-hook.js', 'apps/projector/src/main.ts'], {
      cwd: root,
      env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: url.toString(), READ_MODEL_SCHEMA_PREFIX: prefix, LOG_LEVEL: 'debug', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', () => children.delete(child));
    return { child, output: () => output };
  }

  async function until(what: string, condition: () => Promise<boolean> | boolean, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await sleep(10);
    }
  }

  /** A projector transaction that has written (it holds a transaction id) and is still open. */
  const openBatch = async () => {
    const { rows } = await admin.query(`SELECT 1 FROM pg_stat_activity WHERE backend_xid IS NOT NULL AND query LIKE $1 AND pid <> pg_backend_pid()`, [`%${prefix}%`]);
    return rows.length > 0;
  };

  it('leaves read models equal to a clean rebuild after three kills mid-batch', async () => {
    const checkpoints: string[] = [];
    for (let kill = 0; kill < 3; kill++) {
      const projector = startProjector({ PROJECTOR_BATCH_SIZE: '150' });
      await until('a committed batch', () => projector.output().includes('batch committed'));
      await until('a batch with its transaction open', openBatch);
      const exited = new Promise((resolve) => projector.child.once('exit', resolve));
      projector.child.kill('SIGKILL');
      await exited;
      const positions = await Promise.all(runtime.projections.map(async (p) => (await readCheckpoint(runtime.db, p.model.schema, p.name)).position));
      checkpoints.push(positions.join(' '));
    }
    // Each run committed at least one batch before it was killed in another.
    expect(new Set(checkpoints).size).toBe(3);

    await admin.query(`DROP TRIGGER slow_write ON ${portfolioSchema()}.partnerships`);
    const head = await runtime.store.headPosition();
    const finisher = startProjector({ PROJECTOR_BATCH_SIZE: '500' });
    await until('the projector to catch up', async () => {
      const [p, t] = await Promise.all(runtime.projections.map(async (projection) => (await readCheckpoint(runtime.db, projection.model.schema, projection.name)).position));
      return p === head && t === head;
    });
    const stopped = new Promise((resolve) => finisher.child.once('exit', resolve));
    finisher.child.kill('SIGTERM');
    await stopped;

    for (const projection of runtime.projections) {
      const afterCrashes = await dumpReadModel(runtime.db, projection.model);
      await rebuildProjection(runtime.db, runtime.store, projection);
      const rebuilt = await dumpReadModel(runtime.db, projection.model);
      expect(Object.values(rebuilt).reduce((n, rows) => n + rows.length, 0)).toBeGreaterThan(100);
      expect(afterCrashes).toEqual(rebuilt);
    }
  }, 180_000);
});
