import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { OUTCOMES, PRINCIPLES, type Principle } from '@ccb/domain';
import { Flag, Id, Nested, NestedList, OneOf, OptionalCalendarDate, OptionalId, Text, IdList } from '../../common/dto-fields';

export class AppointEvaluatorDto {
  @Id('org-evaluator')
  organisationId!: string;
}

export class PrincipleScoreDto {
  @OneOf(PRINCIPLES, 'national-ownership')
  principle!: Principle;

  @ApiProperty({ example: 3, minimum: 0, maximum: 4, description: '0 not met … 4 fully met' })
  @IsInt()
  @Min(0)
  @Max(4)
  score!: number;

  @Text('The CERT drafted the plan; the implementer only reviewed it')
  evidence!: string;

  @IdList(['8c1e0d3a-2f53-4b7e-9d55-0c2f1b7a9e01'])
  eventIds!: string[];
}

export class RecordEvaluationDto {
  @Id('eval-2026-final')
  evaluationId!: string;

  @OptionalId('eval-2026-mid')
  corrects?: string;

  @NestedList(() => PrincipleScoreDto, 20)
  scores!: PrincipleScoreDto[];

  @Text('Strong national ownership; weak sustainability of funding')
  findings!: string;

  @Text('Agree the handover institution during co-design')
  lessons!: string;
}

export class HandoverDto {
  @Flag(true)
  done!: boolean;

  @OptionalId('org-cert')
  institutionId?: string;

  @OptionalCalendarDate('2026-06-01')
  date?: string;
}

export class ClosePartnershipDto {
  @OneOf(OUTCOMES, 'achieved')
  outcome!: 'achieved' | 'partially-achieved' | 'not-achieved';

  @Text('The CERT runs triage on its own procedure and budget')
  summary!: string;

  @Nested(() => HandoverDto)
  handover!: HandoverDto;
}

export class RecordMidTermReviewDto {
  @Id('review-2026-mid')
  reviewId!: string;

  @NestedList(() => PrincipleScoreDto, 20)
  scores!: PrincipleScoreDto[];

  @Text('Training is on track; the legal workstream has not started')
  findings!: string;

  @Text('Start the legal drafting workshops before the next disbursement')
  recommendations!: string;
}
