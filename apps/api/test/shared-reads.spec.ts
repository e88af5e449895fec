import { Reflector } from '@nestjs/core';
import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { defer, lastValueFrom } from 'rxjs';
import { READS_FROM } from '../src/read-models/read-after.interceptor';
import { SharedReadsInterceptor } from '../src/read-models/shared-reads.interceptor';

function handlerReadingFrom(projection: string | undefined) {
  const handler = () => undefined;
  if (projection) Reflect.defineMetadata(READS_FROM, [projection], handler);
  return handler;
}

const contextOf = (request: object, handler: () => void): ExecutionContext =>
  ({
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => request }),
    getHandler: () => handler,
    getClass: () => class {},
  }) as unknown as ExecutionContext;

const request = (userId: string, url: string, extra: { headers?: Record<string, string>; method?: string; query?: Record<string, string> } = {}) => ({
  method: extra.method ?? 'GET',
  originalUrl: url,
  headers: extra.headers ?? {},
  query: extra.query ?? {},
  principal: { userId, organisationId: `org-${userId}`, roles: ['donor'] },
});

describe('identical reads in flight share one computation', () => {
  const interceptor = new SharedReadsInterceptor(new Reflector());
  const reads = handlerReadingFrom('portfolio');
  let computed = 0;
  const waiting: (() => void)[] = [];
  const release = () => waiting.splice(0).forEach((resolve) => resolve());
  const slowAnswer: CallHandler = {
    handle: () =>
      defer(async () => {
        computed += 1;
        await new Promise<void>((resolve) => waiting.push(resolve));
        return { computed };
      }),
  };
  const read = (req: object, handler = reads) => lastValueFrom(interceptor.intercept(contextOf(req, handler), slowAnswer));
  beforeEach(() => (computed = 0));

  it('answers the same user and URL at the same time once, and computes again once that answer is out', async () => {
    const answers = Promise.all([read(request('u1', '/api/funding/totals?groupBy=country')), read(request('u1', '/api/funding/totals?groupBy=country'))]);
    await new Promise((resolve) => setImmediate(resolve));
    release();
    expect(await answers).toEqual([{ computed: 1 }, { computed: 1 }]);
    const later = read(request('u1', '/api/funding/totals?groupBy=country'));
    await new Promise((resolve) => setImmediate(resolve));
    release();
    expect(await later).toEqual({ computed: 2 });
  });

  it('never shares between users, URLs, read-your-writes requests, commands or handlers outside the read models', async () => {
    const url = '/api/funding/totals?groupBy=country';
    const pending = [
      read(request('u1', url)),
      read(request('u2', url)),
      read(request('u1', `${url}&year=2025`)),
      read(request('u1', url, { headers: { 'x-min-position': '12:0' } })),
      read(request('u1', url, { query: { minPosition: '12:0' } })),
      read(request('u1', url, { method: 'POST' })),
      read(request('u1', url), handlerReadingFrom(undefined)),
    ];
    await new Promise((resolve) => setImmediate(resolve));
    expect(computed).toBe(7);
    release();
    await Promise.all(pending);
  });
});
