import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { fundingChain, fundingTotals, type ReadModelContext } from '@ccb/read-models';
import { IdPipe } from '../common/id.pipe';
import { FundingQuery } from './dto/read-queries.dto';
import { orNotFound } from './not-found';
import { ReadsFrom } from './read-after.interceptor';
import { READ_MODELS } from './read-models.tokens';

@ApiTags('read: funding flows')
@ReadsFrom('portfolio')
@Controller('funding')
export class FundingController {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelContext) {}

  @Get('totals')
  @ApiOperation({
    summary: 'Committed, disbursed, spent (and locally spent, refunded, passed on, in kind) per group and currency, without double counting along chains',
    description:
      'Amounts are integer minor units per ISO 4217 currency. With reportingCurrency, totals are also given in that currency through the rates recorded with the flows; amounts with no such rate are listed under `unconverted`, never converted silently. localShare = spentLocally / spent; burnRate = spent / disbursed.',
  })
  async totals(@Query() query: FundingQuery) {
    const groupBy = query.groupBy ?? 'partnership';
    return { groupBy, items: await fundingTotals(this.readModels, groupBy, query) };
  }

  @Get('chains/:partnershipId')
  @ApiOperation({ summary: "A partnership's funding chain: levels, edges, and each funder's money followed to the last receivers" })
  async chain(@Param('partnershipId', IdPipe) partnershipId: string) {
    return orNotFound(await fundingChain(this.readModels, partnershipId), 'partnership');
  }
}
