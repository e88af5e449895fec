import type { Decider } from '../shared/decider';
import type { PartnershipCommand } from './partnership-commands';
import { decide } from './partnership-decider';
import type { PartnershipEvent } from './partnership-events';
import { evolve, initialPartnershipState, type PartnershipState } from './partnership-state';
import { upcastPartnershipEvent } from './partnership-upcasters';

export const PARTNERSHIP_STREAM_PREFIX = 'partnership-';

/** The partnership stream as a decider: only its parties may learn that it exists. */
export const partnershipDecider: Decider<PartnershipCommand, PartnershipEvent, PartnershipState> = {
  streamPrefix: PARTNERSHIP_STREAM_PREFIX,
  streamId: (partnershipId) => `${PARTNERSHIP_STREAM_PREFIX}${partnershipId}`,
  initialState: initialPartnershipState,
  decide,
  evolve,
  upcast: upcastPartnershipEvent,
  // An invited organisation may send its answer, and learns nothing else: the rules refuse it everything but that.
  isParty: (state, organisationId) => state.parties.has(organisationId) || state.invitations.some((i) => i.organisationId === organisationId),
};
