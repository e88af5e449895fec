import iatiCodelists from '../shared/iati-codelists.json';
import type { Theme } from './vocabulary';

/**
 * What a partnership publishes to IATI beside its own vocabulary: DAC sectors, recipient areas, budgets, planned
 * disbursements and documents. Codes come from the IATI 2.03 codelists (scripts/generate-iati-codelists.mjs)
 * where those are beside the repository; the two small lists below are the Standard's own, quoted.
 */

/** DAC 5-digit purpose codes (Sector codelist, vocabulary 1) with their names. */
export const DAC_SECTORS: ReadonlyMap<string, string> = new Map(Object.entries(iatiCodelists.sector));

/** OECD DAC recipient regions (IATI Region codelist, vocabulary 1): regional and multi-country programmes. */
export const RECIPIENT_REGIONS: ReadonlyMap<string, string> = new Map([
  ['89', 'Europe, regional'],
  ['189', 'North of Sahara, regional'],
  ['289', 'South of Sahara, regional'],
  ['298', 'Africa, regional'],
  ['389', 'North and Central America, regional'],
  ['489', 'South America, regional'],
  ['498', 'America, regional'],
  ['589', 'Middle East, regional'],
  ['619', 'Central Asia, regional'],
  ['679', 'South Asia, regional'],
  ['689', 'South and Central Asia, regional'],
  ['789', 'Far East Asia, regional'],
  ['798', 'Asia, regional'],
  ['889', 'Oceania, regional'],
  ['998', 'Developing countries, unspecified'],
]);

/** IATI DocumentCategory codes for activity documents (A01-A12). */
export const DOCUMENT_CATEGORIES = ['A01', 'A02', 'A03', 'A04', 'A05', 'A06', 'A07', 'A08', 'A09', 'A10', 'A11', 'A12'] as const;
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];

/** BudgetType: 1 original, 2 revised. BudgetStatus: 1 indicative, 2 committed. */
export const BUDGET_KINDS = ['original', 'revised'] as const;
export type BudgetKind = (typeof BUDGET_KINDS)[number];
export const BUDGET_STATUSES = ['indicative', 'committed'] as const;
export type BudgetStatus = (typeof BUDGET_STATUSES)[number];

/** A share of a whole: a code and its percentage, up to two decimals; the shares of one list sum to exactly 100. */
export interface Share {
  readonly code: string;
  readonly percentage: number;
}

/**
 * The default DAC sector (CRS purpose code, vocabulary 1) of each theme, as docs/metrics.md ("IATI sectors")
 * explains: what a partnership publishes, and what coordination compares imported activities with. A partnership's sectors are its themes' codes, each distinct code an equal share of 100.
 */
export const THEME_SECTORS: Readonly<Record<Theme, string>> = {
  'national-strategy-policy': '15110',
  'incident-response-cert': '22040',
  'critical-infrastructure': '22040',
  'cybercrime-law-enforcement': '15130',
  'international-law-norms': '15110',
  'cyber-diplomacy-cbms': '15210',
  'skills-education-awareness': '11430',
  'standards-technology-access': '22010',
};

/** Whole percentages that sum to exactly 100 (the rulesets' strict sum): the remainder goes to the first codes. */
export function sectorShares(themes: readonly Theme[]): { code: string; percentage: number }[] {
  const codes = [...new Set(themes.map((t) => THEME_SECTORS[t]))];
  if (codes.length === 0) return [];
  const base = Math.floor(100 / codes.length);
  const remainder = 100 - base * codes.length;
  return codes.map((code, i) => ({ code, percentage: base + (i < remainder ? 1 : 0) }));
}
