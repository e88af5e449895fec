import { plannedByYear, spendingAgainstPlan } from './spending-plan';

describe('spending against plan', () => {
  it('spreads a commitment evenly over the days of its planned period', () => {
    // 2025-07-01 .. 2026-06-30: 184 days in 2025, 181 in 2026, of 365.
    const planned = plannedByYear([{ committed: 365_000, plannedStart: '2025-07-01', plannedEnd: '2026-06-30' }]);
    expect(planned.get(2025)).toBe(184_000);
    expect(planned.get(2026)).toBe(181_000);
  });

  it('keeps whole minor units that add up to the commitment, the remainder to the largest shares', () => {
    // 100 units over 2024-01-01 .. 2026-12-31: 366 + 365 + 365 = 1,096 days. Exact shares 33.39, 33.30, 33.30;
    // floors 33 + 33 + 33 = 99; the unit left over goes to 2024, the largest remainder (366×100 mod 1096 = 428).
    const planned = plannedByYear([{ committed: 100, plannedStart: '2024-01-01', plannedEnd: '2026-12-31' }]);
    expect([...planned.entries()]).toEqual([
      [2024, 34],
      [2025, 33],
      [2026, 33],
    ]);
    // Three equal years (2025–2027: 365 days each): 100 = 34 + 33 + 33, the tie going to the earliest year.
    expect([...plannedByYear([{ committed: 100, plannedStart: '2025-01-01', plannedEnd: '2027-12-31' }]).values()]).toEqual([34, 33, 33]);
    // Large amounts stay exact: 9,000,000,000,000 minor units over the same three years.
    const large = plannedByYear([{ committed: 9_000_000_000_000, plannedStart: '2025-01-01', plannedEnd: '2027-12-31' }]);
    expect([...large.values()].reduce((a, b) => a + b, 0)).toBe(9_000_000_000_000);
    expect([...large.values()]).toEqual([3_000_000_000_000, 3_000_000_000_000, 3_000_000_000_000]);
  });

  it('adds nothing for a partnership without planned dates or commitment', () => {
    expect(
      plannedByYear([
        { committed: 1000, plannedStart: null, plannedEnd: '2026-01-01' },
        { committed: 0, plannedStart: '2025-01-01', plannedEnd: '2025-12-31' },
      ]).size,
    ).toBe(0);
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
