import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { inclusion, type ReadModelContext } from '@ccb/read-models';
import { InclusionQuery } from './dto/read-queries.dto';
import { ReadsFrom } from './read-after.interceptor';
import { READ_MODELS } from './read-models.tokens';
import { cellReader, EVERY_PARTNERSHIP, suppressSmallCells, type InclusionResult } from '@ccb/read-models';
import { CurrentPrincipal, signedInViewer, viewerOf } from '../auth/current-principal';
import { Public } from '../auth/access-policy';
import type { Principal } from '../auth/principal';

@ApiTags('read: inclusion')
@ReadsFrom('portfolio')
@Controller('inclusion')
export class InclusionController {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelContext) {}

  @Get()
  @ApiOperation({ summary: "Participants by sex and women's share per activity, partnership, theme, country, activity type or year" })
  @Public()
  async get(@Query() query: InclusionQuery, @CurrentPrincipal() principal: Principal | null): Promise<InclusionResult> {
    const groupBy = query.groupBy ?? 'partnership';
    // Per activity or partnership: only yours. By theme, country, type or year: public statistics.
    const viewer = groupBy === 'partnership' || groupBy === 'activity' ? signedInViewer(principal) : EVERY_PARTNERSHIP;
    const reader = await cellReader(this.readModels, principal && viewerOf(principal));
    const rows = await inclusion(this.readModels, viewer, groupBy, query);
    return { groupBy, items: suppressSmallCells(rows, reader, (r) => ({ key: r.key })) };
  }
}
