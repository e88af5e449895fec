import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';
import { ID_PATTERN } from '../common/dto-fields';

export class HistoryQuery {
  @ApiPropertyOptional({ example: 'MilestoneDisputed', description: 'Only events of this type' })
  @IsOptional()
  @Matches(/^[A-Za-z]{1,64}$/, { message: '$property must be an event type' })
  type?: string;

  @ApiPropertyOptional({ example: 'org-cert-gh', description: 'Only events recorded by this organisation (party)' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: '$property must be an id' })
  organisationId?: string;

  @ApiPropertyOptional({ example: 100, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ example: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}

/** A point in the history: a revision, or a date / instant (a date means the end of that day, UTC). */
export class AsOfQuery {
  @ApiPropertyOptional({ example: 12, description: 'Stream revision (0 is the proposal)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  revision?: number;

  @ApiPropertyOptional({ example: '2026-03-31', description: 'ISO 8601 date or instant' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '$property must be an ISO 8601 date or instant' })
  at?: string;
}

export class DiffQuery {
  @ApiPropertyOptional({ example: 5, description: 'From this revision (its state, exclusive of later events)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(-1)
  fromRevision?: number;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'From the state at this date / instant' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '$property must be an ISO 8601 date or instant' })
  fromAt?: string;

  @ApiPropertyOptional({ example: 20, description: 'To this revision (default: now)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  toRevision?: number;

  @ApiPropertyOptional({ example: '2026-06-30', description: 'To the state at this date / instant (default: now)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '$property must be an ISO 8601 date or instant' })
  toAt?: string;
}

export class ChangesQuery {
  @ApiPropertyOptional({ example: 12, description: 'The revision you saw last (the ETag of your last read); omitted: from the start' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(-1)
  sinceRevision?: number;
}

export class ExportQuery {
  @ApiPropertyOptional({ enum: ['jsonl', 'csv'], example: 'jsonl', default: 'jsonl' })
  @IsOptional()
  @IsIn(['jsonl', 'csv'], { message: '$property must be one of: jsonl, csv' })
  format?: 'jsonl' | 'csv';
}
