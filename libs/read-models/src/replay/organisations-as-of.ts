import { isOrganisationEventType, organisationDecider, upcastOrganisationEvent } from '@ccb/domain';
import type { RecordedEvent } from '@ccb/event-store';
import { evolveOrganisationInfo, lookupIn, type OrganisationInfo, type OrganisationLookup } from '../organisations/organisation-directory';

/** The organisations' profiles as they stood at `until` (ISO instant; null: now), for metrics that depend on countries and kinds. */
export async function organisationsAsOf(
  readStream: (streamId: string) => Promise<readonly RecordedEvent[]>,
  organisationIds: Iterable<string>,
  until: string | null,
): Promise<OrganisationLookup> {
  const profiles = new Map<string, OrganisationInfo>();
  // Each organisation's stream is its own read: asked together, one round trip's wait rather than one per party.
  const ids = [...new Set(organisationIds)];
  const streams = await Promise.all(ids.map((id) => readStream(organisationDecider.streamId(id))));
  ids.forEach((id, at) => {
    let info: OrganisationInfo | undefined;
    for (const e of streams[at]) {
      if (until !== null && e.metadata.recordedAt > until) break;
      if (isOrganisationEventType(e.type)) info = evolveOrganisationInfo(info, upcastOrganisationEvent(e), e.metadata.recordedAt);
    }
    if (info) profiles.set(id, info);
  });
  return lookupIn(profiles);
}
