import type { OrganisationLookup } from '../organisations/organisation-directory';
import { amountIn } from '../funding/currency-conversion';
import { partiesWithRole, type PartnershipView } from '../partnerships/partnership-view';

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
  readonly beneficiaryManaged: number | null;
  readonly localTrainers: number | null;
  readonly localTrainersProduced: number;
  readonly validation: number | null;
  readonly openDisputes: number;
  readonly handover: number | null;
  readonly continuingActivities: number | null;
  readonly sustainability: number | null;
  /** 0–100, over the components that have data. */
  readonly index: number | null;
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

const ratio = (part: number, whole: number): number | null => (whole > 0 ? round4(part / whole) : null);
const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;
const DAY_MS = 86_400_000;

/** The currency most of the partnership's money is committed in; shares are measured in it. */
export function programmeCurrency(view: PartnershipView): string | null {
  const commitment = view.flows.find((f) => f.kind === 'commitment') ?? view.flows.find((f) => !f.voided);
  return commitment?.currency ?? null;
}

export function localOwnership(view: PartnershipView, organisations: OrganisationLookup): LocalOwnership {
  const beneficiaries = new Set(partiesWithRole(view, 'beneficiary'));
  const isLocal = (organisationId: string) =>
    beneficiaries.has(organisationId) || organisations(organisationId)?.country === view.beneficiaryCountry;

  const demandOrigin =
    view.initiatedBy === 'beneficiary' || view.needs.some((n) => n.kind === 'needs-assessment' && beneficiaries.has(n.statedBy)) ? 1 : 0;

  const endorsedAt = view.deliveryStartedAt !== null ? view.beneficiaryEndorsedAt : (view.endorsements.find((e) => e.role === 'beneficiary')?.at ?? null);
  const coDesignEndorsed = view.deliveryStartedAt !== null ? (endorsedAt !== null ? 1 : 0) : endorsedAt !== null ? 1 : null;
  const daysToEndorsement =
    endorsedAt !== null && view.firstPlanAt !== null ? Math.max(0, Math.round((Date.parse(endorsedAt) - Date.parse(view.firstPlanAt)) / DAY_MS)) : null;

  const beneficiaryNeeds = new Set(view.needs.filter((n) => beneficiaries.has(n.statedBy)).map((n) => n.needId));
  const linked = (needIds: readonly string[]) => needIds.some((id) => beneficiaryNeeds.has(id));
  const objectives = view.plan?.objectives ?? [];
  const alignment = ratio(
    objectives.filter((o) => linked(o.needIds)).length + view.activities.filter((a) => linked(a.needIds)).length,
    objectives.length + view.activities.length,
  );

  const named = new Set(view.languages);
  const hours = view.activities.reduce((sum, a) => sum + a.participantHours, 0);
  const language = named.size === 0 ? null : ratio(view.activities.filter((a) => a.languages.some((l) => named.has(l))).reduce((sum, a) => sum + a.participantHours, 0), hours);

  const currency = programmeCurrency(view);
  let spent = 0;
  let spentLocally = 0;
  let inflow = 0;
  let managedLocally = 0;
  if (currency !== null) {
    const incoming = new Set(view.flows.filter((f) => f.kind === 'disbursement' && f.receiverId !== null).map((f) => f.receiverId));
    for (const f of view.flows) {
      const amount = amountIn(f, currency);
      if (amount === null || f.voided) continue;
      if (f.kind === 'expenditure') {
        spent += amount;
        if (f.spentInCountry === view.beneficiaryCountry || f.supplierLocal === true) spentLocally += amount;
      } else if (f.kind === 'disbursement' || f.kind === 'refund') {
        // A refund names the disbursement it reduces (same provider and receiver): it counts negative.
        const sign = f.kind === 'refund' ? -1 : 1;
        const [from, to] = [f.providerId, f.receiverId ?? ''];
        if (!incoming.has(from)) inflow += sign * amount;
        if (isLocal(to) && !isLocal(from)) managedLocally += sign * amount;
      }
    }
  }
  const localSpend = ratio(spentLocally, spent);
  const beneficiaryManaged = inflow > 0 ? round4(Math.min(1, Math.max(0, managedLocally / inflow))) : null;

  const trainers = view.activities.reduce((sum, a) => sum + a.localTrainers + a.foreignTrainers, 0);
  const localTrainers = ratio(view.activities.reduce((sum, a) => sum + a.localTrainers, 0), trainers);
  const localTrainersProduced = view.activities.reduce((sum, a) => sum + a.localTrainersProduced, 0);

  const delivered = view.milestones.filter((m) => m.status !== 'planned');
  const validation = ratio(delivered.filter((m) => m.status === 'confirmed').length, delivered.length);
  const openDisputes = delivered.filter((m) => m.status === 'disputed').length;

  const handover = view.closure === null ? null : view.closure.handoverDone ? 1 : 0;
  const continuingActivities = ratio(view.activities.filter((a) => a.continuesAfterFunding).length, view.activities.length);
  const sustainabilityParts = [handover, continuingActivities].filter((v): v is number => v !== null);
  const sustainability = sustainabilityParts.length ? round4(sustainabilityParts.reduce((a, b) => a + b, 0) / sustainabilityParts.length) : null;

  const components = { demandOrigin, coDesignEndorsed, alignment, language, localSpend, beneficiaryManaged, localTrainers, validation, sustainability };
  let weighted = 0;
  let weight = 0;
  for (const [name, w] of Object.entries(LOCAL_OWNERSHIP_WEIGHTS) as [keyof typeof components, number][]) {
    const value = components[name];
    if (value === null) continue;
    weighted += w * value;
    weight += w;
  }
  return {
    ...components,
    daysToEndorsement,
    localTrainersProduced,
    openDisputes,
    handover,
    continuingActivities,
    index: weight > 0 ? Math.round((weighted / weight) * 1000) / 10 : null,
    coverage: round4(weight / 100),
  };
}
