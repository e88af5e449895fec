import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { orNotFound } from './not-found';
import { ProjectionsService, type ProjectionName } from './projections.service';
import { RolesAllowed } from '../auth/access-policy';

@ApiTags('read: projections')
@RolesAllowed('admin')
@Controller('projections')
export class ProjectionsController {
  constructor(private readonly projections: ProjectionsService) {}

  @Get()
  @ApiOperation({ summary: 'Every projection: checkpoint, events behind, seconds behind' })
  async all() {
    return { items: await Promise.all((Object.keys(this.projections.projections) as ProjectionName[]).map((name) => this.projections.status(name))) };
  }

  @Get(':name')
  @ApiOperation({ summary: 'One projection: checkpoint, head, events behind (counted up to 10,000), seconds the oldest unprojected event has waited' })
  async one(@Param('name') name: string) {
    const known = Object.prototype.hasOwnProperty.call(this.projections.projections, name);
    return this.projections.status(orNotFound(known ? (name as ProjectionName) : null, 'projection'));
  }
}
