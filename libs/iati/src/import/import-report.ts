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
  /** The first problems in detail (at most `PROBLEMS_IN_DETAIL`): a report of a 100 MB file stays small. */
  readonly problems: readonly (ImportProblem & { readonly identifier: string | null })[];
  /** Every problem counted by code and severity, the ones past the detailed list included. */
  readonly problemCounts: readonly { readonly code: string; readonly severity: 'error' | 'warning'; readonly count: number }[];
}

export const PROBLEMS_IN_DETAIL = 1000;

export class ImportReportBuilder {
  private read = 0;
  private readonly outcomes = { created: 0, updated: 0, unchanged: 0 };
  private readonly skipped: { identifier: string | null; line: number; reason: string }[] = [];
  private readonly problems: (ImportProblem & { identifier: string | null })[] = [];
  private readonly counts = new Map<string, { code: string; severity: 'error' | 'warning'; count: number }>();
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
    for (const p of problems) {
      if (this.problems.length < PROBLEMS_IN_DETAIL) this.problems.push({ ...p, identifier });
      const key = `${p.severity}|${p.code}`;
      const counted = this.counts.get(key) ?? { code: p.code, severity: p.severity, count: 0 };
      counted.count += 1;
      this.counts.set(key, counted);
    }
  }

  build(): ImportReport {
    const problemCounts = [...this.counts.values()].sort((a, b) => a.severity.localeCompare(b.severity) || b.count - a.count).map((c) => ({ ...c }));
    return { file: this.file, version: this.version, activitiesRead: this.read, ...this.outcomes, skipped: this.skipped, problems: this.problems, problemCounts };
  }
}

/** The report as a person reads it at the end of `npm run iati:import`. */
export function describeReport(r: ImportReport): string {
  const lines = [
    `${r.file} (IATI ${r.version ?? 'version not stated, read as 2.03'}): ${r.activitiesRead} activities read`,
    `  created ${r.created}, updated ${r.updated}, unchanged ${r.unchanged}, skipped ${r.skipped.length}`,
    ...r.skipped.map((s) => `  skipped ${s.identifier ?? '(no identifier)'} (line ${s.line}): ${s.reason}`),
  ];
  const total = (severity: string) => r.problemCounts.filter((c) => c.severity === severity).reduce((n, c) => n + c.count, 0);
  lines.push(`  ${total('error')} facts left out, ${total('warning')} read with an assumption; by kind:`);
  for (const c of r.problemCounts) lines.push(`    ${c.severity} ${c.code}: ${c.count}`);
  const shown = [...r.problems].sort((a, b) => a.severity.localeCompare(b.severity)).slice(0, 200);
  for (const p of shown) lines.push(`  ${p.severity} line ${p.line} ${p.xpath}: ${p.code}: ${p.message}`);
  if (r.problems.length > shown.length)
    lines.push(`  ... ${r.problems.length - shown.length} more in detail with --json (the first ${r.problems.length} problems are kept in detail, all are counted above)`);
  return lines.join('\n');
}
