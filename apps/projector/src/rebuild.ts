import { rebuildProjection } from '@ccb/read-models';
import { loadSettings, openReadModelRuntime, ProgressBar, runtimeSettings } from '@ccb/runtime';

/**
 * `npm run projections:rebuild [-- --projection portfolio]`: rebuilds read models from event 0 into
 * fresh schemas while the live ones keep serving, then switches (blue/green). With the embedded
 * database, stop the API first: its data directory belongs to one process.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const only = args.includes('--projection') ? args[args.indexOf('--projection') + 1] : undefined;
  const settings = loadSettings();
  const runtime = await openReadModelRuntime(runtimeSettings(settings));
  try {
    const chosen = runtime.projections.filter((p) => only === undefined || p.name === only);
    if (chosen.length === 0) throw new Error(`No projection "${only}"; there are: ${runtime.projections.map((p) => p.name).join(', ')}`);
    for (const projection of chosen) {
      const bar = new ProgressBar(`rebuild ${projection.name.padEnd(9)}`, null);
      const report = await rebuildProjection(runtime.db, runtime.store, projection, {
        batchSize: settings.REBUILD_BATCH_SIZE,
        onProgress: (p) => bar.update(p.processed, p.total),
      });
      bar.finish(report.events);
      process.stdout.write(
        `${projection.name}: ${report.events.toLocaleString('en')} events in ${(report.elapsedMs / 1000).toFixed(1)} s (${Math.round(report.events / Math.max(0.001, report.elapsedMs / 1000)).toLocaleString('en')} events/s), switched to the new tables\n`,
      );
    }
  } finally {
    await runtime.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`rebuild failed: ${(error as Error).message}\n`);
  process.exit(1);
});
