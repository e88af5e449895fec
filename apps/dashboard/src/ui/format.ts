/** Numbers as people read them: money with its currency, shares as percentages, dates in words. */
import { minorUnitExponent } from '../../../../libs/read-models/src/funding/currency-conversion';

/** ISO 4217 minor-unit digits, from the same table the server converts with (EUR 2, JPY 0, KWD 3). */
export function minorUnitDigits(currency: string): number {
  return minorUnitExponent(currency);
}

export function fromMinor(amountMinor: number, currency: string): number {
  return amountMinor / 10 ** minorUnitDigits(currency);
}

export function toMinor(amount: number, currency: string): number {
  return Math.round(amount * 10 ** minorUnitDigits(currency));
}

/** The locale of the language the person reads the dashboard in (set by i18n when the language changes). */
let formatLocale = 'en-GB';
export function setFormatLocale(locale: string): void {
  formatLocale = locale;
}

/** Codelist values in the reader's language; English words from the code itself until i18n says otherwise. */
let translateCode: (code: string, english: string) => string = (_code, english) => english;
export function setCodeTranslator(translate: (code: string, english: string) => string): void {
  translateCode = translate;
}

// Building an Intl.NumberFormat costs far more than using one, and a portfolio formats thousands of cells.
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

export function formatMoney(amountMinor: number, currency: string, locale = formatLocale): string {
  const digits = minorUnitDigits(currency);
  return numberFormat(locale, { style: 'currency', currency, currencyDisplay: 'code', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    fromMinor(amountMinor, currency),
  );
}

/** Whole units for headline figures, where cents would only crowd the number. */
export function formatMoneyWhole(amountMinor: number, currency: string, locale = formatLocale): string {
  return numberFormat(locale, { style: 'currency', currency, currencyDisplay: 'code', maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(
    fromMinor(amountMinor, currency),
  );
}

/** Short form for chart axes and tiles: EUR 1.2M. */
export function formatMoneyCompact(amountMinor: number, currency: string, locale = formatLocale): string {
  return numberFormat(locale, { style: 'currency', currency, currencyDisplay: 'code', notation: 'compact', maximumFractionDigits: 1 }).format(fromMinor(amountMinor, currency));
}

export function formatShare(share: number | null | undefined): string {
  return share === null || share === undefined
    ? translateCode('not-available', 'n/a')
    : numberFormat(formatLocale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share);
}

export function formatIndex(index: number | null | undefined): string {
  return index === null || index === undefined
    ? translateCode('not-available', 'n/a')
    : numberFormat(formatLocale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(index);
}

// toLocaleDateString builds a new formatter on every call: a registry of dates paid for it a hundred times.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(): Intl.DateTimeFormat {
  let format = dateFormats.get(formatLocale);
  if (!format) dateFormats.set(formatLocale, (format = new Intl.DateTimeFormat(formatLocale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })));
  return format;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat().format(date);
}

/** Words of the codelists that are acronyms or compass pairs, as people write them. */
const WRITTEN_AS: ReadonlyMap<string, string> = new Map([
  ['cert', 'CERT'],
  ['csirt', 'CSIRT'],
  ['cbms', 'CBMs'],
  ['ngo', 'NGO'],
  ['ict', 'ICT'],
  ['sdg', 'SDG'],
  ['iati', 'IATI'],
  ['un', 'UN'],
]);
const COMPASS = /^(north|south)-(north|south)$/;

/**
 * `incident-response-cert` → `Incident response CERT`, `north-south` → `North–South`: codelist values stay
 * readable without a lookup table per list, acronyms kept as acronyms.
 */
export function humanise(code: string): string {
  return translateCode(code, english(code));
}

function english(code: string): string {
  const compass = COMPASS.exec(code);
  if (compass) return `${capitalised(compass[1])}–${capitalised(compass[2])}`;
  const words = code.split(/[-_ ]/).map((w) => WRITTEN_AS.get(w.toLowerCase()) ?? w);
  const text = words.join(' ');
  return capitalised(text);
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const PLURALS: ReadonlyMap<string, string> = new Map([
  ['beneficiary', 'Beneficiaries'],
  ['admin', 'Administrators'],
]);

/** A role as a heading over several people: "Donors", "Beneficiaries" (never "Beneficiarys"). */
export function pluralRole(role: string): string {
  return PLURALS.get(role) ?? `${humanise(role)}s`;
}

/** `MilestoneDisputed` → `Milestone disputed`: an event's kind as words, for a person rather than a program. */
export function eventTypeLabel(type: string): string {
  return humanise(type.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase());
}

/** `a, b and c` as the reader's language joins a list (`a, b et c`, `a, b e c`, `a, b y c`). */
const listFormats = new Map<string, Intl.ListFormat>();
export function listOf(items: readonly string[]): string {
  // Chromium loads ListFormat's locale data on first use (tens of milliseconds on a slow phone): not for one item.
  if (items.length <= 1) return items[0] ?? '';
  let format = listFormats.get(formatLocale);
  if (!format) listFormats.set(formatLocale, (format = new Intl.ListFormat(formatLocale, { style: 'long', type: 'conjunction' })));
  return format.format(items);
}

export function formatNumber(value: number): string {
  return numberFormat(formatLocale, { maximumFractionDigits: 4 }).format(value);
}

// Intl.DisplayNames per locale and type: built once, used for every sentence of a long history.
const displayNames = new Map<string, Intl.DisplayNames>();
/** A country (ISO 3166) or language (ISO 639) named in the reader's language; the code when Intl has no name. */
export function displayName(type: 'region' | 'language', code: string): string {
  const key = `${formatLocale}|${type}`;
  let names = displayNames.get(key);
  if (!names) displayNames.set(key, (names = new Intl.DisplayNames([formatLocale], { type, fallback: 'code' })));
  try {
    return names.of(code) ?? code;
  } catch {
    // A code Intl cannot parse (a malformed language tag) is shown as recorded.
    return code;
  }
}
