import type { Decider } from '../shared/decider';
import { RuleViolation } from '../shared/rule-violation';

/**
 * given(events).when(command).then(events) / .thenThrows(rule) / .thenNothingHappened(): the shape every rule's
 * spec takes, for any stream kind's decider (as Emmett's DeciderSpecification). The state is folded from the
 * given events with the decider's own `evolve`, so a spec never builds a state by hand.
 */
export const DeciderSpecification = {
  for<Command, Event, State>(decider: Pick<Decider<Command, Event, State>, 'decide' | 'evolve' | 'initialState'>) {
    return (...events: Event[]) => ({
      when(command: Command) {
        const run = () => decider.decide(command, events.reduce(decider.evolve, decider.initialState));
        return {
          then(expected: Event[]): void {
            expect(run()).toEqual(expected);
          },
          thenThrows(rule: string): void {
            let error: unknown;
            try {
              run();
            } catch (e) {
              error = e;
            }
            expect(error).toBeInstanceOf(RuleViolation);
            expect((error as RuleViolation).rule).toBe(rule);
          },
          thenNothingHappened(): void {
            expect(run()).toEqual([]);
          },
        };
      },
    });
  },
};
