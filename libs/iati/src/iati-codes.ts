import type { Phase, Role } from '@ccb/domain';

export { sectorShares, THEME_SECTORS } from '@ccb/domain';

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
