import { OmitType } from '@nestjs/swagger';
import { BASELINE_COMMITMENTS, type BaselineCommitment } from '@ccb/domain';
import { CalendarDate, Decimal, Flag, Id, IdList, OneOf, OptionalCalendarDate, OptionalDecimal, OptionalFlag, OptionalNested, OptionalText, Text } from '../common/dto-fields';
import { ClosePartnershipDto } from '../partnerships/dto/evaluation.dto';
import { RecordActivityDto } from '../partnerships/dto/delivery.dto';
import { ExchangeRateDto, MoneyDto } from '../common/shared.dto';

const REASON = 'Typed with one zero too many: the grant letter says EUR 24,000';

export class AmendCommitmentDto {
  @OptionalNested(() => MoneyDto)
  amount?: MoneyDto;

  @OptionalCalendarDate('2026-02-01')
  date?: string;

  @Text(REASON)
  reason!: string;
}

export class CorrectFlowDto {
  @OptionalCalendarDate('2026-03-20')
  date?: string;

  @OptionalNested(() => ExchangeRateDto)
  exchangeRate?: ExchangeRateDto;

  @OptionalFlag(true, 'Remove the rate recorded with the flow (the rate table then converts it)')
  clearRate?: boolean;

  @Text('Value date is the day the bank executed the transfer')
  reason!: string;
}

export class CorrectActivityDto extends OmitType(RecordActivityDto, ['activityId'] as const) {
  @Text('Participants were entered twice: 14 women, not 28')
  reason!: string;
}

export class RescheduleMilestoneDto {
  @CalendarDate('2026-09-30')
  dueDate!: string;

  @Text('Board meeting moved to September')
  reason!: string;
}

export class ReviseIndicatorDto {
  @OptionalDecimal(60)
  baseline?: number;

  @OptionalDecimal(12)
  target?: number;

  @Text('Baseline re-measured over 12 months, not 3')
  reason!: string;
}

export class AmendPartnershipDto {
  @OptionalText('Establishing a national CSIRT in Timor-Leste', 300)
  title?: string;

  @OptionalText('A national CSIRT with 24/7 triage, hosted by the ministry', 4000)
  summary?: string;

  @Text('Title agreed at the steering committee')
  reason!: string;
}

export class ChangePlannedDatesDto {
  @OptionalCalendarDate('2026-02-01')
  plannedStart?: string;

  @OptionalCalendarDate('2028-07-31')
  plannedEnd?: string;

  @OptionalFlag(true, 'The partnership has no planned end any more')
  openEnded?: boolean;

  @Text('No-cost extension of six months agreed by the donors')
  reason!: string;
}

export class NeedConfidentialityDto {
  @Flag(false)
  confidential!: boolean;

  @Text('The ministry published the assessment in its annual report')
  reason!: string;
}

export class WithdrawBaselineDto {
  @OneOf(BASELINE_COMMITMENTS, 'do-no-harm')
  commitment!: BaselineCommitment;

  @Text('Recorded against the wrong partnership')
  reason!: string;
}

export class LeaveDto {
  @OneOf(['donor', 'implementer', 'beneficiary'] as const, 'donor')
  role!: 'donor' | 'implementer' | 'beneficiary';

  @CalendarDate('2026-09-30')
  effectiveDate!: string;

  @Text('The fund closes its cyber window at the end of the fiscal year')
  reason!: string;
}

export class ReplaceEvaluatorDto {
  @Id('org-eval-uni')
  previousId!: string;

  @Id('org-eval-institute')
  organisationId!: string;

  @Text('The first evaluator has a conflict of interest')
  reason!: string;
}

export class CorrectClosureDto extends ClosePartnershipDto {
  @Text('The handover date in the closure was the date of the letter, not of the handover')
  reason!: string;
}

export class WithdrawInvitationDto {
  @Id('org-gcsc')
  organisationId!: string;

  @OneOf(['donor', 'implementer', 'beneficiary'] as const, 'implementer')
  role!: 'donor' | 'implementer' | 'beneficiary';

  @Text('Invited by mistake: the consortium lead is the other CERT')
  reason!: string;
}

export class VoidMeasurementDto {
  @Decimal(42)
  value!: number;

  @CalendarDate('2026-06-15')
  measuredOn!: string;

  @Text('Counted the incidents of two months, not one')
  reason!: string;
}

export class ReprioritiseNeedsDto {
  @IdList(['need-incident-triage', 'need-legal-framework'])
  needIds!: string[];

  @Text('The new minister puts the legal framework first')
  reason!: string;
}
