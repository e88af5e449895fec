import type { DevelopmentStatus, IatiOrganisationType, Initiator, OrganisationKind, Region, Level, Phase, PointOfContact, Role, Theme } from '@ccb/domain';
import type { Modality } from '../api/partnership-results';
import type { LocalOwnership } from '../local-ownership/local-ownership';
import type { ProfilePeriod } from '../organisations/organisation-directory';
import type { FlowKind, PendingInvitation } from '../view/partnership-view';

/** The PostgreSQL types the read models use, as information_schema names them (udt_name). */
export type SqlType = 'text' | 'int4' | 'int8' | 'float8' | 'numeric' | 'bool' | 'timestamptz' | 'jsonb' | '_text' | '_int4';

/** One column: its SQL type, whether it may be NULL, and (in the type only) the value a row holds in it. */
export interface Column<T> {
  readonly sql: SqlType;
  readonly nullable: boolean;
  /** Never set: carries the row's type for this column. */
  readonly value?: T;
}

const col = <T>(sql: SqlType): Column<T> => ({ sql, nullable: false });

/**
 * What a row holds, per SQL type: integers and floats as numbers (bigint money in minor units fits in a double
 * up to 2^53), exact decimals as strings, instants as ISO 8601 strings, jsonb as its parsed value.
 */
export const c = {
  text: col<string>('text'),
  int4: col<number>('int4'),
  int8: col<number>('int8'),
  float8: col<number>('float8'),
  numeric: col<string>('numeric'),
  bool: col<boolean>('bool'),
  timestamptz: col<string>('timestamptz'),
  textArray: col<string[]>('_text'),
  int4Array: col<number[]>('_int4'),
  json: <T>() => col<T>('jsonb'),
  /** Text holding one of a vocabulary's codes (a phase, a role): the row carries the union, not any string. */
  code: <T extends string>() => col<T>('text'),
  codes: <T extends string>() => col<T[]>('_text'),
};

export const nullable = <T>(column: Column<T>): Column<T | null> => ({ sql: column.sql, nullable: true });

export type ColumnSet = Readonly<Record<string, Column<unknown>>>;

/** The row a table's declaration describes: what a projection writes and what `readRow` gives back. */
export type RowOf<C extends ColumnSet> = { -readonly [K in keyof C]: C[K] extends Column<infer T> ? T : never };

/**
 * Each read-model column, declared once. The row types derive from these; a storage test checks that the
 * released schema steps create exactly these columns (name, type, nullability, order), and queries read rows
 * through `readRow`, so the driver's representation (a bigint as text, an instant as a Date) is normalised in
 * one place.
 */
export const ACTIVITY_COLUMNS = {
  partnership_id: c.text,
  activity_id: c.text,
  type: c.text,
  title: c.text,
  themes: c.textArray,
  level: c.text,
  start_date: c.text,
  end_date: c.text,
  languages: c.textArray,
  women: c.int4,
  men: c.int4,
  undisclosed: c.int4,
  participant_hours: c.int4,
  local_trainers: c.int4,
  foreign_trainers: c.int4,
  local_trainers_produced: c.int4,
  objective_id: nullable(c.text),
  linked_need_ids: c.textArray,
  continues_after_funding: c.bool,
} as const;

/** One partnership's activities on one theme, added up (an activity on two themes counts on each). */
export const ACTIVITY_THEME_COLUMNS = {
  partnership_id: c.text,
  theme: c.text,
  activities: c.int4,
  women: c.int4,
  men: c.int4,
  undisclosed: c.int4,
  participant_hours: c.int4,
} as const;

export const EXCHANGE_RATE_COLUMNS = {
  set_id: c.text,
  base: c.text,
  quote: c.text,
  value_date: c.text,
  rate: c.text,
  source: c.text,
  recorded_at: c.timestamptz,
} as const;

export const FLOW_COLUMNS = {
  partnership_id: c.text,
  flow_id: c.text,
  kind: c.code<FlowKind>(),
  provider_id: c.text,
  receiver_id: nullable(c.text),
  amount_minor: c.int8,
  currency: c.text,
  date: c.text,
  year: c.int4,
  rate_currency: nullable(c.text),
  rate: nullable(c.numeric),
  converted_minor: nullable(c.int8),
  spent_in_country: nullable(c.text),
  supplier_local: nullable(c.bool),
  category: nullable(c.text),
  voided: c.bool,
} as const;

export const FUNDING_SUMMARY_COLUMNS = {
  partnership_id: c.text,
  organisation_id: c.text,
  currency: c.text,
  year: c.int4,
  rate_currency: c.text,
  committed: c.int8,
  disbursed: c.int8,
  refunded: c.int8,
  passed_on: c.int8,
  received: c.int8,
  spent: c.int8,
  spent_locally: c.int8,
  in_kind: c.int8,
  c_committed: c.int8,
  c_disbursed: c.int8,
  c_refunded: c.int8,
  c_passed_on: c.int8,
  c_received: c.int8,
  c_spent: c.int8,
  c_spent_locally: c.int8,
  c_in_kind: c.int8,
} as const;

export const INDICATOR_COLUMNS = {
  partnership_id: c.text,
  indicator_id: c.text,
  name: c.text,
  unit: c.text,
  baseline: c.float8,
  target: c.float8,
  baseline_date: c.text,
  latest_value: nullable(c.float8),
  latest_on: nullable(c.text),
  measurements: c.int4,
  progress: nullable(c.float8),
} as const;

export const MILESTONE_COLUMNS = {
  partnership_id: c.text,
  milestone_id: c.text,
  title: c.text,
  due_date: c.text,
  objective_id: nullable(c.text),
  status: c.text,
  achieved_on: nullable(c.text),
  validated_at: nullable(c.timestamptz),
} as const;

export const ORGANISATION_COLUMNS = {
  organisation_id: c.text,
  name: c.text,
  kind: c.code<OrganisationKind>(),
  country: c.text,
  region: c.code<Region>(),
  development_status: c.code<DevelopmentStatus>(),
  contacts: c.json<readonly PointOfContact[]>(),
  registered_at: c.timestamptz,
  profile_periods: c.json<readonly ProfilePeriod[]>(),
  iati_org_id: nullable(c.text),
  iati_org_type: nullable(c.code<IatiOrganisationType>()),
} as const;

export const OVERLAP_COLUMNS = {
  partnership_a: c.text,
  partnership_b: c.text,
  beneficiary_country: c.text,
  shared_themes: c.textArray,
  overlap_start: c.text,
  overlap_end: nullable(c.text),
} as const;

export const PARTY_COLUMNS = {
  partnership_id: c.text,
  organisation_id: c.text,
  role: c.code<Role>(),
  since: c.timestamptz,
} as const;

export const PARTNERSHIP_COLUMNS = {
  partnership_id: c.text,
  revision: c.int4,
  title: c.text,
  summary: c.text,
  beneficiary_country: c.text,
  beneficiary_region: nullable(c.text),
  modality: c.code<Modality>(),
  initiated_by: c.code<Initiator>(),
  themes: c.codes<Theme>(),
  levels: c.codes<Level>(),
  sdgs: c.int4Array,
  gender_marker: c.int4,
  languages: c.textArray,
  planned_start: c.text,
  planned_end: nullable(c.text),
  phase: c.code<Phase>(),
  suspended: c.bool,
  proposed_at: c.timestamptz,
  last_event_at: c.timestamptz,
  delivery_started_at: nullable(c.timestamptz),
  closed_at: nullable(c.timestamptz),
  outcome: nullable(c.text),
  donor_ids: c.textArray,
  implementer_ids: c.textArray,
  beneficiary_ids: c.textArray,
  evaluator_ids: c.textArray,
  programme_currency: nullable(c.text),
  milestones_planned: c.int4,
  milestones_delivered: c.int4,
  milestones_confirmed: c.int4,
  milestones_disputed: c.int4,
  activities: c.int4,
  participants_women: c.int4,
  participants_men: c.int4,
  participants_undisclosed: c.int4,
  participant_hours: c.int4,
  open_risks: c.int4,
  lo_demand_origin: c.float8,
  lo_co_design_endorsed: nullable(c.float8),
  lo_days_to_endorsement: nullable(c.int4),
  lo_alignment: nullable(c.float8),
  lo_language: nullable(c.float8),
  lo_local_spend: nullable(c.float8),
  lo_beneficiary_managed: nullable(c.float8),
  lo_local_trainers: nullable(c.float8),
  lo_local_trainers_produced: c.int4,
  lo_validation: nullable(c.float8),
  lo_open_disputes: c.int4,
  lo_handover: nullable(c.float8),
  lo_continuing_activities: nullable(c.float8),
  lo_sustainability: nullable(c.float8),
  lo_index: nullable(c.float8),
  lo_coverage: c.float8,
  lo_components: c.int4,
  lo_local_spend_basis: nullable(c.text),
  lo_local_spend_coverage: nullable(c.float8),
  lo_local_spend_by_currency: c.json<LocalOwnership['localSpendByCurrency']>(),
  lo_pending_validation: c.int4,
  invitations: c.json<readonly PendingInvitation[]>(),
  /** DAC purpose codes: as allocated, else its themes' defaults (docs/metrics.md, "IATI sectors"). */
  sector_codes: c.textArray,
} as const;

export const SCORE_COLUMNS = {
  partnership_id: c.text,
  evaluation_id: c.text,
  principle: c.text,
  evaluator_id: c.text,
  score: c.int4,
  evidence: c.text,
  event_ids: c.textArray,
  recorded_at: c.timestamptz,
} as const;

export const TIMELINE_COLUMNS = {
  partnership_id: c.text,
  revision: c.int4,
  event_id: c.text,
  position: c.text,
  type: c.text,
  recorded_at: c.timestamptz,
  actor: c.text,
  organisation_id: nullable(c.text),
  reason: nullable(c.text),
  correlation_id: c.text,
  causation_id: nullable(c.text),
  summary: c.text,
} as const;

/** Another publisher's activity, as the last import recorded it (docs/iati.md): what coordination compares with. */
export const EXTERNAL_ACTIVITY_COLUMNS = {
  activity_key: c.text,
  identifier: c.text,
  title: c.text,
  reporting_org_name: nullable(c.text),
  reporting_org_ref: nullable(c.text),
  status: nullable(c.text),
  countries: c.textArray,
  sector_codes: c.textArray,
  start_date: nullable(c.text),
  end_date: nullable(c.text),
  imported_at: c.timestamptz,
} as const;

/** A partnership and an imported activity in the same country, sector and time, reported by a publisher that is not a party. */
export const EXTERNAL_OVERLAP_COLUMNS = {
  partnership_id: c.text,
  activity_key: c.text,
  country: c.text,
  shared_sectors: c.textArray,
  overlap_start: nullable(c.text),
  overlap_end: nullable(c.text),
} as const;

/** Every declared table of the portfolio and timeline read models, by its name in the schema. */
export const READ_MODEL_TABLES = {
  portfolio: {
    organisations: ORGANISATION_COLUMNS,
    partnerships: PARTNERSHIP_COLUMNS,
    parties: PARTY_COLUMNS,
    flows: FLOW_COLUMNS,
    funding_summary: FUNDING_SUMMARY_COLUMNS,
    activities: ACTIVITY_COLUMNS,
    milestones: MILESTONE_COLUMNS,
    indicators: INDICATOR_COLUMNS,
    principle_scores: SCORE_COLUMNS,
    overlaps: OVERLAP_COLUMNS,
    exchange_rates: EXCHANGE_RATE_COLUMNS,
    external_activities: EXTERNAL_ACTIVITY_COLUMNS,
    external_overlaps: EXTERNAL_OVERLAP_COLUMNS,
    activity_themes: ACTIVITY_THEME_COLUMNS,
  },
  timeline: { timeline: TIMELINE_COLUMNS },
} as const satisfies Readonly<Record<string, Readonly<Record<string, ColumnSet>>>>;

/** A row as the driver returned it, normalised to the declared representation. */
export function readRow<C extends ColumnSet>(columns: C, raw: Readonly<Record<string, unknown>>): RowOf<C> {
  const row: Record<string, unknown> = {};
  for (const [name, column] of Object.entries(columns)) {
    const value = raw[name];
    // A query that selected too little, or a column that drifted from its declaration, fails loudly here.
    if ((value === null || value === undefined) && !column.nullable)
      throw new Error(`read model column ${name} is ${value === null ? 'NULL' : 'missing from the row'}, but declared NOT NULL`);
    row[name] = value === null || value === undefined ? null : readValue(column, value);
  }
  return row as RowOf<C>;
}

function readValue(column: Column<unknown>, value: unknown): unknown {
  switch (column.sql) {
    case 'int4':
    case 'float8':
      return Number(value);
    case 'int8': {
      // bigint (and a sum of bigints, which PostgreSQL widens to numeric) arrives as text: exact only up to 2^53.
      const n = Number(value);
      if (!Number.isSafeInteger(n)) throw new Error(`read model value ${String(value)} exceeds what JSON numbers carry exactly`);
      return n;
    }
    case 'numeric':
      return String(value);
    case 'timestamptz':
      return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
    case 'jsonb':
      return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
    case 'text':
    case 'bool':
    case '_text':
    case '_int4':
      return value;
  }
}
