import { COUNTRY_CODES } from '../shared/codelists';
import type { Command, DomainEvent } from '../shared/command';
import { ensure } from '../shared/rule-violation';
import { listAt, objectAt, oneOfAt, textAt } from '../shared/shape';

export const ORGANISATION_KINDS = ['state-body', 'ngo', 'private', 'academia', 'regional-organisation', 'multilateral'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Used to tell North–South, South–South, triangular and regional cooperation apart. */
export const DEVELOPMENT_STATUSES = ['developed', 'developing', 'least-developed'] as const;
export type DevelopmentStatus = (typeof DEVELOPMENT_STATUSES)[number];

export const REGIONS = ['africa', 'americas', 'asia-pacific', 'europe', 'middle-east'] as const;
export type Region = (typeof REGIONS)[number];

export interface PointOfContact {
  readonly name: string;
  readonly function: string;
  readonly email: string;
}

export interface OrganisationProfile {
  readonly name: string;
  readonly kind: OrganisationKind;
  readonly country: string;
  readonly region: Region;
  readonly developmentStatus: DevelopmentStatus;
  readonly contacts: readonly PointOfContact[];
}

export type OrganisationRegistered = DomainEvent<'OrganisationRegistered', 1, OrganisationProfile & { readonly organisationId: string }>;
export type OrganisationUpdated = DomainEvent<'OrganisationUpdated', 1, Partial<OrganisationProfile> & { readonly organisationId: string }>;
export type OrganisationEvent = OrganisationRegistered | OrganisationUpdated;

export type RegisterOrganisation = Command<'RegisterOrganisation', OrganisationProfile & { readonly organisationId: string }>;
export type UpdateOrganisation = Command<'UpdateOrganisation', Partial<OrganisationProfile> & { readonly organisationId: string }>;
export type OrganisationCommand = RegisterOrganisation | UpdateOrganisation;

export interface OrganisationState {
  readonly registered: boolean;
  readonly profile: OrganisationProfile | null;
}

export const initialOrganisationState: OrganisationState = { registered: false, profile: null };

export function evolveOrganisation(state: OrganisationState, event: OrganisationEvent): OrganisationState {
  switch (event.type) {
    case 'OrganisationRegistered': {
      const { organisationId: _id, ...profile } = event.data;
      return { registered: true, profile };
    }
    case 'OrganisationUpdated': {
      if (!state.profile) return state;
      const { organisationId: _id, ...changes } = event.data;
      return { ...state, profile: { ...state.profile, ...changes } };
    }
  }
}

const PROFILE_CHECKS: { readonly [K in keyof OrganisationProfile]-?: (value: unknown) => void } = {
  name: (v) => textAt(v, 'name'),
  kind: (v) => oneOfAt(v, ORGANISATION_KINDS, 'kind'),
  country: (v) => textAt(v, 'country'),
  region: (v) => oneOfAt(v, REGIONS, 'region'),
  developmentStatus: (v) => oneOfAt(v, DEVELOPMENT_STATUSES, 'developmentStatus'),
  contacts: (v) =>
    listAt(v, 'contacts', (item, f) => {
      const c = objectAt(item, f);
      for (const k of ['name', 'function', 'email'] as const) textAt(c[k], `${f}.${k}`);
    }),
};

/** Registered: every field of the profile; updated: each field it names, none of them null. */
export function ensureOrganisationFoldable(event: OrganisationEvent): void {
  const data = objectAt(event.data, 'data');
  textAt(data.organisationId, 'organisationId');
  for (const [field, check] of Object.entries(PROFILE_CHECKS)) {
    if (event.type === 'OrganisationUpdated' && !Object.hasOwn(data, field)) continue;
    check(data[field]);
  }
}

export function decideOrganisation(command: OrganisationCommand, state: OrganisationState): OrganisationEvent[] {
  const events = decideOrganisationEvents(command, state);
  for (const event of events) ensureOrganisationFoldable(event);
  return events;
}

function decideOrganisationEvents(command: OrganisationCommand, state: OrganisationState): OrganisationEvent[] {
  const country = command.data.country;
  if (country !== undefined) ensure(COUNTRY_CODES.has(country), 'country.iso-3166', `"${country}" is not an ISO 3166-1 alpha-2 country code`);
  switch (command.type) {
    case 'RegisterOrganisation':
      ensure(command.context.roles.includes('admin'), 'access.admin', 'only an administrator registers organisations');
      ensure(!state.registered, 'organisation.exists', 'the organisation is already registered');
      return [{ type: 'OrganisationRegistered', schemaVersion: 1, data: command.data }];
    case 'UpdateOrganisation': {
      ensure(
        command.context.roles.includes('admin') || command.context.organisationId === command.data.organisationId,
        'access.admin',
        'an organisation profile is updated by the organisation itself or an administrator',
      );
      ensure(state.registered, 'organisation.exists', 'the organisation is not registered');
      const { organisationId, ...changes } = command.data;
      ensure(Object.keys(changes).length > 0, 'organisation.changes', 'an update changes at least one field');
      return [{ type: 'OrganisationUpdated', schemaVersion: 1, data: { organisationId, ...changes } }];
    }
  }
}
