/**
 * What the money queries answer, declared once for the API and the dashboard (docs/metrics.md defines each
 * figure). Amounts are integer minor units of their ISO 4217 currency. Domain vocabulary only, so a browser
 * build can read it.
 */
import type { Published } from './cells';

export interface Amounts {
  /** Commitments of the funders at the top of the chain (a donor's budget for its own implementation included, once). */
  committed: number;
  /** Net of refunds, at the top of the chain only: money passed down a chain is not counted again. */
  disbursed: number;
  /** Refunds back to the funders at the top of the chain. */
  refunded: number;
  /** Money passed on by an organisation that itself received funds in the partnership, net of refunds back to it. */
  passedOn: number;
  /** Net of refunds. For one organisation: what it received. For a partnership or portfolio: what entered from the top. */
  received: number;
  spent: number;
  /** Spent in the beneficiary country or with a local supplier. */
  spentLocally: number;
  /** Spent by an organisation from its own funds: a donor implementing itself. */
  spentDirectly: number;
  inKind: number;
}
export type AmountName = keyof Amounts;
export const AMOUNT_NAMES: readonly AmountName[] = ['committed', 'disbursed', 'refunded', 'passedOn', 'received', 'spent', 'spentLocally', 'spentDirectly', 'inKind'];
export const zeroAmounts = (): Amounts => ({ committed: 0, disbursed: 0, refunded: 0, passedOn: 0, received: 0, spent: 0, spentLocally: 0, spentDirectly: 0, inKind: 0 });

/** Which rate converted an amount, so every converted figure can say where it came from. */
export interface UsedRate {
  readonly from: string;
  readonly to: string;
  /** "1 from = rate to", as an exact decimal (derived rates rounded to 10 places for display). */
  readonly rate: string;
  /** 'recorded with the flow', or the table's source. */
  readonly source: string;
  readonly valueDate: string | null;
  readonly derivation: 'flow' | 'direct' | 'inverse' | 'cross';
  /** The currency a cross rate goes through. */
  readonly via?: string;
}

export interface CurrencyAmounts extends Amounts {
  readonly currency: string;
  /** spentLocally / spent, within this currency. */
  localShare: number | null;
  /** spent / funds available, when all of the group's money is in this one currency (else unknown: null). */
  burnRate: number | null;
}

export interface ReportingAmounts extends Amounts {
  readonly currency: string;
  /** Amounts no rate converts (none recorded with the flow, none fresh in the table), per currency: never counted as zero. */
  unconverted: (Partial<Amounts> & { currency: string })[];
  /** Every amount converted. */
  complete: boolean;
  localShare: number | null;
  burnRate: number | null;
  /** With `explain`: each rate used, with its source and value date, and how many amounts it converted. */
  conversions?: (UsedRate & { amounts: number })[];
}

export interface MoneyFigures {
  readonly byCurrency: CurrencyAmounts[];
  readonly reporting?: ReportingAmounts;
  /** spent / funds available across currencies: from the reporting currency when every amount in it converted, else only in one currency; null is unknown. */
  readonly burnRate: number | null;
  readonly localShare: number | null;
  /** Spent more than it had (co-financing, or a mistake): shown, never hidden. */
  readonly overspent: boolean;
}

export const FUNDING_GROUPS = ['partnership', 'donor', 'implementer', 'country', 'theme', 'year', 'provider-receiver'] as const;
export type FundingGroup = (typeof FUNDING_GROUPS)[number];

/** The key of a group, per grouping. */
export interface FundingKeys {
  readonly partnership: { partnershipId: string; title: string };
  readonly donor: { donorId: string };
  readonly implementer: { organisationId: string };
  readonly country: { country: string };
  readonly theme: { theme: string };
  readonly year: { year: number };
  readonly 'provider-receiver': { providerId: string; receiverId: string };
}

/** One group's figures: whole, or (a small cell the reader may not see alone) only its key. */
export type FundingItem<K> = Published<MoneyFigures & { readonly key: K; readonly partnershipIds: readonly string[] }, { readonly key: K }>;

/** GET /api/funding/totals */
export interface FundingTotals<G extends FundingGroup = FundingGroup> {
  readonly groupBy: G;
  readonly items: FundingItem<FundingKeys[G]>[];
}

export interface FlowChain {
  readonly partnershipId: string;
  /** Levels from the funders (1) down: who received from whom. */
  readonly levels: { organisationId: string; level: number }[];
  /** Per provider, receiver and currency; `disbursed` is net of refunds. */
  readonly edges: { providerId: string; receiverId: string; currency: string; committed: number; disbursed: number; level: number }[];
  /**
   * Each funder's money followed down to the last receivers, in the funder's currency, split pro rata at every
   * level. Where money arrives or leaves in several currencies the split weighs converted amounts (`basis`, `rates`).
   */
  readonly paths: { donorId: string; currency: string; path: string[]; amount: number }[];
  /** The programme currency: that of the first commitment from the top of the chain. */
  readonly basis: string | null;
  readonly rates: UsedRate[];
  /** Flows that no rate converts to the basis: left out of the weights, and listed. */
  readonly unconvertedFlowIds: string[];
}

export interface RateSetSummary {
  readonly setId: string;
  readonly source: string;
  readonly recordedAt: string;
  readonly rates: number;
  readonly pairs: string[];
  readonly from: string;
  readonly to: string;
}

/** GET /api/exchange-rates */
export interface ExchangeRateSets {
  readonly sets: RateSetSummary[];
  /** Every currency the table can convert between: each can be a reporting currency. */
  readonly currencies: string[];
  readonly rates: number;
}
