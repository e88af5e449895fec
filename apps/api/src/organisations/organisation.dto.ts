import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional } from 'class-validator';
import {
  DEVELOPMENT_STATUSES,
  IATI_ORGANISATION_TYPES,
  ORGANISATION_KINDS,
  REGIONS,
  type DevelopmentStatus,
  type IatiOrganisationType,
  type OrganisationKind,
  type Region,
} from '@ccb/domain';
import { CalendarDate, Nested, NestedList, OneOf, OptionalId, OptionalOneOf, Text } from '../common/dto-fields';
import { COUNTRIES } from '../common/shared.dto';

export class ContactDto {
  @Text('Ama Mensah', 200)
  name!: string;

  @Text('Head of incident response', 200)
  function!: string;

  @ApiProperty({ example: 'ama.mensah@cert.example.gh' })
  @IsEmail({}, { message: '$property must be an e-mail address' })
  email!: string;
}

export class OrganisationProfileDto {
  @Text('National Cyber Security Centre (CERT-GH)', 300)
  name!: string;

  @OneOf(ORGANISATION_KINDS, 'state-body')
  kind!: OrganisationKind;

  @ApiProperty({ enum: COUNTRIES, example: 'GH', description: 'ISO 3166-1 alpha-2' })
  @IsIn(COUNTRIES, { message: '$property must be an ISO 3166-1 alpha-2 country code' })
  country!: string;

  @OneOf(REGIONS, 'africa')
  region!: Region;

  @OneOf(DEVELOPMENT_STATUSES, 'developing')
  developmentStatus!: DevelopmentStatus;

  @NestedList(() => ContactDto, 20)
  contacts!: ContactDto[];
}

export class RegisterOrganisationDto extends OrganisationProfileDto {
  @OptionalId('org-gh-cert')
  organisationId?: string;
}

/** Every field may be left out; none may be sent as null (the profile has no empty name, kind or region). */
export class UpdateOrganisationDto extends PartialType(OrganisationProfileDto, { skipNullProperties: false }) {}

export class StructuralChangesDto {
  @OptionalOneOf(ORGANISATION_KINDS, 'ngo')
  kind?: OrganisationKind;

  @ApiPropertyOptional({ enum: COUNTRIES, example: 'GH', description: 'ISO 3166-1 alpha-2' })
  @IsOptional()
  @IsIn(COUNTRIES, { message: '$property must be an ISO 3166-1 alpha-2 country code' })
  country?: string;

  @OptionalOneOf(REGIONS, 'africa')
  region?: Region;

  @OptionalOneOf(DEVELOPMENT_STATUSES, 'developing')
  developmentStatus?: DevelopmentStatus;
}

export class ChangeProfileDto {
  @CalendarDate('2026-07-01')
  effectiveFrom!: string;

  @Nested(() => StructuralChangesDto)
  changes!: StructuralChangesDto;

  @Text('Seat moved from Geneva to Accra under the new host-country agreement')
  reason!: string;
}

export class IatiIdentityDto {
  /** The rule (agency prefix, no spaces or / & | ?) is the domain's: its 422 names the field. */
  @Text('GH-RGD-CS123456789', 100)
  orgId!: string;

  @OneOf(IATI_ORGANISATION_TYPES, '10')
  orgType!: IatiOrganisationType;
}
