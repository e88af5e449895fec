import { Injectable, type PipeTransform } from '@nestjs/common';
import { InvalidInputError } from '../common/api-error.filter';
import { ID_PATTERN } from '../common/dto-fields';

@Injectable()
export class PartnershipIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!ID_PATTERN.test(value)) throw new InvalidInputError([{ field: 'path id', reason: 'must be an id: letters, digits and ._:-' }]);
    return value;
  }
}
