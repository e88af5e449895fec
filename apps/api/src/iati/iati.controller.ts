import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { SignedIn } from '../auth/access-policy';
import { CurrentPrincipal } from '../auth/current-principal';
import type { Principal } from '../auth/principal';
import { IdPipe } from '../common/id.pipe';
import { IatiPortfolioQuery } from './iati.dto';
import { IatiPublications } from './iati-publications';

function csv(res: Response, filename: string, body: string): string {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  return body;
}

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

  @Get('iati/activities.csv')
  @ApiOperation({
    summary: 'The same activities as a spreadsheet, in d-portal’s column layout: one row per activity',
    description:
      'Columns: aid, title, reporting, reporting_ref, status_code, day_start, day_end, country_code, country_percent, sector_code, sector_percent, currency, commitment, spend, budget (docs/iati.md).',
  })
  @ApiProduces('text/csv')
  @Header('Cache-Control', 'no-store')
  async activitiesCsv(@Query() query: IatiPortfolioQuery, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response): Promise<string> {
    return csv(res, 'iati-activities.csv', await this.publications.portfolioCsv(query.organisationId ?? principal.organisationId, principal, 'activities'));
  }

  @Get('iati/transactions.csv')
  @ApiOperation({ summary: 'Their transactions as a spreadsheet, in d-portal’s column layout: one row per transaction, with provider and receiver' })
  @ApiProduces('text/csv')
  @Header('Cache-Control', 'no-store')
  async transactionsCsv(@Query() query: IatiPortfolioQuery, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response): Promise<string> {
    return csv(res, 'iati-transactions.csv', await this.publications.portfolioCsv(query.organisationId ?? principal.organisationId, principal, 'transactions'));
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
