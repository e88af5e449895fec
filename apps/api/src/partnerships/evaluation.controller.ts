import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandEndpoint } from '../event-sourcing/command-endpoint';
import { CommandMeta, type RequestCommandContext } from '../event-sourcing/command-context';
import { AppointEvaluatorDto, ClosePartnershipDto, RecordEvaluationDto, RecordMidTermReviewDto } from './dto/evaluation.dto';
import { PartnershipCommandsGateway } from './partnership-commands.gateway';
import { IdPipe } from '../common/id.pipe';

@ApiTags('partnerships: evaluation and closure')
@Controller('partnerships/:id')
export class EvaluationController {
  constructor(private readonly gateway: PartnershipCommandsGateway) {}

  @Post('evaluators')
  @CommandEndpoint('Appoint an independent evaluator', 'Donor. The evaluator may not be a party.')
  appoint(@Param('id', IdPipe) id: string, @Body() dto: AppointEvaluatorDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    return this.gateway.send(res, id, meta, 'AppointEvaluator', { ...dto });
  }

  @Post('evaluations')
  @CommandEndpoint('Record evaluation findings: a score and evidence per OEWG principle', 'Appointed evaluator. After closure, only corrections (corrects set).')
  evaluate(@Param('id', IdPipe) id: string, @Body() dto: RecordEvaluationDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    return this.gateway.send(res, id, meta, 'RecordEvaluation', {
      evaluationId: dto.evaluationId,
      corrects: dto.corrects ?? null,
      scores: dto.scores.map((s) => ({ principle: s.principle, score: s.score, evidence: s.evidence, eventIds: s.eventIds })),
      findings: dto.findings,
      lessons: dto.lessons,
    });
  }

  @Post('mid-term-reviews')
  @CommandEndpoint(
    'Record a mid-term review while monitoring goes on',
    'A party or the appointed evaluator, in monitoring; the phase stays as it is. Scores per principle are optional and provisional.',
  )
  review(@Param('id', IdPipe) id: string, @Body() dto: RecordMidTermReviewDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    return this.gateway.send(res, id, meta, 'RecordMidTermReview', {
      reviewId: dto.reviewId,
      scores: dto.scores.map((s) => ({ principle: s.principle, score: s.score, evidence: s.evidence, eventIds: s.eventIds })),
      findings: dto.findings,
      recommendations: dto.recommendations,
    });
  }

  @Post('closure')
  @CommandEndpoint('Close the partnership with its outcome and handover', 'From evaluation only.')
  close(@Param('id', IdPipe) id: string, @Body() dto: ClosePartnershipDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    const h = dto.handover;
    return this.gateway.send(res, id, meta, 'ClosePartnership', {
      outcome: dto.outcome,
      summary: dto.summary,
      handover: { done: h.done, institutionId: h.institutionId ?? null, date: h.date ?? null },
    });
  }
}
