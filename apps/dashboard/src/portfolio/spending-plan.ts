/** A partnership's committed money (in the reporting currency) and the period it is planned to be spent in. */
export interface PlannedBudget {
  readonly committed: number;
  readonly plannedStart: string | null;
  readonly plannedEnd: string | null;
}

export interface SpendingYear {
  readonly year: number;
  readonly planned: number;
  readonly spent: number;
  readonly cumulativePlanned: number;
  readonly cumulativeSpent: number;
}

const DAY = 86_400_000;

function utc(date: string): number {
  return Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
}

/**
 * The plan a donor can hold spending against without a separate budget schedule: each partnership's
 * commitment spread evenly over the days of its planned period (docs/metrics.md, "Spending against
 * plan"). In whole minor units: each year gets the floor of its exact share, and the units left over go
 * one each to the years with the largest remainders (the earlier year on a tie), so the years always add
 * up to the commitment. Partnerships without planned dates add nothing to the plan.
 */
export function plannedByYear(budgets: readonly PlannedBudget[]): Map<number, number> {
  const byYear = new Map<number, number>();
  for (const { committed, plannedStart, plannedEnd } of budgets) {
    if (!plannedStart || !plannedEnd || !(committed > 0)) continue;
    // The API's amounts are whole minor units already; rounding only guards the arithmetic below.
    const whole = BigInt(Math.round(committed));
    const start = utc(plannedStart);
    const end = utc(plannedEnd) + DAY;
    if (!(end > start)) continue;
    const totalDays = BigInt(Math.round((end - start) / DAY));
    const shares: { year: number; units: bigint; remainder: bigint }[] = [];
    for (let year = new Date(start).getUTCFullYear(); year <= new Date(end - 1).getUTCFullYear(); year += 1) {
      const days = BigInt(Math.round((Math.min(end, Date.UTC(year + 1, 0, 1)) - Math.max(start, Date.UTC(year, 0, 1))) / DAY));
      // BigInt: a commitment of billions of minor units times thousands of days passes 2^53.
      const exact = whole * days;
      shares.push({ year, units: exact / totalDays, remainder: exact % totalDays });
    }
    let left = whole - shares.reduce((sum, s) => sum + s.units, 0n);
    for (const share of [...shares].sort((a, b) => (a.remainder === b.remainder ? a.year - b.year : a.remainder > b.remainder ? -1 : 1))) {
      if (left === 0n) break;
      share.units += 1n;
      left -= 1n;
    }
    for (const { year, units } of shares) byYear.set(year, (byYear.get(year) ?? 0) + Number(units));
  }
  return byYear;
}

/** Plan and actual spending per calendar year, with running totals, over every year either touches. */
export function spendingAgainstPlan(budgets: readonly PlannedBudget[], spentByYear: ReadonlyMap<number, number>): SpendingYear[] {
  const planned = plannedByYear(budgets);
  const years = [...new Set([...planned.keys(), ...spentByYear.keys()])].sort((a, b) => a - b);
  if (years.length === 0) return [];
  const rows: SpendingYear[] = [];
  let cumulativePlanned = 0;
  let cumulativeSpent = 0;
  for (let year = years[0]; year <= years[years.length - 1]; year += 1) {
    const p = planned.get(year) ?? 0;
    const s = spentByYear.get(year) ?? 0;
    cumulativePlanned += p;
    cumulativeSpent += s;
    rows.push({ year, planned: p, spent: s, cumulativePlanned, cumulativeSpent });
  }
  return rows;
}
