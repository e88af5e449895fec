import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { listExternalOverlaps, listOverlaps, registry, type ExternalOverlap, type Page, type ReadModelContext } from '@ccb/read-models';
import { OverlapQuery, RegistryQuery } from './dto/read-queries.dto';
import { ReadsFrom } from './read-after.interceptor';
import { READ_MODELS } from './read-models.tokens';
import { Public, SignedIn } from '../auth/access-policy';

@ApiTags('read: coordination')
@ReadsFrom('portfolio')
@Controller()
export class CoordinationController {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelContext) {}

  @Get('coordination/overlaps')
  @ApiOperation({ summary: 'Partnerships that overlap: same beneficiary country and theme, overlapping dates, no donor in common' })
  @SignedIn()
  overlaps(@Query() query: OverlapQuery) {
    return listOverlaps(this.readModels, query);
  }

  @Get('coordination/external-overlaps')
  @ApiOperation({
    summary: "Partnerships beside other publishers' imported IATI activities: same country and DAC sector, overlapping dates, reported by no party of the partnership",
    description: 'Imported activities have no parties here: each is shown by its publisher, title, countries, sectors and dates (docs/iati.md).',
  })
  @SignedIn()
  externalOverlaps(@Query() query: OverlapQuery): Promise<Page<ExternalOverlap>> {
    return listExternalOverlaps(this.readModels, query);
  }

  @Get('registry')
  @ApiOperation({ summary: 'The public registry: non-confidential summaries with the points of contact of the parties' })
  @Public()
  registry(@Query() query: RegistryQuery) {
    return registry(this.readModels, query);
  }
}
