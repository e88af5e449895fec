import { stringify } from 'csv-stringify/sync';
import { decimalOf, type IatiActivity, type IatiValue } from './iati-activity';

/**
 * The same activities for spreadsheet users, in d-portal's column names (its `act` and `trans` tables, which
 * its CSV downloads carry): one row per activity, and one per transaction. Amounts are exact decimals in their
 * own currency; dates are ISO. docs/iati.md lists the columns.
 */
export const ACTIVITY_CSV_COLUMNS = [
  'aid',
  'title',
  'reporting',
  'reporting_ref',
  'status_code',
  'day_start',
  'day_end',
  'country_code',
  'country_percent',
  'sector_code',
  'sector_percent',
  'currency',
  'commitment',
  'spend',
  'budget',
] as const;

export const TRANSACTION_CSV_COLUMNS = [
  'aid',
  'title',
  'reporting_ref',
  'trans_ref',
  'trans_code',
  'trans_day',
  'trans_value',
  'trans_currency',
  'trans_value_day',
  'trans_provider',
  'trans_provider_ref',
  'trans_provider_activity',
  'trans_receiver',
  'trans_receiver_ref',
  'trans_receiver_activity',
] as const;

type Row<C extends readonly string[]> = Record<C[number], string>;

/** A sum in the activity's currency, exact (minor units), written as IATI writes amounts; empty when nothing counts. */
function sum(values: readonly IatiValue[], currency: string | null): string {
  return values.length === 0 || currency === null
    ? ''
    : decimalOf(
        values.reduce((total, v) => total + v.amountMinor, 0),
        currency,
      );
}

/**
 * d-portal's activity figures: commitment = outgoing commitments (2); spend = disbursements and expenditure
 * (3, 4); budget = the budgets (revised ones where the period has one). Only in the default currency: an
 * activity with money in several currencies shows those figures per currency in the transactions file.
 */
export function iatiActivitiesCsv(activities: readonly IatiActivity[]): string {
  const rows = activities.map((x): Row<typeof ACTIVITY_CSV_COLUMNS> => {
    const inDefault = x.transactions.filter((t) => t.value.currency === x.defaultCurrency);
    const revisedPeriods = new Set(x.budgets.filter((b) => b.type === '2').map((b) => `${b.periodStart}|${b.periodEnd}`));
    const budgets = x.budgets.filter((b) => b.value.currency === x.defaultCurrency && (b.type === '2' || !revisedPeriods.has(`${b.periodStart}|${b.periodEnd}`)));
    return {
      aid: x.identifier,
      title: x.title,
      reporting: x.reportingOrg.name,
      reporting_ref: x.reportingOrg.ref,
      status_code: x.status,
      day_start: x.dates.find((d) => d.type === '2')?.isoDate ?? x.dates.find((d) => d.type === '1')?.isoDate ?? '',
      day_end: x.dates.find((d) => d.type === '4')?.isoDate ?? x.dates.find((d) => d.type === '3')?.isoDate ?? '',
      country_code: x.recipientCountries.map((c) => c.code).join(';'),
      country_percent: x.recipientCountries.map((c) => String(c.percentage)).join(';'),
      sector_code: x.sectors.map((s) => s.code).join(';'),
      sector_percent: x.sectors.map((s) => String(s.percentage)).join(';'),
      currency: x.defaultCurrency ?? '',
      commitment: sum(
        inDefault.filter((t) => t.type === '2').map((t) => t.value),
        x.defaultCurrency,
      ),
      spend: sum(
        inDefault.filter((t) => t.type === '3' || t.type === '4').map((t) => t.value),
        x.defaultCurrency,
      ),
      budget: sum(
        budgets.map((b) => b.value),
        x.defaultCurrency,
      ),
    };
  });
  return stringify(rows, { header: true, columns: [...ACTIVITY_CSV_COLUMNS] });
}

export function iatiTransactionsCsv(activities: readonly IatiActivity[]): string {
  const rows = activities.flatMap((x) =>
    x.transactions.map((t): Row<typeof TRANSACTION_CSV_COLUMNS> => ({
      aid: x.identifier,
      title: x.title,
      reporting_ref: x.reportingOrg.ref,
      trans_ref: t.ref,
      trans_code: t.type,
      trans_day: t.date,
      trans_value: t.value.amount,
      trans_currency: t.value.currency,
      trans_value_day: t.value.valueDate,
      trans_provider: t.provider.name,
      trans_provider_ref: t.provider.ref ?? '',
      trans_provider_activity: t.provider.activityId ?? '',
      trans_receiver: t.receiver?.name ?? '',
      trans_receiver_ref: t.receiver?.ref ?? '',
      trans_receiver_activity: t.receiver?.activityId ?? '',
    })),
  );
  return stringify(rows, { header: true, columns: [...TRANSACTION_CSV_COLUMNS] });
}
