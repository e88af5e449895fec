import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ExecuteOrganisationCommandHandler } from './execute-organisation-command';
import { OrganisationsController } from './organisations.controller';

@Module({
  imports: [CqrsModule],
  controllers: [OrganisationsController],
  providers: [ExecuteOrganisationCommandHandler],
})
export class OrganisationsModule {}
