import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { CalendarDate, Flag, Id, Nested, OptionalFlag, OptionalNested, OptionalText, Text } from '../../common/dto-fields';
import { COUNTRIES, ExchangeRateDto, MoneyDto } from '../../common/shared.dto';

export class FlowDto {
  @Id('flow-2026-001')
  flowId!: string;

  @Id('org-implementer')
  receiverId!: string;

  @Nested(() => MoneyDto)
  amount!: MoneyDto;

  @CalendarDate('2026-02-01')
  date!: string;

  @OptionalNested(() => ExchangeRateDto)
  exchangeRate?: ExchangeRateDto;

  @OptionalFlag(true, "The exchange rate is meant even though it is more than 10 % from the rate table's rate for that date")
  rateConfirmed?: boolean;
}

export class RefundDto {
  @Id('flow-2026-090')
  flowId!: string;

  @Id('org-donor')
  providerId!: string;

  @Nested(() => MoneyDto)
  amount!: MoneyDto;

  @CalendarDate('2026-05-10')
  date!: string;

  @OptionalNested(() => ExchangeRateDto)
  exchangeRate?: ExchangeRateDto;

  @Text('Unspent balance of the 2025 tranche')
  reason!: string;

  @OptionalFlag(true, "The exchange rate is meant even though it is more than 10 % from the rate table's rate for that date")
  rateConfirmed?: boolean;
}

export class InKindDto extends FlowDto {
  @Text('Two forensic workstations and licences')
  description!: string;
}

export class SupplierDto {
  @Text('Accra Conference Centre', 200)
  name!: string;

  @Flag(true)
  local!: boolean;
}

export class ExpenditureDto {
  @Id('flow-2026-014')
  flowId!: string;

  @Nested(() => MoneyDto)
  amount!: MoneyDto;

  @CalendarDate('2026-03-03')
  date!: string;

  @Text('venue and catering', 200)
  category!: string;

  @ApiProperty({ enum: COUNTRIES, example: 'GH', description: 'ISO 3166-1 alpha-2 of where it was spent' })
  @IsIn(COUNTRIES, { message: '$property must be an ISO 3166-1 alpha-2 country code' })
  spentInCountry!: string;

  @Nested(() => SupplierDto)
  supplier!: SupplierDto;

  @OptionalNested(() => ExchangeRateDto)
  exchangeRate?: ExchangeRateDto;

  @OptionalFlag(true, "The exchange rate is meant even though it is more than 10 % from the rate table's rate for that date")
  rateConfirmed?: boolean;

  @OptionalText('Co-financed from the ministry budget: 60 % of the venue costs', 1000)
  overspendReason?: string;
}
