import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { EventStoreUnavailableError, WrongExpectedRevisionError } from '@ccb/event-store';
import { RuleViolation } from '@ccb/domain';
import { TOO_DEEP_MESSAGE } from './common/request-shape';
import { IdempotencyKeyReusedError, StreamIdUnavailableError, StreamMissingError } from './event-sourcing/command-executor';

/**
 * Every error a client can see, as JSON with a stable `code`. Nothing else leaks: no stack, no SQL.
 */
@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiErrorFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const [status, body] = this.describe(error);
    // Only the error's kind and where it arose: a database error's message can quote the values it choked on.
    if (status >= 500) this.logger.error({ error: safeDescription(error) }, 'request failed');
    if (status === HttpStatus.UNAUTHORIZED) response.setHeader('WWW-Authenticate', 'Bearer realm="api"');
    response.status(status).json({ statusCode: status, ...body });
  }

  private describe(error: unknown): [number, Record<string, unknown>] {
    if (error instanceof RuleViolation && error.rule === 'access.party') {
      // A non-party hears what it would for a partnership that does not exist.
      return [HttpStatus.NOT_FOUND, { code: 'partnership.not-found', message: 'No such partnership' }];
    }
    if (error instanceof RuleViolation && error.rule.startsWith('access.')) {
      return [HttpStatus.FORBIDDEN, { code: error.rule, message: error.message }];
    }
    if (error instanceof RuleViolation) {
      return [HttpStatus.UNPROCESSABLE_ENTITY, { code: `rule.${error.rule}`, rule: error.rule, message: error.message }];
    }
    if (error instanceof WrongExpectedRevisionError) {
      return [
        HttpStatus.CONFLICT,
        {
          code: 'concurrency.conflict',
          message: 'The partnership changed since you read it: reload and try again',
          expectedRevision: error.expected,
          actualRevision: error.actual,
        },
      ];
    }
    if (error instanceof StreamMissingError) {
      const kind = error.streamId.startsWith('organisation-') ? 'organisation' : 'partnership';
      return [HttpStatus.NOT_FOUND, { code: `${kind}.not-found`, message: `No such ${kind}` }];
    }
    if (error instanceof StreamIdUnavailableError) {
      // Said the same way whether or not anything exists under the id: only that this id cannot be used.
      return [HttpStatus.CONFLICT, { code: 'id.unavailable', message: 'This id cannot be used: choose another, or leave it out and the server chooses one' }];
    }
    if (error instanceof IdempotencyKeyReusedError) {
      return [HttpStatus.UNPROCESSABLE_ENTITY, { code: 'idempotency.key-reused', message: `${error.message}; use a new key for a new request`, differs: error.differs }];
    }
    if (error instanceof EventStoreUnavailableError) {
      return [HttpStatus.SERVICE_UNAVAILABLE, { code: 'event-store.unavailable', message: 'The event store is unavailable; retry later' }];
    }
    if (isHttpException(error)) {
      const status = error.getStatus();
      const payload = error.getResponse();
      const body = typeof payload === 'string' ? { message: payload } : (payload as Record<string, unknown>);
      const code = typeof body.code === 'string' ? body.code : httpCode(status, error, String(body.message ?? ''));
      const { statusCode: _s, error: _e, ...rest } = body;
      return [status, { ...rest, code }];
    }
    if (isBodyParserError(error)) {
      if (error.type === 'entity.too.large') return [HttpStatus.PAYLOAD_TOO_LARGE, { code: 'request.too-large', message: 'The request body is too large' }];
      return [HttpStatus.BAD_REQUEST, { code: 'request.malformed-json', message: 'The request body is not valid JSON' }];
    }
    return [HttpStatus.INTERNAL_SERVER_ERROR, { code: 'internal', message: 'Something went wrong on our side' }];
  }
}

function httpCode(status: number, error: HttpException, message: string): string {
  // Nest hands body-parser's errors on as HttpExceptions carrying only their message.
  if (status === 400 && message.startsWith(TOO_DEEP_MESSAGE)) return 'request.too-deep';
  if (status === 400) return /JSON/.test(message) ? 'request.malformed-json' : 'request.invalid';
  if (status === 404) return 'route.not-found';
  if (status === 413) return 'request.too-large';
  if (status === 429) return 'rate.limited';
  return `http.${status}.${error.name.replace(/Exception$/, '').toLowerCase()}`;
}

/** Duck-typed: Nest's platform adapter may throw its own copy of HttpException, failing instanceof. */
function isHttpException(error: unknown): error is HttpException {
  return typeof error === 'object' && error !== null && typeof (error as HttpException).getStatus === 'function' && typeof (error as HttpException).getResponse === 'function';
}

function isBodyParserError(error: unknown): error is { type: string } {
  return typeof error === 'object' && error !== null && typeof (error as { type?: unknown }).type === 'string' && 'expose' in error;
}

function safeDescription(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    ...(typeof code === 'string' ? { code } : {}),
    at: error.stack
      ?.split('\n')
      .slice(1, 6)
      .map((l) => l.trim()),
  };
}
