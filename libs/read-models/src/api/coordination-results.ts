/** What the coordination queries answer (overlaps, the public registry), declared once for the API and the dashboard. */
import type { Level, Phase, PointOfContact, Role, Theme } from '@ccb/domain';
import type { Modality } from './partnership-results';

export interface Overlap {
  readonly beneficiaryCountry: string;
  readonly sharedThemes: string[];
  readonly overlapStart: string;
  readonly overlapEnd: string | null;
  readonly partnerships: { partnershipId: string; title: string; phase: Phase; donorIds: string[]; plannedStart: string; plannedEnd: string | null }[];
}

export interface RegistryEntry {
  readonly partnershipId: string;
  readonly title: string;
  readonly summary: string;
  readonly beneficiaryCountry: string;
  readonly themes: Theme[];
  readonly levels: Level[];
  readonly phase: Phase;
  readonly plannedStart: string;
  readonly plannedEnd: string | null;
  readonly modality: Modality;
  readonly parties: { organisationId: string; name: string | null; role: Role; country: string | null; contacts: PointOfContact[] }[];
}

/**
 * A partnership and another publisher's imported IATI activity in the same country, DAC sector and time. The
 * imported side has no parties here (its organisations never joined): it is shown by what its publisher said,
 * the reporting organisation, title, countries, sectors and dates (docs/iati.md).
 */
export interface ExternalOverlap {
  readonly country: string;
  readonly sharedSectors: string[];
  readonly overlapStart: string | null;
  readonly overlapEnd: string | null;
  readonly partnership: { partnershipId: string; title: string; phase: Phase; donorIds: string[]; plannedStart: string; plannedEnd: string | null };
  readonly external: {
    identifier: string;
    title: string;
    reportingOrg: { name: string | null; ref: string | null };
    status: string | null;
    countries: string[];
    sectors: string[];
    start: string | null;
    end: string | null;
  };
}
