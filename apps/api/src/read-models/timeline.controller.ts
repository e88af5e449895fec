import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { timeline, type ReadModelContext } from '@ccb/read-models';
import { IdPipe } from '../common/id.pipe';
import { GlobalTimelineQuery, TimelineQuery } from './dto/read-queries.dto';
import { ReadsFrom } from './read-after.interceptor';
import { READ_MODELS } from './read-models.tokens';
import type { Viewer } from '@ccb/read-models';
import { CurrentViewer } from '../auth/current-principal';
import { SignedIn } from '../auth/access-policy';
import { ensureVisible } from './visibility';

@ApiTags('read: timeline')
@ReadsFrom('timeline')
@SignedIn()
@Controller()
export class TimelineController {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelContext) {}

  @Get('partnerships/:partnershipId/timeline')
  @ApiOperation({ summary: "A partnership's events in order, with actor, organisation, reason and correlation" })
  async partnership(@Param('partnershipId', IdPipe) partnershipId: string, @Query() query: TimelineQuery, @CurrentViewer() viewer: Viewer) {
    await ensureVisible(this.readModels, viewer, partnershipId);
    return timeline(this.readModels, viewer, { ...query, partnershipId });
  }

  @Get('timeline')
  @ApiOperation({ summary: "Every partnership's events, newest or oldest first" })
  all(@Query() query: GlobalTimelineQuery, @CurrentViewer() viewer: Viewer) {
    return timeline(this.readModels, viewer, query);
  }
}
