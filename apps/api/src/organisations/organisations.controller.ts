import { Body, Controller, Param, Patch, Post, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { OrganisationCommand } from '@ccb/domain';
import { CommandEndpoint } from '../event-sourcing/command-endpoint';
import { CommandMeta, type RequestCommandContext } from '../event-sourcing/command-context';
import { respond } from '../event-sourcing/command-response';
import type { CommandResult } from '../event-sourcing/command-executor';
import { ExecuteOrganisationCommand } from './execute-organisation-command';
import { IdPipe } from '../common/id.pipe';
import { ChangeProfileDto, IatiIdentityDto, RegisterOrganisationDto, UpdateOrganisationDto } from './organisation.dto';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint('Register an organisation', 'Country and kind classify cooperation (North–South, South–South, triangular, regional).')
  async register(@Body() dto: RegisterOrganisationDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    const { organisationId, ...profile } = dto;
    const id = organisationId ?? randomUUID();
    const contacts = profile.contacts.map((c) => ({ ...c }));
    return this.run(res, id, { type: 'RegisterOrganisation', data: { ...profile, contacts, organisationId: id }, context: meta }, meta);
  }

  @Patch(':id')
  @CommandEndpoint(
    'Update an organisation’s name or its points of contact',
    'The organisation itself or an administrator. Country, kind, region and development status change with an effective date: POST …/profile-changes.',
  )
  async update(@Param('id', IdPipe) id: string, @Body() dto: UpdateOrganisationDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    const changes = { ...dto, ...(dto.contacts ? { contacts: dto.contacts.map((c) => ({ ...c })) } : {}) };
    return this.run(res, id, { type: 'UpdateOrganisation', data: { ...changes, organisationId: id }, context: meta }, meta);
  }

  @Post(':id/profile-changes')
  @CommandEndpoint(
    'Reclassify an organisation (country, kind, region, development status) from an effective date',
    'Administrators only. Facts dated before the effective date keep the old classification in every metric; the replay agrees.',
  )
  async changeProfile(@Param('id', IdPipe) id: string, @Body() dto: ChangeProfileDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    const changes = Object.fromEntries(Object.entries({ ...dto.changes }).filter(([, v]) => v !== undefined));
    return this.run(
      res,
      id,
      { type: 'ChangeOrganisationProfile', data: { organisationId: id, effectiveFrom: dto.effectiveFrom, changes, reason: dto.reason }, context: meta },
      meta,
    );
  }

  @Put(':id/iati-identity')
  @CommandEndpoint(
    "Set an organisation's IATI organisation identifier and type",
    "Administrators only, from the registration agency's record (org-id.guide): the prefix of every activity identifier the organisation publishes, and how other publishers' files name it.",
  )
  async assignIatiIdentity(@Param('id', IdPipe) id: string, @Body() dto: IatiIdentityDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    return this.run(res, id, { type: 'AssignIatiIdentity', data: { organisationId: id, orgId: dto.orgId, orgType: dto.orgType }, context: meta }, meta);
  }

  private async run(res: Response, id: string, command: OrganisationCommand, meta: RequestCommandContext) {
    const result = await this.commands.execute<ExecuteOrganisationCommand, CommandResult>(new ExecuteOrganisationCommand(command, meta));
    return respond(res, `/api/organisations/${id}`, id, result);
  }
}
