import { CURRENCY_CODES } from './codelists';
import { ensure } from './rule-violation';
import { parseRate } from './exact-rate';

/** Exact money: integer minor units (cents, pence...) of an ISO 4217 currency. Never a float. */
export interface Money {
  readonly amountMinor: number;
  readonly currency: string;
}

export function ensureMoney(money: Money, field = 'amount'): void {
  ensure(Number.isSafeInteger(money.amountMinor), 'money.integer-minor-units', `${field} must be a whole number of minor units`);
  ensure(money.amountMinor > 0, 'money.positive', `${field} must be greater than zero`);
  ensure(CURRENCY_CODES.has(money.currency), 'money.iso-4217', `${field}: "${money.currency}" is not an ISO 4217 currency code`);
}

/**
 * ISO 4217 minor units for the currencies that do not use two decimals; every other active code
 * uses two. (IATI's codelist does not carry the exponent.)
 */
const EXPONENTS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    BIF: 0,
    CLP: 0,
    DJF: 0,
    GNF: 0,
    ISK: 0,
    JPY: 0,
    KMF: 0,
    KRW: 0,
    PYG: 0,
    RWF: 0,
    UGX: 0,
    UYI: 0,
    VND: 0,
    VUV: 0,
    XAF: 0,
    XOF: 0,
    XPF: 0,
    BHD: 3,
    IQD: 3,
    JOD: 3,
    KWD: 3,
    LYD: 3,
    OMR: 3,
    TND: 3,
    CLF: 4,
    UYW: 4,
  }),
);

export function minorUnitExponent(currency: string): number {
  return EXPONENTS.get(currency) ?? 2;
}

/** Rounds a non-negative ratio to the nearest integer, ties to even (banker's rounding, no drift). */
export function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  const twice = (numerator % denominator) * 2n;
  if (twice > denominator || (twice === denominator && quotient % 2n === 1n)) return quotient + 1n;
  return quotient;
}

/** Minor units of `from` at "1 from = rate units of `to`", exactly in integers, rounded half to even. */
export function convertWithFraction(amountMinor: number, from: string, to: string, rate: { numerator: bigint; denominator: bigint }): number {
  const scaleUp = 10n ** BigInt(minorUnitExponent(to));
  const scaleDown = 10n ** BigInt(minorUnitExponent(from));
  return Number(divideHalfEven(BigInt(amountMinor) * rate.numerator * scaleUp, rate.denominator * scaleDown));
}

/** Converts with a rate recorded as "1 unit of the amount's currency = rate units of toCurrency". */
export function convertMinorUnits(amountMinor: number, fromCurrency: string, rate: { readonly toCurrency: string; readonly rate: string }): number {
  return convertWithFraction(amountMinor, fromCurrency, rate.toCurrency, parseRate(rate.rate));
}
