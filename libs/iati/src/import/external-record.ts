import { createHash } from 'node:crypto';
import type { ExternalActivity, ExternalOrg } from '@ccb/domain';
import type { ImportedActivity, ImportedOrg } from './activity-mapping';

/** The stream key of an IATI identifier: a fingerprint, so any identifier a file uses names a valid stream. */
export const externalActivityStreamKey = (identifier: string): string => createHash('sha256').update(identifier).digest('hex').slice(0, 40);

const org = (o: ImportedOrg): ExternalOrg => ({ ref: o.ref, name: o.name, type: o.type });

/** The record an import keeps of an activity: what the file said, in 2.03 codes, nothing derived. */
export function toExternalActivity(a: ImportedActivity): ExternalActivity {
  return {
    identifier: a.identifier,
    reportingOrg: org(a.reportingOrg),
    title: a.title,
    description: a.description,
    status: a.status,
    plannedStart: a.dates.get('1') ?? null,
    plannedEnd: a.dates.get('3') ?? null,
    actualStart: a.dates.get('2') ?? null,
    actualEnd: a.dates.get('4') ?? null,
    participatingOrgs: a.participatingOrgs.map((p) => ({ ...org(p), role: p.role })),
    recipientCountries: a.recipientCountries,
    recipientRegions: a.recipientRegions,
    sectors: a.sectors,
    transactions: a.transactions.map((t) => ({
      ref: t.ref,
      type: t.type,
      date: t.date,
      value: t.value,
      provider: t.provider ? org(t.provider) : null,
      receiver: t.receiver ? org(t.receiver) : null,
      providerActivityId: t.providerActivityId,
    })),
    budgets: a.budgets,
    documents: a.documents,
  };
}
