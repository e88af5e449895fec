import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { inclusion, type ReadModelContext } from '@ccb/read-models';
import { InclusionQuery } from './dto/read-queries.dto';
import { ReadsFrom } from './read-after.interceptor';
import { READ_MODELS } from './read-models.tokens';

@ApiTags('read: inclusion')
@ReadsFrom('portfolio')
@Controller('inclusion')
export class InclusionController {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelContext) {}

  @Get()
  @ApiOperation({ summary: "Participants by sex and women's share per activity, partnership, theme, country, activity type or year" })
  async get(@Query() query: InclusionQuery) {
    const groupBy = query.groupBy ?? 'partnership';
    return { groupBy, items: await inclusion(this.readModels, groupBy, query) };
  }
}
