import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/principal';
import { MIN_POSITION_HEADER, READS_FROM } from './read-after.interceptor';

/**
 * Identical reads in flight at the same time are answered by one computation: a portfolio page opened by
 * many at once, or one user's tabs, cost one query. Only for the same user (so nothing one user may see
 * reaches another) and the same URL, and never for a read-your-writes request: an answer that started
 * before the caller's write could lack it. Without that header a read promises no fresher state than one
 * that started a moment earlier, which is all a shared answer is.
 */
@Injectable()
export class SharedReadsInterceptor implements NestInterceptor {
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const readModel = this.reflector.getAllAndOverride<unknown>(READS_FROM, [context.getHandler(), context.getClass()]);
    if (request.method !== 'GET' || readModel === undefined || request.headers[MIN_POSITION_HEADER] !== undefined || request.query.minPosition !== undefined) {
      return next.handle();
    }
    const principal = request.principal;
    const key = JSON.stringify([principal?.userId ?? null, principal?.organisationId ?? null, principal?.roles ?? null, request.originalUrl]);
    let answer = this.inFlight.get(key);
    if (!answer) {
      answer = lastValueFrom(next.handle()).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, answer);
    }
    return from(answer);
  }
}
