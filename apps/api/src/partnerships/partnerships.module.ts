import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ExchangeRatesModule } from '../exchange-rates/exchange-rates.module';
import { KnownOrganisations } from '../auth/known-organisations';
import { CorrectionsController } from '../corrections/corrections.controller';
import { DeliveryController } from './delivery.controller';
import { EvaluationController } from './evaluation.controller';
import { ExecutePartnershipCommandHandler } from './execute-partnership-command';
import { FundingCommandsController } from './funding.controller';
import { PartnershipCommandsGateway } from './partnership-commands.gateway';
import { PartnershipsController } from './partnerships.controller';
import { PublicationController } from './publication.controller';

@Module({
  imports: [CqrsModule, ExchangeRatesModule],
  controllers: [PartnershipsController, FundingCommandsController, DeliveryController, EvaluationController, CorrectionsController, PublicationController],
  providers: [ExecutePartnershipCommandHandler, PartnershipCommandsGateway, KnownOrganisations],
})
export class PartnershipsModule {}
