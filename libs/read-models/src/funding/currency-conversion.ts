import type { ExchangeRate } from '@ccb/domain';

/**
 * ISO 4217 minor units for the currencies that do not use two decimals; every other active code
 * uses two. (IATI's codelist does not carry the exponent.)
 */
const EXPONENTS: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

export function minorUnitExponent(currency: string): number {
  return EXPONENTS[currency] ?? 2;
}

/** Rounds a non-negative ratio to the nearest integer, ties to even (banker's rounding, no drift). */
function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  const twice = (numerator % denominator) * 2n;
  if (twice > denominator || (twice === denominator && quotient % 2n === 1n)) return quotient + 1n;
  return quotient;
}

/**
 * Converts minor units with a recorded rate ("1 unit of the flow's currency = rate units of
 * toCurrency"), exactly, in integers: never through a float.
 */
export function convertMinor(amountMinor: number, fromCurrency: string, rate: ExchangeRate): number {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(rate.rate);
  if (!match) throw new Error(`Not a decimal rate: "${rate.rate}"`);
  const fraction = match[2] ?? '';
  const rateNumerator = BigInt(match[1] + fraction);
  const rateDenominator = 10n ** BigInt(fraction.length);
  const scaleUp = 10n ** BigInt(minorUnitExponent(rate.toCurrency));
  const scaleDown = 10n ** BigInt(minorUnitExponent(fromCurrency));
  const converted = divideHalfEven(BigInt(amountMinor) * rateNumerator * scaleUp, rateDenominator * scaleDown);
  return Number(converted);
}

/** The amount in `currency`, or null when the flow carries no rate to it: never converted silently. */
export function amountIn(flow: { amountMinor: number; currency: string; rate: ExchangeRate | null }, currency: string): number | null {
  if (flow.currency === currency) return flow.amountMinor;
  if (flow.rate && flow.rate.toCurrency === currency) return convertMinor(flow.amountMinor, flow.currency, flow.rate);
  return null;
}
