import 'reflect-metadata';
import { ConfigService } from '@nestjs/config';
import { createApp } from './app.factory';
import { InvalidEnvironmentError, type Environment } from './config/environment';

async function main(): Promise<void> {
  const app = await createApp();
  const port = app.get(ConfigService<Environment, true>).get('PORT', { infer: true });
  await app.listen(port);
  process.stdout.write(`Partnership tracker: dashboard http://localhost:${port}/ (API /api, docs /docs, health /health)\n`);
}

main().catch((error: unknown) => {
  if (error instanceof InvalidEnvironmentError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
