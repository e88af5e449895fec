import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandEndpoint } from '../event-sourcing/command-endpoint';
import { CommandMeta, type RequestCommandContext } from '../event-sourcing/command-context';
import { ExpenditureDto, FlowDto, InKindDto, RefundDto } from './dto/funding.dto';
import { ReasonDto } from '../common/shared.dto';
import { PartnershipCommandsGateway } from './partnership-commands.gateway';
import { IdPipe } from '../common/id.pipe';

const flow = <T extends { exchangeRate?: { toCurrency: string; rate: string } }>(dto: T) => ({ ...dto, exchangeRate: dto.exchangeRate ?? null });

@ApiTags('partnerships: funding')
@Controller('partnerships/:id')
export class FundingCommandsController {
  constructor(private readonly gateway: PartnershipCommandsGateway) {}

  @Post('commitments')
  @CommandEndpoint('Commit funding to a party', 'Your organisation (donor or implementer) is the provider. Amounts in integer minor units.')
  commit(@Param('id', IdPipe) id: string, @Body() dto: FlowDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    return this.gateway.send(res, id, meta, 'CommitFunding', flow(dto));
  }

  @Post('disbursements')
  @CommandEndpoint('Disburse committed funds', 'Never more than your organisation committed to that receiver in that currency.')
  disburse(@Param('id', IdPipe) id: string, @Body() dto: FlowDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    return this.gateway.send(res, id, meta, 'DisburseFunds', flow(dto));
  }

  @Post('refunds')
  @CommandEndpoint('Refund money your organisation received')
  refund(@Param('id', IdPipe) id: string, @Body() dto: RefundDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    return this.gateway.send(res, id, meta, 'RecordRefund', flow(dto));
  }

  @Post('in-kind-contributions')
  @CommandEndpoint('Record an in-kind contribution (equipment, staff time) with its value')
  inKind(@Param('id', IdPipe) id: string, @Body() dto: InKindDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    return this.gateway.send(res, id, meta, 'RecordInKindContribution', flow(dto));
  }

  @Post('expenditures')
  @CommandEndpoint('Record expenditure', 'Where it was spent and whether the supplier is local.')
  spend(@Param('id', IdPipe) id: string, @Body() dto: ExpenditureDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    return this.gateway.send(res, id, meta, 'RecordExpenditure', flow(dto));
  }

  @Post('expenditures/:flowId/void')
  @CommandEndpoint('Void an expenditure with a reason', 'A correction: the original stays in the history.')
  voidExpenditure(
    @Param('id', IdPipe) id: string,
    @Param('flowId', IdPipe) flowId: string,
    @Body() dto: ReasonDto,
    @CommandMeta() meta: RequestCommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.gateway.send(res, id, meta, 'VoidExpenditure', { flowId, reason: dto.reason });
  }
}
