import 'reflect-metadata';
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { PassThrough } from 'node:stream';
import { describeReport } from '@ccb/iati';
import { ProgressBar } from '@ccb/runtime';
import { createApp } from '../app.factory';
import { IatiImports } from './iati-imports';

const USAGE = 'usage: npm run iati:import -- FILE.xml [--dry-run] [--as ORGANISATION] [--json]';

/**
 * npm run iati:import -- FILE.xml [--dry-run] [--as ORG] [--json]: imports an IATI activity file through the
 * command path, as an administrator of ORG (the operator's organisation by default), with a progress bar on
 * stderr and the report on stdout. --dry-run decides every activity and appends nothing.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (name: string) => args.includes(name);
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--as');
  if (!file) throw new Error(USAGE);
  const size = statSync(file).size;
  const app = await createApp({ DEMO_DATA: 'false', LOG_LEVEL: 'warn', PROJECTOR: 'off' });
  await app.init();
  try {
    const bar = new ProgressBar(`importing ${basename(file)}`, size, 'bytes');
    let bytes = 0;
    const counted = new PassThrough();
    counted.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      bar.update(bytes);
    });
    const input = createReadStream(file).pipe(counted);
    const started = Date.now();
    const report = await app
      .get(IatiImports)
      .importFile(
        input,
        basename(file),
        { userId: 'iati-import-cli', organisationId: option('--as') ?? 'org-admin', now: new Date().toISOString(), roles: ['admin'] },
        { dryRun: flag('--dry-run') },
      );
    bar.finish(bytes);
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(flag('--json') ? `${JSON.stringify(report, null, 2)}\n` : `${describeReport(report)}\n`);
    process.stderr.write(
      `${report.activitiesRead} activities in ${seconds.toFixed(1)} s (${(report.activitiesRead / Math.max(seconds, 0.001)).toFixed(0)}/s), peak memory (max RSS) ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB${flag('--dry-run') ? ', dry run: nothing appended' : ''}\n`,
    );
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`iati:import failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
