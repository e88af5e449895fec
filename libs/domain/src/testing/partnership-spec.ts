import type { CommandContext, UserRole } from '../shared/command';
import { RuleViolation } from '../shared/rule-violation';
import type { PartnershipCommand } from '../partnerships/partnership-commands';
import { decide } from '../partnerships/partnership-decider';
import type { PartnershipEvent } from '../partnerships/partnership-events';
import { foldPartnership } from '../partnerships/partnership-state';

export const NOW = '2026-06-30T12:00:00.000Z';

const EVERY_PARTY_ROLE: readonly UserRole[] = ['donor', 'implementer', 'beneficiary', 'evaluator'];

/** A user of the organisation; by default one trusted with every party role, so specs test the organisation's roles. */
export function as(organisationId: string, roles: readonly UserRole[] = EVERY_PARTY_ROLE): CommandContext {
  return { userId: `user-of-${organisationId}`, organisationId, now: NOW, roles };
}

/** given(events).when(command).then(events) / .refusedBy(rule): the shape every rule's spec takes. */
export function given(...events: PartnershipEvent[]) {
  return {
    when(command: PartnershipCommand) {
      const run = () => decide(command, foldPartnership(events));
      return {
        then(expected: PartnershipEvent[]): void {
          expect(run()).toEqual(expected);
        },
        refusedBy(rule: string): void {
          let error: unknown;
          try {
            run();
          } catch (e) {
            error = e;
          }
          expect(error).toBeInstanceOf(RuleViolation);
          expect((error as RuleViolation).rule).toBe(rule);
        },
      };
    },
  };
}
