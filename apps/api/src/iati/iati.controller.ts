import { Controller, Get, Header, HttpCode, Param, PayloadTooLargeException, Post, Query, Req, Res, UnsupportedMediaTypeException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Transform, type Readable } from 'node:stream';
import type { ImportReport } from '@ccb/iati';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiProduces, ApiTags, ApiUnsupportedMediaTypeResponse } from '@nestjs/swagger';
import { RolesAllowed, SignedIn } from '../auth/access-policy';
import { CurrentPrincipal } from '../auth/current-principal';
import type { Principal } from '../auth/principal';
import { IdPipe } from '../common/id.pipe';
import { IatiImportQuery, IatiPortfolioQuery } from './iati.dto';
import { IatiImports } from './iati-imports';
import { IatiPublications } from './iati-publications';

/** What the HTTP import reads at most; the CLI has no limit (it streams from disk). */
const IMPORT_LIMIT_MB = 50;

/** The request body, cut off past the limit (a body without Content-Length is counted as it arrives). */
function limited(body: Readable, maxBytes: number): Readable {
  let seen = 0;
  return body.pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        seen += chunk.length;
        if (seen > maxBytes) done(new PayloadTooLargeException({ code: 'request.too-large', message: 'the file is larger than the upload limit' }));
        else done(null, chunk);
      },
    }),
  );
}

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
@SignedIn()
@Controller()
export class IatiController {
  constructor(
    private readonly publications: IatiPublications,
    private readonly imports: IatiImports,
  ) {}

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

  @Post('iati/imports')
  @RolesAllowed('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: "Import another publisher's IATI activity file (versions 1.0x to 2.03), each activity through the command path",
    description: `Administrators. The body is the XML file itself (Content-Type application/xml or text/xml), read as a stream, up to ${IMPORT_LIMIT_MB} MB; larger files: \`npm run iati:import -- FILE.xml\`. Each activity is imported whole or not at all; importing the same file again appends nothing, a changed one appends what changed. The answer is the import report: created, updated, unchanged, skipped with the reason, and each problem with its line and XPath. \`dryRun=true\` decides everything and appends nothing.`,
  })
  @ApiConsumes('application/xml', 'text/xml')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ description: 'The import report (also for a dry run)' })
  @ApiUnsupportedMediaTypeResponse({ description: 'code request.content-type: not sent as application/xml or text/xml' })
  @ApiPayloadTooLargeResponse({ description: `code request.too-large: over ${IMPORT_LIMIT_MB} MB` })
  async import(@Query() query: IatiImportQuery, @CurrentPrincipal() principal: Principal, @Req() req: Request): Promise<ImportReport> {
    const type = req.headers['content-type'] ?? '';
    if (!/^(application|text)\/xml\b/.test(type))
      throw new UnsupportedMediaTypeException({ code: 'request.content-type', message: 'send the IATI file itself as application/xml or text/xml' });
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > IMPORT_LIMIT_MB * 1_048_576)
      throw new PayloadTooLargeException({ code: 'request.too-large', message: `files over ${IMPORT_LIMIT_MB} MB are imported with npm run iati:import` });
    return this.imports.importFile(
      limited(req, IMPORT_LIMIT_MB * 1_048_576),
      query.file ?? 'upload.xml',
      { ...principal, now: new Date().toISOString() },
      { dryRun: query.dryRun === true },
    );
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
