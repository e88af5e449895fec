import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { LOCAL_OWNERSHIP_INDEX, ownershipByPartnership, ownershipByPortfolio, type ReadModelContext } from '@ccb/read-models';
import { OwnershipQuery, PortfolioOwnershipQuery } from './dto/read-queries.dto';
import { ReadsFrom } from './read-after.interceptor';
import { READ_MODELS } from './read-models.tokens';
import { cellReader, EVERY_PARTNERSHIP, suppressSmallCells, type Viewer } from '@ccb/read-models';
import { CurrentPrincipal, CurrentViewer, viewerOf } from '../auth/current-principal';
import type { Principal } from '../auth/principal';
import { Public, SignedIn } from '../auth/access-policy';

@ApiTags('read: local ownership')
@ReadsFrom('portfolio')
@Controller('local-ownership')
export class LocalOwnershipController {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelContext) {}

  @Get('partnerships')
  @ApiOperation({ summary: 'Each local-ownership metric and the composite index (0–100) per partnership', description: 'Definitions and weights: docs/metrics.md' })
  @SignedIn()
  partnerships(@Query() query: OwnershipQuery, @CurrentViewer() viewer: Viewer) {
    return ownershipByPartnership(this.readModels, viewer, query);
  }

  @Get('portfolios')
  @ApiOperation({ summary: "Per beneficiary or per donor: its partnerships' metrics averaged, disputes and local trainers summed" })
  @Public()
  async portfolios(@Query() query: PortfolioOwnershipQuery, @CurrentPrincipal() principal: Principal | null) {
    const reader = await cellReader(this.readModels, principal && viewerOf(principal));
    const rows = await ownershipByPortfolio(this.readModels, EVERY_PARTNERSHIP, query.by, query);
    return { by: query.by, index: LOCAL_OWNERSHIP_INDEX, items: suppressSmallCells(rows, reader, (r) => ({ organisationId: r.organisationId, name: r.name })) };
  }
}
