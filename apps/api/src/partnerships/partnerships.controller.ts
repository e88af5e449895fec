import { Body, Controller, Param, ParseIntPipe, Post, Put, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { CommandEndpoint } from '../event-sourcing/command-endpoint';
import { CommandMeta, type RequestCommandContext } from '../event-sourcing/command-context';
import { IdPipe } from '../common/id.pipe';
import { PartnershipCommandsGateway } from './partnership-commands.gateway';
import { ReasonDto } from '../common/shared.dto';
import {
  AnswerInvitationDto,
  DeclineInvitationDto,
  InvitePartyDto,
  AdvancePhaseDto,
  BaselineCommitmentDto,
  EndorsePlanDto,
  ProposePartnershipDto,
  ProposePlanVersionDto,
  StateLanguagesDto,
  StateNeedDto,
  TagsDto,
} from './dto/partnership.dto';

@ApiTags('partnerships: scoping and co-design')
@Controller('partnerships')
export class PartnershipsController {
  constructor(private readonly gateway: PartnershipCommandsGateway) {}

  @Post()
  @CommandEndpoint('Propose a partnership', 'Starts scoping. The proposing organisation joins in the role it names.')
  propose(@Body() dto: ProposePartnershipDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    const { partnershipId, plannedEnd, ...rest } = dto;
    const id = partnershipId ?? randomUUID();
    return this.gateway.send(res, id, meta, 'ProposePartnership', { ...rest, partnershipId: id, plannedEnd: plannedEnd ?? null });
  }

  @Post(':id/parties')
  @CommandEndpoint(
    'Invite an organisation to be a donor, implementer or beneficiary',
    'A party. Participation is voluntary: the organisation joins when it accepts (consortia are normal). A party taking on another role itself joins at once.',
  )
  inviteParty(@Param('id', IdPipe) id: string, @Body() dto: InvitePartyDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    return this.gateway.send(res, id, meta, 'InviteParty', { organisationId: dto.organisationId, role: dto.role });
  }

  @Post(':id/invitations/acceptance')
  @CommandEndpoint('Accept an invitation: your organisation joins in the role', 'The invited organisation, with a user holding that role.')
  acceptInvitation(@Param('id', IdPipe) id: string, @Body() dto: AnswerInvitationDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    return this.gateway.send(res, id, meta, 'AcceptInvitation', { role: dto.role });
  }

  @Post(':id/invitations/declination')
  @CommandEndpoint('Decline an invitation, saying why', 'The invited organisation, with a user holding that role. The reason is shown to the parties.')
  declineInvitation(@Param('id', IdPipe) id: string, @Body() dto: DeclineInvitationDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    return this.gateway.send(res, id, meta, 'DeclineInvitation', { role: dto.role, reason: dto.reason });
  }

  @Post(':id/needs')
  @CommandEndpoint('State a need, national priority, gap or needs assessment', 'Beneficiary only. Confidential ones stay among the parties.')
  stateNeed(@Param('id', IdPipe) id: string, @Body() dto: StateNeedDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    return this.gateway.send(res, id, meta, 'StateNeed', dto);
  }

  @Put(':id/languages')
  @CommandEndpoint('State the languages of instruction the beneficiary wants', 'Beneficiary only; ISO 639-1 codes.')
  stateLanguages(@Param('id', IdPipe) id: string, @Body() dto: StateLanguagesDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    return this.gateway.send(res, id, meta, 'StateLanguages', dto);
  }

  @Post(':id/plan-versions')
  @CommandEndpoint('Propose a new version of the co-designed plan', 'Each version needs fresh endorsements.')
  proposePlan(@Param('id', IdPipe) id: string, @Body() dto: ProposePlanVersionDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    return this.gateway.send(res, id, meta, 'ProposePlanVersion', dto);
  }

  @Post(':id/plan-versions/:version/endorsements')
  @CommandEndpoint('Endorse a plan version in your role', 'Delivery needs the beneficiary, a donor and an implementer on the current version.')
  endorse(
    @Param('id', IdPipe) id: string,
    @Param('version', ParseIntPipe) version: number,
    @Body() dto: EndorsePlanDto,
    @CommandMeta() meta: RequestCommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.gateway.send(res, id, meta, 'EndorsePlan', { version, role: dto.role });
  }

  @Post(':id/baseline-commitments')
  @CommandEndpoint('Record a baseline commitment (human rights, civil-society participation...)')
  baseline(@Param('id', IdPipe) id: string, @Body() dto: BaselineCommitmentDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    return this.gateway.send(res, id, meta, 'RecordBaselineCommitment', dto);
  }

  @Put(':id/tags')
  @CommandEndpoint('Retag themes, levels, SDGs and the gender marker')
  tag(@Param('id', IdPipe) id: string, @Body() dto: TagsDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    return this.gateway.send(res, id, meta, 'TagPartnership', dto);
  }

  @Post(':id/phase-transitions')
  @CommandEndpoint('Move to the next phase', 'scoping -> co-design -> delivery <-> monitoring -> evaluation; closing has its own endpoint.')
  advance(@Param('id', IdPipe) id: string, @Body() dto: AdvancePhaseDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    return this.gateway.send(res, id, meta, 'AdvancePhase', dto);
  }

  @Post(':id/suspension')
  @CommandEndpoint('Suspend the partnership', 'Donor or implementer. Work stops until it resumes; risks and corrections stay possible.')
  suspend(@Param('id', IdPipe) id: string, @Body() dto: ReasonDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    return this.gateway.send(res, id, meta, 'SuspendPartnership', dto);
  }

  @Post(':id/resumption')
  @CommandEndpoint('Resume a suspended partnership in the phase it was in')
  resume(@Param('id', IdPipe) id: string, @Body() dto: ReasonDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    return this.gateway.send(res, id, meta, 'ResumePartnership', dto);
  }
}
