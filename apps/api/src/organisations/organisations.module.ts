import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CommandExecutor } from '../event-sourcing/command-executor';
import { IdempotencyKeys } from '../event-sourcing/idempotency-keys';
import { ExecuteOrganisationCommandHandler } from './execute-organisation-command';
import { OrganisationsController } from './organisations.controller';

@Module({
  imports: [CqrsModule],
  controllers: [OrganisationsController],
  providers: [CommandExecutor, IdempotencyKeys, ExecuteOrganisationCommandHandler],
})
export class OrganisationsModule {}
