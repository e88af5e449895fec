/** The shapes the dashboard reads, as the API documents them at /docs-json. Amounts are integer minor units. */
import type { FlowRecord } from '../../../../libs/domain/src/partnerships/partnership-state';
import type { DossierAnswer } from '../../../../libs/read-models/src/api/dossier-results';
import type { LocalOwnershipMetrics } from '../../../../libs/read-models/src/api/local-ownership-results';
import type { FundingGroup, FundingItem, FundingKeys } from '../../../../libs/read-models/src/api/funding-results';
import type { InclusionGroup, InclusionResult } from '../../../../libs/read-models/src/api/inclusion-results';

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
export type { PartnershipSummary as PartnershipRow, PartnershipDetail, PendingInvitationItem } from '../../../../libs/read-models/src/api/partnership-results';

// Money, inclusion and history answers: the server's own declarations, type-only.
export type {
  AmountName as MoneyMeasure,
  CurrencyAmounts as CurrencyTotals,
  ExchangeRateSets,
  FlowChain as FundingChain,
  FundingGroup,
  FundingItem,
  FundingKeys,
  FundingTotals,
  ReportingAmounts as ReportingTotals,
} from '../../../../libs/read-models/src/api/funding-results';
export type { InclusionResult } from '../../../../libs/read-models/src/api/inclusion-results';

/** A funding group the reader may see whole: the API withholds small cells of other organisations' partnerships. */
export type WholeFunding<G extends FundingGroup> = Extract<FundingItem<FundingKeys[G]>, { readonly suppressed: false }>;
export type WholeInclusion<G extends InclusionGroup = 'partnership'> = Extract<InclusionResult<G>['items'][number], { readonly suppressed: false }>;
export type {
  AsOfAnswer as AsOf,
  EvaluationsAnswer,
  HistoryEntry as HistoryEvent,
  HistoryPage,
  ReplayDiffAnswer as Diff,
} from '../../../../libs/read-models/src/replay/replay-results';
export type { ChainVerification as Verification } from '../../../../libs/event-store/src/integrity/chain-verification';

export interface Organisation {
  readonly organisationId: string;
  readonly name: string;
  readonly country: string;
  readonly kind: string;
}

/** The dossier as GET …/dossier answers it: the fold, with where in the stream it stands and every flow as the rules see it. */
export type Dossier = DossierAnswer;
export type { RecordedActivity } from '../../../../libs/read-models/src/api/dossier-results';
export type { FlowRecord };
export type { PrincipleSummary, Score, ScorecardAnswer } from '../../../../libs/read-models/src/api/scorecard-results';
export type { ImportReport } from '../../../../libs/iati/src/import/import-report';
