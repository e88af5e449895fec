import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { CommandContext } from '@ccb/domain';
import { canonicalJson, type EventMetadata, type RequestFingerprint } from '@ccb/event-store';
import { InvalidInputError } from '../common/invalid-input';
import { AuthenticationError } from '../auth/auth-errors';
import type { AuthenticatedRequest } from '../auth/principal';
import type { StageTimings } from '../common/server-timing';

export interface RequestCommandContext extends CommandContext {
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly reason?: string;
  readonly expectedRevision?: number;
  readonly idempotencyKey?: string;
  /** What an Idempotency-Key is bound to: a retry must repeat this exact request. */
  readonly request: RequestFingerprint;
  readonly timings?: StageTimings;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/**
 * Who acts, for whom, and the request's concurrency and idempotency headers. Who acts comes only from
 * the verified token (the auth guard put it on the request): no header a client sets can change it.
 */
export const CommandMeta = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestCommandContext => {
  const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  const principal = req.principal;
  if (!principal) throw new AuthenticationError('auth.required', 'Sign in: send "Authorization: Bearer <token>"');
  const header = (name: string) => {
    const value = req.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const errors: { field: string; reason: string }[] = [];
  const ifMatch = header('if-match');
  let expectedRevision: number | undefined;
  if (ifMatch !== undefined) {
    const match = /^(?:W\/)?"?(\d+)"?$/.exec(ifMatch.trim());
    if (!match) errors.push({ field: 'header If-Match', reason: 'must be the revision from an ETag, e.g. "3"' });
    else expectedRevision = Number(match[1]);
  }
  const idempotencyKey = header('idempotency-key');
  if (idempotencyKey !== undefined && !ID.test(idempotencyKey)) {
    errors.push({ field: 'header Idempotency-Key', reason: 'letters, digits and ._:- only, at most 128 characters' });
  }
  const correlationId = header('x-correlation-id');
  if (correlationId !== undefined && !ID.test(correlationId)) errors.push({ field: 'header X-Correlation-Id', reason: 'letters, digits and ._:- only' });
  const causationId = header('x-causation-id');
  if (causationId !== undefined && !ID.test(causationId)) errors.push({ field: 'header X-Causation-Id', reason: 'letters, digits and ._:- only' });
  const reason = header('x-reason');
  if (reason !== undefined && reason.length > 500) errors.push({ field: 'header X-Reason', reason: 'at most 500 characters' });
  if (errors.length > 0) throw new InvalidInputError(errors);
  return {
    userId: principal.userId,
    organisationId: principal.organisationId,
    roles: principal.roles,
    now: new Date().toISOString(),
    correlationId: correlationId ?? randomUUID(),
    causationId: causationId ?? null,
    reason,
    expectedRevision,
    idempotencyKey,
    timings: req.timings,
    request: {
      method: req.method,
      path: req.originalUrl.split('?')[0],
      bodyHash: createHash('sha256')
        .update(canonicalJson(req.body ?? null))
        .digest('hex'),
    },
  };
});

/** The metadata every event of a request carries (the executor adds the command id). */
export function toEventMetadata(meta: RequestCommandContext): Omit<EventMetadata, 'commandId' | 'request'> {
  return {
    actor: meta.userId,
    organisation: meta.organisationId,
    correlationId: meta.correlationId,
    causationId: meta.causationId,
    recordedAt: meta.now,
    ...(meta.reason ? { reason: meta.reason } : {}),
  };
}
