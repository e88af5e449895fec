import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { getOrganisation, getPartnership, listOrganisations, listPartnerships, partnersOf, pendingInvitations, type ReadModelContext, type Viewer } from '@ccb/read-models';
import { IdPipe } from '../common/id.pipe';
import { OrganisationListQuery, PartnersQuery, PartnershipListQuery } from './dto/read-queries.dto';
import { orNotFound } from './not-found';
import { ReadsFrom } from './read-after.interceptor';
import { READ_MODELS } from './read-models.tokens';
import { CurrentViewer } from '../auth/current-principal';
import { SignedIn } from '../auth/access-policy';
import { ensureVisible } from './visibility';

@ApiTags('read: partnerships and organisations')
@ReadsFrom('portfolio')
@SignedIn()
@Controller()
export class PartnershipQueriesController {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelContext) {}

  @Get('partnerships')
  @ApiOperation({ summary: 'Your partnerships (those your organisation is a party to or evaluates), filtered, sorted and paged' })
  @ApiOkResponse({ description: '{ items, total, limit, offset }' })
  list(@Query() query: PartnershipListQuery, @CurrentViewer() viewer: Viewer) {
    return listPartnerships(this.readModels, viewer, query);
  }

  @Get('partnerships/:partnershipId')
  @ApiOperation({ summary: 'One partnership: parties, milestones, activities, indicators, counts' })
  async get(@Param('partnershipId', IdPipe) partnershipId: string, @CurrentViewer() viewer: Viewer) {
    await ensureVisible(this.readModels, viewer, partnershipId);
    return orNotFound(await getPartnership(this.readModels, partnershipId), 'partnership');
  }

  @Get('invitations')
  @ApiOperation({
    summary: 'Invitations your organisation has not answered yet (every one for the operator)',
    description: 'Accept at POST /api/partnerships/{id}/invitations/acceptance, decline at …/declination. Until then the organisation is no party.',
  })
  @ApiOkResponse({ description: '{ items: [{ partnershipId, title, beneficiaryCountry, phase, organisationId, role, invitedBy, invitedAt }] }' })
  async invitations(@CurrentViewer() viewer: Viewer) {
    return { items: await pendingInvitations(this.readModels, viewer) };
  }

  @Get('organisations')
  @ApiOperation({ summary: 'Organisations with the roles they hold and how many partnerships' })
  organisations(@Query() query: OrganisationListQuery) {
    return listOrganisations(this.readModels, query);
  }

  @Get('organisations/:id')
  @ApiOperation({ summary: 'One organisation' })
  async organisation(@Param('id', IdPipe) organisationId: string) {
    return orNotFound(await getOrganisation(this.readModels, organisationId), 'organisation');
  }

  @Get('organisations/:id/partners')
  @ApiOperation({ summary: 'Its partners by role: the organisations it shares partnerships with' })
  async partners(@Param('id', IdPipe) organisationId: string, @Query() query: PartnersQuery) {
    orNotFound(await getOrganisation(this.readModels, organisationId), 'organisation');
    return { items: await partnersOf(this.readModels, organisationId, query.role) };
  }
}
