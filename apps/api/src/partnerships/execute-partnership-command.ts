import { CommandHandler, type ICommand, type ICommandHandler } from '@nestjs/cqrs';
import {
  decide,
  evolve,
  initialPartnershipState,
  upcastPartnershipEvent,
  type PartnershipCommand,
  type PartnershipCommandRequest,
  type PartnershipEvent,
  type PartnershipState,
} from '@ccb/domain';
import { KnownOrganisations } from '../auth/known-organisations';
import { toEventMetadata, type RequestCommandContext } from '../common/command-context';
import { CommandExecutor, type CommandResult, type Decider } from '../event-sourcing/command-executor';

export const partnershipStreamId = (partnershipId: string) => `partnership-${partnershipId}`;

const partnershipDecider: Decider<PartnershipCommand, PartnershipEvent, PartnershipState> = {
  initialState: initialPartnershipState,
  decide,
  evolve,
  upcast: upcastPartnershipEvent,
  isParty: (state, organisationId) => state.parties.has(organisationId),
};

/** One user action on one partnership, as the HTTP layer hands it over. */
export class ExecutePartnershipCommand implements ICommand {
  constructor(
    readonly partnershipId: string,
    readonly command: PartnershipCommandRequest,
    readonly meta: RequestCommandContext,
  ) {}
}

@CommandHandler(ExecutePartnershipCommand)
export class ExecutePartnershipCommandHandler implements ICommandHandler<ExecutePartnershipCommand, CommandResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly organisations: KnownOrganisations,
  ) {}

  async execute({ partnershipId, command: request, meta }: ExecutePartnershipCommand): Promise<CommandResult> {
    const command = await this.resolve(request);
    return this.executor.execute(partnershipDecider, {
      streamId: partnershipStreamId(partnershipId),
      command,
      mustExist: command.type !== 'ProposePartnership',
      expectedRevision: meta.expectedRevision,
      idempotencyKey: meta.idempotencyKey,
      request: meta.request,
      metadata: toEventMetadata(meta),
    });
  }

  /** Whether a named party or evaluator is registered: a fact of another stream, handed to `decide` with the command. */
  private async resolve(request: PartnershipCommandRequest): Promise<PartnershipCommand> {
    if (request.type !== 'AddParty' && request.type !== 'AppointEvaluator') return request;
    const registered = await this.organisations.exists(request.data.organisationId);
    return { ...request, data: { ...request.data, registered } } as PartnershipCommand;
  }
}
