import { Injectable, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, switchMap, type Observable } from 'rxjs';
import type { Request } from 'express';
import { isPosition } from '@ccb/event-store';
import { InvalidInputError } from '../common/invalid-input';
import { ProjectionsService, type ProjectionName } from './projections.service';

export const MIN_POSITION_HEADER = 'x-min-position';
export const READS_FROM = 'reads-from';

/** Which projections a controller's answers come from, so a read-your-writes wait knows what to wait for. */
export const ReadsFrom = (...projections: ProjectionName[]) => SetMetadata(READS_FROM, projections);

/**
 * Read-your-writes: a client passes the `position` a command returned (header X-Min-Position or
 * query parameter minPosition); the answer waits, bounded, until the read model has caught up.
 */
@Injectable()
export class ReadAfterInterceptor implements NestInterceptor {
  constructor(
    private readonly projections: ProjectionsService,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    const header = request.headers[MIN_POSITION_HEADER];
    const query = typeof request.query.minPosition === 'string' ? request.query.minPosition : undefined;
    const raw = (Array.isArray(header) ? header[0] : header) ?? query;
    if (raw === undefined) return next.handle();
    if (!isPosition(raw)) {
      throw new InvalidInputError([{ field: header !== undefined ? 'X-Min-Position' : 'minPosition', reason: 'must be a position "major:minor" as a command returned it' }]);
    }
    const names = this.reflector.getAllAndOverride<ProjectionName[] | undefined>(READS_FROM, [context.getHandler(), context.getClass()]) ?? ['portfolio'];
    return from(this.projections.waitFor(names, raw)).pipe(switchMap(() => next.handle()));
  }
}
