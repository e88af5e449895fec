import type { ImportProblem } from './activity-mapping';

/** What became of each activity of a file, and every problem with its line and path. */
export interface ImportReport {
  readonly file: string;
  readonly version: string | null;
  readonly activitiesRead: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly skipped: readonly { readonly identifier: string | null; readonly line: number; readonly reason: string }[];
  readonly problems: readonly (ImportProblem & { readonly identifier: string | null })[];
}

export class ImportReportBuilder {
  private read = 0;
  private readonly outcomes = { created: 0, updated: 0, unchanged: 0 };
  private readonly skipped: { identifier: string | null; line: number; reason: string }[] = [];
  private readonly problems: (ImportProblem & { identifier: string | null })[] = [];
  private version: string | null = null;

  constructor(private readonly file: string) {}

  sawVersion(version: string | null): void {
    this.version = version;
  }

  activity(): void {
    this.read += 1;
  }

  outcome(kind: 'created' | 'updated' | 'unchanged'): void {
    this.outcomes[kind] += 1;
  }

  skip(identifier: string | null, line: number, reason: string): void {
    this.skipped.push({ identifier, line, reason });
  }

  problem(identifier: string | null, problems: readonly ImportProblem[]): void {
    for (const p of problems) this.problems.push({ ...p, identifier });
  }

  build(): ImportReport {
    return { file: this.file, version: this.version, activitiesRead: this.read, ...this.outcomes, skipped: this.skipped, problems: this.problems };
  }
}

/** The report as a person reads it at the end of `npm run iati:import`. */
export function describeReport(r: ImportReport): string {
  const lines = [
    `${r.file} (IATI ${r.version ?? 'version not stated, read as 2.03'}): ${r.activitiesRead} activities read`,
    `  created ${r.created}, updated ${r.updated}, unchanged ${r.unchanged}, skipped ${r.skipped.length}`,
    ...r.skipped.map((s) => `  skipped ${s.identifier ?? '(no identifier)'} (line ${s.line}): ${s.reason}`),
  ];
  const errors = r.problems.filter((p) => p.severity === 'error');
  const warnings = r.problems.filter((p) => p.severity === 'warning');
  lines.push(`  ${errors.length} facts left out, ${warnings.length} read with an assumption:`);
  for (const p of [...errors, ...warnings].slice(0, 200)) lines.push(`  ${p.severity} line ${p.line} ${p.xpath}: ${p.code}: ${p.message}`);
  if (errors.length + warnings.length > 200) lines.push(`  ... and ${errors.length + warnings.length - 200} more (--json for all)`);
  return lines.join('\n');
}
