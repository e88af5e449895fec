import { CommandHandler, type ICommand, type ICommandHandler } from '@nestjs/cqrs';
import {
  decide,
  evolve,
  initialPartnershipState,
  upcastPartnershipEvent,
  type PartnershipCommand,
  type PartnershipEvent,
  type PartnershipState,
} from '@ccb/domain';
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
    readonly command: PartnershipCommand,
    readonly meta: RequestCommandContext,
  ) {}
}

@CommandHandler(ExecutePartnershipCommand)
export class ExecutePartnershipCommandHandler implements ICommandHandler<ExecutePartnershipCommand, CommandResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ partnershipId, command, meta }: ExecutePartnershipCommand): Promise<CommandResult> {
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
}
