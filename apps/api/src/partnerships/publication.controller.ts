import { Body, Controller, Param, Post, Put, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandEndpoint } from '../event-sourcing/command-endpoint';
import { CommandMeta, type RequestCommandContext } from '../event-sourcing/command-context';
import { ReasonDto } from '../common/shared.dto';
import { IdPipe } from '../common/id.pipe';
import { BudgetDto, DocumentDto, PlannedDisbursementDto, RecipientAreasDto, SectorsDto } from './dto/publication.dto';
import { PartnershipCommandsGateway } from './partnership-commands.gateway';

const MONEY_SIDE = 'A donor or implementer of the partnership.';

/** What the partnership publishes to IATI: classifications, money plans and documents (docs/iati.md). */
@ApiTags('partnerships: publication (IATI)')
@Controller('partnerships/:id')
export class PublicationController {
  constructor(private readonly gateway: PartnershipCommandsGateway) {}

  @Put('sectors')
  @CommandEndpoint('Set the DAC sectors (CRS purpose codes) with their shares', `${MONEY_SIDE} Replaces the default its themes give; the percentages sum to exactly 100.`)
  sectors(@Param('id', IdPipe) id: string, @Body() dto: SectorsDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    return this.gateway.send(res, id, meta, 'AllocateSectors', { sectors: dto.sectors.map((s) => ({ ...s })) });
  }

  @Put('recipient-areas')
  @CommandEndpoint(
    'Set the recipient countries and regions with their shares',
    'Any party but the evaluator. For multi-country and regional programmes; without it the beneficiary country receives 100 %.',
  )
  recipientAreas(@Param('id', IdPipe) id: string, @Body() dto: RecipientAreasDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    return this.gateway.send(res, id, meta, 'SetRecipientAreas', { countries: dto.countries.map((c) => ({ ...c })), regions: dto.regions.map((r) => ({ ...r })) });
  }

  @Post('budgets')
  @CommandEndpoint('Plan a budget for a period of at most a year (original or revised)', MONEY_SIDE)
  budget(@Param('id', IdPipe) id: string, @Body() dto: BudgetDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    return this.gateway.send(res, id, meta, 'PlanBudget', { ...dto, amount: { ...dto.amount } });
  }

  @Post('budgets/:budgetId/void')
  @CommandEndpoint('Void a budget entered by mistake', `${MONEY_SIDE} The budget stays in the history.`)
  voidBudget(
    @Param('id', IdPipe) id: string,
    @Param('budgetId', IdPipe) budgetId: string,
    @Body() dto: ReasonDto,
    @CommandMeta() meta: RequestCommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.gateway.send(res, id, meta, 'VoidBudget', { budgetId, reason: dto.reason });
  }

  @Post('planned-disbursements')
  @CommandEndpoint('Plan a disbursement for a period', `${MONEY_SIDE} Your organisation is the provider; the receiver, when named, is a party.`)
  plannedDisbursement(@Param('id', IdPipe) id: string, @Body() dto: PlannedDisbursementDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    return this.gateway.send(res, id, meta, 'PlanDisbursement', { ...dto, amount: { ...dto.amount }, receiverId: dto.receiverId ?? null });
  }

  @Post('planned-disbursements/:plannedDisbursementId/void')
  @CommandEndpoint('Void a planned disbursement', MONEY_SIDE)
  voidPlannedDisbursement(
    @Param('id', IdPipe) id: string,
    @Param('plannedDisbursementId', IdPipe) plannedDisbursementId: string,
    @Body() dto: ReasonDto,
    @CommandMeta() meta: RequestCommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.gateway.send(res, id, meta, 'VoidPlannedDisbursement', { plannedDisbursementId, reason: dto.reason });
  }

  @Post('documents')
  @CommandEndpoint('Link a public document to the partnership or one of its milestones', 'Any party or the appointed evaluator, also after closure (an evaluation report).')
  document(@Param('id', IdPipe) id: string, @Body() dto: DocumentDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    return this.gateway.send(res, id, meta, 'LinkDocument', { ...dto, milestoneId: dto.milestoneId ?? null });
  }

  @Post('documents/:documentId/unlinking')
  @CommandEndpoint('Unlink a document (withdrawn, or linked by mistake)', 'Any party or the appointed evaluator.')
  unlinkDocument(
    @Param('id', IdPipe) id: string,
    @Param('documentId', IdPipe) documentId: string,
    @Body() dto: ReasonDto,
    @CommandMeta() meta: RequestCommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.gateway.send(res, id, meta, 'UnlinkDocument', { documentId, reason: dto.reason });
  }
}
