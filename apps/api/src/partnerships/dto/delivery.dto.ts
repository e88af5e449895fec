import { ACTIVITY_TYPES, LEVELS, RISK_KINDS, SEVERITIES, THEMES, type ActivityType, type Level, type Theme } from '@ccb/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Min } from 'class-validator';
import { CalendarDate, Count, Decimal, Flag, Id, ListOf, Nested, NestedList, OneOf, OptionalId, OptionalText, Text, IdList, LanguageList } from '../../common/dto-fields';

export class PlanMilestoneDto {
  @Id('ms-triage-sop')
  milestoneId!: string;

  @Text('Triage procedure adopted by the CERT board', 300)
  title!: string;

  @CalendarDate('2026-05-01')
  dueDate!: string;

  @OptionalId('obj-triage')
  objectiveId?: string;
}

export class EvidenceDto {
  @Text('Signed board minute adopting SOP v1.0', 500)
  description!: string;

  @OptionalText('https://example.org/evidence/sop-v1.pdf', 2000)
  uri?: string;
}

export class MilestoneAchievedDto {
  @CalendarDate('2026-04-20')
  achievedOn!: string;

  @NestedList(() => EvidenceDto, 20)
  evidence!: EvidenceDto[];
}

export class ConfirmMilestoneDto {
  @OptionalText('Procedure in daily use since April')
  note?: string;
}

export class DisputeMilestoneDto {
  @Text('The procedure was drafted but never adopted by the board')
  reason!: string;
}

export class ParticipantsDto {
  @Count(14)
  women!: number;

  @Count(16)
  men!: number;

  @Count(0)
  undisclosed!: number;

  @ApiPropertyOptional({ example: 30, minimum: 0, description: 'When given, must equal women + men + undisclosed' })
  @IsOptional()
  @IsInt()
  @Min(0)
  total?: number;
}

export class TrainersDto {
  @Count(2, 10_000)
  local!: number;

  @Count(1, 10_000)
  foreign!: number;
}

export class RecordActivityDto {
  @Id('act-ir-course-1')
  activityId!: string;

  @OneOf(ACTIVITY_TYPES, 'training')
  type!: ActivityType;

  @Text('Incident response fundamentals', 300)
  title!: string;

  @ListOf(THEMES, ['incident-response-cert'])
  themes!: Theme[];

  @OneOf(LEVELS, 'technical')
  level!: Level;

  @CalendarDate('2026-03-02')
  startDate!: string;

  @CalendarDate('2026-03-06')
  endDate!: string;

  @LanguageList(['en'], 10)
  languages!: string[];

  @Nested(() => ParticipantsDto)
  participants!: ParticipantsDto;

  @Count(1200, 100_000_000)
  participantHours!: number;

  @Nested(() => TrainersDto)
  trainers!: TrainersDto;

  @Count(0, 10_000)
  localTrainersProduced!: number;

  @OptionalId('act-ttt-1')
  trainedByActivityId?: string;

  @OptionalId('obj-triage')
  objectiveId?: string;

  @IdList(['need-incident-triage'])
  needIds!: string[];

  @Flag(true)
  continuesAfterFunding!: boolean;
}

export class DefineIndicatorDto {
  @Id('ind-mttr')
  indicatorId!: string;

  @Text('Median time to triage a reported incident', 300)
  name!: string;

  @Text('hours', 50)
  unit!: string;

  @Decimal(72)
  baseline!: number;

  @Decimal(8)
  target!: number;

  @CalendarDate('2026-01-15')
  baselineDate!: string;
}

export class RecordMeasurementDto {
  @Decimal(20)
  value!: number;

  @CalendarDate('2026-06-15')
  measuredOn!: string;

  @OptionalText('Measured over the last 40 incidents')
  note?: string;
}

export class RaiseRiskDto {
  @Id('risk-staff-turnover')
  riskId!: string;

  @OneOf(RISK_KINDS, 'risk')
  kind!: 'risk' | 'issue';

  @Text('Two of five trained analysts have left for the private sector')
  description!: string;

  @OneOf(SEVERITIES, 'high')
  severity!: 'low' | 'medium' | 'high';
}

export class ResolveRiskDto {
  @Text('Retention allowance agreed by the ministry')
  resolution!: string;
}
