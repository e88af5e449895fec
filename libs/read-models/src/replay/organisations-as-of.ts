import type { OrganisationEvent } from '@ccb/domain';
import type { RecordedEvent } from '@ccb/event-store';
import { evolveOrganisationInfo, type OrganisationInfo, type OrganisationLookup } from '../organisations/organisation-directory';

/** The organisations' profiles as they stood at `until` (ISO instant; null: now), for metrics that depend on countries and kinds. */
export async function organisationsAsOf(
  readStream: (streamId: string) => Promise<readonly RecordedEvent[]>,
  organisationIds: Iterable<string>,
  until: string | null,
): Promise<OrganisationLookup> {
  const profiles = new Map<string, OrganisationInfo>();
  for (const id of new Set(organisationIds)) {
    let info: OrganisationInfo | undefined;
    for (const e of await readStream(`organisation-${id}`)) {
      if (until !== null && e.metadata.recordedAt > until) break;
      info = evolveOrganisationInfo(info, e as unknown as OrganisationEvent, e.metadata.recordedAt);
    }
    if (info) profiles.set(id, info);
  }
  return (id) => profiles.get(id);
}
