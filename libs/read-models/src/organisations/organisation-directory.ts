import type { DevelopmentStatus, OrganisationEvent, OrganisationKind, PointOfContact, Region } from '@ccb/domain';

/** What other read models need to know about an organisation. */
export interface OrganisationInfo {
  readonly organisationId: string;
  readonly name: string;
  readonly kind: OrganisationKind;
  readonly country: string;
  readonly region: Region;
  readonly developmentStatus: DevelopmentStatus;
  readonly contacts: readonly PointOfContact[];
  readonly registeredAt: string;
}

export type OrganisationLookup = (organisationId: string) => OrganisationInfo | undefined;

export function evolveOrganisationInfo(info: OrganisationInfo | undefined, event: OrganisationEvent, recordedAt: string): OrganisationInfo | undefined {
  switch (event.type) {
    case 'OrganisationRegistered': {
      const { organisationId, name, kind, country, region, developmentStatus, contacts } = event.data;
      return { organisationId, name, kind, country, region, developmentStatus, contacts, registeredAt: recordedAt };
    }
    case 'OrganisationUpdated': {
      if (!info) return info;
      const { organisationId: _id, ...changes } = event.data;
      return { ...info, ...changes };
    }
  }
}
