import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { COUNTRY_CODES, CURRENCY_CODES } from '@ccb/domain';
import { Text } from '../../common/dto-fields';

export const COUNTRIES = [...COUNTRY_CODES];
export const CURRENCIES = [...CURRENCY_CODES];

export class MoneyDto {
  @ApiProperty({ example: 25000000, description: 'Integer minor units (cents): 250,000.00 is 25000000' })
  @IsInt({ message: '$property must be a whole number of minor units (no decimals)' })
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amountMinor!: number;

  @ApiProperty({ example: 'EUR', description: 'ISO 4217' })
  @IsIn(CURRENCIES, { message: '$property must be an ISO 4217 currency code' })
  currency!: string;
}

export class ExchangeRateDto {
  @ApiProperty({ example: 'USD' })
  @IsIn(CURRENCIES, { message: '$property must be an ISO 4217 currency code' })
  toCurrency!: string;

  @ApiProperty({ example: '1.0842', description: 'Exact decimal as a string, never a float' })
  @IsString()
  @Matches(/^\d{1,9}(\.\d{1,10})?$/, { message: '$property must be a decimal number written as a string, e.g. "1.0842"' })
  rate!: string;
}

export class ReasonDto {
  @Text('Agreed at the steering committee of 12 March')
  reason!: string;
}
