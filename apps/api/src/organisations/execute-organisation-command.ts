import { CommandHandler, type ICommand, type ICommandHandler } from '@nestjs/cqrs';
import { organisationDecider, type OrganisationCommand } from '@ccb/domain';
import { toEventMetadata, type RequestCommandContext } from '../event-sourcing/command-context';
import { CommandExecutor, type CommandResult } from '../event-sourcing/command-executor';

/** One command on one organisation's stream, as the HTTP layer (or the demo loader) hands it over. */
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
      streamId: organisationDecider.streamId(command.data.organisationId),
      command,
      mustExist: command.type !== 'RegisterOrganisation',
      expectedRevision: meta.expectedRevision,
      idempotencyKey: meta.idempotencyKey,
      request: meta.request,
      metadata: toEventMetadata(meta),
      timings: meta.timings,
    });
  }
}
