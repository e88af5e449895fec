/** An event as stored: any schema version this code has ever written. */
export interface StoredEvent {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * One kind of stream, as a value (Emmett's and oskardudycz's deciders): where its events live, the state its
 * rules start from, the rules, the fold, and how an event of any stored version is read. The API executes
 * commands through it and the read side reads streams by its prefix: the conventions are written here once.
 */
export interface Decider<Command, Event, State> {
  readonly streamPrefix: string;
  streamId(id: string): string;
  readonly initialState: State;
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  upcast(stored: StoredEvent): Event;
  /**
   * Whether an organisation may learn that this stream exists at all. Checked before anything else a
   * request can probe (If-Match, Idempotency-Key, the rules): everyone else hears "not found".
   * Absent: the stream is public (the organisation registry).
   */
  isParty?(state: State, organisationId: string): boolean;
}
