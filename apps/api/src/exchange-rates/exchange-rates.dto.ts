import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, ValidateBy } from 'class-validator';
import { DECIMAL_RATE, isUsableRate, MAX_RATES_PER_SET } from '@ccb/domain';
import { CalendarDate, NestedList, OptionalId, Text } from '../common/dto-fields';
import { CURRENCIES } from '../common/shared.dto';

export class RateQuoteDto {
  @ApiProperty({ enum: CURRENCIES, example: 'EUR', description: '1 unit of this currency...' })
  @IsIn(CURRENCIES, { message: '$property must be an ISO 4217 currency code' })
  base!: string;

  @ApiProperty({ enum: CURRENCIES, example: 'KES', description: '...is `rate` units of this one' })
  @IsIn(CURRENCIES, { message: '$property must be an ISO 4217 currency code' })
  quote!: string;

  @CalendarDate('2026-03-01')
  valueDate!: string;

  @ApiProperty({ example: '141.25', pattern: DECIMAL_RATE.source, description: 'Exact decimal as a string, never a float' })
  @IsString()
  @Matches(DECIMAL_RATE, { message: '$property must be a decimal number written as a string, e.g. "1.0842"' })
  @ValidateBy({
    name: 'isUsableRate',
    validator: { validate: (v: unknown) => typeof v === 'string' && isUsableRate(v), defaultMessage: () => '$property must be greater than zero' },
  })
  rate!: string;
}

export class RecordRatesDto {
  @OptionalId('ecb-2026-03')
  setId?: string;

  @Text('ECB euro foreign exchange reference rates, March 2026', 300)
  source!: string;

  @NestedList(() => RateQuoteDto, MAX_RATES_PER_SET)
  rates!: RateQuoteDto[];
}

export class ImportRatesCsvDto {
  @OptionalId('imf-ifs-2026-q1')
  setId?: string;

  @Text('IMF IFS monthly average, national currency per US dollar', 300)
  source!: string;

  @ApiPropertyOptional({ enum: CURRENCIES, example: 'EUR', description: 'For a wide file (Date,USD,JPY,...): the currency the columns are quoted against' })
  @IsOptional()
  @IsIn(CURRENCIES, { message: '$property must be an ISO 4217 currency code' })
  base?: string;

  @ApiProperty({
    example: 'base,quote,date,rate\nEUR,KES,2026-03-01,141.25\n',
    description: 'The file: base,quote,date,rate; the ECB SDMX export; or Date followed by currency columns',
  })
  @IsString()
  @MaxLength(5_000_000)
  csv!: string;
}
