import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { countPartnerships, listTriads, network, type ReadModelContext } from '@ccb/read-models';
import { CountQuery, NetworkQuery, PartnershipFilterQuery } from './dto/read-queries.dto';
import { ReadsFrom } from './read-after.interceptor';
import { READ_MODELS } from './read-models.tokens';
import { EVERY_PARTNERSHIP, type Viewer } from '@ccb/read-models';
import { CurrentViewer } from '../auth/current-principal';
import { Public, SignedIn } from '../auth/access-policy';

@ApiTags('read: triangular relationships')
@ReadsFrom('portfolio')
@Controller('relationships')
export class RelationshipsController {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelContext) {}

  @Get('triads')
  @ApiOperation({ summary: 'Donor–implementer–beneficiary triads, one per combination in each partnership' })
  @SignedIn()
  triads(@Query() query: PartnershipFilterQuery, @CurrentViewer() viewer: Viewer) {
    return listTriads(this.readModels, viewer, query);
  }

  @Get('network')
  @ApiOperation({ summary: 'The network: organisations as nodes, shared partnerships as weighted edges (heaviest `limit` edges)' })
  @SignedIn()
  network(@Query() query: NetworkQuery, @CurrentViewer() viewer: Viewer) {
    return network(this.readModels, viewer, query);
  }

  @Get('counts')
  @ApiOperation({ summary: 'Partnerships counted by cooperation modality, region, theme, level, phase or country' })
  @Public()
  async counts(@Query() query: CountQuery) {
    return { by: query.by, items: await countPartnerships(this.readModels, EVERY_PARTNERSHIP, query.by, query) };
  }
}
