/** What verifying a stream's hash chain answers (GET …/verify): no Node imports, so the dashboard reads it too. */
export type ChainBreak = {
  readonly revision: number;
  readonly eventId: string;
  readonly type: string;
  readonly reason: 'unchained' | 'previous-link-mismatch' | 'hash-mismatch' | 'revision-gap';
  readonly expected: string;
  readonly found: string | null;
};

export interface ChainVerification {
  readonly streamId: string;
  readonly ok: boolean;
  readonly eventsChecked: number;
  /** The last link that verified: an evaluator compares it with a copy kept elsewhere. */
  readonly headHash: string;
  /** The first event whose link does not hold; everything after it is unverified. */
  readonly firstBroken: ChainBreak | null;
}
