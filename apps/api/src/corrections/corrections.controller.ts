import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandEndpoint } from '../event-sourcing/command-endpoint';
import { CommandMeta, type RequestCommandContext } from '../event-sourcing/command-context';
import { IdPipe } from '../common/id.pipe';
import { ReasonDto } from '../common/shared.dto';
import { PartnershipCommandsGateway } from '../partnerships/partnership-commands.gateway';
import {
  AmendCommitmentDto,
  AmendPartnershipDto,
  ChangePlannedDatesDto,
  CorrectActivityDto,
  CorrectClosureDto,
  CorrectFlowDto,
  LeaveDto,
  NeedConfidentialityDto,
  ReplaceEvaluatorDto,
  RescheduleMilestoneDto,
  ReviseIndicatorDto,
  WithdrawBaselineDto,
  ReprioritiseNeedsDto,
  VoidMeasurementDto,
  WithdrawInvitationDto,
} from './corrections.dto';

const WHO_MONEY = 'Its author (the provider; for a refund the organisation that gave the money back; for expenditure the spender) or a donor of the partnership.';

/** Corrections: each a new event with its reason, the original kept in the history. */
@ApiTags('partnerships: corrections')
@Controller('partnerships/:id')
export class CorrectionsController {
  constructor(private readonly gateway: PartnershipCommandsGateway) {}

  @Post('commitments/:flowId/amendment')
  @CommandEndpoint('Amend a commitment: a new amount (same currency) or date', `${WHO_MONEY} Never below what was disbursed under it.`)
  amendCommitment(
    @Param('id', IdPipe) id: string,
    @Param('flowId', IdPipe) flowId: string,
    @Body() dto: AmendCommitmentDto,
    @CommandMeta() meta: RequestCommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.gateway.send(res, id, meta, 'AmendCommitment', {
      flowId,
      reason: dto.reason,
      ...(dto.amount ? { amount: { ...dto.amount } } : {}),
      ...(dto.date ? { date: dto.date } : {}),
    });
  }

  @Post('commitments/:flowId/deobligation')
  @CommandEndpoint('De-obligate what is left of a commitment', `${WHO_MONEY} The commitment is lowered to what was disbursed from it (cancelled if nothing was).`)
  deobligate(
    @Param('id', IdPipe) id: string,
    @Param('flowId', IdPipe) flowId: string,
    @Body() dto: ReasonDto,
    @CommandMeta() meta: RequestCommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.gateway.send(res, id, meta, 'DeobligateCommitment', { flowId, reason: dto.reason });
  }

  @Post('commitments/:flowId/cancellation')
  @CommandEndpoint('Cancel a commitment', `${WHO_MONEY} Only while the money disbursed under it stays covered by other commitments.`)
  cancelCommitment(
    @Param('id', IdPipe) id: string,
    @Param('flowId', IdPipe) flowId: string,
    @Body() dto: ReasonDto,
    @CommandMeta() meta: RequestCommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.gateway.send(res, id, meta, 'CancelCommitment', { flowId, reason: dto.reason });
  }

  @Post('flows/:flowId/void')
  @CommandEndpoint('Void a disbursement, a refund or an in-kind contribution', `${WHO_MONEY} Expenditure is voided at /expenditures/{flowId}/void.`)
  voidFlow(
    @Param('id', IdPipe) id: string,
    @Param('flowId', IdPipe) flowId: string,
    @Body() dto: ReasonDto,
    @CommandMeta() meta: RequestCommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.gateway.send(res, id, meta, 'VoidFlow', { flowId, reason: dto.reason });
  }

  @Post('flows/:flowId/correction')
  @CommandEndpoint("Correct a flow's value date or its recorded rate", `${WHO_MONEY} Leave a field out to keep it; clearRate removes the rate.`)
  correctFlow(
    @Param('id', IdPipe) id: string,
    @Param('flowId', IdPipe) flowId: string,
    @Body() dto: CorrectFlowDto,
    @CommandMeta() meta: RequestCommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const rate = dto.clearRate ? { exchangeRate: null } : dto.exchangeRate ? { exchangeRate: { ...dto.exchangeRate } } : {};
    return this.gateway.send(res, id, meta, 'CorrectFlow', { flowId, reason: dto.reason, ...(dto.date ? { date: dto.date } : {}), ...rate });
  }

  @Post('activities/:activityId/correction')
  @CommandEndpoint('Correct an activity (participants, hours, trainers, languages, dates)', 'Implementer. The whole activity as it should read; its type stays.')
  correctActivity(
    @Param('id', IdPipe) id: string,
    @Param('activityId', IdPipe) activityId: string,
    @Body() dto: CorrectActivityDto,
    @CommandMeta() meta: RequestCommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.gateway.send(res, id, meta, 'CorrectActivity', {
      ...dto,
      activityId,
      participants: { ...dto.participants },
      trainers: { ...dto.trainers },
      trainedByActivityId: dto.trainedByActivityId ?? null,
      objectiveId: dto.objectiveId ?? null,
    });
  }

  @Post('activities/:activityId/void')
  @CommandEndpoint('Void an activity recorded by mistake', 'Implementer. Not while another activity names it as where its trainers were trained.')
  voidActivity(
    @Param('id', IdPipe) id: string,
    @Param('activityId', IdPipe) activityId: string,
    @Body() dto: ReasonDto,
    @CommandMeta() meta: RequestCommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.gateway.send(res, id, meta, 'VoidActivity', { activityId, reason: dto.reason });
  }

  @Post('milestones/:milestoneId/reschedule')
  @CommandEndpoint('Reschedule a milestone', 'Implementer. Not once confirmed.')
  reschedule(
    @Param('id', IdPipe) id: string,
    @Param('milestoneId', IdPipe) milestoneId: string,
    @Body() dto: RescheduleMilestoneDto,
    @CommandMeta() meta: RequestCommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.gateway.send(res, id, meta, 'RescheduleMilestone', { milestoneId, dueDate: dto.dueDate, reason: dto.reason });
  }

  @Post('milestones/:milestoneId/cancellation')
  @CommandEndpoint('Cancel a milestone', 'Implementer. A confirmed milestone needs the confirmation retracted first.')
  cancelMilestone(
    @Param('id', IdPipe) id: string,
    @Param('milestoneId', IdPipe) milestoneId: string,
    @Body() dto: ReasonDto,
    @CommandMeta() meta: RequestCommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.gateway.send(res, id, meta, 'CancelMilestone', { milestoneId, reason: dto.reason });
  }

  @Post('milestones/:milestoneId/validation-retraction')
  @CommandEndpoint('Retract a confirmation or a dispute', 'Beneficiary. The milestone awaits its answer again; the reason is shown to the other parties.')
  retract(
    @Param('id', IdPipe) id: string,
    @Param('milestoneId', IdPipe) milestoneId: string,
    @Body() dto: ReasonDto,
    @CommandMeta() meta: RequestCommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.gateway.send(res, id, meta, 'RetractMilestoneValidation', { milestoneId, reason: dto.reason });
  }

  @Post('indicators/:indicatorId/revision')
  @CommandEndpoint("Revise an indicator's baseline or target", 'Any party. The history keeps the original beside the revision.')
  revise(
    @Param('id', IdPipe) id: string,
    @Param('indicatorId', IdPipe) indicatorId: string,
    @Body() dto: ReviseIndicatorDto,
    @CommandMeta() meta: RequestCommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.gateway.send(res, id, meta, 'ReviseIndicator', {
      indicatorId,
      reason: dto.reason,
      ...(dto.baseline !== undefined ? { baseline: dto.baseline } : {}),
      ...(dto.target !== undefined ? { target: dto.target } : {}),
    });
  }

  @Post('amendment')
  @CommandEndpoint("Amend the partnership's title or summary", 'Any party but the evaluator.')
  amend(@Param('id', IdPipe) id: string, @Body() dto: AmendPartnershipDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    return this.gateway.send(res, id, meta, 'AmendPartnership', {
      reason: dto.reason,
      ...(dto.title !== undefined ? { title: dto.title } : {}),
      ...(dto.summary !== undefined ? { summary: dto.summary } : {}),
    });
  }

  @Post('planned-dates')
  @CommandEndpoint('Extend or shorten the planned period (a no-cost extension)', 'Donor or implementer.')
  plannedDates(@Param('id', IdPipe) id: string, @Body() dto: ChangePlannedDatesDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    const end = dto.openEnded ? { plannedEnd: null } : dto.plannedEnd ? { plannedEnd: dto.plannedEnd } : {};
    return this.gateway.send(res, id, meta, 'ChangePlannedDates', { reason: dto.reason, ...(dto.plannedStart ? { plannedStart: dto.plannedStart } : {}), ...end });
  }

  @Post('needs/:needId/withdrawal')
  @CommandEndpoint('Withdraw a need', 'Beneficiary. Not while the current plan version links it.')
  withdrawNeed(
    @Param('id', IdPipe) id: string,
    @Param('needId', IdPipe) needId: string,
    @Body() dto: ReasonDto,
    @CommandMeta() meta: RequestCommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.gateway.send(res, id, meta, 'WithdrawNeed', { needId, reason: dto.reason });
  }

  @Post('needs/reprioritisation')
  @CommandEndpoint('Rank the needs anew, most pressing first', 'Beneficiary. The ranking names every need still stated, each once.')
  reprioritiseNeeds(@Param('id', IdPipe) id: string, @Body() dto: ReprioritiseNeedsDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    return this.gateway.send(res, id, meta, 'ReprioritiseNeeds', { needIds: [...dto.needIds], reason: dto.reason });
  }

  @Post('invitations/withdrawal')
  @CommandEndpoint('Withdraw an invitation not yet answered', 'The party that sent it.')
  withdrawInvitation(@Param('id', IdPipe) id: string, @Body() dto: WithdrawInvitationDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    return this.gateway.send(res, id, meta, 'WithdrawInvitation', { organisationId: dto.organisationId, role: dto.role, reason: dto.reason });
  }

  @Post('indicators/:indicatorId/measurements/void')
  @CommandEndpoint('Void a wrong measurement', 'A party. Names the measurement by its date and value; the last one recorded that matches is voided.')
  voidMeasurement(
    @Param('id', IdPipe) id: string,
    @Param('indicatorId', IdPipe) indicatorId: string,
    @Body() dto: VoidMeasurementDto,
    @CommandMeta() meta: RequestCommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.gateway.send(res, id, meta, 'VoidMeasurement', { indicatorId, measuredOn: dto.measuredOn, value: dto.value, reason: dto.reason });
  }

  @Post('needs/:needId/confidentiality')
  @CommandEndpoint('Classify or declassify a need', "Beneficiary. A confidential need's text is shown to the partnership's parties only, and never exported.")
  needConfidentiality(
    @Param('id', IdPipe) id: string,
    @Param('needId', IdPipe) needId: string,
    @Body() dto: NeedConfidentialityDto,
    @CommandMeta() meta: RequestCommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.gateway.send(res, id, meta, 'ChangeNeedConfidentiality', { needId, confidential: dto.confidential, reason: dto.reason });
  }

  @Post('baseline-commitments/withdrawal')
  @CommandEndpoint('Withdraw a baseline commitment', 'A party.')
  withdrawBaseline(@Param('id', IdPipe) id: string, @Body() dto: WithdrawBaselineDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    return this.gateway.send(res, id, meta, 'WithdrawBaselineCommitment', { commitment: dto.commitment, reason: dto.reason });
  }

  @Post('parties/departures')
  @CommandEndpoint('Leave the partnership in a role (a donor withdraws), from an effective date', 'Your organisation, in a role it holds. The only beneficiary cannot leave.')
  leave(@Param('id', IdPipe) id: string, @Body() dto: LeaveDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    return this.gateway.send(res, id, meta, 'LeavePartnership', { role: dto.role, effectiveDate: dto.effectiveDate, reason: dto.reason });
  }

  @Post('evaluators/replacement')
  @CommandEndpoint('Replace the evaluator', 'A donor. The new evaluator must be registered and independent; it may correct the evaluations of the one it replaces.')
  replaceEvaluator(@Param('id', IdPipe) id: string, @Body() dto: ReplaceEvaluatorDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    return this.gateway.send(res, id, meta, 'ReplaceEvaluator', { previousId: dto.previousId, organisationId: dto.organisationId, reason: dto.reason });
  }

  @Post('cancellation')
  @CommandEndpoint('Cancel the partnership before delivery begins', 'A party, from scoping or co-design (IATI status 5, cancelled).')
  cancel(@Param('id', IdPipe) id: string, @Body() dto: ReasonDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    return this.gateway.send(res, id, meta, 'CancelPartnership', { reason: dto.reason });
  }

  @Post('closure/correction')
  @CommandEndpoint("Correct a closure's outcome, summary or handover", 'A donor or implementer, after closing.')
  correctClosure(@Param('id', IdPipe) id: string, @Body() dto: CorrectClosureDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    const h = dto.handover;
    return this.gateway.send(res, id, meta, 'CorrectClosure', {
      outcome: dto.outcome,
      summary: dto.summary,
      handover: { done: h.done, institutionId: h.institutionId ?? null, date: h.date ?? null },
      reason: dto.reason,
    });
  }
}
