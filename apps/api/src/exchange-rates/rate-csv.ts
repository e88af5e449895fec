import { parse } from 'csv-parse/sync';
import { CURRENCY_CODES, isCalendarDate, isUsableRate, type RateQuote } from '@ccb/domain';

/** A row the import refused, with the line it is on in the file (1 is the header). */
export interface RateCsvProblem {
  readonly line: number;
  readonly field: string;
  readonly reason: string;
}

export class RateCsvError extends Error {
  constructor(readonly problems: readonly RateCsvProblem[]) {
    super(`${problems.length} row(s) of the rate file are not usable; nothing was imported`);
    this.name = 'RateCsvError';
  }
}

const pick = (header: readonly string[], names: readonly string[]) => header.find((h) => names.includes(h.trim().toLowerCase()));

/** "2025-03" (a monthly series) is dated the first of the month; "2025-03-14" is a day. */
function valueDateOf(text: string): string | null {
  const t = text.trim();
  if (/^\d{4}-\d{2}$/.test(t)) return isCalendarDate(`${t}-01`) ? `${t}-01` : null;
  if (/^\d{4}M\d{2}$/.test(t)) return valueDateOf(`${t.slice(0, 4)}-${t.slice(5)}`);
  return isCalendarDate(t) ? t : null;
}

/** Published series write "1.0842", sometimes "1,0842" in a semicolon file; never thousands separators in a rate. */
function rateOf(text: string): string | null {
  const t = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  // Trailing zeros carry no meaning in a rate; the table keeps what the source printed, within 10 decimals.
  const [whole, fraction = ''] = t.split('.');
  const trimmed = fraction.slice(0, 10).replace(/0+$/, '');
  const rate = `${BigInt(whole).toString()}${trimmed ? `.${trimmed}` : ''}`;
  return isUsableRate(rate) ? rate : null;
}

/**
 * Reads the column layouts of the common published series into rates; every bad row is reported with its line
 * and nothing is returned unless all are good:
 * - long: `base,quote,date,rate` (also `currency`/`counter_currency`/`value_date`/`value`);
 * - ECB SDMX CSV (data portal export): `CURRENCY`, `CURRENCY_DENOM`, `TIME_PERIOD`, `OBS_VALUE` — units of CURRENCY per CURRENCY_DENOM;
 * - wide, as the ECB's eurofxref-hist.csv: `Date,USD,JPY,...` with rates per `base` (default EUR); empty and N/A cells are gaps, not errors.
 */
export function parseRateCsv(text: string, options: { readonly base?: string } = {}): RateQuote[] {
  const delimiter = text.split('\n', 1)[0].includes(';') && !text.split('\n', 1)[0].includes(',') ? ';' : ',';
  const records: string[][] = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true });
  if (records.length < 2) throw new RateCsvError([{ line: 1, field: 'file', reason: 'a header row and at least one rate are needed' }]);
  const header = records[0];
  const col = (names: string[]) => {
    const name = pick(header, names);
    return name === undefined ? -1 : header.indexOf(name);
  };
  const problems: RateCsvProblem[] = [];
  const rates: RateQuote[] = [];
  const add = (line: number, base: string, quote: string, dateText: string, rateText: string) => {
    const valueDate = valueDateOf(dateText);
    const rate = rateOf(rateText);
    if (!CURRENCY_CODES.has(base)) problems.push({ line, field: 'base', reason: `"${base}" is not an ISO 4217 currency code` });
    if (!CURRENCY_CODES.has(quote)) problems.push({ line, field: 'quote', reason: `"${quote}" is not an ISO 4217 currency code` });
    if (valueDate === null) problems.push({ line, field: 'date', reason: `"${dateText}" is not a date (YYYY-MM-DD, or YYYY-MM for a monthly rate)` });
    if (rate === null) problems.push({ line, field: 'rate', reason: `"${rateText}" is not a decimal greater than zero` });
    if (valueDate !== null && rate !== null) rates.push({ base, quote, valueDate, rate });
  };

  const sdmx = { quote: col(['currency']), base: col(['currency_denom']), date: col(['time_period']), rate: col(['obs_value']) };
  const long = {
    base: col(['base', 'base_currency', 'from']),
    quote: col(['quote', 'quote_currency', 'counter_currency', 'to']),
    date: col(['date', 'value_date', 'time_period', 'period']),
    rate: col(['rate', 'value', 'obs_value']),
  };
  const dateColumn = col(['date', 'time_period', 'period']);
  const currencyColumns = header.map((h, i) => [h.trim().toUpperCase(), i] as const).filter(([h]) => CURRENCY_CODES.has(h));

  records.slice(1).forEach((r, index) => {
    const line = index + 2;
    if (sdmx.quote >= 0 && sdmx.base >= 0 && sdmx.date >= 0 && sdmx.rate >= 0) {
      add(line, (r[sdmx.base] ?? '').toUpperCase(), (r[sdmx.quote] ?? '').toUpperCase(), r[sdmx.date] ?? '', r[sdmx.rate] ?? '');
    } else if (long.base >= 0 && long.quote >= 0 && long.date >= 0 && long.rate >= 0) {
      add(line, (r[long.base] ?? '').toUpperCase(), (r[long.quote] ?? '').toUpperCase(), r[long.date] ?? '', r[long.rate] ?? '');
    } else if (dateColumn >= 0 && currencyColumns.length > 0) {
      const base = (options.base ?? 'EUR').toUpperCase();
      for (const [quote, i] of currencyColumns) {
        const cell = (r[i] ?? '').trim();
        if (cell === '' || /^n\/?a$/i.test(cell) || quote === base) continue;
        add(line, base, quote, r[dateColumn] ?? '', cell);
      }
    } else if (index === 0) {
      problems.push({
        line: 1,
        field: 'header',
        reason: `columns not recognised (${header.join(', ')}): use base,quote,date,rate, the ECB SDMX export, or Date followed by currency codes`,
      });
    }
  });
  if (problems.length > 0) throw new RateCsvError(problems.slice(0, 200));
  return rates;
}
