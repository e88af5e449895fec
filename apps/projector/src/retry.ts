import { retryParked } from '@ccb/read-models';
import { loadSettings, openReadModelRuntime, runtimeSettings } from '@ccb/runtime';

/**
 * `npm run projections:retry [-- --projection portfolio]`: applies parked events again (after the fix
 * that lets them fold) by rebuilding each projection that has any, blue/green. With the embedded
 * database, stop the API first: its data directory belongs to one process.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const only = args.includes('--projection') ? args[args.indexOf('--projection') + 1] : undefined;
  const runtime = await openReadModelRuntime(runtimeSettings(loadSettings()));
  let stillParked = 0;
  try {
    const chosen = runtime.projections.filter((p) => only === undefined || p.name === only);
    if (chosen.length === 0) throw new Error(`No projection "${only}"; there are: ${runtime.projections.map((p) => p.name).join(', ')}`);
    for (const projection of chosen) {
      const report = await retryParked(runtime.db, runtime.store, projection);
      stillParked += report.after.length;
      if (!report.rebuild) {
        process.stdout.write(`${projection.name}: nothing parked\n`);
        continue;
      }
      process.stdout.write(
        `${projection.name}: ${report.before.length} parked before, ${report.before.length - report.after.length} applied, ${report.after.length} still parked (rebuilt from ${report.rebuild.events.toLocaleString('en')} events)\n`,
      );
      for (const e of report.after) process.stdout.write(`  still parked: ${e.eventId} ${e.eventType} ${e.streamId}@${e.revision}: ${e.errorClass}: ${e.errorMessage}\n`);
    }
  } finally {
    await runtime.close();
  }
  if (stillParked > 0) process.exitCode = 2;
}

main().catch((error: unknown) => {
  process.stderr.write(`retry failed: ${(error as Error).message}\n`);
  process.exit(1);
});
