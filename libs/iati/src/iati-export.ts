import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { minorUnitExponent } from '@ccb/domain';
import { cooperationModality, type FlowView, type OrganisationInfo, type OrganisationLookup, type PartnershipView } from '@ccb/read-models';
import { activityStatus, organisationRole, sectorShares } from './iati-codes';

/** One partnership to publish, with the organisation that reports it. */
export interface ExportedActivity {
  readonly view: PartnershipView;
  readonly reportingOrg: OrganisationInfo & { readonly iati: NonNullable<OrganisationInfo['iati']> };
}

/** The identifier a reporting organisation gives a partnership: its org-id, a dash, the partnership id. */
export const activityIdentifier = (orgId: string, partnershipId: string) => `${orgId}-${partnershipId}`;

/** An exact decimal from integer minor units (no float on the way): 1250000 EUR cents -> "12500.00". */
export function decimalOf(amountMinor: number, currency: string): string {
  const exponent = minorUnitExponent(currency);
  const digits = Math.abs(amountMinor)
    .toString()
    .padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  return `${amountMinor < 0 ? '-' : ''}${whole}${exponent > 0 ? `.${digits.slice(digits.length - exponent)}` : ''}`;
}

/**
 * An `iati-activities` file (IATI 2.03) of the given partnerships, from their folds. What the tracker keeps
 * confidential never enters: needs and plans, evaluation findings, people's contacts. docs/iati.md says
 * what each element is made from and what IATI cannot carry.
 */
export function iatiActivitiesXml(activities: readonly ExportedActivity[], organisations: OrganisationLookup, generatedAt: string): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('iati-activities', { version: '2.03', 'generated-datetime': generatedAt });
  for (const activity of activities) writeActivity(root, activity, organisations);
  return root.end({ prettyPrint: true });
}

function writeActivity(root: XMLBuilder, { view, reportingOrg }: ExportedActivity, organisations: OrganisationLookup): void {
  const currency = defaultCurrency(view.flows);
  const a = root.ele('iati-activity', {
    'last-updated-datetime': view.lastEventAt,
    'xml:lang': 'en',
    ...(currency ? { 'default-currency': currency } : {}),
    hierarchy: '1',
  });
  a.ele('iati-identifier').txt(activityIdentifier(reportingOrg.iati.orgId, view.partnershipId));
  orgElement(a, 'reporting-org', reportingOrg, { type: reportingOrg.iati.orgType });
  a.ele('title').ele('narrative').txt(view.title);
  a.ele('description', { type: '1' }).ele('narrative').txt(view.summary);

  for (const party of view.parties) {
    const role = organisationRole(party.role);
    if (role === null) continue;
    const org = organisations(party.organisationId);
    orgElement(a, 'participating-org', org ?? null, { role, ...(org?.iati ? { type: org.iati.orgType } : {}) }, party.organisationId);
  }
  // The reporting donor also extends the funds it passes on (role 3), as the Standard's guidance has it.
  if (view.parties.some((p) => p.organisationId === reportingOrg.organisationId && p.role === 'donor')) {
    orgElement(a, 'participating-org', reportingOrg, { role: '3', type: reportingOrg.iati.orgType });
  }

  a.ele('activity-status', { code: activityStatus(view.phase, view.suspended) });
  a.ele('activity-date', { type: '1', 'iso-date': view.plannedStart });
  if (view.deliveryStartedAt) a.ele('activity-date', { type: '2', 'iso-date': view.deliveryStartedAt.slice(0, 10) });
  if (view.plannedEnd) a.ele('activity-date', { type: '3', 'iso-date': view.plannedEnd });
  if (view.closure) a.ele('activity-date', { type: '4', 'iso-date': view.closure.closedAt.slice(0, 10) });

  const areas = view.recipientAreas ?? { countries: [{ code: view.beneficiaryCountry, percentage: 100 }], regions: [] };
  for (const c of areas.countries) a.ele('recipient-country', { code: c.code, percentage: String(c.percentage) });
  for (const r of areas.regions) a.ele('recipient-region', { code: r.code, vocabulary: '1', percentage: String(r.percentage) });
  for (const s of view.sectors ?? sectorShares(view.themes)) a.ele('sector', { vocabulary: '1', code: s.code, percentage: String(s.percentage) });
  // Gender equality (policy marker 1), significance 0, 1 or 2 as the OECD marker is recorded.
  a.ele('policy-marker', { vocabulary: '1', code: '1', significance: String(view.genderMarker) });
  a.ele('collaboration-type', { code: cooperationModality(view, organisations) === 'triangular' ? '8' : '1' });

  for (const b of view.budgets) {
    if (b.voided) continue;
    const budget = a.ele('budget', { type: b.kind === 'original' ? '1' : '2', status: b.status === 'indicative' ? '1' : '2' });
    budget.ele('period-start', { 'iso-date': b.periodStart });
    budget.ele('period-end', { 'iso-date': b.periodEnd });
    budget.ele('value', { currency: b.amount.currency, 'value-date': b.valueDate }).txt(decimalOf(b.amount.amountMinor, b.amount.currency));
  }
  for (const p of view.plannedDisbursements) {
    if (p.voided) continue;
    const planned = a.ele('planned-disbursement', { type: '1' });
    planned.ele('period-start', { 'iso-date': p.periodStart });
    planned.ele('period-end', { 'iso-date': p.periodEnd });
    planned.ele('value', { currency: p.amount.currency, 'value-date': p.valueDate }).txt(decimalOf(p.amount.amountMinor, p.amount.currency));
    chainParty(planned, 'provider-org', p.providerId, view, reportingOrg, organisations);
    if (p.receiverId) chainParty(planned, 'receiver-org', p.receiverId, view, reportingOrg, organisations);
  }
  for (const flow of view.flows) writeTransaction(a, flow, view, reportingOrg, organisations);
  for (const d of view.documents) {
    if (d.unlinked) continue;
    const link = a.ele('document-link', { format: formatOf(d.url), url: d.url });
    const milestone = d.milestoneId ? view.milestones.find((m) => m.milestoneId === d.milestoneId) : undefined;
    link
      .ele('title')
      .ele('narrative')
      .txt(milestone ? `${d.title} (milestone: ${milestone.title})` : d.title);
    link.ele('category', { code: d.category });
    link.ele('language', { code: d.language });
  }
  a.ele('conditions', { attached: '0' });
  writeResults(a, view);
}

/** IATI FileFormat (an IANA media type), from the address's extension; a web page otherwise. */
function formatOf(url: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase();
  const known = new Map([
    ['pdf', 'application/pdf'],
    ['doc', 'application/msword'],
    ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['xls', 'application/vnd.ms-excel'],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['csv', 'text/csv'],
    ['odt', 'application/vnd.oasis.opendocument.text'],
  ]);
  return (extension && known.get(extension)) ?? 'text/html';
}

/** The currency most of the money is in: the activity's default; every value also names its own. */
function defaultCurrency(flows: readonly FlowView[]): string | null {
  const counts = new Map<string, number>();
  for (const f of flows) if (!f.voided) counts.set(f.currency, (counts.get(f.currency) ?? 0) + 1);
  return [...counts.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]?.[0] ?? null;
}

function orgElement(parent: XMLBuilder, name: string, org: OrganisationInfo | null, attributes: Record<string, string>, fallbackName?: string): XMLBuilder {
  const el = parent.ele(name, { ...(org?.iati ? { ref: org.iati.orgId } : {}), ...attributes });
  el.ele('narrative').txt(org?.name ?? fallbackName ?? 'unnamed organisation');
  return el;
}

/**
 * TransactionType codelist, seen from the reporting organisation: what it commits or disburses is 2 or 3; what
 * it is committed or receives is 11 or 1; expenditure is 4. A refund is the disbursement it returns, as a
 * negative 3 from the original provider to the original receiver (the Standard's guidance for refunds).
 * Contributions in kind have no transaction type: IATI cannot carry them.
 */
function transactionOf(flow: FlowView, reportingOrgId: string): { type: string; sign: 1 | -1; provider: string; receiver: string | null } | null {
  switch (flow.kind) {
    case 'commitment':
      return { type: flow.receiverId === reportingOrgId ? '11' : '2', sign: 1, provider: flow.providerId, receiver: flow.receiverId };
    case 'disbursement':
      return { type: flow.receiverId === reportingOrgId ? '1' : '3', sign: 1, provider: flow.providerId, receiver: flow.receiverId };
    case 'refund':
      return { type: flow.providerId === reportingOrgId ? '1' : '3', sign: -1, provider: flow.receiverId ?? flow.providerId, receiver: flow.providerId };
    case 'expenditure':
      return { type: '4', sign: 1, provider: flow.providerId, receiver: null };
    case 'in-kind':
      return null;
  }
}

function writeTransaction(a: XMLBuilder, flow: FlowView, view: PartnershipView, reportingOrg: ExportedActivity['reportingOrg'], organisations: OrganisationLookup): void {
  if (flow.voided) return;
  const t = transactionOf(flow, reportingOrg.organisationId);
  if (!t) return;
  const tx = a.ele('transaction', { ref: flow.flowId });
  tx.ele('transaction-type', { code: t.type });
  tx.ele('transaction-date', { 'iso-date': flow.date });
  tx.ele('value', { currency: flow.currency, 'value-date': flow.date }).txt(decimalOf(t.sign * flow.amountMinor, flow.currency));
  chainParty(tx, 'provider-org', t.provider, view, reportingOrg, organisations);
  if (t.receiver) chainParty(tx, 'receiver-org', t.receiver, view, reportingOrg, organisations);
}

/** Money from (or to) another organisation's activity names that activity, so IATI can follow it down the chain. */
function chainParty(
  parent: XMLBuilder,
  element: 'provider-org' | 'receiver-org',
  organisationId: string,
  view: PartnershipView,
  reportingOrg: ExportedActivity['reportingOrg'],
  organisations: OrganisationLookup,
): void {
  const org = organisations(organisationId);
  const attributes: Record<string, string> = {};
  if (org?.iati) {
    if (organisationId !== reportingOrg.organisationId)
      attributes[element === 'provider-org' ? 'provider-activity-id' : 'receiver-activity-id'] = activityIdentifier(org.iati.orgId, view.partnershipId);
    attributes.type = org.iati.orgType;
  }
  orgElement(parent, element, org ?? null, attributes, organisationId);
}

/** Each indicator as an outcome result: baseline, target over the partnership's period, and the latest measurement. */
function writeResults(a: XMLBuilder, view: PartnershipView): void {
  for (const indicator of view.indicators) {
    const result = a.ele('result', { type: '2', 'aggregation-status': '0' });
    result.ele('title').ele('narrative').txt(indicator.name);
    const ind = result.ele('indicator', { measure: '1', ascending: indicator.target >= indicator.baseline ? '1' : '0' });
    ind.ele('title').ele('narrative').txt(`${indicator.name} (${indicator.unit})`);
    ind.ele('baseline', { year: indicator.baselineDate.slice(0, 4), 'iso-date': indicator.baselineDate, value: String(indicator.baseline) });
    const end =
      [view.plannedEnd, indicator.latestOn]
        .filter((d): d is string => d !== null && d >= indicator.baselineDate)
        .sort()
        .at(-1) ?? indicator.baselineDate;
    const period = ind.ele('period');
    period.ele('period-start', { 'iso-date': indicator.baselineDate });
    period.ele('period-end', { 'iso-date': end });
    period.ele('target', { value: String(indicator.target) });
    if (indicator.latestValue !== null) period.ele('actual', { value: String(indicator.latestValue) });
  }
}
