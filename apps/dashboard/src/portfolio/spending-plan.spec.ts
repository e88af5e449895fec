import { plannedByYear, spendingAgainstPlan } from './spending-plan';

describe('spending against plan', () => {
  it('spreads a commitment evenly over the days of its planned period', () => {
    // 2025-07-01 .. 2026-06-30: 184 days in 2025, 181 in 2026, of 365.
    const planned = plannedByYear([{ committed: 365_000, plannedStart: '2025-07-01', plannedEnd: '2026-06-30' }]);
    expect(Math.round(planned.get(2025)!)).toBe(184_000);
    expect(Math.round(planned.get(2026)!)).toBe(181_000);
  });

  it('adds nothing for a partnership without planned dates or commitment', () => {
    expect(plannedByYear([{ committed: 1000, plannedStart: null, plannedEnd: '2026-01-01' }, { committed: 0, plannedStart: '2025-01-01', plannedEnd: '2025-12-31' }]).size).toBe(0);
  });

  it('runs plan and spending per year with running totals, filling years in between', () => {
    const rows = spendingAgainstPlan([{ committed: 730, plannedStart: '2024-01-01', plannedEnd: '2024-12-31' }], new Map([[2026, 100]]));
    expect(rows.map((r) => [r.year, r.planned, r.spent, r.cumulativePlanned, r.cumulativeSpent])).toEqual([
      [2024, 730, 0, 730, 0],
      [2025, 0, 0, 730, 0],
      [2026, 0, 100, 730, 100],
    ]);
  });
});
