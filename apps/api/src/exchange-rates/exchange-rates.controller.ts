import { Body, Controller, Get, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommand, type ICommandHandler } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { exchangeRateDecider, type ExchangeRateCommand, type RateQuote } from '@ccb/domain';
import { rateSets, ratesOfPair, type ReadModelContext } from '@ccb/read-models';
import { Public } from '../auth/access-policy';
import { CommandEndpoint } from '../event-sourcing/command-endpoint';
import { CommandMeta, toEventMetadata, type RequestCommandContext } from '../event-sourcing/command-context';
import { respond } from '../event-sourcing/command-response';
import { InvalidInputError } from '../common/invalid-input';
import { CommandExecutor, type CommandResult } from '../event-sourcing/command-executor';
import { READ_MODELS } from '../read-models/read-models.tokens';
import { ReadsFrom } from '../read-models/read-after.interceptor';
import { ImportRatesCsvDto, RecordRatesDto } from './exchange-rates.dto';
import { parseRateCsv, RateCsvError } from './rate-csv';
import { CurrencyPipe } from './currency.pipe';

export class ExecuteExchangeRateCommand implements ICommand {
  constructor(
    readonly command: ExchangeRateCommand,
    readonly meta: RequestCommandContext,
  ) {}
}

@CommandHandler(ExecuteExchangeRateCommand)
export class ExecuteExchangeRateCommandHandler implements ICommandHandler<ExecuteExchangeRateCommand, CommandResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ command, meta }: ExecuteExchangeRateCommand): Promise<CommandResult> {
    return this.executor.execute(exchangeRateDecider, {
      streamId: exchangeRateDecider.streamId(command.data.setId),
      command,
      mustExist: false,
      expectedRevision: meta.expectedRevision,
      idempotencyKey: meta.idempotencyKey,
      request: meta.request,
      metadata: toEventMetadata(meta),
      timings: meta.timings,
    });
  }
}

@ApiTags('exchange rates')
@Controller('exchange-rates')
export class ExchangeRatesController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(READ_MODELS) private readonly readModels: ReadModelContext,
  ) {}

  @Post()
  @CommandEndpoint(
    'Record a set of exchange rates from one source (administrators)',
    'Each rate: 1 base = rate quote on valueDate (a monthly average is dated the 1st). A set is never edited: a correction is a new set, which supersedes the same pair and date.',
  )
  record(@Body() dto: RecordRatesDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    return this.run(
      res,
      dto.setId ?? randomUUID(),
      dto.source,
      dto.rates.map((r) => ({ base: r.base, quote: r.quote, valueDate: r.valueDate, rate: r.rate })),
      meta,
    );
  }

  @Post('csv')
  @CommandEndpoint(
    'Import a published rate series from CSV (administrators)',
    'Layouts: base,quote,date,rate; the ECB data portal SDMX CSV (CURRENCY, CURRENCY_DENOM, TIME_PERIOD, OBS_VALUE); or a wide file such as eurofxref-hist.csv (Date,USD,JPY,... per `base`). Bad rows are reported with their line; nothing is half-imported.',
  )
  importCsv(@Body() dto: ImportRatesCsvDto, @CommandMeta() meta: RequestCommandContext, @Res({ passthrough: true }) res: Response) {
    let rates: RateQuote[];
    try {
      rates = parseRateCsv(dto.csv, { base: dto.base });
    } catch (error) {
      if (error instanceof RateCsvError) throw new InvalidInputError(error.problems.map((p) => ({ field: `csv line ${p.line}: ${p.field}`, reason: p.reason })));
      throw error;
    }
    return this.run(res, dto.setId ?? randomUUID(), dto.source, rates, meta);
  }

  @Get()
  @Public()
  @ReadsFrom('portfolio')
  @ApiOperation({ summary: 'The recorded rate sets and the currencies the table can convert between (any of them can be a reporting currency)' })
  sets() {
    return rateSets(this.readModels);
  }

  @Get(':base/:quote')
  @Public()
  @ReadsFrom('portfolio')
  @ApiOperation({ summary: 'The rates of one pair, either direction, newest first, with their sources' })
  async pair(@Param('base', CurrencyPipe) base: string, @Param('quote', CurrencyPipe) quote: string) {
    return { base, quote, items: await ratesOfPair(this.readModels, base, quote) };
  }

  private async run(res: Response, setId: string, source: string, rates: readonly RateQuote[], meta: RequestCommandContext) {
    const command: ExchangeRateCommand = { type: 'RecordExchangeRates', data: { setId, source, rates }, context: meta };
    const result = await this.commands.execute<ExecuteExchangeRateCommand, CommandResult>(new ExecuteExchangeRateCommand(command, meta));
    return respond(res, `/api/exchange-rates`, setId, result);
  }
}
