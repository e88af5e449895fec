import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { LEVELS, PHASES, PRINCIPLES, REGIONS, ROLES, THEMES, ACTIVITY_TYPES, ORGANISATION_KINDS } from '@ccb/domain';
import { COUNT_DIMENSIONS, FUNDING_GROUPS, INCLUSION_GROUPS, MODALITIES, OWNERSHIP_SORTS, PARTNERSHIP_SORTS } from '@ccb/read-models';
import { ID_PATTERN, OptionalOneOf } from '../../common/dto-fields';

const OptionalIdParam = (example: string, description?: string) =>
  applyDecorators(ApiPropertyOptional({ example, description }), IsOptional(), IsString(), Matches(ID_PATTERN, { message: '$property must be an id' }));

const OptionalCountry = (example: string, description = 'ISO 3166-1 alpha-2') =>
  applyDecorators(ApiPropertyOptional({ example, description }), IsOptional(), Matches(/^[A-Z]{2}$/, { message: '$property must be an ISO 3166-1 alpha-2 code' }));

const OptionalCurrency = (example: string, description: string) =>
  applyDecorators(ApiPropertyOptional({ example, description }), IsOptional(), Matches(/^[A-Z]{3}$/, { message: '$property must be an ISO 4217 code' }));

const OptionalYear = () =>
  applyDecorators(
    ApiPropertyOptional({ example: 2026 }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1950),
    Max(2200),
  );

const sortsOf = (fields: readonly string[]) => fields.flatMap((f) => [f, `-${f}`]);

/** Paging and read-your-writes, shared by every list. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50, example: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0, example: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;

  @ApiPropertyOptional({
    example: '1042:77',
    description:
      'Read your writes: the `position` a command returned. The answer waits (bounded) until the read model has reached it; 503 projection.behind otherwise. The X-Min-Position header does the same.',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d+:\d+$/, { message: '$property must be a position "major:minor" as a command returned it' })
  minPosition?: string;
}

export class PartnershipFilterQuery extends PageQuery {
  @OptionalOneOf(PHASES, 'delivery')
  phase?: string;

  @OptionalCountry('KE', 'Beneficiary country, ISO 3166-1 alpha-2')
  country?: string;

  @OptionalOneOf(REGIONS, 'africa', "The beneficiary's region")
  region?: string;

  @OptionalOneOf(THEMES, 'incident-response-cert')
  theme?: string;

  @OptionalOneOf(LEVELS, 'policy')
  level?: string;

  @OptionalOneOf(MODALITIES, 'triangular')
  modality?: string;

  @OptionalIdParam('org-ke-kecert', 'Partnerships this organisation is party to, in any role')
  organisationId?: string;

  @OptionalIdParam('org-no-mfa', 'Partnerships this organisation funds')
  donorId?: string;

  @ApiPropertyOptional({ example: 'CERT', description: 'Words in the title' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class PartnershipListQuery extends PartnershipFilterQuery {
  @OptionalOneOf(sortsOf(Object.keys(PARTNERSHIP_SORTS)), '-lastEventAt', 'A field, or -field for descending')
  sort?: string;
}

export class CountQuery extends PartnershipFilterQuery {
  @ApiPropertyOptional({ enum: [...COUNT_DIMENSIONS], example: 'modality' })
  @IsIn([...COUNT_DIMENSIONS], { message: `$property must be one of: ${COUNT_DIMENSIONS.join(', ')}` })
  by!: (typeof COUNT_DIMENSIONS)[number];
}

export class NetworkQuery extends PartnershipFilterQuery {
  @ApiPropertyOptional({ minimum: 1, example: 1, description: 'Keep edges shared by at least this many partnerships' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  minWeight?: number;
}

export class PartnersQuery extends PageQuery {
  @OptionalOneOf(ROLES, 'donor', "The partners' role")
  role?: string;
}

export class OrganisationListQuery extends PageQuery {
  @OptionalOneOf(ORGANISATION_KINDS, 'ngo')
  kind?: string;

  @OptionalCountry('GH')
  country?: string;

  @OptionalOneOf(REGIONS, 'africa')
  region?: string;

  @OptionalOneOf(ROLES, 'implementer', 'Organisations holding this role in at least one partnership')
  role?: string;

  @ApiPropertyOptional({ example: 'CERT' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class FundingQuery extends PartnershipFilterQuery {
  @ApiPropertyOptional({ enum: [...FUNDING_GROUPS], example: 'donor', default: 'partnership' })
  @IsOptional()
  @IsIn([...FUNDING_GROUPS], { message: `$property must be one of: ${FUNDING_GROUPS.join(', ')}` })
  groupBy?: (typeof FUNDING_GROUPS)[number];

  @OptionalYear()
  year?: number;

  @OptionalCurrency('EUR', 'Only flows in this currency')
  currency?: string;

  @OptionalCurrency(
    'USD',
    "Also total in this currency: each amount at the rate recorded with its flow, else the rate table's rate for its value date (within 45 days); what has no rate is listed as unconverted, never counted as zero",
  )
  reportingCurrency?: string;

  @ApiPropertyOptional({ example: true, description: 'List every rate a converted figure used, with its source and value date' })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  explain?: boolean;
}

export class OwnershipQuery extends PartnershipFilterQuery {
  @OptionalOneOf(sortsOf(Object.keys(OWNERSHIP_SORTS)), '-index', 'A metric, or -metric for descending')
  sort?: string;
}

export class PortfolioOwnershipQuery extends PartnershipFilterQuery {
  @ApiPropertyOptional({ enum: ['beneficiary', 'donor'], example: 'donor' })
  @IsIn(['beneficiary', 'donor'], { message: '$property must be one of: beneficiary, donor' })
  by!: 'beneficiary' | 'donor';
}

export class InclusionQuery extends PartnershipFilterQuery {
  @ApiPropertyOptional({ enum: [...INCLUSION_GROUPS], example: 'theme', default: 'partnership' })
  @IsOptional()
  @IsIn([...INCLUSION_GROUPS], { message: `$property must be one of: ${INCLUSION_GROUPS.join(', ')}` })
  groupBy?: (typeof INCLUSION_GROUPS)[number];

  @OptionalOneOf(ACTIVITY_TYPES, 'train-the-trainer')
  activityType?: string;

  @OptionalYear()
  year?: number;
}

export class OverlapQuery extends PageQuery {
  @OptionalCountry('KE')
  country?: string;

  @OptionalOneOf(THEMES, 'incident-response-cert')
  theme?: string;

  @OptionalIdParam('p-ke-cert')
  partnershipId?: string;

  @OptionalIdParam('org-no-mfa')
  donorId?: string;
}

export class RegistryQuery extends PartnershipFilterQuery {
  @OptionalOneOf(sortsOf(['title', 'country', 'plannedStart']), 'title')
  sort?: string;
}

export class ScoreQuery extends PageQuery {
  @OptionalIdParam('p-ke-cert')
  partnershipId?: string;

  @OptionalOneOf(PRINCIPLES, 'national-ownership')
  principle?: string;

  @OptionalIdParam('org-za-evalco')
  evaluatorId?: string;
}

export class TimelineQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'MilestoneDisputed' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z]{1,64}$/, { message: '$property must be an event type' })
  type?: string;

  @OptionalIdParam('org-ke-kecert', 'Events recorded by this organisation')
  organisationId?: string;

  @OptionalIdParam('user-ama', 'Events recorded by this user')
  actor?: string;

  @ApiPropertyOptional({ example: '2026-01-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '$property must be an ISO 8601 date or instant' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31T23:59:59Z' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '$property must be an ISO 8601 date or instant' })
  to?: string;

  @OptionalOneOf(['asc', 'desc'] as const, 'asc')
  order?: 'asc' | 'desc';
}

export class GlobalTimelineQuery extends TimelineQuery {
  @OptionalIdParam('p-ke-cert')
  partnershipId?: string;
}
