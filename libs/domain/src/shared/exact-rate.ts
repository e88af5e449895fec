import { isUsableRate } from './shape';

/** A rate as an exact fraction: decimal strings stay exact through inversion, crossing and comparison. */
export interface Fraction {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

export function parseRate(rate: string): Fraction {
  if (!isUsableRate(rate)) throw new Error(`Not a decimal rate greater than zero: "${rate}"`);
  const [whole, fraction = ''] = rate.split('.');
  return { numerator: BigInt(whole + fraction), denominator: 10n ** BigInt(fraction.length) };
}

export const invert = (r: Fraction): Fraction => ({ numerator: r.denominator, denominator: r.numerator });
export const multiply = (a: Fraction, b: Fraction): Fraction => ({ numerator: a.numerator * b.numerator, denominator: a.denominator * b.denominator });

/** A decimal string rounded half-up to `places` decimals, for showing a derived (inverted, crossed) rate. */
export function fractionToDecimal(r: Fraction, places = 10): string {
  const scale = 10n ** BigInt(places);
  const scaled = (r.numerator * scale * 2n + r.denominator) / (r.denominator * 2n);
  const whole = scaled / scale;
  const fraction = (scaled % scale).toString().padStart(places, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

/** How far `rate` is from `reference`, as |rate / reference − 1| (0.1 is 10 %), for rules and messages. */
export function relativeDeviation(rate: Fraction, reference: Fraction): number {
  // Both sides are positive, so the ratio is exact in integers before the one division to a float.
  const ratio = Number((rate.numerator * reference.denominator * 1_000_000n) / (rate.denominator * reference.numerator)) / 1_000_000;
  return Math.abs(ratio - 1);
}
