import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { OrganisationsModule } from '../organisations/organisations.module';
import { PartnershipsModule } from '../partnerships/partnerships.module';
import { DemoLoader } from './demo-loader';

@Module({ imports: [CqrsModule, OrganisationsModule, PartnershipsModule], providers: [DemoLoader], exports: [DemoLoader] })
export class DemoModule {}
