/** The checks every decision shares: who may act, in which phase, on which facts. */
import { LANGUAGE_CODES } from '../shared/codelists';
import type { CommandContext } from '../shared/command';
import { ensureNotInFuture, ensureOrdered } from '../shared/dates';
import { ensure } from '../shared/rule-violation';
import { convertMinorUnits } from '../shared/money';
import { parseRate, relativeDeviation } from '../shared/exact-rate';
import type { RecordActivity, RecordExpenditure } from './partnership-commands';
import { netReceived, receivedAny, spentIn, type PartnershipState } from './partnership-state';
import { OVERSPEND_REASON_RATIO, RATE_DEVIATION_LIMIT, type ExchangeRate, type ReferenceRate, type Phase, type Role } from './vocabulary';

export function rolesOf(state: PartnershipState, organisationId: string): readonly Role[] {
  return state.parties.get(organisationId) ?? [];
}

export function ensureParty(state: PartnershipState, ctx: CommandContext, roles: readonly Role[]): void {
  const held = rolesOf(state, ctx.organisationId);
  ensure(held.length > 0, 'access.party', 'only parties to the partnership may act on it');
  ensure(
    held.some((r) => roles.includes(r)),
    'access.role',
    `this action needs the role ${roles.join(' or ')}; organisation ${ctx.organisationId} is ${held.join(', ')}`,
  );
  ensure(
    held.some((r) => roles.includes(r) && ctx.roles.includes(r)),
    'access.role',
    `this action needs a user with the role ${roles.filter((r) => held.includes(r)).join(' or ')}; you hold ${ctx.roles.join(', ') || 'no role'}`,
  );
}

/** Checked before anything else, so a non-party learns nothing about the partnership, not even its phase. */
export function ensureAnyParty(state: PartnershipState, ctx: CommandContext): void {
  ensure(rolesOf(state, ctx.organisationId).length > 0, 'access.party', 'only parties to the partnership may act on it');
}

export function ensurePhase(state: PartnershipState, phases: readonly Phase[], action: string): void {
  ensure(phases.includes(state.phase), 'phase.order', `${action} is not possible in the ${state.phase} phase (only in ${phases.join(', ')})`);
}

export function ensureOpenAndActive(state: PartnershipState): void {
  ensure(state.status !== 'none', 'partnership.exists', 'the partnership does not exist');
  ensure(state.status !== 'closed', 'partnership.closed', 'a closed partnership accepts nothing but corrections by evaluation');
  ensure(!state.suspended, 'partnership.suspended', 'the partnership is suspended: resume it first');
}

export function ensureNewFlow(state: PartnershipState, flowId: string): void {
  ensure(!state.flowIds.includes(flowId), 'flow.unique', `flow ${flowId} is already recorded`);
}

export function ensureRegistered(d: { readonly organisationId: string; readonly registered: boolean }): void {
  ensure(d.registered, 'organisation.registered', `organisation ${d.organisationId} is not registered: an administrator registers it first`);
}

export const PARTY_ROLES: readonly Role[] = ['donor', 'implementer', 'beneficiary'];
export const DELIVERING: readonly Phase[] = ['delivery', 'monitoring'];

const DAY_MS = 86_400_000;

/**
 * A rate typed upside down (0.0094 for 106.5) or with a slipped digit makes money vanish or multiply in every
 * converted total: far from the rate table's rate for that date, it needs the client's confirmation.
 */
export function ensurePlausibleRate(d: {
  readonly exchangeRate: ExchangeRate | null;
  readonly referenceRate?: ReferenceRate | null;
  readonly rateConfirmed?: boolean;
  readonly amount: { readonly currency: string };
}): void {
  if (d.exchangeRate === null || !d.referenceRate || d.rateConfirmed === true) return;
  const deviation = relativeDeviation(parseRate(d.exchangeRate.rate), parseRate(d.referenceRate.rate));
  ensure(
    deviation <= RATE_DEVIATION_LIMIT,
    'flow.rate-deviation',
    `exchangeRate.rate ${d.exchangeRate.rate} ${d.amount.currency}->${d.exchangeRate.toCurrency} is ${Math.round(deviation * 100)}% from the rate table's ${d.referenceRate.rate} (${d.referenceRate.source}, ${d.referenceRate.valueDate}); send rateConfirmed: true if it is right`,
  );
}

/**
 * Spending far beyond what the spender received is recordable (co-financing, own funds) but never silent. It is
 * compared in the currency received: the expenditure's own, or the one its recorded rate converts to.
 */
export function ensureExplainedOverspend(state: PartnershipState, spenderId: string, d: RecordExpenditure['data']): string | null {
  const reason = d.overspendReason?.trim() ? d.overspendReason : null;
  if (!receivedAny(state, spenderId)) return reason;
  const sameCurrency = netReceived(state, spenderId, d.amount.currency);
  let received = sameCurrency;
  let spending = spentIn(state, spenderId, d.amount.currency) + d.amount.amountMinor;
  let currency = d.amount.currency;
  if (sameCurrency <= 0 && d.exchangeRate !== null) {
    currency = d.exchangeRate.toCurrency;
    received = netReceived(state, spenderId, currency);
    spending = spentIn(state, spenderId, currency) + convertMinorUnits(d.amount.amountMinor, d.amount.currency, d.exchangeRate);
  }
  if (received <= 0) return reason;
  ensure(
    spending <= received * OVERSPEND_REASON_RATIO || reason !== null,
    'flow.spending-beyond-received',
    `spending of ${spending} ${currency} (minor units) would be ${Math.round((spending / received) * 100)}% of the ${received} ${currency} this organisation received; above ${OVERSPEND_REASON_RATIO * 100}% give an overspendReason (co-financing, own funds)`,
  );
  return reason;
}

export function ensurePossibleActivity(d: RecordActivity['data']): void {
  const { women, men, undisclosed } = d.participants;
  const participants = women + men + undisclosed;
  if (d.participants.total !== undefined) {
    ensure(
      d.participants.total === participants,
      'activity.participants-total',
      `participants by sex (${women} women, ${men} men, ${undisclosed} undisclosed) add up to ${participants}, not the total of ${d.participants.total}`,
    );
  }
  const days = Math.round((Date.parse(`${d.endDate}T00:00:00Z`) - Date.parse(`${d.startDate}T00:00:00Z`)) / DAY_MS) + 1;
  const possibleHours = participants * 24 * days;
  ensure(
    d.participantHours <= possibleHours,
    'activity.participant-hours',
    `${d.participantHours} participant-hours is more than ${participants} participants can spend in ${days} day(s) (${possibleHours})`,
  );
  ensure(d.localTrainersProduced <= participants, 'activity.trainers-produced', `${d.localTrainersProduced} local trainers produced is more than the ${participants} participants`);
}

/** Languages of instruction by ISO 639 code: Tetum (`tet`) is one, `zz` is not. */
export function ensureLanguages(languages: readonly string[], field: string): void {
  const unknown = languages.filter((l) => !LANGUAGE_CODES.has(l));
  ensure(unknown.length === 0, 'language.iso-639', `${field}: ${unknown.map((l) => `"${l}"`).join(', ')} is not an ISO 639 language code (e.g. "en", "pt", "tet")`);
}

/** What recording and correcting an activity both check: real dates, known languages, possible counts, links that exist. */
export function ensurePossibleActivityFacts(state: PartnershipState, ctx: CommandContext, d: RecordActivity['data']): void {
  ensureOrdered(d.startDate, d.endDate, 'activity dates');
  ensureNotInFuture(d.endDate, ctx.now, 'endDate');
  ensureLanguages(d.languages, 'languages');
  const counts = [d.participants.women, d.participants.men, d.participants.undisclosed, d.trainers.local, d.trainers.foreign, d.localTrainersProduced];
  ensure(
    counts.every((n) => Number.isInteger(n) && n >= 0),
    'activity.counts',
    'participant and trainer counts are whole numbers, zero or more',
  );
  ensure(d.participantHours >= 0, 'activity.counts', 'participant-hours are zero or more');
  ensurePossibleActivity(d);
  if (d.trainedByActivityId !== null) {
    ensure(
      d.trainedByActivityId !== d.activityId && state.activities.some((a) => a.activityId === d.trainedByActivityId && a.type === 'train-the-trainer' && !a.voided),
      'activity.trainer-link',
      'trainedByActivityId names another, live train-the-trainer activity of this partnership',
    );
  }
  for (const needId of d.needIds) ensure(state.needIds.includes(needId), 'plan.need-exists', `unknown need ${needId}`);
}
