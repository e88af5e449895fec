export const ROLES = ['donor', 'implementer', 'beneficiary', 'evaluator'] as const;
export type Role = (typeof ROLES)[number];

/** `cancelled`: ended from scoping or co-design before delivery began (IATI activity status 5). */
export const PHASES = ['scoping', 'co-design', 'delivery', 'monitoring', 'evaluation', 'closed', 'cancelled'] as const;
export type Phase = (typeof PHASES)[number];

export const THEMES = [
  'national-strategy-policy',
  'incident-response-cert',
  'critical-infrastructure',
  'cybercrime-law-enforcement',
  'international-law-norms',
  'cyber-diplomacy-cbms',
  'skills-education-awareness',
  'standards-technology-access',
] as const;
export type Theme = (typeof THEMES)[number];

export const LEVELS = ['technical', 'policy', 'legal', 'diplomatic'] as const;
export type Level = (typeof LEVELS)[number];

export const SDGS = [4, 5, 9, 16, 17] as const;
export type Sdg = (typeof SDGS)[number];

/** OECD DAC gender equality policy marker: 0 not targeted, 1 significant, 2 principal. */
export const GENDER_MARKERS = [0, 1, 2] as const;
export type GenderMarker = (typeof GENDER_MARKERS)[number];

export const INITIATORS = ['beneficiary', 'donor', 'implementer'] as const;
export type Initiator = (typeof INITIATORS)[number];

export const NEED_KINDS = ['need', 'national-priority', 'gap', 'needs-assessment'] as const;
export type NeedKind = (typeof NEED_KINDS)[number];

export const BASELINE_COMMITMENTS = ['human-rights', 'civil-society-participation', 'gender-equality', 'do-no-harm', 'other'] as const;
export type BaselineCommitment = (typeof BASELINE_COMMITMENTS)[number];

export const ACTIVITY_TYPES = [
  'training',
  'train-the-trainer',
  'certification',
  'strategy-drafting',
  'cert-setup',
  'exercise',
  'policy-workshop',
  'diplomatic-workshop',
  'legal-workshop',
  'technology-access',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const RISK_KINDS = ['risk', 'issue'] as const;
export const SEVERITIES = ['low', 'medium', 'high'] as const;
export const OUTCOMES = ['achieved', 'partially-achieved', 'not-achieved'] as const;

/** The OEWG 2021 report's principles (para 56) that evaluations score. */
export const PRINCIPLES = [
  'sustainable-process',
  'clear-purpose-results-focus',
  'evidence-based',
  'politically-neutral',
  'transparent',
  'accountable',
  'without-conditions',
  'respect-for-sovereignty',
  'access-to-technology',
  'mutual-trust',
  'demand-driven',
  'nationally-identified-needs',
  'national-ownership',
  'voluntary-participation',
  'shared-differentiated-responsibilities',
  'confidentiality-of-national-policies',
  'human-rights',
  'gender-sensitive-inclusive',
  'universal-non-discriminatory',
  'confidentiality-of-sensitive-information',
] as const;
export type Principle = (typeof PRINCIPLES)[number];

/** An exchange rate recorded with a flow, as an exact decimal string ("1.0842"): never a float. */
export interface ExchangeRate {
  readonly toCurrency: string;
  readonly rate: string;
}

/** The rate table's rate for a flow's currencies and date, as the handler found it: what a recorded rate is checked against. */
export interface ReferenceRate {
  readonly rate: string;
  readonly source: string;
  readonly valueDate: string;
}

/** A recorded rate further than this from the rate table's (10 %) is refused unless the client confirms it. */
export const RATE_DEVIATION_LIMIT = 0.1;
/** Spending above this multiple of what the spender received (in that currency) needs a reason. */
export const OVERSPEND_REASON_RATIO = 1.5;
