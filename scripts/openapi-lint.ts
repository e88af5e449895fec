/** `npm run lint:openapi`: Redocly's recommended rules (redocly.yaml) over the document /docs-json serves. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { servedDocument } from './served-openapi';

const ROOT = join(__dirname, '..');

export interface LintProblem {
  readonly ruleId: string;
  readonly severity: string;
  readonly message: string;
  readonly pointer: string;
}

export function lintOpenApi(document: OpenAPIObject): LintProblem[] {
  const dir = mkdtempSync(join(tmpdir(), 'openapi-lint-'));
  try {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    // No network at test time: no telemetry, no update check.
    const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/@redocly/cli/bin/cli.js'), 'lint', file, '--config', join(ROOT, 'redocly.yaml'), '--format', 'json'], {
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NODE_OPTIONS: '' },
      timeout: 120_000,
    });
    const start = run.stdout.indexOf('{');
    if (start < 0) throw new Error(`redocly lint gave no report (exit ${run.status}): ${run.stderr.slice(-1000)}`);
    const report = JSON.parse(run.stdout.slice(start)) as { problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[] };
    return report.problems.map((p) => ({ ruleId: p.ruleId, severity: p.severity, message: p.message, pointer: p.location[0]?.pointer ?? '' }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void (async () => {
    const problems = lintOpenApi(await servedDocument());
    for (const p of problems) process.stdout.write(`${p.severity} ${p.ruleId} ${p.pointer}: ${p.message}\n`);
    process.stdout.write(problems.length === 0 ? 'OpenAPI document: no problems (Redocly recommended rules)\n' : `${problems.length} problems\n`);
    process.exitCode = problems.length === 0 ? 0 : 1;
  })();
}
