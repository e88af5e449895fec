/**
 * What a partnership publishes (IATI 2.03): DAC sectors, recipient areas, budgets, planned disbursements and
 * documents. One decision per command. Money plans are the funders' and implementers' to make; a document may
 * be linked by any party, or the evaluator (an evaluation report), also after closure.
 */
import { COUNTRY_CODES, LANGUAGE_CODES } from '../shared/codelists';
import { ensureOrdered } from '../shared/dates';
import { ensureMoney } from '../shared/money';
import { ensure } from '../shared/rule-violation';
import type {
  AllocateSectors,
  LinkDocument,
  PlanBudget,
  PlanDisbursement,
  PublicationCommand,
  SetRecipientAreas,
  UnlinkDocument,
  VoidBudget,
  VoidPlannedDisbursement,
} from './partnership-commands';
import type { PartnershipEvent } from './partnership-events';
import { ensureParty, rolesOf } from './partnership-guards';
import type { PartnershipState, PublishedItem } from './partnership-state';
import { DAC_SECTORS, RECIPIENT_REGIONS, type Share } from './publication-vocabulary';
import type { Role } from './vocabulary';

type PublicationDecisions = { readonly [K in PublicationCommand['type']]: (command: Extract<PublicationCommand, { type: K }>, state: PartnershipState) => PartnershipEvent[] };

export const PUBLICATION: PublicationDecisions = {
  AllocateSectors: decideAllocateSectors,
  SetRecipientAreas: decideSetRecipientAreas,
  PlanBudget: decidePlanBudget,
  VoidBudget: decideVoidBudget,
  PlanDisbursement: decidePlanDisbursement,
  VoidPlannedDisbursement: decideVoidPlannedDisbursement,
  LinkDocument: decideLinkDocument,
  UnlinkDocument: decideUnlinkDocument,
};

const MONEY_PLANNERS: readonly Role[] = ['donor', 'implementer'];

/** Shares in hundredths of a percent, so 33.33 + 33.33 + 33.34 is exactly 100 and 0.1 + 0.2 is no problem. */
function ensureShares(shares: readonly Share[], field: string, known: (code: string) => boolean, what: string): number {
  const codes = new Set<string>();
  let hundredths = 0;
  for (const [i, share] of shares.entries()) {
    ensure(known(share.code), 'publication.code', `${field}[${i}].code: "${share.code}" is not ${what}`);
    ensure(!codes.has(share.code), 'publication.code', `${field}[${i}].code: ${share.code} is listed twice`);
    codes.add(share.code);
    const h = Math.round(share.percentage * 100);
    ensure(
      share.percentage > 0 && share.percentage <= 100 && Math.abs(h - share.percentage * 100) < 1e-6,
      'publication.percentage',
      `${field}[${i}].percentage: ${share.percentage} is not a share above 0 and up to 100 with at most two decimals`,
    );
    hundredths += h;
  }
  return hundredths;
}

function decideAllocateSectors(command: AllocateSectors, state: PartnershipState): PartnershipEvent[] {
  const { context: ctx, data: d } = command;
  ensureParty(state, ctx, MONEY_PLANNERS);
  ensure(d.sectors.length > 0, 'publication.shares', 'sectors: name at least one DAC sector');
  const total = ensureShares(d.sectors, 'sectors', (code) => DAC_SECTORS.has(code), 'a DAC 5-digit purpose code (IATI Sector codelist)');
  ensure(total === 10_000, 'publication.shares', `sectors: the percentages add up to ${total / 100}, not 100`);
  return [{ type: 'SectorsAllocated', schemaVersion: 1, data: { sectors: d.sectors, allocatedBy: ctx.organisationId } }];
}

function decideSetRecipientAreas(command: SetRecipientAreas, state: PartnershipState): PartnershipEvent[] {
  const { context: ctx, data: d } = command;
  ensureParty(state, ctx, ['donor', 'implementer', 'beneficiary']);
  ensure(d.countries.length + d.regions.length > 0, 'publication.shares', 'name at least one recipient country or region');
  const total =
    ensureShares(d.countries, 'countries', (code) => COUNTRY_CODES.has(code), 'an ISO 3166-1 alpha-2 country code') +
    ensureShares(d.regions, 'regions', (code) => RECIPIENT_REGIONS.has(code), 'an OECD DAC recipient region (IATI Region codelist, vocabulary 1)');
  ensure(total === 10_000, 'publication.shares', `the country and region percentages add up to ${total / 100}, not 100`);
  return [{ type: 'RecipientAreasSet', schemaVersion: 1, data: { countries: d.countries, regions: d.regions, setBy: ctx.organisationId } }];
}

/** IATI budget and planning periods: start before end, and at most a year (the Standard's rule 7.5.3). */
function ensurePeriod(start: string, end: string): void {
  ensureOrdered(start, end, 'period');
  const limit = new Date(`${start}T00:00:00Z`);
  limit.setUTCFullYear(limit.getUTCFullYear() + 1);
  ensure(end <= limit.toISOString().slice(0, 10), 'publication.period-year', `period: ${start} to ${end} is longer than a year; plan one budget per year`);
}

function ensureNewId(items: readonly PublishedItem[], id: string, what: string): void {
  ensure(!items.some((i) => i.id === id), 'publication.unique', `${what} ${id} already exists (ids of voided ones are not reused)`);
}

function ensureLive(items: readonly PublishedItem[], id: string, what: string): void {
  const item = items.find((i) => i.id === id);
  ensure(item, 'publication.exists', `${what} ${id} does not exist`);
  ensure(!item.voided, 'publication.voided-once', `${what} ${id} is already void`);
}

function decidePlanBudget(command: PlanBudget, state: PartnershipState): PartnershipEvent[] {
  const { context: ctx, data: d } = command;
  ensureParty(state, ctx, MONEY_PLANNERS);
  ensureNewId(state.budgets, d.budgetId, 'budget');
  ensurePeriod(d.periodStart, d.periodEnd);
  ensureMoney(d.amount);
  return [{ type: 'BudgetPlanned', schemaVersion: 1, data: { ...d, plannedBy: ctx.organisationId } }];
}

function decideVoidBudget(command: VoidBudget, state: PartnershipState): PartnershipEvent[] {
  const { context: ctx, data: d } = command;
  ensureParty(state, ctx, MONEY_PLANNERS);
  ensureLive(state.budgets, d.budgetId, 'budget');
  return [{ type: 'BudgetVoided', schemaVersion: 1, data: { budgetId: d.budgetId, reason: d.reason, voidedBy: ctx.organisationId } }];
}

function decidePlanDisbursement(command: PlanDisbursement, state: PartnershipState): PartnershipEvent[] {
  const { context: ctx, data: d } = command;
  ensureParty(state, ctx, MONEY_PLANNERS);
  ensureNewId(state.plannedDisbursements, d.plannedDisbursementId, 'planned disbursement');
  if (d.receiverId !== null) ensure(rolesOf(state, d.receiverId).length > 0, 'flow.receiver-party', `receiver ${d.receiverId} is not a party to the partnership`);
  ensurePeriod(d.periodStart, d.periodEnd);
  ensureMoney(d.amount);
  return [{ type: 'DisbursementPlanned', schemaVersion: 1, data: { ...d, providerId: ctx.organisationId } }];
}

function decideVoidPlannedDisbursement(command: VoidPlannedDisbursement, state: PartnershipState): PartnershipEvent[] {
  const { context: ctx, data: d } = command;
  ensureParty(state, ctx, MONEY_PLANNERS);
  ensureLive(state.plannedDisbursements, d.plannedDisbursementId, 'planned disbursement');
  return [{ type: 'PlannedDisbursementVoided', schemaVersion: 1, data: { plannedDisbursementId: d.plannedDisbursementId, reason: d.reason, voidedBy: ctx.organisationId } }];
}

/** Only web addresses a reader can open: http or https, with a host. */
function isWebAddress(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}

function decideLinkDocument(command: LinkDocument, state: PartnershipState): PartnershipEvent[] {
  const { context: ctx, data: d } = command;
  ensureParty(state, ctx, ['donor', 'implementer', 'beneficiary', 'evaluator']);
  ensureNewId(state.documents, d.documentId, 'document');
  ensure(isWebAddress(d.url), 'document.url', `url: "${d.url}" is not an http or https address`);
  ensure(LANGUAGE_CODES.has(d.language), 'languages.iso-639', `language: "${d.language}" is not an ISO 639 language code`);
  if (d.milestoneId !== null)
    ensure(
      state.milestones.some((m) => m.milestoneId === d.milestoneId),
      'milestone.exists',
      `milestone ${d.milestoneId} does not exist`,
    );
  return [{ type: 'DocumentLinked', schemaVersion: 1, data: { ...d, linkedBy: ctx.organisationId } }];
}

function decideUnlinkDocument(command: UnlinkDocument, state: PartnershipState): PartnershipEvent[] {
  const { context: ctx, data: d } = command;
  ensureParty(state, ctx, ['donor', 'implementer', 'beneficiary', 'evaluator']);
  ensureLive(state.documents, d.documentId, 'document');
  return [{ type: 'DocumentUnlinked', schemaVersion: 1, data: { documentId: d.documentId, reason: d.reason, unlinkedBy: ctx.organisationId } }];
}
