/**
 * npm run bench:iati — imports a generated IATI 2.03 file of --activities N activities (default 10,000) through
 * the command path, on the database the settings name (embedded in a temporary directory otherwise), then the
 * same file again (every activity unchanged). Prints activities/s, the file size and the peak memory.
 */
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { describeReport } from '@ccb/iati';
import { loadSettings } from '@ccb/runtime';
import { createApp } from '../apps/api/src/app.factory';
import { IatiImports } from '../apps/api/src/iati/iati-imports';
import { arg, describeMachine, formatRate, printTable } from './machine';

const COUNTRIES = ['GH', 'KE', 'SN', 'MZ', 'TL', 'ID', 'BR', 'CO', 'VN', 'RW'];
const SECTORS = ['22040', '15110', '15130', '15210', '11430'];

/** A file as large publishers write them: every activity with its organisations, dates, sectors, budgets and a dozen transactions. */
function generate(file: string, activities: number): void {
  // Written activity by activity: the benchmark's own file never sits in memory, so the peak is the import's.
  const fd = openSync(file, 'w');
  const parts = { push: (text: string) => writeSync(fd, text) };
  parts.push('<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="2026-12-01T00:00:00Z">\n');
  for (let i = 0; i < activities; i++) {
    const country = COUNTRIES[i % COUNTRIES.length];
    const year = 2019 + (i % 6);
    const tx = Array.from(
      { length: 12 },
      (_, k) =>
        `<transaction ref="t-${i}-${k}"><transaction-type code="${k === 0 ? 2 : k % 3 === 0 ? 4 : 3}"/><transaction-date iso-date="${year}-${String((k % 12) + 1).padStart(2, '0')}-15"/><value currency="${k % 4 === 0 ? 'USD' : 'EUR'}"${k % 5 === 0 ? '' : ` value-date="${year}-${String((k % 12) + 1).padStart(2, '0')}-15"`}>${(1000 + ((i * 37 + k * 11) % 9000)) * 10}.00</value><provider-org ref="XM-DAC-${(i % 30) + 1}"><narrative>Donor ${(i % 30) + 1}</narrative></provider-org><receiver-org><narrative>Implementer ${i % 200}</narrative></receiver-org></transaction>`,
    ).join('');
    parts.push(
      `<iati-activity xml:lang="en" default-currency="EUR" last-updated-datetime="2026-11-01T00:00:00Z"><iati-identifier>XM-DAC-${(i % 30) + 1}-gen-${i}</iati-identifier><reporting-org ref="XM-DAC-${(i % 30) + 1}" type="10"><narrative>Donor ${(i % 30) + 1}</narrative></reporting-org><title><narrative>Cyber capacity programme ${i}</narrative></title><description><narrative>Generated activity ${i} for the import benchmark</narrative></description><participating-org ref="XM-DAC-${(i % 30) + 1}" role="1" type="10"><narrative>Donor ${(i % 30) + 1}</narrative></participating-org><participating-org role="4"><narrative>Implementer ${i % 200}</narrative></participating-org><activity-status code="2"/><activity-date type="1" iso-date="${year}-01-01"/><activity-date type="3" iso-date="${year + 3}-12-31"/><recipient-country code="${country}" percentage="100"/><sector vocabulary="1" code="${SECTORS[i % SECTORS.length]}" percentage="60"/><sector vocabulary="1" code="${SECTORS[(i + 1) % SECTORS.length]}" percentage="40"/><budget type="1" status="2"><period-start iso-date="${year}-01-01"/><period-end iso-date="${year}-12-31"/><value value-date="${year}-01-01">250000.00</value></budget>${tx}</iati-activity>\n`,
    );
  }
  parts.push('</iati-activities>\n');
  closeSync(fd);
}

async function main(): Promise<void> {
  const activities = arg('activities', 10_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-iati-'));
  const file = path.join(dir, 'generated.xml');
  generate(file, activities);
  const settings = loadSettings();
  // A database of its own on PostgreSQL (dropped at the end); embedded in the temporary directory otherwise.
  let databaseUrl: string | undefined;
  let admin: Pool | null = null;
  if (settings.DATABASE_URL) {
    admin = new Pool({ connectionString: settings.DATABASE_URL, max: 1 });
    await admin.query('DROP DATABASE IF EXISTS ccb_bench_iati');
    await admin.query('CREATE DATABASE ccb_bench_iati');
    const url = new URL(settings.DATABASE_URL);
    url.pathname = '/ccb_bench_iati';
    databaseUrl = url.toString();
  }
  const app = await createApp({
    DEMO_DATA: 'false',
    LOG_LEVEL: 'warn',
    PROJECTOR: 'off',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATA_DIR: path.join(dir, 'data') }),
    JWT_SECRET: 'bench-secret-0123456789abcdef0123456789',
  });
  await app.init();
  let machine = await describeMachine();
  if (databaseUrl) {
    const probe = new Pool({ connectionString: databaseUrl, max: 1 });
    machine = await describeMachine(probe);
    await probe.end();
  }
  const rows: (string | number)[][] = [];
  try {
    for (const label of ['first import (every activity created)', 'same file again (every activity unchanged)']) {
      const started = performance.now();
      const report = await app
        .get(IatiImports)
        .importFile(createReadStream(file), 'generated.xml', { userId: 'bench', organisationId: 'org-admin', now: new Date().toISOString(), roles: ['admin'] }, { dryRun: false });
      const seconds = (performance.now() - started) / 1000;
      rows.push([label, report.activitiesRead, report.created, report.unchanged, seconds.toFixed(1), formatRate(report.activitiesRead / seconds)]);
      if (report.skipped.length > 0) console.log(describeReport(report));
    }
  } finally {
    await app.close();
  }
  console.log(`\nIATI import benchmark — ${machine}${databaseUrl ? '' : ', embedded PGlite'}, one import at a time (an activity is one command)`);
  console.log(`File: ${activities.toLocaleString('en-US')} activities, 12 transactions and a budget each, ${(statSync(file).size / 1_048_576).toFixed(1)} MiB\n`);
  printTable(['run', 'activities', 'created', 'unchanged', 'seconds', 'activities/s'], rows);
  console.log(`\nPeak memory of the process (max RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  rmSync(dir, { recursive: true, force: true });
  if (admin) {
    await admin.query('DROP DATABASE IF EXISTS ccb_bench_iati');
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
