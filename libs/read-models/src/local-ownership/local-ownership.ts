import type { OrganisationLookup } from '../organisations/organisation-directory';
import { chainLevels, basisCurrency, type LedgerFlow } from '../funding/money-ledger';
import { convert, type RateTable } from '../funding/rate-table';
import { partiesWithRole, type PartnershipView } from '../view/partnership-view';

/**
 * The local-ownership metrics of docs/metrics.md. A ratio is in [0, 1]; null means "nothing to
 * measure yet" (no activities, no expenditure...), which the index leaves out instead of counting as 0.
 */
export interface LocalOwnership {
  readonly demandOrigin: number;
  readonly coDesignEndorsed: number | null;
  readonly daysToEndorsement: number | null;
  readonly alignment: number | null;
  readonly language: number | null;
  readonly localSpend: number | null;
  /** The currency localSpend is weighed in, and the share of expenditures (by count) that converted to it. */
  readonly localSpendBasis: string | null;
  readonly localSpendCoverage: number | null;
  /** localSpend within each currency spent, which needs no rate. */
  readonly localSpendByCurrency: readonly { readonly currency: string; readonly share: number; readonly spentMinor: number }[];
  readonly beneficiaryManaged: number | null;
  readonly localTrainers: number | null;
  readonly localTrainersProduced: number;
  readonly validation: number | null;
  /** Milestones reported achieved and awaiting the beneficiary's word: pending, not "not validated". */
  readonly pendingValidation: number;
  readonly openDisputes: number;
  readonly handover: number | null;
  readonly continuingActivities: number | null;
  readonly sustainability: number | null;
  /** 0–100, over the components that have data; null below MIN_INDEX_COMPONENTS of them. */
  readonly index: number | null;
  /** How many of the index's components have data. */
  readonly components: number;
  /** Share of the index's weight that had data, 0–1. */
  readonly coverage: number;
}

/** The index's weights (they sum to 100); docs/metrics.md gives the reasons. */
export const LOCAL_OWNERSHIP_WEIGHTS = {
  demandOrigin: 15,
  coDesignEndorsed: 15,
  alignment: 15,
  language: 10,
  localSpend: 10,
  beneficiaryManaged: 5,
  localTrainers: 10,
  validation: 10,
  sustainability: 10,
} as const satisfies Partial<Record<keyof LocalOwnership, number>>;

/** An index over fewer components than this says more about missing data than about ownership: it is not shown. */
export const MIN_INDEX_COMPONENTS = 5;
export const INDEX_COMPONENTS = Object.keys(LOCAL_OWNERSHIP_WEIGHTS).length;

const ratio = (part: number, whole: number): number | null => (whole > 0 ? round4(part / whole) : null);
const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;
const DAY_MS = 86_400_000;

/** The currency of the partnership's first commitment from the top of the chain: its programme currency. */
export function programmeCurrency(view: PartnershipView): string | null {
  return basisCurrency(view.flows, chainLevels(view.flows).origins);
}

/**
 * A share of amounts in several currencies: weighed in the currency that lets the most of them (by count)
 * convert, the programme currency first on a tie, each at its own date; what does not convert is left out
 * and the coverage says how much that is.
 */
function shareAcrossCurrencies(
  items: readonly { readonly flow: LedgerFlow; readonly part: boolean; readonly sign: number }[],
  preferred: string | null,
  rates: RateTable,
): { share: number | null; basis: string | null; coverage: number | null } {
  if (items.length === 0) return { share: null, basis: null, coverage: null };
  const candidates = [...new Set([...(preferred ? [preferred] : []), ...items.map((i) => i.flow.currency)])];
  let best: { share: number | null; basis: string; converted: number } | null = null;
  for (const basis of candidates) {
    let whole = 0;
    let part = 0;
    let converted = 0;
    for (const i of items) {
      const c = convert(i.flow, basis, rates);
      if (!c) continue;
      converted++;
      whole += i.sign * c.amountMinor;
      if (i.part) part += i.sign * c.amountMinor;
    }
    if (!best || converted > best.converted) best = { share: whole > 0 ? round4(Math.min(1, Math.max(0, part / whole))) : null, basis, converted };
  }
  const chosen = best as { share: number | null; basis: string; converted: number };
  return { share: chosen.share, basis: chosen.basis, coverage: round4(chosen.converted / items.length) };
}

export function localOwnership(view: PartnershipView, organisations: OrganisationLookup, rates: RateTable): LocalOwnership {
  const beneficiaries = new Set(partiesWithRole(view, 'beneficiary'));
  // Local as the organisation was on the flow's date: a later move of its seat does not re-write the past.
  const isLocal = (organisationId: string, on: string) => beneficiaries.has(organisationId) || organisations(organisationId, on)?.country === view.beneficiaryCountry;

  // From what happened, not from what the proposer asserts (`initiatedBy`): the beneficiary proposed, or wrote the needs assessment.
  const demandOrigin = view.proposerRole === 'beneficiary' || view.needs.some((n) => n.kind === 'needs-assessment' && beneficiaries.has(n.statedBy)) ? 1 : 0;

  const endorsedAt = view.deliveryStartedAt !== null ? view.beneficiaryEndorsedAt : (view.endorsements.find((e) => e.role === 'beneficiary')?.at ?? null);
  const coDesignEndorsed = view.deliveryStartedAt !== null ? (endorsedAt !== null ? 1 : 0) : endorsedAt !== null ? 1 : null;
  const daysToEndorsement = endorsedAt !== null && view.firstPlanAt !== null ? Math.max(0, Math.round((Date.parse(endorsedAt) - Date.parse(view.firstPlanAt)) / DAY_MS)) : null;

  const beneficiaryNeeds = new Set(view.needs.filter((n) => beneficiaries.has(n.statedBy)).map((n) => n.needId));
  const linked = (needIds: readonly string[]) => needIds.some((id) => beneficiaryNeeds.has(id));
  const objectives = view.plan?.objectives ?? [];
  const alignment = ratio(objectives.filter((o) => linked(o.needIds)).length + view.activities.filter((a) => linked(a.needIds)).length, objectives.length + view.activities.length);

  const named = new Set(view.languages);
  const hours = view.activities.reduce((sum, a) => sum + a.participantHours, 0);
  const language =
    named.size === 0
      ? null
      : ratio(
          view.activities.filter((a) => a.languages.some((l) => named.has(l))).reduce((sum, a) => sum + a.participantHours, 0),
          hours,
        );

  const currency = programmeCurrency(view);
  const live = view.flows.filter((f) => !f.voided);
  const expenditures = live.filter((f) => f.kind === 'expenditure');
  const isSpentLocally = (f: LedgerFlow) => f.spentInCountry === view.beneficiaryCountry || f.supplierLocal === true;
  const spend = shareAcrossCurrencies(
    expenditures.map((flow) => ({ flow, part: isSpentLocally(flow), sign: 1 })),
    currency,
    rates,
  );
  const localSpendByCurrency = [...new Set(expenditures.map((f) => f.currency))].sort().map((c) => {
    const inCurrency = expenditures.filter((f) => f.currency === c);
    const spentMinor = inCurrency.reduce((sum, f) => sum + f.amountMinor, 0);
    return { currency: c, spentMinor, share: round4(inCurrency.filter(isSpentLocally).reduce((sum, f) => sum + f.amountMinor, 0) / spentMinor) };
  });

  // Money entering the partnership at the top, and the part of it passed from a non-local to a local organisation.
  const { origins } = chainLevels(live);
  const transfers = live.filter((f) => f.kind === 'disbursement' || f.kind === 'refund');
  const inflow = transfers.filter((f) => origins.has(f.providerId)).map((flow) => ({ flow, part: false, sign: flow.kind === 'refund' ? -1 : 1 }));
  const handed = transfers
    .filter((f) => isLocal(f.receiverId ?? '', f.date) && !isLocal(f.providerId, f.date))
    .map((flow) => ({ flow, part: true, sign: flow.kind === 'refund' ? -1 : 1 }));
  // Both sums in one currency: the one that lets the most of these flows convert.
  const { basis: managedBasis } = shareAcrossCurrencies([...inflow, ...handed], currency, rates);
  let beneficiaryManaged: number | null = null;
  if (managedBasis !== null) {
    const total = (items: typeof inflow) => items.reduce((sum, i) => sum + i.sign * (convert(i.flow, managedBasis, rates)?.amountMinor ?? 0), 0);
    const entered = total(inflow);
    beneficiaryManaged = entered > 0 ? round4(Math.min(1, Math.max(0, total(handed) / entered))) : null;
  }
  const localSpend = spend.share;

  const trainers = view.activities.reduce((sum, a) => sum + a.localTrainers + a.foreignTrainers, 0);
  const localTrainers = ratio(
    view.activities.reduce((sum, a) => sum + a.localTrainers, 0),
    trainers,
  );
  const localTrainersProduced = view.activities.reduce((sum, a) => sum + a.localTrainersProduced, 0);

  const answered = view.milestones.filter((m) => m.status === 'confirmed' || m.status === 'disputed');
  const validation = ratio(answered.filter((m) => m.status === 'confirmed').length, answered.length);
  const pendingValidation = view.milestones.filter((m) => m.status === 'achieved').length;
  const openDisputes = answered.filter((m) => m.status === 'disputed').length;

  const handover = view.closure === null ? null : view.closure.handoverDone ? 1 : 0;
  // Observed, not forecast: an activity that starts after the last disbursement shows the work goes on without new money.
  // Null while that cannot be seen yet; 0 once funding is over (evaluation, closure) with none.
  const lastDisbursement = live.filter((f) => f.kind === 'disbursement').reduce<string | null>((max, f) => (max === null || f.date > max ? f.date : max), null);
  const continuedAfter = lastDisbursement !== null && view.activities.some((a) => a.startDate > lastDisbursement);
  const fundingOver = view.phase === 'evaluation' || view.phase === 'closed';
  const continuingActivities = lastDisbursement === null ? null : continuedAfter ? 1 : fundingOver ? 0 : null;
  const sustainabilityParts = [handover, continuingActivities].filter((v): v is number => v !== null);
  const sustainability = sustainabilityParts.length ? round4(sustainabilityParts.reduce((a, b) => a + b, 0) / sustainabilityParts.length) : null;

  const parts = { demandOrigin, coDesignEndorsed, alignment, language, localSpend, beneficiaryManaged, localTrainers, validation, sustainability };
  let weighted = 0;
  let weight = 0;
  let components = 0;
  for (const [name, w] of Object.entries(LOCAL_OWNERSHIP_WEIGHTS) as [keyof typeof parts, number][]) {
    const value = parts[name];
    if (value === null) continue;
    weighted += w * value;
    weight += w;
    components++;
  }
  return {
    ...parts,
    daysToEndorsement,
    localTrainersProduced,
    localSpendBasis: spend.basis,
    localSpendCoverage: spend.coverage,
    localSpendByCurrency,
    pendingValidation,
    openDisputes,
    handover,
    continuingActivities,
    index: weight > 0 && components >= MIN_INDEX_COMPONENTS ? Math.round((weighted / weight) * 1000) / 10 : null,
    components,
    coverage: round4(weight / 100),
  };
}
