import 'reflect-metadata';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { Pool } from 'pg';
import { createApp } from '../app.factory';
import { validateEnvironment } from '../config/environment';
import { DemoLoader } from './demo-loader';

/** npm run demo:reset — wipes the events (embedded: the data directory) and loads the demo data again. */
async function main(): Promise<void> {
  const env = validateEnvironment(process.env);
  if (env.DATABASE_URL) {
    const pool = new Pool({ connectionString: env.DATABASE_URL, max: 1 });
    await pool.query(`DO $$ BEGIN
      IF to_regclass('es_events') IS NOT NULL THEN TRUNCATE es_events, es_streams; END IF;
      IF to_regclass('es_checkpoints') IS NOT NULL THEN TRUNCATE es_checkpoints; END IF;
      IF to_regclass('es_idempotency_keys') IS NOT NULL THEN TRUNCATE es_idempotency_keys; END IF;
    END $$`);
    await pool.end();
  } else if (env.DATA_DIR !== 'memory') {
    rmSync(resolve(env.DATA_DIR), { recursive: true, force: true });
  }
  const app = await createApp({ DEMO_DATA: 'false', LOG_LEVEL: 'warn' });
  await app.init();
  const loaded = await app.get(DemoLoader).load();
  await app.close();
  process.stdout.write(`Demo data reloaded: ${loaded.organisations} organisations, ${loaded.commands} partnership commands.\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`demo:reset failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
