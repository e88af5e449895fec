import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { InvalidInputError } from './api-error.filter';
import { ID_PATTERN } from './dto-fields';

/** Path ids (partnership, organisation, flow, milestone...) share the DTOs' id syntax. */
@Injectable()
export class IdPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (!ID_PATTERN.test(value)) {
      throw new InvalidInputError([{ field: `path ${metadata.data ?? 'id'}`, reason: 'must be an id: letters, digits and ._:-, at most 128 characters' }]);
    }
    return value;
  }
}
