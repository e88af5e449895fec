import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOperation,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CommandResponse } from './command-response';

/** The OpenAPI contract every command shares: its headers and its error answers. */
export function CommandEndpoint(summary: string, description?: string) {
  return applyDecorators(
    ApiOperation({ summary, description }),
    ApiHeader({ name: 'X-Actor-Id', required: true, description: 'The user acting (interim: replaced by the authenticated principal)', example: 'user-ama' }),
    ApiHeader({ name: 'X-Organisation-Id', required: true, description: 'The organisation the user acts for', example: 'org-gh-cert' }),
    ApiHeader({ name: 'If-Match', required: false, description: 'The revision you saw (the ETag): a 409 if the partnership changed since', example: '"4"' }),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retrying with the same key applies the command once', example: 'c0ffee-2026-03-03-01' }),
    ApiHeader({ name: 'X-Correlation-Id', required: false }),
    ApiHeader({ name: 'X-Reason', required: false, description: 'Why, kept with the events' }),
    ApiCreatedResponse({ type: CommandResponse, description: 'Applied; ETag carries the new revision' }),
    ApiBadRequestResponse({ description: 'code validation.failed: errors[] names each field and why' }),
    ApiNotFoundResponse({ description: 'code partnership.not-found / organisation.not-found' }),
    ApiConflictResponse({ description: 'code concurrency.conflict: the revision changed; reload' }),
    ApiUnprocessableEntityResponse({ description: 'code rule.<rule>: a domain rule refused the command' }),
  );
}
