import { minorUnitExponent } from '../funding/currency-conversion';

/** "1,250,000.00 EUR": the exact amount, never through a float. */
export function formatMoney(amountMinor: number, currency: string): string {
  const exponent = minorUnitExponent(currency);
  const digits = Math.abs(amountMinor)
    .toString()
    .padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = exponent > 0 ? `.${digits.slice(digits.length - exponent)}` : '';
  return `${amountMinor < 0 ? '-' : ''}${whole}${fraction} ${currency}`;
}
