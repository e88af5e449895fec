import type { OrganisationEvent, OrganisationProfile } from '@ccb/domain';

/** What other read models need to know about an organisation: its profile, and since when it is known. */
export type OrganisationInfo = OrganisationProfile & { readonly organisationId: string; readonly registeredAt: string };

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
