import type { Decider, StoredEvent } from '../shared/decider';
import { COUNTRY_CODES } from '../shared/codelists';
import type { Command, DomainEvent } from '../shared/command';
import { ensureNotInFuture, isCalendarDate, type IsoDate } from '../shared/dates';
import { ensure } from '../shared/rule-violation';
import { dateAt, idAt, listAt, objectAt, oneOfAt, textAt } from '../shared/shape';

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

/** What classifies an organisation in the metrics (modality, local ownership): it changes only with an effective date. */
export const STRUCTURAL_FIELDS = ['kind', 'country', 'region', 'developmentStatus'] as const;
export type StructuralProfile = Pick<OrganisationProfile, (typeof STRUCTURAL_FIELDS)[number]>;

export type OrganisationRegistered = DomainEvent<'OrganisationRegistered', 1, OrganisationProfile & { readonly organisationId: string }>;
/** Name and contacts; older events may also carry structural fields, read as effective from their recording day. */
export type OrganisationUpdated = DomainEvent<'OrganisationUpdated', 1, Partial<OrganisationProfile> & { readonly organisationId: string }>;
/** A reclassification by an administrator, in force from `effectiveFrom`: facts dated before it keep the old profile. */
export type OrganisationProfileChanged = DomainEvent<
  'OrganisationProfileChanged',
  1,
  { readonly organisationId: string; readonly effectiveFrom: IsoDate; readonly changes: Partial<StructuralProfile>; readonly reason: string; readonly changedBy: string }
>;
/** IATI organisation types (OrganisationType codelist, IATI 2.03). */
export const IATI_ORGANISATION_TYPES = ['10', '11', '15', '21', '22', '23', '24', '30', '40', '60', '70', '71', '72', '73', '80', '90'] as const;
export type IatiOrganisationType = (typeof IATI_ORGANISATION_TYPES)[number];

/**
 * An IATI organisation identifier: a registration agency's prefix (two letters, a dash, the agency code) and the
 * number that agency gave (`XM-DAC-7`, `NL-KVK-27378529`, `GB-COH-01234567`). No spaces, and none of / & | ? which
 * break the activity identifiers built on it.
 */
export const IATI_ORG_ID_PATTERN = /^[A-Z]{2}-[A-Z0-9]{2,}-[^\s/&|?]+$/;

export interface IatiIdentity {
  readonly orgId: string;
  readonly orgType: IatiOrganisationType;
}

/** Set by an administrator (from the registration agency's record); replaces the one before. */
export type IatiIdentityAssigned = DomainEvent<'IatiIdentityAssigned', 1, { readonly organisationId: string } & IatiIdentity>;
export type OrganisationEvent = OrganisationRegistered | OrganisationUpdated | OrganisationProfileChanged | IatiIdentityAssigned;

export type RegisterOrganisation = Command<'RegisterOrganisation', OrganisationProfile & { readonly organisationId: string }>;
export type UpdateOrganisation = Command<'UpdateOrganisation', Partial<OrganisationProfile> & { readonly organisationId: string }>;
export type ChangeOrganisationProfile = Command<
  'ChangeOrganisationProfile',
  { readonly organisationId: string; readonly effectiveFrom: IsoDate; readonly changes: Partial<StructuralProfile>; readonly reason: string }
>;
export type AssignIatiIdentity = Command<'AssignIatiIdentity', { readonly organisationId: string } & IatiIdentity>;
export type OrganisationCommand = RegisterOrganisation | UpdateOrganisation | ChangeOrganisationProfile | AssignIatiIdentity;

export interface OrganisationState {
  readonly registered: boolean;
  readonly profile: OrganisationProfile | null;
  /** Each classification with the day it took effect, in order: what a back-dated change is compared with. */
  readonly periods: readonly (StructuralProfile & { readonly effectiveFrom: IsoDate })[];
  readonly iati: IatiIdentity | null;
}

export const initialOrganisationState: OrganisationState = { registered: false, profile: null, periods: [], iati: null };

/** The classification in force on `on`: the latest period that took effect on or before it. */
export function classificationOn(state: OrganisationState, on: IsoDate): StructuralProfile | null {
  let inForce: StructuralProfile | null = state.periods[0] ?? null;
  for (const p of state.periods) if (p.effectiveFrom <= on) inForce = p;
  return inForce;
}

const classificationOf = (p: StructuralProfile): StructuralProfile => ({ kind: p.kind, country: p.country, region: p.region, developmentStatus: p.developmentStatus });

export const ORGANISATION_EVENT_VERSIONS: Readonly<Record<OrganisationEvent['type'], number>> = {
  OrganisationRegistered: 1,
  OrganisationUpdated: 1,
  OrganisationProfileChanged: 1,
  IatiIdentityAssigned: 1,
};

export function isOrganisationEventType(type: string): type is OrganisationEvent['type'] {
  return Object.prototype.hasOwnProperty.call(ORGANISATION_EVENT_VERSIONS, type);
}

/** The same version check as partnership events: an event of an unknown type or version is refused, never cast. */
export function upcastOrganisationEvent(stored: StoredEvent): OrganisationEvent {
  if (!isOrganisationEventType(stored.type) || stored.schemaVersion !== ORGANISATION_EVENT_VERSIONS[stored.type]) {
    throw new Error(`No upcaster for organisation event ${stored.type} v${stored.schemaVersion}`);
  }
  // The store gave back what an earlier append of this very union wrote.
  return stored as unknown as OrganisationEvent;
}

export function evolveOrganisation(state: OrganisationState, event: OrganisationEvent): OrganisationState {
  switch (event.type) {
    case 'OrganisationRegistered': {
      const { organisationId: _id, ...profile } = event.data;
      return { registered: true, profile, periods: [{ effectiveFrom: '0000-01-01', ...classificationOf(profile) }], iati: null };
    }
    case 'OrganisationUpdated': {
      if (!state.profile) return state;
      const { organisationId: _id, ...changes } = event.data;
      const profile = { ...state.profile, ...changes };
      // Older updates changed the classification in place: the latest period takes it.
      const periods = state.periods.map((p, i) => (i === state.periods.length - 1 ? { ...p, ...classificationOf(profile) } : p));
      return { ...state, profile, periods };
    }
    case 'OrganisationProfileChanged': {
      if (!state.profile) return state;
      const before = classificationOn(state, event.data.effectiveFrom) ?? classificationOf(state.profile);
      const period = { ...before, ...event.data.changes, effectiveFrom: event.data.effectiveFrom };
      const periods = [...state.periods.filter((p) => p.effectiveFrom !== period.effectiveFrom), period].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
      return { ...state, profile: { ...state.profile, ...classificationOf(periods[periods.length - 1]) }, periods };
    }
    case 'IatiIdentityAssigned':
      return { ...state, iati: { orgId: event.data.orgId, orgType: event.data.orgType } };
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
  if (event.type === 'IatiIdentityAssigned') {
    textAt(data.orgId, 'orgId');
    oneOfAt(data.orgType, IATI_ORGANISATION_TYPES, 'orgType');
    return;
  }
  if (event.type === 'OrganisationProfileChanged') {
    dateAt(data.effectiveFrom, 'effectiveFrom');
    textAt(data.reason, 'reason');
    idAt(data.changedBy, 'changedBy');
    const changes = objectAt(data.changes, 'changes');
    for (const field of STRUCTURAL_FIELDS) if (Object.hasOwn(changes, field)) PROFILE_CHECKS[field](changes[field]);
    return;
  }
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
  const country = command.type === 'ChangeOrganisationProfile' ? command.data.changes.country : command.type === 'AssignIatiIdentity' ? undefined : command.data.country;
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
      const structural = STRUCTURAL_FIELDS.filter((f) => Object.hasOwn(changes, f));
      // Changed in place, a country or status would re-classify every partnership the organisation was ever in.
      ensure(
        structural.length === 0,
        'organisation.profile-change',
        `${structural.join(', ')} change with an effective date, by an administrator: POST /api/organisations/${organisationId}/profile-changes`,
      );
      return [{ type: 'OrganisationUpdated', schemaVersion: 1, data: { organisationId, ...changes } }];
    }
    case 'ChangeOrganisationProfile': {
      const { context: ctx, data: d } = command;
      ensure(ctx.roles.includes('admin'), 'access.admin', 'an organisation is reclassified by an administrator (the organisation may ask one)');
      ensure(state.registered && state.profile, 'organisation.exists', 'the organisation is not registered');
      ensure(isCalendarDate(d.effectiveFrom), 'date.calendar', `effectiveFrom: "${d.effectiveFrom}" is not a calendar date`);
      // Not ahead of today: what is in force now must follow from the events alone, on any day they are replayed.
      ensureNotInFuture(d.effectiveFrom, ctx.now, 'effectiveFrom');
      // Compared with what was in force on that day: a back-dated change may repeat what holds today.
      const inForce = classificationOn(state, d.effectiveFrom) ?? state.profile;
      const changes = Object.fromEntries(STRUCTURAL_FIELDS.filter((f) => d.changes[f] !== undefined && d.changes[f] !== inForce[f]).map((f) => [f, d.changes[f]]));
      ensure(Object.keys(changes).length > 0, 'organisation.changes', 'the change leaves country, kind, region and development status as they are');
      return [
        {
          type: 'OrganisationProfileChanged',
          schemaVersion: 1,
          data: { organisationId: d.organisationId, effectiveFrom: d.effectiveFrom, changes, reason: d.reason, changedBy: ctx.organisationId },
        },
      ];
    }
    case 'AssignIatiIdentity': {
      const { context: ctx, data: d } = command;
      ensure(ctx.roles.includes('admin'), 'access.admin', "an organisation's IATI identifier is set by an administrator, from the registration agency's record");
      ensure(state.registered, 'organisation.exists', 'the organisation is not registered');
      ensure(
        IATI_ORG_ID_PATTERN.test(d.orgId),
        'iati.org-id',
        `orgId: "${d.orgId}" is not an IATI organisation identifier (agency prefix and number, e.g. XM-DAC-7 or NL-KVK-27378529)`,
      );
      ensure((IATI_ORGANISATION_TYPES as readonly string[]).includes(d.orgType), 'iati.org-type', `orgType: "${d.orgType}" is not in IATI's OrganisationType codelist`);
      if (state.iati?.orgId === d.orgId && state.iati.orgType === d.orgType) return [];
      return [{ type: 'IatiIdentityAssigned', schemaVersion: 1, data: { organisationId: d.organisationId, orgId: d.orgId, orgType: d.orgType } }];
    }
  }
}

export const ORGANISATION_STREAM_PREFIX = 'organisation-';

/** The organisation stream as a decider: the registry is public, so there is no party check. */
export const organisationDecider: Decider<OrganisationCommand, OrganisationEvent, OrganisationState> = {
  streamPrefix: ORGANISATION_STREAM_PREFIX,
  streamId: (organisationId) => `${ORGANISATION_STREAM_PREFIX}${organisationId}`,
  initialState: initialOrganisationState,
  decide: decideOrganisation,
  evolve: evolveOrganisation,
  upcast: upcastOrganisationEvent,
};
