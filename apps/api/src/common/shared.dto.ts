import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Matches, Max, Min, ValidateBy } from 'class-validator';
import { COUNTRY_CODES, CURRENCY_CODES, DECIMAL_RATE, isUsableRate } from '@ccb/domain';
import { Text } from './dto-fields';

export const COUNTRIES = [...COUNTRY_CODES];
export const CURRENCIES = [...CURRENCY_CODES];

export class MoneyDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER, example: 25000000, description: 'Integer minor units (cents): 250,000.00 is 25000000' })
  @IsInt({ message: '$property must be a whole number of minor units (no decimals)' })
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amountMinor!: number;

  @ApiProperty({ enum: CURRENCIES, example: 'EUR', description: 'ISO 4217' })
  @IsIn(CURRENCIES, { message: '$property must be an ISO 4217 currency code' })
  currency!: string;
}

export class ExchangeRateDto {
  @ApiProperty({ enum: CURRENCIES, example: 'USD' })
  @IsIn(CURRENCIES, { message: '$property must be an ISO 4217 currency code' })
  toCurrency!: string;

  @ApiProperty({ example: '1.0842', pattern: DECIMAL_RATE.source, description: 'Exact decimal as a string, never a float' })
  @IsString()
  @Matches(DECIMAL_RATE, { message: '$property must be a decimal number written as a string, e.g. "1.0842"' })
  @ValidateBy({
    name: 'isUsableRate',
    validator: { validate: (v: unknown) => typeof v === 'string' && isUsableRate(v), defaultMessage: () => '$property must be greater than zero' },
  })
  rate!: string;
}

export class ReasonDto {
  @Text('Agreed at the steering committee of 12 March')
  reason!: string;
}
