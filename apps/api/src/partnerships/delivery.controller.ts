import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandEndpoint } from '../event-sourcing/command-endpoint';
import { CommandMeta, type RequestCommandContext } from '../event-sourcing/command-context';
import {
  ConfirmMilestoneDto,
  DefineIndicatorDto,
  DisputeMilestoneDto,
  MilestoneAchievedDto,
  PlanMilestoneDto,
  RaiseRiskDto,
  RecordActivityDto,
  RecordMeasurementDto,
  ResolveRiskDto,
} from './dto/delivery.dto';
import { PartnershipCommandsGateway } from './partnership-commands.gateway';
import { IdPipe } from '../common/id.pipe';

@ApiTags('partnerships: delivery and monitoring')
@Controller('partnerships/:id')
export class DeliveryController {
  constructor(private readonly gateway: PartnershipCommandsGateway) {}

  @Post('milestones')
  @CommandEndpoint('Plan a milestone', 'Implementer.')
  plan(@Param('id', IdPipe) id: string, @Body() dto: PlanMilestoneDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    return this.gateway.send(res, id, meta, 'PlanMilestone', { ...dto, objectiveId: dto.objectiveId ?? null });
  }

  @Post('milestones/:milestoneId/achievement')
  @CommandEndpoint('Report a milestone achieved, with evidence', 'Implementer.')
  achieve(
    @Param('id', IdPipe) id: string,
    @Param('milestoneId', IdPipe) milestoneId: string,
    @Body() dto: MilestoneAchievedDto,
    @CommandMeta() meta: RequestCommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const evidence = dto.evidence.map((e) => ({ description: e.description, uri: e.uri ?? null }));
    return this.gateway.send(res, id, meta, 'ReportMilestoneAchieved', { milestoneId, achievedOn: dto.achievedOn, evidence });
  }

  @Post('milestones/:milestoneId/confirmation')
  @CommandEndpoint('Confirm a milestone was delivered', 'Beneficiary, once it is reported achieved.')
  confirm(
    @Param('id', IdPipe) id: string,
    @Param('milestoneId', IdPipe) milestoneId: string,
    @Body() dto: ConfirmMilestoneDto,
    @CommandMeta() meta: RequestCommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.gateway.send(res, id, meta, 'ConfirmMilestone', { milestoneId, note: dto.note ?? '' });
  }

  @Post('milestones/:milestoneId/dispute')
  @CommandEndpoint('Dispute a milestone reported achieved', 'Beneficiary, with the reason.')
  dispute(
    @Param('id', IdPipe) id: string,
    @Param('milestoneId', IdPipe) milestoneId: string,
    @Body() dto: DisputeMilestoneDto,
    @CommandMeta() meta: RequestCommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.gateway.send(res, id, meta, 'DisputeMilestone', { milestoneId, reason: dto.reason });
  }

  @Post('activities')
  @CommandEndpoint('Record an activity delivered', 'Implementer. Participants by sex, language of instruction, local and foreign trainers.')
  activity(@Param('id', IdPipe) id: string, @Body() dto: RecordActivityDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    return this.gateway.send(res, id, meta, 'RecordActivity', {
      ...dto,
      participants: { ...dto.participants },
      trainers: { ...dto.trainers },
      trainedByActivityId: dto.trainedByActivityId ?? null,
      objectiveId: dto.objectiveId ?? null,
    });
  }

  @Post('indicators')
  @CommandEndpoint('Define an indicator with baseline and target')
  indicator(@Param('id', IdPipe) id: string, @Body() dto: DefineIndicatorDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    return this.gateway.send(res, id, meta, 'DefineIndicator', { ...dto });
  }

  @Post('indicators/:indicatorId/measurements')
  @CommandEndpoint('Record a measured value of an indicator')
  measure(
    @Param('id', IdPipe) id: string,
    @Param('indicatorId', IdPipe) indicatorId: string,
    @Body() dto: RecordMeasurementDto,
    @CommandMeta() meta: RequestCommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.gateway.send(res, id, meta, 'RecordMeasurement', { indicatorId, value: dto.value, measuredOn: dto.measuredOn, note: dto.note ?? '' });
  }

  @Post('risks')
  @CommandEndpoint('Raise a risk or an issue', 'Any party, also while suspended.')
  risk(@Param('id', IdPipe) id: string, @Body() dto: RaiseRiskDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    return this.gateway.send(res, id, meta, 'RaiseRisk', { ...dto });
  }

  @Post('risks/:riskId/resolution')
  @CommandEndpoint('Resolve a risk or an issue')
  resolve(
    @Param('id', IdPipe) id: string,
    @Param('riskId', IdPipe) riskId: string,
    @Body() dto: ResolveRiskDto,
    @CommandMeta() meta: RequestCommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.gateway.send(res, id, meta, 'ResolveRisk', { riskId, resolution: dto.resolution });
  }
}
