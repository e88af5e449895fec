import { CURRENCY_CODES } from './codelists';
import { ensure } from './rule-violation';

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

export function isCurrency(code: string): boolean {
  return CURRENCY_CODES.has(code);
}
