import { STRUCTURAL_FIELDS, type IatiIdentity, type OrganisationEvent, type OrganisationProfile, type StructuralProfile } from '@ccb/domain';

/** One stretch of an organisation's classification: in force from `effectiveFrom` until the next. */
export type ProfilePeriod = StructuralProfile & { readonly effectiveFrom: string };

/**
 * What other read models need to know about an organisation: its profile as it now stands, since when it is
 * known, and every classification it has had, each with the day it took effect.
 */
export type OrganisationInfo = OrganisationProfile & {
  readonly organisationId: string;
  readonly registeredAt: string;
  readonly periods: readonly ProfilePeriod[];
  /** Its IATI organisation identifier and type, once an administrator has set them. */
  readonly iati: IatiIdentity | null;
};

/** An organisation's profile in force on `on` (a calendar date); without `on`, as it now stands. */
export type OrganisationLookup = (organisationId: string, on?: string) => OrganisationInfo | undefined;

/** Since registration: the first classification holds for every fact, however early it is dated. */
const FROM_THE_START = '0000-01-01';

function structural(p: StructuralProfile): StructuralProfile {
  return { kind: p.kind, country: p.country, region: p.region, developmentStatus: p.developmentStatus };
}

/** Adds a period and keeps them in order of effect; the latest in force gives the profile's current fields. */
function withPeriod(info: OrganisationInfo, period: ProfilePeriod): OrganisationInfo {
  const periods = [...info.periods.filter((p) => p.effectiveFrom !== period.effectiveFrom), period].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  return { ...info, ...structural(periods[periods.length - 1]), periods };
}

export function evolveOrganisationInfo(info: OrganisationInfo | undefined, event: OrganisationEvent, recordedAt: string): OrganisationInfo | undefined {
  switch (event.type) {
    case 'OrganisationRegistered': {
      const { organisationId, name, kind, country, region, developmentStatus, contacts } = event.data;
      return {
        organisationId,
        name,
        kind,
        country,
        region,
        developmentStatus,
        contacts,
        registeredAt: recordedAt,
        periods: [{ effectiveFrom: FROM_THE_START, kind, country, region, developmentStatus }],
        iati: null,
      };
    }
    case 'OrganisationUpdated': {
      if (!info) return info;
      const { organisationId: _id, ...changes } = event.data;
      const next = { ...info, ...changes };
      // Older updates changed the classification in place: read as in force from the day they were recorded.
      if (!STRUCTURAL_FIELDS.some((f) => Object.hasOwn(changes, f))) return next;
      const current = profileOn(info, recordedAt.slice(0, 10)) ?? info;
      return withPeriod(next, { ...structural({ ...current, ...changes }), effectiveFrom: recordedAt.slice(0, 10) });
    }
    case 'OrganisationProfileChanged': {
      if (!info) return info;
      const before = profileOn(info, event.data.effectiveFrom) ?? info;
      return withPeriod(info, { ...structural({ ...before, ...event.data.changes }), effectiveFrom: event.data.effectiveFrom });
    }
    case 'IatiIdentityAssigned':
      return info && { ...info, iati: { orgId: event.data.orgId, orgType: event.data.orgType } };
  }
}

/** The profile with the classification in force on `on`: the latest period that took effect on or before it. */
export function profileOn(info: OrganisationInfo | undefined, on: string | undefined): OrganisationInfo | undefined {
  if (!info || on === undefined) return info;
  let inForce: ProfilePeriod | undefined;
  for (const p of info.periods) if (p.effectiveFrom <= on) inForce = p;
  return inForce ? { ...info, ...structural(inForce) } : { ...info, ...structural(info.periods[0] ?? info) };
}

/** A lookup over a directory of organisations, answering with the profile in force on the date asked. */
export function lookupIn(directory: ReadonlyMap<string, OrganisationInfo>): OrganisationLookup {
  return (organisationId, on) => profileOn(directory.get(organisationId), on);
}
