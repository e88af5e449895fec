import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { RuleViolation, type PartnershipCommand } from '@ccb/domain';
import { KnownOrganisations } from '../auth/known-organisations';
import type { RequestCommandContext } from '../common/command-context';
import { respond, type CommandResponse } from '../common/command-response';
import type { CommandResult } from '../event-sourcing/command-executor';
import { ExecutePartnershipCommand } from './execute-partnership-command';

type DataOf<T extends PartnershipCommand['type']> = Extract<PartnershipCommand, { type: T }>['data'];

/** What every partnership controller does: wrap the DTO as a domain command, send it, answer with the revision. */
@Injectable()
export class PartnershipCommandsGateway {
  constructor(
    private readonly commands: CommandBus,
    private readonly organisations: KnownOrganisations,
  ) {}

  async send<T extends PartnershipCommand['type']>(
    res: Response,
    partnershipId: string,
    meta: RequestCommandContext,
    type: T,
    data: DataOf<T>,
  ): Promise<CommandResponse> {
    await this.ensureRegistered(type, data);
    const command = { type, data, context: { userId: meta.userId, organisationId: meta.organisationId, roles: meta.roles, now: meta.now } } as PartnershipCommand;
    const result = await this.commands.execute<ExecutePartnershipCommand, CommandResult>(new ExecutePartnershipCommand(partnershipId, command, meta));
    return respond(res, `/api/partnerships/${partnershipId}`, partnershipId, result);
  }

  /**
   * Parties and evaluators are organisations of the registry (voluntary participation needs someone to
   * ask). The registry is public, so the answer is the same for every partnership id and tells nothing.
   */
  private async ensureRegistered(type: PartnershipCommand['type'], data: unknown): Promise<void> {
    if (type !== 'AddParty' && type !== 'AppointEvaluator') return;
    const organisationId = (data as { organisationId: string }).organisationId;
    if (!(await this.organisations.exists(organisationId))) {
      throw new RuleViolation('organisation.registered', `organisation ${organisationId} is not registered: an administrator registers it first`);
    }
  }
}
