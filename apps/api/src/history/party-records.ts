import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { evolve, initialPartnershipState, upcastPartnershipEvent, type OrganisationEvent } from '@ccb/domain';
import { StreamNotFoundError, type EventStore, type RecordedEvent } from '@ccb/event-store';
import { evolveOrganisationInfo, type OrganisationInfo, type OrganisationLookup } from '@ccb/read-models';
import { EVENT_STORE } from '../event-store/event-store.module';
import { partnershipStreamId } from '../partnerships/execute-partnership-command';
import { organisationStreamId } from '../organisations/organisation-stream';
import type { Principal } from '../auth/principal';

const notFound = () => new NotFoundException({ code: 'partnership.not-found', message: 'No such partnership' });

/**
 * A partnership's own events, for its parties and the evaluators it appointed only. This is where the
 * confidential facts live (needs, plans, findings): read from the event store, after a party check
 * made on the same events, never through a read model.
 */
@Injectable()
export class PartyRecords {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async eventsFor(partnershipId: string, principal: Principal): Promise<RecordedEvent[]> {
    const events = await this.read(partnershipStreamId(partnershipId));
    // Parties now, or parties at any time: an evaluator appointed once keeps reading what it evaluated.
    const parties = new Set<string>();
    let state = initialPartnershipState;
    for (const e of events) {
      state = evolve(state, upcastPartnershipEvent(e));
      for (const organisationId of Object.keys(state.parties)) parties.add(organisationId);
    }
    if (!parties.has(principal.organisationId)) throw notFound();
    return events;
  }

  /** The organisations' profiles as they stood at `until` (ISO instant), for metrics that depend on countries and kinds. */
  async organisationsAsOf(organisationIds: Iterable<string>, until: string | null): Promise<OrganisationLookup> {
    const profiles = new Map<string, OrganisationInfo>();
    for (const id of new Set(organisationIds)) {
      let info: OrganisationInfo | undefined;
      for (const e of await this.read(organisationStreamId(id))) {
        if (until !== null && e.metadata.recordedAt > until) break;
        info = evolveOrganisationInfo(info, e as unknown as OrganisationEvent, e.metadata.recordedAt);
      }
      if (info) profiles.set(id, info);
    }
    return (id) => profiles.get(id);
  }

  private async read(streamId: string): Promise<RecordedEvent[]> {
    try {
      return await this.store.readStream(streamId);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }
}
