import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import type { PartnershipCommandRequest } from '@ccb/domain';
import type { RequestCommandContext } from '../event-sourcing/command-context';
import { respond, type CommandResponse } from '../event-sourcing/command-response';
import type { CommandResult } from '../event-sourcing/command-executor';
import { ExecutePartnershipCommand } from './execute-partnership-command';

type DataOf<T extends PartnershipCommandRequest['type']> = Extract<PartnershipCommandRequest, { type: T }>['data'];

/** What every partnership controller does: wrap the DTO as a domain command, send it, answer with the revision. */
@Injectable()
export class PartnershipCommandsGateway {
  constructor(private readonly commands: CommandBus) {}

  async send<T extends PartnershipCommandRequest['type']>(res: Response, partnershipId: string, meta: RequestCommandContext, type: T, data: DataOf<T>): Promise<CommandResponse> {
    const command = { type, data, context: { userId: meta.userId, organisationId: meta.organisationId, roles: meta.roles, now: meta.now } } as PartnershipCommandRequest;
    const result = await this.commands.execute<ExecutePartnershipCommand, CommandResult>(new ExecutePartnershipCommand(partnershipId, command, meta));
    return respond(res, `/api/partnerships/${partnershipId}`, partnershipId, result);
  }
}
