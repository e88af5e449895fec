import { Body, Controller, Param, Patch, Post, Res } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommand, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import {
  decideOrganisation,
  evolveOrganisation,
  initialOrganisationState,
  type OrganisationCommand,
  type OrganisationEvent,
  type OrganisationState,
} from '@ccb/domain';
import { CommandEndpoint } from '../common/command-endpoint';
import { CommandMeta, toEventMetadata, type RequestCommandContext } from '../common/command-context';
import { respond } from '../common/command-response';
import { CommandExecutor, type CommandResult, type Decider } from '../event-sourcing/command-executor';
import { IdPipe } from '../common/id.pipe';
import { RegisterOrganisationDto, UpdateOrganisationDto } from './organisation.dto';
import { organisationStreamId } from './organisation-stream';


const organisationDecider: Decider<OrganisationCommand, OrganisationEvent, OrganisationState> = {
  initialState: initialOrganisationState,
  decide: decideOrganisation,
  evolve: evolveOrganisation,
  upcast: (stored) => stored as unknown as OrganisationEvent,
};

export class ExecuteOrganisationCommand implements ICommand {
  constructor(
    readonly command: OrganisationCommand,
    readonly meta: RequestCommandContext,
  ) {}
}

@CommandHandler(ExecuteOrganisationCommand)
export class ExecuteOrganisationCommandHandler implements ICommandHandler<ExecuteOrganisationCommand, CommandResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ command, meta }: ExecuteOrganisationCommand): Promise<CommandResult> {
    return this.executor.execute(organisationDecider, {
      streamId: organisationStreamId(command.data.organisationId),
      command,
      mustExist: command.type !== 'RegisterOrganisation',
      expectedRevision: meta.expectedRevision,
      idempotencyKey: meta.idempotencyKey,
      request: meta.request,
      metadata: toEventMetadata(meta),
    });
  }
}

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
  @CommandEndpoint('Update an organisation profile or its points of contact')
  async update(@Param('id', IdPipe) id: string, @Body() dto: UpdateOrganisationDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    const changes = { ...dto, ...(dto.contacts ? { contacts: dto.contacts.map((c) => ({ ...c })) } : {}) };
    return this.run(res, id, { type: 'UpdateOrganisation', data: { ...changes, organisationId: id }, context: meta }, meta);
  }

  private async run(res: Response, id: string, command: OrganisationCommand, meta: RequestCommandContext) {
    const result = await this.commands.execute<ExecuteOrganisationCommand, CommandResult>(new ExecuteOrganisationCommand(command, meta));
    return respond(res, `/api/organisations/${id}`, id, result);
  }
}
