import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { OrganisationLookup } from '@ccb/read-models';
import { iatiActivityOf, type ExportedActivity, type IatiActivity, type IatiOrg, type IatiValue } from './iati-activity';

/**
 * An `iati-activities` file (IATI 2.03) of the given partnerships, from their folds. What the tracker keeps
 * confidential never enters: needs and plans, evaluation findings, people's contacts. docs/iati.md says
 * what each element is made from and what IATI cannot carry. Elements are written in the schema's order.
 */
export function iatiActivitiesXml(activities: readonly ExportedActivity[], organisations: OrganisationLookup, generatedAt: string): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('iati-activities', { version: '2.03', 'generated-datetime': generatedAt });
  for (const activity of activities) writeActivity(root, iatiActivityOf(activity, organisations));
  return root.end({ prettyPrint: true });
}

function writeActivity(root: XMLBuilder, x: IatiActivity): void {
  const a = root.ele('iati-activity', {
    'last-updated-datetime': x.lastUpdated,
    'xml:lang': 'en',
    ...(x.defaultCurrency ? { 'default-currency': x.defaultCurrency } : {}),
    hierarchy: '1',
  });
  a.ele('iati-identifier').txt(x.identifier);
  org(a, 'reporting-org', x.reportingOrg);
  a.ele('title').ele('narrative').txt(x.title);
  a.ele('description', { type: '1' }).ele('narrative').txt(x.description);
  for (const p of x.participatingOrgs) org(a, 'participating-org', p, { role: p.role });
  a.ele('activity-status', { code: x.status });
  for (const d of x.dates) a.ele('activity-date', { type: d.type, 'iso-date': d.isoDate });
  for (const c of x.recipientCountries) a.ele('recipient-country', { code: c.code, percentage: String(c.percentage) });
  for (const r of x.recipientRegions) a.ele('recipient-region', { code: r.code, vocabulary: '1', percentage: String(r.percentage) });
  for (const s of x.sectors) a.ele('sector', { vocabulary: '1', code: s.code, percentage: String(s.percentage) });
  // Gender equality (policy marker 1), significance 0, 1 or 2 as the OECD marker is recorded.
  a.ele('policy-marker', { vocabulary: '1', code: '1', significance: String(x.genderSignificance) });
  a.ele('collaboration-type', { code: x.collaborationType });
  for (const b of x.budgets) {
    const budget = a.ele('budget', { type: b.type, status: b.status });
    budget.ele('period-start', { 'iso-date': b.periodStart });
    budget.ele('period-end', { 'iso-date': b.periodEnd });
    value(budget, b.value);
  }
  for (const p of x.plannedDisbursements) {
    const planned = a.ele('planned-disbursement', { type: '1' });
    planned.ele('period-start', { 'iso-date': p.periodStart });
    planned.ele('period-end', { 'iso-date': p.periodEnd });
    value(planned, p.value);
    org(planned, 'provider-org', p.provider, {}, 'provider-activity-id');
    if (p.receiver) org(planned, 'receiver-org', p.receiver, {}, 'receiver-activity-id');
  }
  for (const t of x.transactions) {
    const tx = a.ele('transaction', { ref: t.ref });
    tx.ele('transaction-type', { code: t.type });
    tx.ele('transaction-date', { 'iso-date': t.date });
    value(tx, t.value);
    org(tx, 'provider-org', t.provider, {}, 'provider-activity-id');
    if (t.receiver) org(tx, 'receiver-org', t.receiver, {}, 'receiver-activity-id');
  }
  for (const d of x.documents) {
    const link = a.ele('document-link', { format: d.format, url: d.url });
    link.ele('title').ele('narrative').txt(d.title);
    link.ele('category', { code: d.category });
    link.ele('language', { code: d.language });
  }
  a.ele('conditions', { attached: '0' });
  for (const r of x.results) {
    const result = a.ele('result', { type: '2', 'aggregation-status': '0' });
    result.ele('title').ele('narrative').txt(r.title);
    const ind = result.ele('indicator', { measure: '1', ascending: r.ascending ? '1' : '0' });
    ind.ele('title').ele('narrative').txt(r.indicatorTitle);
    ind.ele('baseline', { year: r.baseline.isoDate.slice(0, 4), 'iso-date': r.baseline.isoDate, value: String(r.baseline.value) });
    const period = ind.ele('period');
    period.ele('period-start', { 'iso-date': r.period.start });
    period.ele('period-end', { 'iso-date': r.period.end });
    period.ele('target', { value: String(r.period.target) });
    if (r.period.actual !== null) period.ele('actual', { value: String(r.period.actual) });
  }
}

function value(parent: XMLBuilder, v: IatiValue): void {
  parent.ele('value', { currency: v.currency, 'value-date': v.valueDate }).txt(v.amount);
}

/** An organisation element: `ref` and `type` only where it has an IATI identity, never an invented one. */
function org(parent: XMLBuilder, name: string, o: IatiOrg, attributes: Record<string, string> = {}, activityAttribute?: string): void {
  const el = parent.ele(name, {
    ...(o.ref ? { ref: o.ref } : {}),
    ...(o.activityId && activityAttribute ? { [activityAttribute]: o.activityId } : {}),
    ...(o.type ? { type: o.type } : {}),
    ...attributes,
  });
  el.ele('narrative').txt(o.name);
}
