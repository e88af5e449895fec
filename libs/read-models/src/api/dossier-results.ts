/** What GET …/dossier answers, declared once for the API and the dashboard. */
import type { ActivityType, BaselineCommitment, FlowRecord, Level, NeedKind, PartnershipState, Principle, Role, Theme } from '@ccb/domain';

/**
 * What only a partnership's parties (and the evaluator it appoints) may read: the beneficiary's needs
 * and national priorities, the co-designed plan, risks, evaluators' findings. It is never stored in a
 * read model: it is folded from the stream on demand, behind a party check, so no query for a
 * non-party can select it.
 */
export interface PartnershipDossier {
  readonly needs: readonly {
    readonly needId: string;
    readonly kind: NeedKind;
    readonly description: string;
    readonly confidential: boolean;
    readonly statedBy: string;
    /** 1 is the most pressing, as the beneficiary last ranked them; null before any ranking (or stated since). */
    readonly priority: number | null;
  }[];
  readonly languages: readonly string[];
  readonly plan: {
    readonly version: number;
    readonly confidential: boolean;
    readonly proposedBy: string;
    readonly objectives: readonly { readonly objectiveId: string; readonly description: string; readonly needIds: readonly string[] }[];
    /** Who endorsed this version: delivery needs a beneficiary, a donor and an implementer. */
    readonly endorsements: readonly { readonly organisationId: string; readonly role: Role }[];
  } | null;
  readonly baselineCommitments: readonly { readonly commitment: BaselineCommitment; readonly description: string; readonly recordedBy: string }[];
  readonly risks: readonly {
    readonly riskId: string;
    readonly kind: 'risk' | 'issue';
    readonly description: string;
    readonly severity: 'low' | 'medium' | 'high';
    readonly raisedBy: string;
    readonly resolution: string | null;
  }[];
  readonly evaluations: readonly {
    readonly evaluationId: string;
    readonly evaluatorId: string;
    readonly corrects: string | null;
    readonly findings: string;
    readonly lessons: string;
    readonly scores: readonly { readonly principle: Principle; readonly score: number; readonly evidence: string; readonly eventIds: readonly string[] }[];
  }[];
  readonly midTermReviews: readonly {
    readonly reviewId: string;
    readonly reviewerId: string;
    readonly findings: string;
    readonly recommendations: string;
    readonly scores: readonly { readonly principle: Principle; readonly score: number; readonly evidence: string; readonly eventIds: readonly string[] }[];
  }[];
  /** Invitations not yet answered, and those declined with the invitee's reason (shown to the parties). */
  readonly invitations: readonly {
    readonly organisationId: string;
    readonly role: Role;
    readonly invitedBy: string;
    readonly status: 'pending' | 'declined' | 'withdrawn';
    readonly reason: string | null;
  }[];
  readonly closure: { readonly outcome: string; readonly summary: string } | null;
}

export interface ActivityView {
  readonly activityId: string;
  readonly type: ActivityType;
  readonly title: string;
  readonly themes: readonly Theme[];
  readonly level: Level;
  readonly startDate: string;
  readonly endDate: string;
  readonly languages: readonly string[];
  readonly women: number;
  readonly men: number;
  readonly undisclosed: number;
  readonly participantHours: number;
  readonly localTrainers: number;
  readonly foreignTrainers: number;
  readonly localTrainersProduced: number;
  readonly objectiveId: string | null;
  readonly needIds: readonly string[];
  readonly continuesAfterFunding: boolean;
}

/** An activity as it now stands, with the link a correction must restate and no table shows. */
export type RecordedActivity = ActivityView & { readonly trainedByActivityId: string | null };

export type DossierAnswer = PartnershipDossier & {
  readonly partnershipId: string;
  readonly revision: number;
  /** Every flow of money as the rules now see it (corrections applied, voided ones marked). */
  readonly flows: readonly FlowRecord[];
  /** Every activity standing, whole: what a correction restates. */
  readonly activities: readonly RecordedActivity[];
  /** Every measurement standing: what a void names (by indicator, date and value). */
  readonly measurements: PartnershipState['measurements'];
};
