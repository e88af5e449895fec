import { convertMinorUnits, minorUnitExponent, type ExchangeRate } from '@ccb/domain';

export { minorUnitExponent };

/**
 * Converts minor units with a recorded rate ("1 unit of the flow's currency = rate units of
 * toCurrency"), exactly, in integers: never through a float.
 */
export function convertMinor(amountMinor: number, fromCurrency: string, rate: ExchangeRate): number {
  return convertMinorUnits(amountMinor, fromCurrency, rate);
}
