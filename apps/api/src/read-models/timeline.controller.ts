import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { getPartnership, timeline, type ReadModelContext } from '@ccb/read-models';
import { IdPipe } from '../common/id.pipe';
import { GlobalTimelineQuery, TimelineQuery } from './dto/read-queries.dto';
import { orNotFound } from './not-found';
import { ReadsFrom } from './read-after.interceptor';
import { READ_MODELS } from './read-models.tokens';

@ApiTags('read: timeline')
@ReadsFrom('timeline')
@Controller()
export class TimelineController {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelContext) {}

  @Get('partnerships/:partnershipId/timeline')
  @ApiOperation({ summary: "A partnership's events in order, with actor, organisation, reason and correlation" })
  async partnership(@Param('partnershipId', IdPipe) partnershipId: string, @Query() query: TimelineQuery) {
    const page = await timeline(this.readModels, { ...query, partnershipId });
    if (page.total === 0) orNotFound(await getPartnership(this.readModels, partnershipId), 'partnership');
    return page;
  }

  @Get('timeline')
  @ApiOperation({ summary: "Every partnership's events, newest or oldest first" })
  all(@Query() query: GlobalTimelineQuery) {
    return timeline(this.readModels, query);
  }
}
