import { loadSettings, openReadModelRuntime, runtimeSettings } from '@ccb/runtime';

/**
 * The projections as a process of their own, for deployments that scale them apart from the API
 * (run the API with PROJECTOR=off). Several may run: an advisory lock per projection lets one work
 * while the others stand by.
 */
async function main(): Promise<void> {
  const log = (level: string, msg: string, fields: object = {}) => process.stdout.write(`${JSON.stringify({ level, time: new Date().toISOString(), msg, ...fields })}\n`);
  const settings = loadSettings();
  const runtime = await openReadModelRuntime(runtimeSettings(settings), {
    onSubscriptionError: (error, attempt) => log('warn', 'event store read failed', { attempt, error: (error as Error).message }),
  });
  const batchSize = settings.PROJECTOR_BATCH_SIZE;
  const verbose = settings.LOG_LEVEL === 'debug';
  const runners = runtime.projections.map((projection) => {
    const runner = runtime.runner(projection, {
      batchSize,
      logger: { log: (msg) => log('info', msg), warn: (msg) => log('warn', msg) },
    });
    if (verbose) runner.onCheckpoint((position) => log('debug', 'batch committed', { projection: projection.name, position }));
    return runner;
  });
  for (const runner of runners) runner.start();
  log('info', 'projector started', { projections: runtime.projections.map((p) => p.name), database: runtime.database.kind, store: runtime.store.name });

  const stop = async (signal: string) => {
    log('info', 'projector stopping', { signal });
    await Promise.all(runners.map((r) => r.stop()));
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`projector failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
