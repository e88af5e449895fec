/**
 * Amounts as people type them in their own locale: `12.500,50` in Dutch, Norwegian or Portuguese,
 * `12 500,50` in French, `12,500.50` in English. Parsed into exact minor units from the text itself (no
 * floating point), and refused when the text could mean two different amounts.
 */
import { formatMoney, minorUnitDigits } from './format';

export type ParsedAmount = { readonly ok: true; readonly amountMinor: number; readonly understood: string } | { readonly ok: false; readonly reason: string };

export interface Separators {
  readonly decimal: string;
  readonly group: string;
}

/** The locale's decimal and grouping characters, as Intl writes 12345.6. */
export function separatorsOf(locale: string): Separators {
  const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(12345.6);
  return { decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.', group: parts.find((p) => p.type === 'group')?.value ?? ',' };
}

const SPACE = /[\s\u00a0\u202f]/g;

/** How the locale writes 12,500.50: shown beside the field so nobody has to guess. */
export function exampleAmount(locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(12500.5).replace(SPACE, ' ');
}

export function parseAmount(text: string, currency: string, locale: string): ParsedAmount {
  const digits = minorUnitDigits(currency);
  const separators = separatorsOf(locale);
  const decimal = separators.decimal;
  // Every kind of space is one grouping space: French writes a narrow no-break space, people type a plain one.
  const group = separators.group.replace(SPACE, ' ');
  const typed = text.trim().replace(SPACE, ' ');
  const ambiguous = `ambiguous in ${locale}: write ${exampleAmount(locale)} for twelve thousand five hundred and a half`;
  if (typed === '') return { ok: false, reason: 'enter an amount' };
  if (typed.startsWith('-')) return { ok: false, reason: 'an amount is positive' };
  if (/[^0-9.,' ’]/.test(typed)) return { ok: false, reason: `"${text}" is not a number` };
  const decimals = typed.split(decimal);
  if (decimals.length > 2) return { ok: false, reason: `"${text}" has "${decimal}" twice: in ${locale} it separates the decimals` };
  const [whole = '', fraction = ''] = decimals;
  // Anything but digits after the decimal mark: another locale's grouping, or a typo.
  if (/[^0-9]/.test(fraction)) return { ok: false, reason: ambiguous };
  const marks = new Set(whole.replace(/[0-9]/g, ''));
  if ([...marks].some((m) => m !== group && !(m === ' ' && group === ' '))) {
    // Text in another locale's style, "12.50" typed where "," is the decimal mark: refused rather than guessed.
    return { ok: false, reason: ambiguous };
  }
  if (marks.size > 0) {
    const blocks = whole.split(group);
    if (blocks[0] === '' || blocks[0].length > 3 || blocks.slice(1).some((b) => b.length !== 3)) return { ok: false, reason: ambiguous };
  }
  const integer = whole.split(group).join('');
  if (integer === '' && fraction === '') return { ok: false, reason: `"${text}" is not a number` };
  if (fraction.length > digits) return { ok: false, reason: digits === 0 ? `${currency} has no minor unit: give a whole amount` : `${currency} has ${digits} decimals at most` };
  const minor = BigInt((integer || '0') + fraction.padEnd(digits, '0'));
  if (minor <= 0n) return { ok: false, reason: 'an amount is greater than zero' };
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, reason: 'the amount is too large to record' };
  const amountMinor = Number(minor);
  return { ok: true, amountMinor, understood: formatMoney(amountMinor, currency, locale) };
}

/**
 * A measured value as the reader's language writes it (`7,5` in French, `1.250,5` in Portuguese) as a number;
 * text it cannot read is handed on as typed, for the API to refuse at the field.
 */
export function parseDecimal(text: string, locale: string): number | string {
  const { decimal, group } = separatorsOf(locale);
  const typed = text.trim().replace(SPACE, '');
  const [whole = '', fraction, ...more] = typed.split(decimal);
  const plainGroup = group.replace(SPACE, '');
  const blocks = plainGroup ? whole.replace(/^-/, '').split(plainGroup) : [whole.replace(/^-/, '')];
  // "12.5" where "." groups thousands is not 125: grouped digits come in threes, or the text is not read.
  const grouped = blocks.length === 1 || (blocks[0].length >= 1 && blocks[0].length <= 3 && blocks.slice(1).every((b) => b.length === 3));
  const normalised = `${whole.startsWith('-') ? '-' : ''}${blocks.join('')}${fraction !== undefined ? `.${fraction}` : ''}`;
  return more.length === 0 && grouped && /^-?[0-9]+(\.[0-9]+)?$/.test(normalised) ? Number(normalised) : text;
}
