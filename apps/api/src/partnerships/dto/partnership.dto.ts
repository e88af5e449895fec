import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import {
  BASELINE_COMMITMENTS,
  GENDER_MARKERS,
  INITIATORS,
  LEVELS,
  NEED_KINDS,
  PHASES,
  ROLES,
  SDGS,
  THEMES,
  type BaselineCommitment,
  type GenderMarker,
  type Initiator,
  type Level,
  type NeedKind,
  type Phase,
  type Role,
  type Sdg,
  type Theme,
} from '@ccb/domain';
import { CalendarDate, Flag, Id, ListOf, NestedList, OneOf, OptionalCalendarDate, OptionalId, Text, IdList, LanguageList } from '../../common/dto-fields';
import { COUNTRIES } from '../../common/shared.dto';

const PARTY_ROLES = ['donor', 'implementer', 'beneficiary'] as const;

export class TagsDto {
  @ListOf(THEMES, ['incident-response-cert'], 20, 1)
  themes!: Theme[];

  @ListOf(LEVELS, ['technical', 'policy'])
  levels!: Level[];

  @ListOf(SDGS, [9, 16])
  sdgs!: Sdg[];

  @OneOf(GENDER_MARKERS, 1)
  genderMarker!: GenderMarker;
}

export class ProposePartnershipDto extends TagsDto {
  @OptionalId('3f0b8f5e-6a53-4e0f-a7b4-2f7c2a1d9e10')
  partnershipId?: string;

  @Text('National CERT operational readiness', 200)
  title!: string;

  @Text('Stand up incident triage and coordination at the national CERT', 4000)
  summary!: string;

  @ApiProperty({ enum: COUNTRIES, example: 'GH', description: 'ISO 3166-1 alpha-2' })
  @IsIn(COUNTRIES, { message: '$property must be an ISO 3166-1 alpha-2 country code' })
  beneficiaryCountry!: string;

  @OneOf(INITIATORS, 'beneficiary')
  initiatedBy!: Initiator;

  @OneOf(PARTY_ROLES, 'beneficiary')
  proposerRole!: 'donor' | 'implementer' | 'beneficiary';

  @CalendarDate('2026-01-01')
  plannedStart!: string;

  @OptionalCalendarDate('2027-12-31')
  plannedEnd?: string;
}

export class InvitePartyDto {
  @Id('org-gcsc')
  organisationId!: string;

  @OneOf(PARTY_ROLES, 'implementer')
  role!: 'donor' | 'implementer' | 'beneficiary';
}

export class StateNeedDto {
  @Id('need-incident-triage')
  needId!: string;

  @OneOf(NEED_KINDS, 'need')
  kind!: NeedKind;

  @Text('No documented triage procedure; incidents handled ad hoc by two staff')
  description!: string;

  @Flag(true)
  confidential!: boolean;
}

export class StateLanguagesDto {
  @LanguageList(['pt', 'tet'], 20)
  languages!: string[];
}

export class ObjectiveDto {
  @Id('obj-triage')
  objectiveId!: string;

  @Text('A documented, exercised triage procedure in daily use')
  description!: string;

  @IdList(['need-incident-triage'])
  needIds!: string[];
}

export class ProposePlanVersionDto {
  @NestedList(() => ObjectiveDto, 50)
  objectives!: ObjectiveDto[];

  @Flag(false)
  confidential!: boolean;
}

export class EndorsePlanDto {
  @ApiProperty({ enum: ROLES, example: 'beneficiary' })
  @IsIn(PARTY_ROLES, { message: '$property must be one of: donor, implementer, beneficiary' })
  role!: Role;
}

export class BaselineCommitmentDto {
  @OneOf(BASELINE_COMMITMENTS, 'human-rights')
  commitment!: BaselineCommitment;

  @Text('Training content reviewed against the human-rights due-diligence checklist')
  description!: string;
}

export class AdvancePhaseDto {
  @OneOf(PHASES.filter((p) => p !== 'closed' && p !== 'scoping' && p !== 'cancelled'), 'co-design')
  to!: Phase;

  @Text('Scoping mission report accepted by all parties')
  reason!: string;
}

export class AnswerInvitationDto {
  @OneOf(PARTY_ROLES, 'implementer')
  role!: 'donor' | 'implementer' | 'beneficiary';
}

export class DeclineInvitationDto extends AnswerInvitationDto {
  @Text('Our board has not approved work in this country this year')
  reason!: string;
}
