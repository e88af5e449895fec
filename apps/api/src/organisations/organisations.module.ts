import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CommandExecutor } from '../event-sourcing/command-executor';
import { ExecuteOrganisationCommandHandler, OrganisationsController } from './organisations.controller';

@Module({
  imports: [CqrsModule],
  controllers: [OrganisationsController],
  providers: [CommandExecutor, ExecuteOrganisationCommandHandler],
})
export class OrganisationsModule {}
