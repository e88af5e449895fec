import { Inject, Injectable } from '@nestjs/common';
import { type EventStore } from '@ccb/event-store';
import { EVENT_STORE } from '../event-store/event-store.module';
import { organisationDecider } from '@ccb/domain';

/**
 * Whether a token's organisation is registered, asked of the event store (the read models may lag).
 * Organisations are never deleted, so a yes is remembered; a no is asked again next time.
 */
@Injectable()
export class KnownOrganisations {
  private readonly known = new Set<string>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async exists(organisationId: string): Promise<boolean> {
    if (this.known.has(organisationId)) return true;
    if (!(await this.store.readStream(organisationDecider.streamId(organisationId), { maxCount: 1 })).streamExists) return false;
    this.known.add(organisationId);
    return true;
  }
}
