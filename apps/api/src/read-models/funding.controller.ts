import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  cellReader,
  EVERY_PARTNERSHIP,
  fundingChain,
  fundingTotals,
  suppressSmallCells,
  type FlowChain,
  type FundingTotals,
  type ReadModelContext,
  type Viewer,
} from '@ccb/read-models';
import { IdPipe } from '../common/id.pipe';
import { FundingQuery } from './dto/read-queries.dto';
import { orNotFound } from './not-found';
import { ReadsFrom } from './read-after.interceptor';
import { READ_MODELS } from './read-models.tokens';
import { CurrentPrincipal, CurrentViewer, signedInViewer, viewerOf } from '../auth/current-principal';
import { Public, SignedIn } from '../auth/access-policy';
import type { Principal } from '../auth/principal';
import { ensureVisible } from './visibility';

@ApiTags('read: funding flows')
@ReadsFrom('portfolio')
@Controller('funding')
export class FundingQueriesController {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelContext) {}

  @Get('totals')
  @ApiOperation({
    summary: 'Committed, disbursed, spent (and locally spent, refunded, passed on, in kind) per group and currency, without double counting along chains',
    description:
      'Amounts are integer minor units per ISO 4217 currency. With reportingCurrency, totals are also given in that currency through the rates recorded with the flows; amounts with no such rate are listed under `unconverted`, never converted silently. localShare = spentLocally / spent; burnRate = spent / disbursed.',
  })
  @Public()
  async totals(@Query() query: FundingQuery, @CurrentPrincipal() principal: Principal | null): Promise<FundingTotals> {
    const groupBy = query.groupBy ?? 'partnership';
    // Per partnership or per pair of organisations singles partnerships out: only yours. The rest are public statistics.
    const viewer = groupBy === 'partnership' || groupBy === 'provider-receiver' ? signedInViewer(principal) : EVERY_PARTNERSHIP;
    const reader = await cellReader(this.readModels, principal && viewerOf(principal));
    // "Totals by donor for q=Senegal" is one partnership's money: a cell of fewer than three is for its parties.
    return { groupBy, items: suppressSmallCells(await fundingTotals(this.readModels, viewer, groupBy, query), reader, (t) => ({ key: t.key })) };
  }

  @Get('chains/:partnershipId')
  @ApiOperation({ summary: "A partnership's funding chain: levels, edges, and each funder's money followed to the last receivers" })
  @SignedIn()
  async chain(@Param('partnershipId', IdPipe) partnershipId: string, @CurrentViewer() viewer: Viewer): Promise<FlowChain> {
    await ensureVisible(this.readModels, viewer, partnershipId);
    return orNotFound(await fundingChain(this.readModels, partnershipId), 'partnership');
  }
}
