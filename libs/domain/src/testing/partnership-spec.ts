import type { CommandContext, UserRole } from '../shared/command';
import { partnershipDecider } from '../partnerships/partnership';
import { DeciderSpecification } from './decider-specification';

export const NOW = '2026-06-30T12:00:00.000Z';

const EVERY_PARTY_ROLE: readonly UserRole[] = ['donor', 'implementer', 'beneficiary', 'evaluator'];

/** A user of the organisation; by default one trusted with every party role, so specs test the organisation's roles. */
export function as(organisationId: string, roles: readonly UserRole[] = EVERY_PARTY_ROLE): CommandContext {
  return { userId: `user-of-${organisationId}`, organisationId, now: NOW, roles };
}

/** given(events).when(command).then(events) / .thenThrows(rule) on the partnership decider. */
export const given = DeciderSpecification.for(partnershipDecider);
