import { minorUnitExponent } from '@ccb/domain';
import { cooperationModality, type FlowView, type OrganisationInfo, type OrganisationLookup, type PartnershipView } from '@ccb/read-models';
import { activityStatus, organisationRole, sectorShares } from './iati-codes';

/**
 * An IATI activity as plain data, in the Standard's own codes: what the XML and the CSV writers print and what
 * the importer reads back. Built from a partnership's fold; docs/iati.md says what each field is made from.
 */
export interface IatiActivity {
  readonly identifier: string;
  readonly lastUpdated: string;
  readonly defaultCurrency: string | null;
  readonly reportingOrg: IatiOrg & { readonly ref: string; readonly type: string };
  readonly title: string;
  readonly description: string;
  readonly participatingOrgs: readonly (IatiOrg & { readonly role: string })[];
  readonly status: string;
  /** ActivityDateType code -> ISO date. */
  readonly dates: readonly { readonly type: '1' | '2' | '3' | '4'; readonly isoDate: string }[];
  readonly recipientCountries: readonly { readonly code: string; readonly percentage: number }[];
  readonly recipientRegions: readonly { readonly code: string; readonly percentage: number }[];
  readonly sectors: readonly { readonly code: string; readonly percentage: number }[];
  readonly genderSignificance: number;
  readonly collaborationType: string;
  readonly budgets: readonly { readonly type: '1' | '2'; readonly status: '1' | '2'; readonly periodStart: string; readonly periodEnd: string; readonly value: IatiValue }[];
  readonly plannedDisbursements: readonly {
    readonly periodStart: string;
    readonly periodEnd: string;
    readonly value: IatiValue;
    readonly provider: IatiOrg;
    readonly receiver: IatiOrg | null;
  }[];
  readonly transactions: readonly IatiTransaction[];
  readonly documents: readonly { readonly url: string; readonly format: string; readonly title: string; readonly category: string; readonly language: string }[];
  readonly results: readonly {
    readonly title: string;
    readonly indicatorTitle: string;
    readonly ascending: boolean;
    readonly baseline: { readonly isoDate: string; readonly value: number };
    readonly period: { readonly start: string; readonly end: string; readonly target: number; readonly actual: number | null };
  }[];
}

export interface IatiOrg {
  readonly ref: string | null;
  readonly type: string | null;
  readonly name: string;
  /** The other side's activity, where money comes from or goes to an activity it publishes. */
  readonly activityId?: string;
}

/** An amount as IATI writes it: a decimal in its currency, with the date its value is taken on. */
export interface IatiValue {
  /** Integer minor units: what sums add, exactly. */
  readonly amountMinor: number;
  readonly amount: string;
  readonly currency: string;
  readonly valueDate: string;
}

export interface IatiTransaction {
  readonly ref: string;
  readonly type: string;
  readonly date: string;
  readonly value: IatiValue;
  readonly provider: IatiOrg;
  readonly receiver: IatiOrg | null;
}

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

const valueOf = (amountMinor: number, currency: string, valueDate: string): IatiValue => ({ amountMinor, amount: decimalOf(amountMinor, currency), currency, valueDate });

export function iatiActivityOf({ view, reportingOrg }: ExportedActivity, organisations: OrganisationLookup): IatiActivity {
  const orgOf = (organisationId: string): IatiOrg => {
    const org = organisations(organisationId);
    return { ref: org?.iati?.orgId ?? null, type: org?.iati?.orgType ?? null, name: org?.name ?? organisationId };
  };
  // Money from (or to) another organisation's activity names that activity, so IATI can follow it down the chain.
  const chainOrg = (organisationId: string): IatiOrg => {
    const org = orgOf(organisationId);
    return org.ref && organisationId !== reportingOrg.organisationId ? { ...org, activityId: activityIdentifier(org.ref, view.partnershipId) } : org;
  };
  const reporting = { ref: reportingOrg.iati.orgId, type: reportingOrg.iati.orgType, name: reportingOrg.name };
  const participating = view.parties.flatMap((p) => {
    const role = organisationRole(p.role);
    return role === null ? [] : [{ ...orgOf(p.organisationId), role }];
  });
  // The reporting donor also extends the funds it passes on (role 3), as the Standard's guidance has it.
  const extending = view.parties.some((p) => p.organisationId === reportingOrg.organisationId && p.role === 'donor') ? [{ ...reporting, role: '3' }] : [];
  const areas = view.recipientAreas ?? { countries: [{ code: view.beneficiaryCountry, percentage: 100 }], regions: [] };
  const milestoneTitle = (id: string | null) => (id ? view.milestones.find((m) => m.milestoneId === id)?.title : undefined);
  return {
    identifier: activityIdentifier(reportingOrg.iati.orgId, view.partnershipId),
    lastUpdated: view.lastEventAt,
    defaultCurrency: defaultCurrency(view.flows),
    reportingOrg: reporting,
    title: view.title,
    description: view.summary,
    participatingOrgs: [...participating, ...extending],
    status: activityStatus(view.phase, view.suspended),
    dates: [
      { type: '1' as const, isoDate: view.plannedStart },
      ...(view.deliveryStartedAt ? [{ type: '2' as const, isoDate: view.deliveryStartedAt.slice(0, 10) }] : []),
      ...(view.plannedEnd ? [{ type: '3' as const, isoDate: view.plannedEnd }] : []),
      ...(view.closure ? [{ type: '4' as const, isoDate: view.closure.closedAt.slice(0, 10) }] : []),
    ],
    recipientCountries: areas.countries,
    recipientRegions: areas.regions,
    sectors: view.sectors ?? sectorShares(view.themes),
    genderSignificance: view.genderMarker,
    collaborationType: cooperationModality(view, organisations) === 'triangular' ? '8' : '1',
    // A budget is the plan of whoever made it; a planned disbursement belongs to both its sides.
    budgets: view.budgets
      .filter((b) => !b.voided && b.plannedBy === reportingOrg.organisationId)
      .map((b) => ({
        type: b.kind === 'original' ? ('1' as const) : ('2' as const),
        status: b.status === 'indicative' ? ('1' as const) : ('2' as const),
        periodStart: b.periodStart,
        periodEnd: b.periodEnd,
        value: valueOf(b.amount.amountMinor, b.amount.currency, b.valueDate),
      })),
    plannedDisbursements: view.plannedDisbursements
      .filter((p) => !p.voided && (p.providerId === reportingOrg.organisationId || p.receiverId === reportingOrg.organisationId))
      .map((p) => ({
        periodStart: p.periodStart,
        periodEnd: p.periodEnd,
        value: valueOf(p.amount.amountMinor, p.amount.currency, p.valueDate),
        provider: chainOrg(p.providerId),
        receiver: p.receiverId ? chainOrg(p.receiverId) : null,
      })),
    transactions: view.flows.flatMap((flow) => {
      if (flow.voided) return [];
      const t = transactionOf(flow, reportingOrg.organisationId);
      if (!t) return [];
      return [
        {
          ref: flow.flowId,
          type: t.type,
          date: flow.date,
          value: valueOf(t.sign * flow.amountMinor, flow.currency, flow.date),
          provider: chainOrg(t.provider),
          receiver: t.receiver ? chainOrg(t.receiver) : null,
        },
      ];
    }),
    documents: view.documents
      .filter((d) => !d.unlinked)
      .map((d) => {
        const milestone = milestoneTitle(d.milestoneId);
        return { url: d.url, format: formatOf(d.url), title: milestone ? `${d.title} (milestone: ${milestone})` : d.title, category: d.category, language: d.language };
      }),
    results: view.indicators.map((indicator) => ({
      title: indicator.name,
      indicatorTitle: `${indicator.name} (${indicator.unit})`,
      ascending: indicator.target >= indicator.baseline,
      baseline: { isoDate: indicator.baselineDate, value: indicator.baseline },
      period: {
        start: indicator.baselineDate,
        end:
          [view.plannedEnd, indicator.latestOn]
            .filter((d): d is string => d !== null && d >= indicator.baselineDate)
            .sort()
            .at(-1) ?? indicator.baselineDate,
        target: indicator.target,
        actual: indicator.latestValue,
      },
    })),
  };
}

/**
 * TransactionType codelist, seen from the reporting organisation: what it commits or disburses is 2 or 3; what
 * it is committed or receives is 11 or 1; expenditure is 4. A refund is the disbursement it returns, as a
 * negative 3 from the original provider to the original receiver (negative 1 for the one refunding), as the
 * Standard's guidance has it. Contributions in kind have no transaction type: IATI cannot carry them.
 */
function transactionOf(flow: FlowView, reportingOrgId: string): { type: string; sign: 1 | -1; provider: string; receiver: string | null } | null {
  // Each publisher reports its own side of the money: the rest is in the other side's activity, which
  // provider-activity-id and receiver-activity-id point to (IATI traceability), so nothing is counted twice.
  if (flow.providerId !== reportingOrgId && flow.receiverId !== reportingOrgId) return null;
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

/** The currency most of the money is in: the activity's default; every value also names its own. */
function defaultCurrency(flows: readonly FlowView[]): string | null {
  const counts = new Map<string, number>();
  for (const f of flows) if (!f.voided) counts.set(f.currency, (counts.get(f.currency) ?? 0) + 1);
  return [...counts.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]?.[0] ?? null;
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
