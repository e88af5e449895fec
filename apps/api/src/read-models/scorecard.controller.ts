import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { listScores, scorecard, type ReadModelContext } from '@ccb/read-models';
import { ScoreQuery } from './dto/read-queries.dto';
import { ReadsFrom } from './read-after.interceptor';
import { READ_MODELS } from './read-models.tokens';

@ApiTags('read: principles scorecard')
@ReadsFrom('portfolio')
@Controller('scorecard')
export class ScorecardController {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelContext) {}

  @Get()
  @ApiOperation({ summary: 'Per OEWG principle: how many evaluations scored it, average, min and max (0–4)' })
  async summary(@Query() query: ScoreQuery) {
    return { items: await scorecard(this.readModels, query) };
  }

  @Get('scores')
  @ApiOperation({ summary: "Evaluators' scores in force, with their evidence and the event ids it rests on" })
  scores(@Query() query: ScoreQuery) {
    return listScores(this.readModels, query);
  }
}
