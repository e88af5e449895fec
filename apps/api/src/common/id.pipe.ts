import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { isClientId } from '@ccb/domain';
import { InvalidInputError } from './invalid-input';
import { ID_RULE } from './dto-fields';

/** Path ids (partnership, organisation, flow, milestone...) share the DTOs' id syntax. */
@Injectable()
export class IdPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (!isClientId(value)) throw new InvalidInputError([{ field: `path ${metadata.data ?? 'id'}`, reason: ID_RULE }]);
    return value;
  }
}
