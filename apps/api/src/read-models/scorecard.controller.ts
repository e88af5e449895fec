import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { listScores, scorecard, type ReadModelContext } from '@ccb/read-models';
import { ScoreQuery } from './dto/read-queries.dto';
import { ReadsFrom } from './read-after.interceptor';
import { READ_MODELS } from './read-models.tokens';
import { EVERY_PARTNERSHIP, type Viewer } from '@ccb/read-models';
import { CurrentViewer } from '../auth/current-principal';
import { Public, SignedIn } from '../auth/access-policy';

@ApiTags('read: principles scorecard')
@ReadsFrom('portfolio')
@Controller('scorecard')
export class ScorecardController {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelContext) {}

  @Get()
  @ApiOperation({ summary: 'Per OEWG principle: how many evaluations scored it, average, min and max (0–4)' })
  @Public()
  async summary(@Query() query: ScoreQuery) {
    return { items: await scorecard(this.readModels, EVERY_PARTNERSHIP, query) };
  }

  @Get('scores')
  @ApiOperation({ summary: "Evaluators' scores in force, with their evidence and the event ids it rests on" })
  @SignedIn()
  scores(@Query() query: ScoreQuery, @CurrentViewer() viewer: Viewer) {
    return listScores(this.readModels, viewer, query);
  }
}
