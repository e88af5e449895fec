import type { Phase, Role, Theme } from '@ccb/domain';

/**
 * The default DAC sector (CRS purpose code, vocabulary 1) of each theme, as docs/metrics.md ("IATI sectors")
 * explains. A partnership's sectors are its themes' codes, each distinct code an equal share of 100.
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

/** ActivityStatus codelist: where the phase stands in IATI's life cycle; a suspension overrides the phase. */
export function activityStatus(phase: Phase, suspended: boolean): string {
  if (suspended) return '6';
  switch (phase) {
    case 'scoping':
    case 'co-design':
      return '1';
    case 'delivery':
    case 'monitoring':
      return '2';
    case 'evaluation':
      return '3';
    case 'closed':
      return '4';
    case 'cancelled':
      return '5';
  }
}

/**
 * OrganisationRole codelist. A donor funds (1); an implementer implements (4); the beneficiary institution is
 * accountable for the outcome in its country (2), as national ownership has it. Evaluators have no IATI role.
 */
export function organisationRole(role: Role): string | null {
  switch (role) {
    case 'donor':
      return '1';
    case 'beneficiary':
      return '2';
    case 'implementer':
      return '4';
    case 'evaluator':
      return null;
  }
}
