import { NotFoundException } from '@nestjs/common';

export function orNotFound<T>(value: T | null, kind: 'partnership' | 'organisation' | 'projection'): T {
  if (value === null) throw new NotFoundException({ code: `${kind}.not-found`, message: `No such ${kind}` });
  return value;
}
