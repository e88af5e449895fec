import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { SignedIn } from '../auth/access-policy';
import { CurrentPrincipal } from '../auth/current-principal';
import type { Principal } from '../auth/principal';
import { IdPipe } from '../common/id.pipe';
import { IatiPortfolioQuery } from './iati.dto';
import { IatiPublications } from './iati-publications';

/** Set on success only: an error keeps its JSON body and type. */
function xml(res: Response, body: string): string {
  res.setHeader('Content-Type', 'application/xml; charset=utf-8');
  return body;
}

@ApiTags('IATI: publish to the International Aid Transparency Initiative')
@ApiBearerAuth()
@SignedIn()
@Controller()
export class IatiController {
  constructor(private readonly publications: IatiPublications) {}

  @Get('iati/activities.xml')
  @ApiOperation({
    summary: "An organisation's IATI 2.03 activity file: every partnership it takes part in (not as evaluator), with it as the reporting organisation",
    description:
      "Your own organisation's, or any for an administrator. The organisation needs an IATI identifier (409 iati.no-identifier otherwise). Confidential needs and plans, evaluation findings and people's contacts are never written. docs/iati.md maps each element.",
  })
  @ApiProduces('application/xml')
  @Header('Cache-Control', 'no-store')
  async portfolio(@Query() query: IatiPortfolioQuery, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response): Promise<string> {
    return xml(res, await this.publications.portfolioXml(query.organisationId ?? principal.organisationId, principal, new Date()));
  }

  @Get('partnerships/:id/iati.xml')
  @ApiOperation({
    summary: 'One partnership as an IATI 2.03 activity file, for its parties and administrators',
    description: "Reported by your organisation when it funds or implements the partnership and has an IATI identifier, else by the partnership's first donor that has one.",
  })
  @ApiProduces('application/xml')
  @Header('Cache-Control', 'no-store')
  async partnership(@Param('id', IdPipe) id: string, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response): Promise<string> {
    return xml(res, await this.publications.partnershipXml(id, principal, new Date()));
  }
}
