/** What the local-ownership queries answer, declared once for the API and the dashboard (docs/metrics.md defines each metric). */
import type { Phase } from '@ccb/domain';

/** Each metric's name in the API and the read-model column that holds it. */
export const METRIC_COLUMNS = {
  demandOrigin: 'lo_demand_origin',
  coDesignEndorsed: 'lo_co_design_endorsed',
  daysToEndorsement: 'lo_days_to_endorsement',
  alignment: 'lo_alignment',
  language: 'lo_language',
  localSpend: 'lo_local_spend',
  beneficiaryManaged: 'lo_beneficiary_managed',
  localTrainers: 'lo_local_trainers',
  localTrainersProduced: 'lo_local_trainers_produced',
  validation: 'lo_validation',
  openDisputes: 'lo_open_disputes',
  handover: 'lo_handover',
  continuingActivities: 'lo_continuing_activities',
  sustainability: 'lo_sustainability',
  index: 'lo_index',
  coverage: 'lo_coverage',
} as const;

export type MetricName = keyof typeof METRIC_COLUMNS;
export type LocalOwnershipMetrics = Record<MetricName, number | null>;

/** Every metric, each read from its column: the one place the list is walked. */
export function metricsFrom(read: (column: (typeof METRIC_COLUMNS)[MetricName]) => number | null): LocalOwnershipMetrics {
  // Object.entries forgets the keys' union; the list is METRIC_COLUMNS's own, so every name is present.
  return Object.fromEntries(Object.entries(METRIC_COLUMNS).map(([name, column]) => [name, read(column)])) as LocalOwnershipMetrics;
}

export interface PartnershipOwnership {
  readonly partnershipId: string;
  readonly title: string;
  readonly beneficiaryCountry: string;
  readonly phase: Phase;
  readonly metrics: LocalOwnershipMetrics;
}
