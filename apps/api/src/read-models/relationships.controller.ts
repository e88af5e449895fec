import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { countPartnerships, listTriads, network, type ReadModelContext } from '@ccb/read-models';
import { CountQuery, NetworkQuery, PartnershipFilterQuery } from './dto/read-queries.dto';
import { ReadsFrom } from './read-after.interceptor';
import { READ_MODELS } from './read-models.tokens';

@ApiTags('read: triangular relationships')
@ReadsFrom('portfolio')
@Controller('relationships')
export class RelationshipsController {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelContext) {}

  @Get('triads')
  @ApiOperation({ summary: 'Donor–implementer–beneficiary triads, one per combination in each partnership' })
  triads(@Query() query: PartnershipFilterQuery) {
    return listTriads(this.readModels, query);
  }

  @Get('network')
  @ApiOperation({ summary: 'The network: organisations as nodes, shared partnerships as weighted edges (heaviest `limit` edges)' })
  network(@Query() query: NetworkQuery) {
    return network(this.readModels, query);
  }

  @Get('counts')
  @ApiOperation({ summary: 'Partnerships counted by cooperation modality, region, theme, level, phase or country' })
  async counts(@Query() query: CountQuery) {
    return { by: query.by, items: await countPartnerships(this.readModels, query.by, query) };
  }
}
