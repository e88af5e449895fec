/**
 * What the partnership queries answer, declared once: the API returns these, and the dashboard imports them
 * (type-only) instead of keeping its own copy. This file depends on the domain's vocabulary alone, so a
 * browser build can read it.
 */
import type { Initiator, Level, Phase, Role, Theme } from '@ccb/domain';

/** How the partnership's parties are placed (OECD/IATI definitions, docs/metrics.md). */
export const MODALITIES = ['regional', 'triangular', 'south-south', 'north-south', 'south-north', 'north-north', 'undetermined'] as const;
export type Modality = (typeof MODALITIES)[number];

export interface PartnershipSummary {
  readonly partnershipId: string;
  readonly title: string;
  readonly summary: string;
  readonly beneficiaryCountry: string;
  readonly beneficiaryRegion: string | null;
  readonly modality: Modality;
  readonly initiatedBy: Initiator;
  readonly themes: Theme[];
  readonly levels: Level[];
  readonly sdgs: number[];
  /** OECD DAC gender equality policy marker: 0 not targeted, 1 significant objective, 2 principal objective. */
  readonly genderMarker: number;
  readonly phase: Phase;
  readonly suspended: boolean;
  readonly plannedStart: string;
  readonly plannedEnd: string | null;
  readonly donorIds: string[];
  readonly implementerIds: string[];
  readonly beneficiaryIds: string[];
  readonly evaluatorIds: string[];
  readonly localOwnershipIndex: number | null;
  readonly revision: number;
  readonly proposedAt: string;
  readonly lastEventAt: string;
}

export interface PartnershipDetail extends PartnershipSummary {
  readonly parties: { organisationId: string; name: string | null; kind: string | null; country: string | null; role: Role; since: string }[];
  readonly milestones: { milestoneId: string; title: string; dueDate: string; status: string; achievedOn: string | null; validatedAt: string | null }[];
  readonly activities: {
    activityId: string;
    type: string;
    title: string;
    themes: string[];
    level: string;
    startDate: string;
    endDate: string;
    languages: string[];
    participants: { women: number; men: number; undisclosed: number };
    participantHours: number;
  }[];
  readonly indicators: {
    indicatorId: string;
    name: string;
    unit: string;
    baseline: number;
    target: number;
    latestValue: number | null;
    latestOn: string | null;
    progress: number | null;
  }[];
  readonly counts: { milestonesPlanned: number; milestonesDelivered: number; milestonesConfirmed: number; milestonesDisputed: number; activities: number; openRisks: number };
  readonly participants: { women: number; men: number; undisclosed: number; womenShare: number | null };
  readonly closure: { outcome: string | null; closedAt: string | null };
}

/** An invitation waiting for the invited organisation's answer. */
export interface PendingInvitationItem {
  readonly partnershipId: string;
  readonly title: string;
  readonly beneficiaryCountry: string;
  readonly phase: string;
  readonly organisationId: string;
  readonly role: 'donor' | 'implementer' | 'beneficiary';
  readonly invitedBy: string;
  readonly invitedAt: string;
}
