import type { RateQuote } from '@ccb/domain';

/**
 * An ILLUSTRATIVE monthly rate table for the demo's currencies, quoted as the IMF IFS series are (national
 * currency per US dollar, monthly average dated the 1st): round levels near 2024–2026 market rates with a
 * small seasonal swing. Not a published series; a real installation imports one (npm run rates:import).
 */
const LEVELS: readonly [currency: string, perUsd: number, decimals: number][] = [
  ['EUR', 0.92, 4],
  ['NOK', 10.8, 4],
  ['KES', 129.5, 2],
  ['JPY', 151.0, 2],
  ['GHS', 14.6, 3],
  ['BRL', 5.3, 4],
  ['XOF', 603.5, 2],
];

export const DEMO_RATE_SOURCE = 'Illustrative monthly averages for the demo (IMF IFS layout, not real data)';

function months(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}-01`);
    m += 1;
    if (m === 13) [y, m] = [y + 1, 1];
  }
  return out;
}

/** One set per quarter, recorded the day after the quarter (or now, for the current one), as an office would. */
export function demoRateSets(now: Date): { setId: string; recordedAt: string; rates: RateQuote[] }[] {
  const today = now.toISOString().slice(0, 10);
  const all = months('2024-01', today.slice(0, 7));
  const quarters = new Map<string, string[]>();
  for (const month of all) {
    const q = `${month.slice(0, 4)}-q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
    quarters.set(q, [...(quarters.get(q) ?? []), month]);
  }
  return [...quarters].map(([q, valueDates], qi) => {
    const last = valueDates[valueDates.length - 1];
    const after = new Date(Date.UTC(Number(last.slice(0, 4)), Number(last.slice(5, 7)), 1)).toISOString();
    const recordedAt = after < now.toISOString() ? after : now.toISOString();
    const rates = valueDates.flatMap((valueDate, mi) =>
      LEVELS.map(([quote, level, decimals]) => ({ base: 'USD', quote, valueDate, rate: (level * (1 + 0.02 * Math.sin((qi * 3 + mi) / 2.5))).toFixed(decimals) })),
    );
    return { setId: `demo-rates-${q}`, recordedAt, rates };
  });
}
