import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';
import { ID_PATTERN, OptionalCalendarDate } from '../common/dto-fields';

/** A whole number from `min` in the query string (revisions: -1 is "before the first event"). */
const OptionalRevision = (min: number, doc: { example: number; description: string }) =>
  applyDecorators(
    ApiPropertyOptional(doc),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(min),
  );

const OptionalInstant = (doc: { example: string; description: string }) =>
  applyDecorators(ApiPropertyOptional(doc), IsOptional(), IsISO8601({ strict: true }, { message: '$property must be an ISO 8601 date or instant' }));

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

  @OptionalRevision(0, { example: 0, description: 'How many to skip (default 0)' })
  offset?: number;
}

/** A point in the history: a revision, or a date / instant (a date means the end of that day, UTC). */
export class AsOfQuery {
  @OptionalRevision(0, { example: 12, description: 'Stream revision (0 is the proposal)' })
  revision?: number;

  @OptionalInstant({ example: '2026-03-31', description: 'Recording time: what the record said then (ISO 8601 date or instant)' })
  at?: string;

  @OptionalCalendarDate('2025-03-20')
  validAt?: string;
}

/** How many of the events in between a diff lists: the net changes always cover them all. */
export const DIFF_EVENTS_DEFAULT = 500;

class DiffEventsQuery {
  @ApiPropertyOptional({
    example: DIFF_EVENTS_DEFAULT,
    default: DIFF_EVENTS_DEFAULT,
    description: 'List at most this many of the events in between, earliest first (`eventsTotal` says how many there are; `…/history?offset=` pages through them all)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000)
  eventsLimit?: number;
}

export class DiffQuery extends DiffEventsQuery {
  @OptionalRevision(-1, { example: 5, description: 'From this revision (its state, exclusive of later events)' })
  fromRevision?: number;

  @OptionalInstant({ example: '2026-01-01', description: 'From the state at this date / instant' })
  fromAt?: string;

  @OptionalRevision(0, { example: 20, description: 'To this revision (default: now)' })
  toRevision?: number;

  @OptionalInstant({ example: '2026-06-30', description: 'To the state at this date / instant (default: now)' })
  toAt?: string;

  @OptionalCalendarDate('2025-03-01')
  fromValidAt?: string;

  @OptionalCalendarDate('2025-03-31')
  toValidAt?: string;
}

export class ChangesQuery extends DiffEventsQuery {
  @OptionalRevision(-1, { example: 12, description: 'The revision you saw last (the ETag of your last read); omitted: from the start' })
  sinceRevision?: number;
}

export class ExportQuery {
  @ApiPropertyOptional({ enum: ['jsonl', 'csv'], example: 'jsonl', default: 'jsonl' })
  @IsOptional()
  @IsIn(['jsonl', 'csv'], { message: '$property must be one of: jsonl, csv' })
  format?: 'jsonl' | 'csv';
}
