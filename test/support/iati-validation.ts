import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyRuleset, parseXml, type Finding, type Ruleset } from '@ccb/iati';

/** The official IATI 2.03 files, beside the repository (../shared/iati). */
export const IATI_REFERENCE = path.resolve(__dirname, '../../../shared/iati');
const RULESET = JSON.parse(readFileSync(path.join(IATI_REFERENCE, 'rulesets/standard-2.03.json'), 'utf8')) as Ruleset;
const scratch = mkdtempSync(path.join(tmpdir(), 'iati-'));
let files = 0;

export interface Validation {
  /** xmllint's complaints against the 2.03 schema; empty when the file validates. */
  readonly schemaErrors: string[];
  readonly ruleErrors: Finding[];
  readonly ruleWarnings: Finding[];
  readonly casesChecked: number;
}

/** The schema with Debian's xmllint (libxml2-utils, installed by .ci/run), then the Standard's rulesets. */
export function validateIati(xml: string, now = new Date()): Validation {
  const file = path.join(scratch, `export-${++files}.xml`);
  writeFileSync(file, xml);
  const lint = spawnSync('xmllint', ['--noout', '--schema', path.join(IATI_REFERENCE, 'iati-activities-schema.xsd'), file], { encoding: 'utf8' });
  if (lint.error) throw new Error(`xmllint could not run (install libxml2-utils): ${lint.error.message}`);
  const schemaErrors = lint.status === 0 ? [] : lint.stderr.split('\n').filter((l) => l.trim() !== '' && !l.endsWith('validates'));
  const report = applyRuleset(parseXml(xml), RULESET, now);
  return {
    schemaErrors,
    ruleErrors: report.findings.filter((f) => f.severity === 'error'),
    ruleWarnings: report.findings.filter((f) => f.severity === 'warning'),
    casesChecked: report.casesChecked,
  };
}
