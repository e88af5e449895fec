import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { InvalidInputError, type FieldError } from './invalid-input';
import { unstorableText } from './request-shape';

function flatten(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([constraint, reason]) => ({ field, reason, constraint }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Refuses text the database cannot hold, then validates against the DTO. */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const problems = unstorableText(value, metadata.type === 'body' ? '' : (metadata.data ?? ''));
      if (problems.length > 0) throw new InvalidInputError(problems);
    }
    return super.transform(value, metadata);
  }
}

/** Whitelisted, unknown fields refused, payloads transformed to their DTO classes. */
export function apiValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InvalidInputError(flatten(errors)),
  });
}
