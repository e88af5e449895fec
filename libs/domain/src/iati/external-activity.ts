import type { Decider, StoredEvent } from '../shared/decider';
import type { Command, DomainEvent } from '../shared/command';
import { ensure } from '../shared/rule-violation';
import { objectAt, textAt } from '../shared/shape';

/**
 * An activity another publisher reported to IATI, brought in by an import: a record of what that publisher
 * said, not a partnership of this tracker (its organisations never joined one here, so nobody's consent is
 * claimed for them). Coordination reads it beside the partnerships to find effort duplicated across donors.
 * Facts are kept in IATI 2.03 codes and exact minor units, as the file stated them.
 */
export interface ExternalOrg {
  readonly ref: string | null;
  readonly name: string | null;
  readonly type: string | null;
}

export interface ExternalMoney {
  readonly amountMinor: number;
  readonly currency: string;
  readonly valueDate: string;
}

export interface ExternalActivity {
  readonly identifier: string;
  readonly reportingOrg: ExternalOrg;
  readonly title: string;
  readonly description: string;
  readonly status: string | null;
  readonly plannedStart: string | null;
  readonly plannedEnd: string | null;
  readonly actualStart: string | null;
  readonly actualEnd: string | null;
  readonly participatingOrgs: readonly (ExternalOrg & { readonly role: string })[];
  readonly recipientCountries: readonly { readonly code: string; readonly percentage: number }[];
  readonly recipientRegions: readonly { readonly code: string; readonly percentage: number }[];
  readonly sectors: readonly { readonly code: string; readonly percentage: number }[];
  readonly transactions: readonly {
    readonly ref: string | null;
    readonly type: string;
    readonly date: string;
    readonly value: ExternalMoney;
    readonly provider: ExternalOrg | null;
    readonly receiver: ExternalOrg | null;
    readonly providerActivityId: string | null;
  }[];
  readonly budgets: readonly { readonly type: string; readonly status: string; readonly periodStart: string; readonly periodEnd: string; readonly value: ExternalMoney }[];
  readonly documents: readonly { readonly url: string; readonly title: string; readonly category: string | null; readonly language: string | null }[];
}

/** Where a fact came from: the file, and the import run that read it. */
export interface ImportSource {
  readonly file: string;
  readonly importedBy: string;
}

export type ExternalActivityImported = DomainEvent<'ExternalActivityImported', 1, { readonly activity: ExternalActivity; readonly source: ImportSource }>;
/** A later file said something else: the activity as it now stands, and which parts changed. */
export type ExternalActivityRevised = DomainEvent<
  'ExternalActivityRevised',
  1,
  { readonly activity: ExternalActivity; readonly changed: readonly (keyof ExternalActivity)[]; readonly source: ImportSource }
>;
export type ExternalActivityEvent = ExternalActivityImported | ExternalActivityRevised;

export type ImportExternalActivity = Command<'ImportExternalActivity', { readonly activity: ExternalActivity; readonly file: string }>;

export interface ExternalActivityState {
  readonly activity: ExternalActivity | null;
}

const VERSIONS: Readonly<Record<ExternalActivityEvent['type'], number>> = { ExternalActivityImported: 1, ExternalActivityRevised: 1 };

export function isExternalActivityEventType(type: string): type is ExternalActivityEvent['type'] {
  return Object.prototype.hasOwnProperty.call(VERSIONS, type);
}

export const EXTERNAL_ACTIVITY_EVENT_VERSIONS = VERSIONS;

/** JSON with keys in order: two records are the same when they say the same, whatever order a file used. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Readonly<Record<string, unknown>>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

const FIELDS: readonly (keyof ExternalActivity)[] = [
  'identifier',
  'reportingOrg',
  'title',
  'description',
  'status',
  'plannedStart',
  'plannedEnd',
  'actualStart',
  'actualEnd',
  'participatingOrgs',
  'recipientCountries',
  'recipientRegions',
  'sectors',
  'transactions',
  'budgets',
  'documents',
];

/**
 * Importing the same activity again records nothing; a changed one records the activity as it now stands
 * and names what changed, so the history shows each import's difference. Administrators import.
 */
export function decideExternalActivity(command: ImportExternalActivity, state: ExternalActivityState): ExternalActivityEvent[] {
  const { context: ctx, data: d } = command;
  ensure(ctx.roles.includes('admin'), 'access.admin', 'IATI files are imported by an administrator');
  ensure(d.activity.identifier.trim() !== '', 'iati.identifier', 'an imported activity needs its iati-identifier');
  const source = { file: d.file, importedBy: ctx.userId };
  if (!state.activity) return [{ type: 'ExternalActivityImported', schemaVersion: 1, data: { activity: d.activity, source } }];
  const before = state.activity;
  const changed = FIELDS.filter((f) => canonical(before[f]) !== canonical(d.activity[f]));
  if (changed.length === 0) return [];
  return [{ type: 'ExternalActivityRevised', schemaVersion: 1, data: { activity: d.activity, changed, source } }];
}

export function evolveExternalActivity(_state: ExternalActivityState, event: ExternalActivityEvent): ExternalActivityState {
  switch (event.type) {
    case 'ExternalActivityImported':
    case 'ExternalActivityRevised':
      return { activity: event.data.activity };
  }
}

export function upcastExternalActivityEvent(stored: StoredEvent): ExternalActivityEvent {
  if (!isExternalActivityEventType(stored.type) || stored.schemaVersion !== VERSIONS[stored.type]) {
    throw new Error(`No upcaster for external activity event ${stored.type} v${stored.schemaVersion}`);
  }
  const data = objectAt(stored.data, 'data');
  textAt(objectAt(data.activity, 'activity').identifier, 'activity.identifier');
  // The store gave back what an earlier append of this very union wrote, checked above for what every fold reads.
  return stored as unknown as ExternalActivityEvent;
}

export const EXTERNAL_ACTIVITY_STREAM_PREFIX = 'iati-activity-';

/**
 * One stream per IATI identifier. Identifiers may hold characters no stream id should (spaces, slashes), so
 * the stream is named by a fingerprint the caller computes (`externalActivityStreamKey`), never by the text.
 */
export const externalActivityDecider: Decider<ImportExternalActivity, ExternalActivityEvent, ExternalActivityState> = {
  streamPrefix: EXTERNAL_ACTIVITY_STREAM_PREFIX,
  streamId: (key) => `${EXTERNAL_ACTIVITY_STREAM_PREFIX}${key}`,
  initialState: { activity: null },
  decide: decideExternalActivity,
  evolve: evolveExternalActivity,
  upcast: upcastExternalActivityEvent,
};
