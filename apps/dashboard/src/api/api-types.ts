/** The shapes the dashboard reads, as the API documents them at /docs-json. Amounts are integer minor units. */
import type { Phase, Role } from '../../../../libs/domain/src/partnerships/vocabulary';
import type { PartnershipDossier } from '../../../../libs/read-models/src/dossier/partnership-dossier';
import type { LocalOwnershipMetrics } from '../../../../libs/read-models/src/api/local-ownership-results';

export type { Page } from '../../../../libs/read-models/src/api/page';
export type { Overlap, RegistryEntry } from '../../../../libs/read-models/src/api/coordination-results';
export type { LocalOwnershipMetrics };
export type { PartnershipOwnership as LocalOwnershipRow } from '../../../../libs/read-models/src/api/local-ownership-results';

export interface DemoUser {
  readonly name: string;
  readonly displayName: string;
  readonly organisationId: string;
  readonly roles: readonly string[];
  readonly task: string;
}

export interface Me {
  readonly userId: string;
  readonly organisationId: string;
  readonly roles: readonly string[];
}

// Declared once, where the query builds them: the dashboard reads the API's own result types.
export type { PartnershipSummary as PartnershipRow, PartnershipDetail } from '../../../../libs/read-models/src/api/partnership-results';

export interface CurrencyTotals {
  readonly currency: string;
  readonly committed: number;
  readonly disbursed: number;
  readonly refunded: number;
  readonly passedOn: number;
  readonly received: number;
  readonly spent: number;
  readonly spentLocally: number;
  readonly inKind: number;
  readonly localShare: number | null;
  readonly burnRate: number | null;
}

export type MoneyMeasure = 'committed' | 'disbursed' | 'refunded' | 'passedOn' | 'received' | 'spent' | 'spentLocally' | 'spentDirectly' | 'inKind';

export interface ReportingTotals extends Readonly<Record<MoneyMeasure, number>> {
  readonly currency: string;
  /** What no rate converts, in its own currency: never counted as zero. */
  readonly unconverted: readonly (Partial<Record<MoneyMeasure, number>> & { currency: string })[];
  readonly complete: boolean;
  readonly localShare: number | null;
  readonly burnRate: number | null;
}

export interface FundingItem<K> {
  readonly key: K;
  readonly byCurrency: readonly CurrencyTotals[];
  readonly reporting?: ReportingTotals;
  /** spent / funds available across currencies; null when unknown (amounts no rate converts). */
  readonly burnRate: number | null;
  readonly localShare: number | null;
  /** Spent more than it had: co-financing, or a mistake. */
  readonly overspent: boolean;
}

export interface FundingTotals<K> {
  readonly groupBy: string;
  readonly items: readonly FundingItem<K>[];
}

export interface ExchangeRateSets {
  readonly sets: readonly { setId: string; source: string; recordedAt: string; rates: number; pairs: readonly string[]; from: string; to: string }[];
  /** Every currency the table can convert between: each can be a reporting currency. */
  readonly currencies: readonly string[];
  readonly rates: number;
}

export interface FundingChain {
  readonly partnershipId: string;
  /** The programme currency: that of the first commitment from the top of the chain. */
  readonly basis: string | null;
  readonly levels: readonly { organisationId: string; level: number }[];
  readonly edges: readonly { providerId: string; receiverId: string; currency: string; committed: number; disbursed: number; level: number }[];
}

export interface InclusionRow {
  readonly key: { partnershipId: string; title: string };
  readonly activities: number;
  readonly women: number;
  readonly men: number;
  readonly undisclosed: number;
  readonly participants: number;
  readonly womenShare: number | null;
}

export interface Organisation {
  readonly organisationId: string;
  readonly name: string;
  readonly country: string;
  readonly kind: string;
}

/** The dossier as GET …/dossier answers it: the fold, with where in the stream it stands. */
export type Dossier = PartnershipDossier & { readonly partnershipId: string; readonly revision: number };

export interface HistoryEvent {
  readonly revision: number;
  readonly eventId: string;
  readonly type: string;
  readonly recordedAt: string;
  readonly actor: string;
  readonly organisation: string;
  readonly summary: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface AsOf {
  /** Recording time (revision, recordedAt) and, when asked, valid time: what was true on that day. */
  readonly asOf: { revision: number; recordedAt: string; headRevision: number; validAt: string | null };
  readonly partnership: {
    readonly phase: Phase;
    readonly suspended: boolean;
    readonly parties: readonly { organisationId: string; role: Role }[];
    readonly milestones: readonly { milestoneId: string; title: string; dueDate: string }[];
    readonly activities: readonly unknown[];
  };
  /** Funding summary rows as the read model stores them (per organisation, currency and year): `disbursed` is gross, `refunded` apart. */
  readonly funding: readonly { organisation_id: string; currency: string; year: number; committed: number; disbursed: number; refunded: number; spent: number }[];
  readonly localOwnership: LocalOwnershipMetrics;
}

export interface Diff {
  readonly from: { revision: number; recordedAt: string };
  readonly to: { revision: number; recordedAt: string };
  readonly changes: readonly string[];
  readonly events: readonly { revision: number; type: string; recordedAt: string; actor: string; organisation: string; summary: string }[];
}

export interface Verification {
  readonly streamId: string;
  readonly ok: boolean;
  readonly eventsChecked: number;
  readonly headHash: string | null;
  readonly firstBroken: { revision: number; eventId: string; type: string; reason: string; expected?: string; found?: string } | null;
}
