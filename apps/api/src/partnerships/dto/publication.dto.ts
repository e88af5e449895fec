import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNumber, IsString, Max, Min } from 'class-validator';
import { BUDGET_KINDS, BUDGET_STATUSES, DOCUMENT_CATEGORIES, LANGUAGE_CODES, type BudgetKind, type BudgetStatus, type DocumentCategory } from '@ccb/domain';
import { CalendarDate, Id, Nested, NestedList, OneOf, OptionalId, Text } from '../../common/dto-fields';
import { MoneyDto } from '../../common/shared.dto';

/** A code and its share; the domain checks the codes against the IATI codelists and that the shares sum to 100. */
export class ShareDto {
  @ApiProperty({ example: '22040', maxLength: 10 })
  @IsString()
  code!: string;

  // Two decimals at most is the domain's rule (publication.percentage): class-validator's maxDecimalPlaces
  // throws on a number written with an exponent (5e-324), which the fuzz sent.
  @ApiProperty({ example: 100, minimum: 0.01, maximum: 100, description: 'Percent, at most two decimals' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(100)
  percentage!: number;
}

export class SectorsDto {
  @NestedList(() => ShareDto, 20)
  sectors!: ShareDto[];
}

export class RecipientAreasDto {
  @NestedList(() => ShareDto, 60)
  countries!: ShareDto[];

  @NestedList(() => ShareDto, 20)
  regions!: ShareDto[];
}

class PeriodDto {
  @CalendarDate('2026-01-01')
  periodStart!: string;

  @CalendarDate('2026-12-31')
  periodEnd!: string;

  @Nested(() => MoneyDto)
  amount!: MoneyDto;

  @CalendarDate('2026-01-01')
  valueDate!: string;
}

export class BudgetDto extends PeriodDto {
  @Id('budget-2026')
  budgetId!: string;

  @OneOf(BUDGET_KINDS, 'original')
  kind!: BudgetKind;

  @OneOf(BUDGET_STATUSES, 'committed')
  status!: BudgetStatus;
}

export class PlannedDisbursementDto extends PeriodDto {
  @Id('pd-2026-q3')
  plannedDisbursementId!: string;

  @OptionalId('org-implementer')
  receiverId?: string;
}

export class DocumentDto {
  @Id('doc-inception-report')
  documentId!: string;

  @Text('Inception report', 500)
  title!: string;

  @Text('https://example.org/reports/inception.pdf', 2000)
  url!: string;

  @OneOf(DOCUMENT_CATEGORIES, 'A07')
  category!: DocumentCategory;

  @ApiProperty({ example: 'en', description: 'ISO 639-1 or ISO 639-3 code' })
  @IsIn([...LANGUAGE_CODES], { message: '$property must be an ISO 639 language code' })
  language!: string;

  @OptionalId('ms-triage-sop')
  milestoneId?: string;
}
