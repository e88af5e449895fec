import { Inject, Injectable } from '@nestjs/common';
import type { ReferenceRate } from '@ccb/domain';
import { rateTableOf, type ReadModelContext } from '@ccb/read-models';
import { READ_MODELS } from '../read-models/read-models.tokens';

/** The rate table's rate for a flow, handed to the rules with the command: a fact of other streams, like a registration. */
@Injectable()
export class ReferenceRates {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelContext) {}

  async find(from: string, to: string, date: string): Promise<ReferenceRate | null> {
    const found = (await rateTableOf(this.readModels)).lookup(from, to, date);
    return found && { rate: found.used.rate, source: found.used.source, valueDate: found.used.valueDate ?? date };
  }
}
