/** A command the rules refuse. `rule` is a stable code clients can act on. */
export class RuleViolation extends Error {
  constructor(
    readonly rule: string,
    message: string,
  ) {
    super(message);
    this.name = 'RuleViolation';
  }
}

export function refuse(rule: string, message: string): never {
  throw new RuleViolation(rule, message);
}

export function ensure(condition: unknown, rule: string, message: string): asserts condition {
  if (!condition) refuse(rule, message);
}
