import { Injectable, type PipeTransform } from '@nestjs/common';
import { CURRENCY_CODES } from '@ccb/domain';
import { InvalidInputError } from '../common/invalid-input';

/** A path segment that must be an ISO 4217 code. */
@Injectable()
export class CurrencyPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!CURRENCY_CODES.has(value)) throw new InvalidInputError([{ field: 'currency', reason: `"${value.slice(0, 20)}" is not an ISO 4217 currency code` }]);
    return value;
  }
}
