import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { listScores, scorecard, type ReadModelContext } from '@ccb/read-models';
import { ScoreQuery } from './dto/read-queries.dto';
import { ReadsFrom } from './read-after.interceptor';
import { READ_MODELS } from './read-models.tokens';
import { cellReader, EVERY_PARTNERSHIP, suppressSmallCells, type ScorecardAnswer, type Viewer } from '@ccb/read-models';
import { CurrentPrincipal, CurrentViewer, viewerOf } from '../auth/current-principal';
import type { Principal } from '../auth/principal';
import { Public, SignedIn } from '../auth/access-policy';

@ApiTags('read: principles scorecard')
@ReadsFrom('portfolio')
@Controller('scorecard')
export class ScorecardController {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelContext) {}

  @Get()
  @ApiOperation({ summary: 'Per OEWG principle: how many evaluations scored it, average, min and max (0–4)' })
  @Public()
  async summary(@Query() query: ScoreQuery, @CurrentPrincipal() principal: Principal | null): Promise<ScorecardAnswer> {
    const reader = await cellReader(this.readModels, principal && viewerOf(principal));
    // A principle scored in fewer than three partnerships, or one partnership asked for by id, is only for its parties.
    const items = suppressSmallCells(await scorecard(this.readModels, EVERY_PARTNERSHIP, query), reader, (s) => ({
      principle: s.principle,
      evaluations: null,
      average: null,
      min: null,
      max: null,
    }));
    return { items };
  }

  @Get('scores')
  @ApiOperation({ summary: "Evaluators' scores in force, with their evidence and the event ids it rests on" })
  @SignedIn()
  scores(@Query() query: ScoreQuery, @CurrentViewer() viewer: Viewer) {
    return listScores(this.readModels, viewer, query);
  }
}
