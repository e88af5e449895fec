/**
 * What the history and replay endpoints answer, declared once for the API and the dashboard. Type-only
 * imports of the pure folds (no store, no database), so a browser build can read it.
 */
import type { PartnershipView } from '../view/partnership-view';
import type { PartnershipDossier } from '../dossier/partnership-dossier';
import type { FundingSummaryRow } from '../funding/funding-summary';
import type { LocalOwnership } from '../local-ownership/local-ownership';
import type { Sentence } from '../timeline/sentences';

/** One event as GET …/history lists it: who, when, why, and a sentence. */
export interface HistoryEntry {
  readonly revision: number;
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly recordedAt: string;
  readonly actor: string;
  readonly organisation: string | null;
  readonly reason: string | null;
  readonly correlationId: string;
  readonly causationId: string | null;
  /** In English; `sentence` is the same for a reader of another language. */
  readonly summary: string;
  readonly sentence: Sentence;
  readonly data: unknown;
  readonly hash: string | null;
}

/** GET …/history */
export interface HistoryPage {
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  readonly items: HistoryEntry[];
}

export interface UnreadableEvent {
  readonly eventId: string;
  readonly revision: number;
  readonly type: string;
  readonly errorClass: string;
  readonly errorMessage: string;
}

/** GET …/as-of: the partnership at a point of recording time and, when asked, of valid time. */
export interface AsOfAnswer {
  readonly partnershipId: string;
  readonly asOf: { readonly revision: number; readonly recordedAt: string | null; readonly headRevision: number; readonly validAt: string | null };
  readonly partnership: PartnershipView | null;
  readonly dossier: PartnershipDossier;
  /** Funding summary rows as the read model stores them (per organisation, currency and year): `disbursed` is gross, `refunded` apart. */
  readonly funding: FundingSummaryRow[];
  readonly localOwnership: LocalOwnership | null;
  /** Events the folds could not read: the figures above leave them out, and say so. */
  readonly unreadableEvents: readonly UnreadableEvent[];
}

export interface ReplayPointSummary {
  readonly revision: number;
  readonly recordedAt: string | null;
}

/** What changed between two points of a partnership's history, for a person to read. */
export interface ReplayDiff {
  readonly from: ReplayPointSummary;
  readonly to: ReplayPointSummary;
  /** The net effect, one sentence each: phase, money, milestones, parties, the local-ownership index. */
  readonly changes: string[];
  /** The same changes, each as a sentence any language renders. */
  readonly changeSentences: Sentence[];
  /** The events in between, in order, described: all of them, or the first ones when the answer says how many there are. */
  readonly events: {
    readonly revision: number;
    readonly eventId: string;
    readonly type: string;
    readonly recordedAt: string;
    readonly actor: string;
    readonly organisation: string | null;
    readonly summary: string;
    readonly sentence: Sentence;
  }[];
}

/** GET …/diff and …/changes: the diff, earlier to later, and whether the points were given the other way round. */
export type ReplayDiffAnswer = ReplayDiff & {
  /** How many events lie between the points; `events` lists the first `eventsLimit` of them. */
  readonly eventsTotal: number;
  /** The points were given later first: the diff still reads earlier to later, and says so. */
  readonly reversed: boolean;
};

/** An evaluation's evidence as the events it names: found in the stream, or named but missing. */
export type EvidenceEvent =
  | {
      readonly eventId: string;
      readonly found: true;
      readonly revision: number;
      readonly type: string;
      readonly recordedAt: string;
      readonly summary: string;
      readonly sentence: Sentence;
    }
  | { readonly eventId: string; readonly found: false };

/** GET …/evaluations: every evaluation recorded, whether it is still in force (not corrected since), and its evidence. */
export interface EvaluationsAnswer {
  readonly items: readonly (Omit<PartnershipDossier['evaluations'][number], 'scores'> & {
    readonly inForce: boolean;
    readonly scores: readonly (PartnershipDossier['evaluations'][number]['scores'][number] & { readonly evidenceEvents: readonly EvidenceEvent[] })[];
  })[];
}
