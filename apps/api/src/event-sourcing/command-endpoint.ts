import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOperation,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CommandResponse } from './command-response';
import { SignedIn } from '../auth/access-policy';

/** What every command shares: a signed-in caller, its headers and its error answers (in OpenAPI too). */
export function CommandEndpoint(summary: string, description?: string) {
  return applyDecorators(
    ApiOperation({ summary, description }),
    SignedIn(),
    ApiHeader({ name: 'If-Match', required: false, description: 'The revision you saw (the ETag): a 409 if the partnership changed since', example: '"4"' }),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retrying with the same key applies the command once', example: 'c0ffee-2026-03-03-01' }),
    ApiHeader({ name: 'X-Correlation-Id', required: false }),
    ApiHeader({ name: 'X-Reason', required: false, description: 'Why, kept with the events' }),
    ApiCreatedResponse({ type: CommandResponse, description: 'Applied; ETag carries the new revision' }),
    ApiBadRequestResponse({ description: 'code validation.failed: errors[] names each field, why, and the check that refused it (constraint)' }),
    ApiForbiddenResponse({ description: 'code access.role / access.admin: a party acting outside its role' }),
    ApiNotFoundResponse({ description: 'code partnership.not-found (also when your organisation is not a party) / organisation.not-found' }),
    ApiConflictResponse({ description: 'code concurrency.conflict: the revision changed; reload' }),
    ApiUnprocessableEntityResponse({ description: 'code rule.<rule>: a domain rule refused the command' }),
  );
}
