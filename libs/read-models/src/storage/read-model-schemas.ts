/**
 * Each projection owns one PostgreSQL schema. A rebuild fills `<schema>__next` from event 0 while the
 * live schema keeps serving, then swaps the two names in one transaction (blue/green).
 */
export interface ReadModelSchema {
  readonly projection: string;
  readonly schema: string;
  /** Every step from an empty schema to the current tables, in order; never edited once released. */
  readonly steps: readonly ((schema: string) => readonly string[])[];
  /** Tables whose rows make up the read model (not its checkpoint), for canonical dumps. */
  readonly tables: readonly string[];
}

import { deadLetterTable } from '../projection/dead-letters';

const checkpointTable = (schema: string) => `
  CREATE TABLE ${schema}.projection_checkpoint (
    projection text PRIMARY KEY,
    position text NOT NULL,
    last_event_at timestamptz,
    events_processed bigint NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now()
  )`;

export const PORTFOLIO_SCHEMA: ReadModelSchema = {
  projection: 'portfolio',
  schema: 'rm_portfolio',
  tables: [
    'organisations',
    'partnerships',
    'parties',
    'flows',
    'funding_summary',
    'activities',
    'milestones',
    'indicators',
    'principle_scores',
    'overlaps',
    'exchange_rates',
    'external_activities',
    'external_overlaps',
    'activity_themes',
  ],
  steps: [
    (s) => [
      checkpointTable(s),
      `CREATE TABLE ${s}.organisations (
        organisation_id text PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL,
        country text NOT NULL,
        region text NOT NULL,
        development_status text NOT NULL,
        contacts jsonb NOT NULL,
        registered_at timestamptz NOT NULL
      )`,
      `CREATE TABLE ${s}.partnerships (
        partnership_id text PRIMARY KEY,
        revision integer NOT NULL,
        title text NOT NULL,
        summary text NOT NULL,
        beneficiary_country text NOT NULL,
        beneficiary_region text,
        modality text NOT NULL,
        initiated_by text NOT NULL,
        themes text[] NOT NULL,
        levels text[] NOT NULL,
        sdgs integer[] NOT NULL,
        gender_marker integer NOT NULL,
        languages text[] NOT NULL,
        planned_start text NOT NULL,
        planned_end text,
        phase text NOT NULL,
        suspended boolean NOT NULL,
        proposed_at timestamptz NOT NULL,
        last_event_at timestamptz NOT NULL,
        delivery_started_at timestamptz,
        closed_at timestamptz,
        outcome text,
        donor_ids text[] NOT NULL,
        implementer_ids text[] NOT NULL,
        beneficiary_ids text[] NOT NULL,
        evaluator_ids text[] NOT NULL,
        programme_currency text,
        milestones_planned integer NOT NULL,
        milestones_delivered integer NOT NULL,
        milestones_confirmed integer NOT NULL,
        milestones_disputed integer NOT NULL,
        activities integer NOT NULL,
        participants_women integer NOT NULL,
        participants_men integer NOT NULL,
        participants_undisclosed integer NOT NULL,
        participant_hours integer NOT NULL,
        open_risks integer NOT NULL,
        lo_demand_origin double precision NOT NULL,
        lo_co_design_endorsed double precision,
        lo_days_to_endorsement integer,
        lo_alignment double precision,
        lo_language double precision,
        lo_local_spend double precision,
        lo_beneficiary_managed double precision,
        lo_local_trainers double precision,
        lo_local_trainers_produced integer NOT NULL,
        lo_validation double precision,
        lo_open_disputes integer NOT NULL,
        lo_handover double precision,
        lo_continuing_activities double precision,
        lo_sustainability double precision,
        lo_index double precision,
        lo_coverage double precision NOT NULL
      )`,
      `CREATE INDEX ON ${s}.partnerships (beneficiary_country)`,
      `CREATE INDEX ON ${s}.partnerships USING gin (themes)`,
      `CREATE INDEX ON ${s}.partnerships USING gin (donor_ids)`,
      `CREATE TABLE ${s}.parties (
        partnership_id text NOT NULL,
        organisation_id text NOT NULL,
        role text NOT NULL,
        since timestamptz NOT NULL,
        PRIMARY KEY (partnership_id, organisation_id, role)
      )`,
      `CREATE INDEX ON ${s}.parties (organisation_id)`,
      `CREATE TABLE ${s}.flows (
        partnership_id text NOT NULL,
        flow_id text NOT NULL,
        kind text NOT NULL,
        provider_id text NOT NULL,
        receiver_id text,
        amount_minor bigint NOT NULL,
        currency text NOT NULL,
        date text NOT NULL,
        year integer NOT NULL,
        rate_currency text,
        rate numeric,
        converted_minor bigint,
        spent_in_country text,
        supplier_local boolean,
        category text,
        voided boolean NOT NULL,
        PRIMARY KEY (partnership_id, flow_id)
      )`,
      `CREATE INDEX ON ${s}.flows (provider_id)`,
      `CREATE INDEX ON ${s}.flows (receiver_id)`,
      `CREATE TABLE ${s}.funding_summary (
        partnership_id text NOT NULL,
        organisation_id text NOT NULL,
        currency text NOT NULL,
        year integer NOT NULL,
        rate_currency text NOT NULL,
        committed bigint NOT NULL,
        disbursed bigint NOT NULL,
        refunded bigint NOT NULL,
        passed_on bigint NOT NULL,
        received bigint NOT NULL,
        spent bigint NOT NULL,
        spent_locally bigint NOT NULL,
        in_kind bigint NOT NULL,
        c_committed bigint NOT NULL,
        c_disbursed bigint NOT NULL,
        c_refunded bigint NOT NULL,
        c_passed_on bigint NOT NULL,
        c_received bigint NOT NULL,
        c_spent bigint NOT NULL,
        c_spent_locally bigint NOT NULL,
        c_in_kind bigint NOT NULL,
        PRIMARY KEY (partnership_id, organisation_id, currency, year, rate_currency)
      )`,
      `CREATE INDEX ON ${s}.funding_summary (organisation_id)`,
      `CREATE TABLE ${s}.activities (
        partnership_id text NOT NULL,
        activity_id text NOT NULL,
        type text NOT NULL,
        title text NOT NULL,
        themes text[] NOT NULL,
        level text NOT NULL,
        start_date text NOT NULL,
        end_date text NOT NULL,
        languages text[] NOT NULL,
        women integer NOT NULL,
        men integer NOT NULL,
        undisclosed integer NOT NULL,
        participant_hours integer NOT NULL,
        local_trainers integer NOT NULL,
        foreign_trainers integer NOT NULL,
        local_trainers_produced integer NOT NULL,
        objective_id text,
        linked_need_ids text[] NOT NULL,
        continues_after_funding boolean NOT NULL,
        PRIMARY KEY (partnership_id, activity_id)
      )`,
      `CREATE TABLE ${s}.milestones (
        partnership_id text NOT NULL,
        milestone_id text NOT NULL,
        title text NOT NULL,
        due_date text NOT NULL,
        objective_id text,
        status text NOT NULL,
        achieved_on text,
        validated_at timestamptz,
        PRIMARY KEY (partnership_id, milestone_id)
      )`,
      `CREATE TABLE ${s}.indicators (
        partnership_id text NOT NULL,
        indicator_id text NOT NULL,
        name text NOT NULL,
        unit text NOT NULL,
        baseline double precision NOT NULL,
        target double precision NOT NULL,
        baseline_date text NOT NULL,
        latest_value double precision,
        latest_on text,
        measurements integer NOT NULL,
        progress double precision,
        PRIMARY KEY (partnership_id, indicator_id)
      )`,
      `CREATE TABLE ${s}.principle_scores (
        partnership_id text NOT NULL,
        evaluation_id text NOT NULL,
        principle text NOT NULL,
        evaluator_id text NOT NULL,
        score integer NOT NULL,
        evidence text NOT NULL,
        event_ids text[] NOT NULL,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (partnership_id, evaluation_id, principle)
      )`,
      `CREATE INDEX ON ${s}.principle_scores (principle)`,
      `CREATE TABLE ${s}.overlaps (
        partnership_a text NOT NULL,
        partnership_b text NOT NULL,
        beneficiary_country text NOT NULL,
        shared_themes text[] NOT NULL,
        overlap_start text NOT NULL,
        overlap_end text,
        PRIMARY KEY (partnership_a, partnership_b)
      )`,
      `CREATE INDEX ON ${s}.overlaps (partnership_b)`,
      `CREATE INDEX ON ${s}.overlaps (beneficiary_country)`,
      `CREATE INDEX ON ${s}.partnerships (last_event_at DESC, partnership_id)`,
    ],
    (s) => [deadLetterTable(s)],
    // Money in every currency (#14): a dated rate table, and local-ownership figures with their coverage. The
    // folds changed (refunds net, attribution across currencies), so the projection starts again from event 0.
    (s) => [
      `CREATE TABLE ${s}.exchange_rates (
        set_id text NOT NULL,
        base text NOT NULL,
        quote text NOT NULL,
        value_date text NOT NULL,
        rate text NOT NULL,
        source text NOT NULL,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (set_id, base, quote, value_date)
      )`,
      `CREATE INDEX ON ${s}.exchange_rates (base, quote, value_date)`,
      `ALTER TABLE ${s}.partnerships
         ADD COLUMN lo_components integer NOT NULL DEFAULT 0,
         ADD COLUMN lo_local_spend_basis text,
         ADD COLUMN lo_local_spend_coverage double precision,
         ADD COLUMN lo_local_spend_by_currency jsonb NOT NULL DEFAULT '[]',
         ADD COLUMN lo_pending_validation integer NOT NULL DEFAULT 0`,
      `CREATE INDEX ON ${s}.flows (currency)`,
      `TRUNCATE ${s}.organisations, ${s}.partnerships, ${s}.parties, ${s}.flows, ${s}.funding_summary, ${s}.activities, ${s}.milestones, ${s}.indicators, ${s}.principle_scores, ${s}.overlaps, ${s}.dead_letters`,
      `UPDATE ${s}.projection_checkpoint SET position = 'start', events_processed = 0, last_event_at = NULL`,
    ],
    // Corrections and dated profiles (#15): each organisation keeps its classifications with the day each took
    // effect, and metrics read the one in force on a fact's date, so every row is derived again from event 0.
    (s) => [
      `ALTER TABLE ${s}.organisations ADD COLUMN profile_periods jsonb NOT NULL DEFAULT '[]'`,
      `TRUNCATE ${s}.organisations, ${s}.partnerships, ${s}.parties, ${s}.flows, ${s}.funding_summary, ${s}.activities, ${s}.milestones, ${s}.indicators, ${s}.principle_scores, ${s}.overlaps, ${s}.dead_letters`,
      `UPDATE ${s}.projection_checkpoint SET position = 'start', events_processed = 0, last_event_at = NULL`,
    ],
    // Invitations (#15): an organisation is invited and joins by accepting. No event before this step invited
    // anyone, so every existing row is right with none and nothing is derived again.
    (s) => [`ALTER TABLE ${s}.partnerships ADD COLUMN invitations jsonb NOT NULL DEFAULT '[]'`],
    // IATI identities (#17): no event before this step assigned one, so every row is right with none.
    (s) => [`ALTER TABLE ${s}.organisations ADD COLUMN iati_org_id text, ADD COLUMN iati_org_type text`],
    // Imported IATI activities beside the partnerships (#17): each partnership's DAC sectors, the imported
    // activities, and the overlaps between the two. Every partnership row gains its sectors, so all is derived again.
    (s) => [
      `ALTER TABLE ${s}.partnerships ADD COLUMN sector_codes text[] NOT NULL DEFAULT '{}'`,
      `CREATE TABLE ${s}.external_activities (
        activity_key text PRIMARY KEY,
        identifier text NOT NULL,
        title text NOT NULL,
        reporting_org_name text,
        reporting_org_ref text,
        status text,
        countries text[] NOT NULL,
        sector_codes text[] NOT NULL,
        start_date text,
        end_date text,
        imported_at timestamptz NOT NULL
      )`,
      `CREATE INDEX ON ${s}.external_activities USING gin (countries)`,
      `CREATE TABLE ${s}.external_overlaps (
        partnership_id text NOT NULL,
        activity_key text NOT NULL,
        country text NOT NULL,
        shared_sectors text[] NOT NULL,
        overlap_start text,
        overlap_end text,
        PRIMARY KEY (partnership_id, activity_key)
      )`,
      `CREATE INDEX ON ${s}.external_overlaps (activity_key)`,
      `TRUNCATE ${s}.organisations, ${s}.partnerships, ${s}.parties, ${s}.flows, ${s}.funding_summary, ${s}.activities, ${s}.milestones, ${s}.indicators, ${s}.principle_scores, ${s}.overlaps, ${s}.dead_letters`,
      `UPDATE ${s}.projection_checkpoint SET position = 'start', events_processed = 0, last_event_at = NULL`,
    ],
    // Inclusion by theme kept per partnership and theme (#19): the portfolio-wide figure read 110,000 activity rows
    // per call. Filled from the activities already projected, so nothing is derived again.
    (s) => [
      `CREATE TABLE ${s}.activity_themes (
        partnership_id text NOT NULL,
        theme text NOT NULL,
        activities integer NOT NULL,
        women integer NOT NULL,
        men integer NOT NULL,
        undisclosed integer NOT NULL,
        participant_hours integer NOT NULL,
        PRIMARY KEY (partnership_id, theme)
      )`,
      `INSERT INTO ${s}.activity_themes
         SELECT a.partnership_id, theme, count(*), sum(a.women), sum(a.men), sum(a.undisclosed), sum(a.participant_hours)
           FROM ${s}.activities a CROSS JOIN LATERAL unnest(a.themes) AS theme
          GROUP BY a.partnership_id, theme`,
    ],
  ],
};

export const TIMELINE_SCHEMA: ReadModelSchema = {
  projection: 'timeline',
  schema: 'rm_timeline',
  tables: ['timeline'],
  steps: [
    (s) => [
      checkpointTable(s),
      `CREATE TABLE ${s}.timeline (
        partnership_id text NOT NULL,
        revision integer NOT NULL,
        event_id text NOT NULL,
        position text NOT NULL,
        type text NOT NULL,
        recorded_at timestamptz NOT NULL,
        actor text NOT NULL,
        organisation_id text,
        reason text,
        correlation_id text NOT NULL,
        causation_id text,
        summary text NOT NULL,
        PRIMARY KEY (partnership_id, revision)
      )`,
      `CREATE INDEX ON ${s}.timeline (recorded_at)`,
    ],
    (s) => [deadLetterTable(s)],
  ],
};

export interface ReadModelSet {
  readonly portfolio: ReadModelSchema;
  readonly timeline: ReadModelSchema;
}

/**
 * The read models under their physical schema names. A prefix keeps several sets apart in one
 * database (each test file gets its own); production uses none.
 */
export function readModelSet(prefix = ''): ReadModelSet {
  if (!/^[a-z0-9_]*$/.test(prefix)) throw new Error(`Schema prefix "${prefix}" may hold only a-z, 0-9 and _`);
  return {
    portfolio: { ...PORTFOLIO_SCHEMA, schema: `${prefix}${PORTFOLIO_SCHEMA.schema}` },
    timeline: { ...TIMELINE_SCHEMA, schema: `${prefix}${TIMELINE_SCHEMA.schema}` },
  };
}

export const readModelsOf = (set: ReadModelSet): readonly ReadModelSchema[] => [set.portfolio, set.timeline];
