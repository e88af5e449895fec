import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ExchangeRatesController, ExecuteExchangeRateCommandHandler } from './exchange-rates.controller';
import { ReferenceRates } from './reference-rates';

/** The dated rate table: recorded by administrators as events, read by every converted figure. */
@Module({
  imports: [CqrsModule],
  controllers: [ExchangeRatesController],
  providers: [ExecuteExchangeRateCommandHandler, ReferenceRates],
  exports: [ReferenceRates],
})
export class ExchangeRatesModule {}
