import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import { createApp } from '../app.factory';
import type { RequestCommandContext } from '../event-sourcing/command-context';
import { ExecuteExchangeRateCommand } from './exchange-rates.controller';
import { parseRateCsv, RateCsvError } from './rate-csv';

const flag = (argv: string[], name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};

/**
 * npm run rates:import -- FILE.csv --source "ECB reference rates" [--base EUR] [--set-id ID]
 * Through the same command path as POST /api/exchange-rates/csv, as the operator: one set, all rows or none.
 */
async function main(argv: string[]): Promise<number> {
  const file = argv.find((a, i) => !a.startsWith('--') && !(argv[i - 1] ?? '').startsWith('--'));
  const source = flag(argv, 'source');
  if (!file || !source) {
    process.stderr.write('usage: npm run rates:import -- FILE.csv --source "ECB euro reference rates" [--base EUR] [--set-id ID]\n');
    return 2;
  }
  let rates;
  try {
    rates = parseRateCsv(readFileSync(file, 'utf8'), { base: flag(argv, 'base') });
  } catch (error) {
    if (!(error instanceof RateCsvError)) throw error;
    for (const p of error.problems) process.stderr.write(`${file}:${p.line}: ${p.field}: ${p.reason}\n`);
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
  const setId = flag(argv, 'set-id') ?? `import-${basename(file).replace(/[^A-Za-z0-9._-]/g, '-')}-${Date.now()}`;
  const app = await createApp({ DEMO_DATA: 'false', LOG_LEVEL: 'warn' });
  await app.init();
  try {
    const now = new Date().toISOString();
    const meta: RequestCommandContext = {
      userId: 'rates-import-cli',
      organisationId: 'operator',
      roles: ['admin'],
      now,
      correlationId: `rates-import-${now}`,
      causationId: null,
      reason: `rates:import ${basename(file)}`,
      request: { method: 'CLI', path: 'rates:import', bodyHash: '' },
    };
    await app.get(CommandBus).execute(new ExecuteExchangeRateCommand({ type: 'RecordExchangeRates', data: { setId, source, rates }, context: meta }, meta));
    process.stdout.write(`imported ${rates.length} rates as set ${setId} (${source})\n`);
    return 0;
  } finally {
    await app.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`rates:import failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
