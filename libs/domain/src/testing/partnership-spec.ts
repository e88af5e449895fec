import type { CommandContext } from '../shared/command';
import { RuleViolation } from '../shared/rule-violation';
import type { PartnershipCommand } from '../partnerships/partnership-commands';
import { decide } from '../partnerships/partnership-decider';
import type { PartnershipEvent } from '../partnerships/partnership-events';
import { foldPartnership } from '../partnerships/partnership-state';

export const NOW = '2026-06-30T12:00:00.000Z';

export function as(organisationId: string): CommandContext {
  return { userId: `user-of-${organisationId}`, organisationId, now: NOW };
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
