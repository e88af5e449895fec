import { CommandHandler, type ICommand, type ICommandHandler } from '@nestjs/cqrs';
import { partnershipDecider, RATED_FLOW_COMMANDS, type PartnershipCommand, type PartnershipCommandRequest } from '@ccb/domain';
import { KnownOrganisations } from '../auth/known-organisations';
import { ReferenceRates } from '../exchange-rates/reference-rates';
import { toEventMetadata, type RequestCommandContext } from '../event-sourcing/command-context';
import { CommandExecutor, type CommandResult } from '../event-sourcing/command-executor';

type RatedFlowRequest = Extract<PartnershipCommandRequest, { type: (typeof RATED_FLOW_COMMANDS)[number] }>;
const isRatedFlow = (r: PartnershipCommandRequest): r is RatedFlowRequest => (RATED_FLOW_COMMANDS as readonly string[]).includes(r.type);

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
    private readonly rates: ReferenceRates,
  ) {}

  async execute({ partnershipId, command: request, meta }: ExecutePartnershipCommand): Promise<CommandResult> {
    const command = await this.resolve(request);
    return this.executor.execute(partnershipDecider, {
      streamId: partnershipDecider.streamId(partnershipId),
      command,
      mustExist: command.type !== 'ProposePartnership',
      expectedRevision: meta.expectedRevision,
      idempotencyKey: meta.idempotencyKey,
      request: meta.request,
      metadata: toEventMetadata(meta),
      timings: meta.timings,
    });
  }

  /**
   * Facts of other streams, handed to `decide` with the command: whether a named party or evaluator is
   * registered, and the rate table's rate for a flow that carries its own.
   */
  private async resolve(request: PartnershipCommandRequest): Promise<PartnershipCommand> {
    if (request.type === 'InviteParty' || request.type === 'AppointEvaluator' || request.type === 'ReplaceEvaluator') {
      const registered = await this.organisations.exists(request.data.organisationId);
      return { ...request, data: { ...request.data, registered } } as PartnershipCommand;
    }
    if (isRatedFlow(request)) {
      const d = request.data;
      const referenceRate = d.exchangeRate ? await this.rates.find(d.amount.currency, d.exchangeRate.toCurrency, d.date) : null;
      return { ...request, data: { ...d, referenceRate } } as PartnershipCommand;
    }
    return request;
  }
}
