import type { PartnershipRow, WholeFunding } from '../api/api-types';
import { fromMinor, minorUnitDigits } from '../ui/format';

export interface XlsxHeaders {
  readonly sheet: string;
  readonly partnership: string;
  readonly id: string;
  readonly phase: string;
  readonly country: string;
  readonly committed: string;
  readonly disbursed: string;
  readonly spent: string;
  readonly notConverted: string;
  readonly burnRate: string;
  readonly ownership: string;
}

/**
 * The portfolio as a spreadsheet a programme officer can sum and chart: amounts as numbers in the reporting
 * currency's major units with its own decimals, shares as percentages, never text. An amount with no rate to the
 * reporting currency is left out of the number and named in its own column, as on the page. ExcelJS is fetched
 * only when someone asks for the file.
 */
export async function portfolioWorkbook(
  partnerships: readonly PartnershipRow[],
  funding: ReadonlyMap<string, WholeFunding<'partnership'>>,
  currency: string,
  headers: XlsxHeaders,
  phaseName: (phase: string) => string,
): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(headers.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  const money = `#,##0${minorUnitDigits(currency) > 0 ? `.${'0'.repeat(minorUnitDigits(currency))}` : ''}`;
  sheet.columns = [
    { header: headers.partnership, key: 'title', width: 48 },
    { header: headers.id, key: 'id', width: 28 },
    { header: headers.phase, key: 'phase', width: 14 },
    { header: headers.country, key: 'country', width: 9 },
    { header: headers.committed, key: 'committed', width: 18, style: { numFmt: money } },
    { header: headers.disbursed, key: 'disbursed', width: 18, style: { numFmt: money } },
    { header: headers.spent, key: 'spent', width: 18, style: { numFmt: money } },
    { header: headers.notConverted, key: 'unconverted', width: 28 },
    { header: headers.burnRate, key: 'burnRate', width: 12, style: { numFmt: '0.0%' } },
    { header: headers.ownership, key: 'ownership', width: 12, style: { numFmt: '0.0' } },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const p of partnerships) {
    const reporting = funding.get(p.partnershipId)?.reporting;
    const amount = (minor: number | undefined) => (minor === undefined ? null : fromMinor(minor, currency));
    sheet.addRow({
      title: p.title,
      id: p.partnershipId,
      phase: phaseName(p.phase),
      country: p.beneficiaryCountry,
      committed: amount(reporting?.committed),
      disbursed: amount(reporting?.disbursed),
      spent: amount(reporting?.spent),
      unconverted: (reporting?.unconverted ?? []).map((u) => u.currency).join(', '),
      burnRate: funding.get(p.partnershipId)?.burnRate ?? null,
      ownership: p.localOwnershipIndex,
    });
  }
  return workbook.xlsx.writeBuffer();
}
