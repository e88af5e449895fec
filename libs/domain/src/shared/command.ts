/** What a user may be trusted with: `admin` manages organisations; the others act as a party in that role. */
export const USER_ROLES = ['admin', 'donor', 'implementer', 'beneficiary', 'evaluator'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Who issues a command and when: the rules need both (roles, "nothing in the future"). */
export interface CommandContext {
  readonly userId: string;
  /** The organisation the user acts for. */
  readonly organisationId: string;
  /**
   * The roles the user holds in its organisation. An action needs the role both in the partnership
   * (the organisation's) and here (the user's): a finance officer of a donor does not endorse as beneficiary.
   */
  readonly roles: readonly UserRole[];
  /** ISO 8601 instant supplied by the caller: the rules never read a clock. */
  readonly now: string;
}

export interface Command<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
  readonly context: CommandContext;
}

/** An event before it is stored: the store adds id, revision, position and metadata. */
export interface DomainEvent<Type extends string, Version extends number, Data> {
  readonly type: Type;
  readonly schemaVersion: Version;
  readonly data: Data;
}
