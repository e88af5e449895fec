import { BadRequestException } from '@nestjs/common';

export interface FieldError {
  readonly field: string;
  readonly reason: string;
  /** Which check refused it (`isInt`, `max`, `isIn`…): a client words the reason in its reader's language by it. */
  readonly constraint?: string;
}

/** A 400 that names every field at fault. */
export class InvalidInputError extends BadRequestException {
  constructor(readonly errors: readonly FieldError[]) {
    super({ code: 'validation.failed', message: errors.map((e) => `${e.field}: ${e.reason}`).join('; '), errors });
  }
}
