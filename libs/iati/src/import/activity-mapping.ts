import { COUNTRY_CODES, CURRENCY_CODES, DAC_SECTORS, minorUnitExponent, RECIPIENT_REGIONS } from '@ccb/domain';
import { childNamed, childrenNamed, type ReadActivity, type XmlNode } from './activity-reader';

/** Something the importer noticed, with where: the line and the element's path in the file. */
export interface ImportProblem {
  /** error: the fact (or the whole activity) is left out; warning: read, with the assumption stated. */
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly message: string;
  readonly line: number;
  readonly xpath: string;
}

/**
 * An organisation as a file names it: by its IATI identifier, or (many files) only by name. Without a ref it
 * is matched by its normalised name within the file (`key`), and no identifier is ever invented for it.
 */
export interface ImportedOrg {
  readonly ref: string | null;
  readonly name: string | null;
  readonly type: string | null;
  readonly key: string;
}

export interface ImportedMoney {
  readonly amountMinor: number;
  readonly currency: string;
  readonly valueDate: string;
}

/** An activity as the importer reads it, in IATI 2.03 codes whatever version the file is. */
export interface ImportedActivity {
  readonly identifier: string;
  readonly line: number;
  readonly reportingOrg: ImportedOrg;
  readonly title: string;
  readonly description: string;
  readonly participatingOrgs: readonly (ImportedOrg & { readonly role: '1' | '2' | '3' | '4' })[];
  readonly status: string | null;
  readonly dates: ReadonlyMap<'1' | '2' | '3' | '4', string>;
  readonly recipientCountries: readonly { readonly code: string; readonly percentage: number }[];
  readonly recipientRegions: readonly { readonly code: string; readonly percentage: number }[];
  readonly sectors: readonly { readonly code: string; readonly percentage: number }[];
  readonly transactions: readonly {
    readonly ref: string | null;
    readonly type: string;
    readonly date: string;
    readonly value: ImportedMoney;
    readonly provider: ImportedOrg | null;
    readonly receiver: ImportedOrg | null;
    readonly providerActivityId: string | null;
  }[];
  readonly budgets: readonly { readonly type: '1' | '2'; readonly status: '1' | '2'; readonly periodStart: string; readonly periodEnd: string; readonly value: ImportedMoney }[];
  readonly documents: readonly { readonly url: string; readonly title: string; readonly category: string | null; readonly language: string | null }[];
}

export type MappedActivity =
  | { readonly ok: true; readonly activity: ImportedActivity; readonly problems: ImportProblem[] }
  | { readonly ok: false; readonly reason: string; readonly problems: ImportProblem[] };

/** IATI 1.0x codes, as the 2.0x codelists renamed them. */
const V1_TRANSACTION_TYPES: ReadonlyMap<string, string> = new Map([
  ['IF', '1'],
  ['C', '2'],
  ['D', '3'],
  ['E', '4'],
  ['IR', '5'],
  ['LR', '6'],
  ['R', '7'],
  ['QP', '8'],
  ['QS', '9'],
  ['CG', '10'],
]);
const V1_DATE_TYPES: ReadonlyMap<string, '1' | '2' | '3' | '4'> = new Map([
  ['start-planned', '1'],
  ['start-actual', '2'],
  ['end-planned', '3'],
  ['end-actual', '4'],
]);
const V1_ROLES: ReadonlyMap<string, '1' | '2' | '3' | '4'> = new Map([
  ['funding', '1'],
  ['accountable', '2'],
  ['extending', '3'],
  ['implementing', '4'],
]);
const ROLES: ReadonlySet<string> = new Set(['1', '2', '3', '4']);
const TRANSACTION_TYPES: ReadonlySet<string> = new Set(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/** Accents, case, punctuation and spacing do not make two organisations: "Ministère  de l'Intérieur" = "ministere de l interieur". */
export function normalisedName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * An exact amount in minor units from a decimal as a file writes it ("480000.00", "1250", "-300.5").
 * Digits past the currency's minor unit are refused, never rounded away silently.
 */
export function minorUnitsOf(text: string, currency: string): number | null {
  const match = /^\s*(-?)(\d+)(?:\.(\d+))?\s*$/.exec(text);
  if (!match) return null;
  const exponent = minorUnitExponent(currency);
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  if (fraction.length > exponent) return null;
  const minor = Number(`${match[2]}${fraction.padEnd(exponent, '0')}`);
  if (!Number.isSafeInteger(minor)) return null;
  return match[1] === '-' ? -minor : minor;
}

/**
 * One activity of the file in 2.03 terms, with every problem found on the way. `names` carries, for the whole
 * file, each organisation known only by name: its normalised name and the spelling first met, so "Ministère de
 * l'Intérieur" and "ministere de l interieur" in one file are one organisation, named as first written.
 */
export function mapActivity({ header, node }: ReadActivity, names: Map<string, string> = new Map()): MappedActivity {
  const problems: ImportProblem[] = [];
  const report = (severity: ImportProblem['severity'], at: XmlNode, code: string, message: string) => problems.push({ severity, code, message, line: at.line, xpath: at.path });
  const v1 = header.version !== null && header.version.startsWith('1.');
  const defaultLanguage = node.attributes.get('xml:lang') ?? null;
  const defaultCurrency = node.attributes.get('default-currency') ?? null;

  /** The narrative in the activity's language, else English, else the first that says anything; 1.0x elements carry their text directly. */
  const textOf = (element: XmlNode | undefined): string | null => {
    if (!element) return null;
    const narratives = childrenNamed(element, 'narrative')
      .map((n) => ({ lang: n.attributes.get('xml:lang') ?? defaultLanguage, text: n.text.trim() }))
      .filter((n) => n.text !== '');
    const chosen = narratives.find((n) => n.lang === defaultLanguage) ?? narratives.find((n) => n.lang === 'en') ?? narratives[0];
    const own = element.text.trim();
    return chosen?.text ?? (own !== '' ? own : null);
  };
  const orgOf = (element: XmlNode | undefined): ImportedOrg | null => {
    if (!element) return null;
    const ref = element.attributes.get('ref')?.trim() || null;
    const name = textOf(element);
    if (!ref && !name) {
      report('warning', element, 'organisation.unnamed', `${element.name} has neither a ref nor a name: left out`);
      return null;
    }
    if (ref) return { ref, name, type: element.attributes.get('type') ?? null, key: `ref:${ref}` };
    const normalised = normalisedName(name ?? '');
    const spelling = names.get(normalised) ?? name;
    if (!names.has(normalised) && name) names.set(normalised, name);
    return { ref: null, name: spelling, type: element.attributes.get('type') ?? null, key: `name:${normalised}` };
  };
  const moneyOf = (element: XmlNode | undefined, fallbackDate: string | null, owner: XmlNode): ImportedMoney | null => {
    if (!element) {
      report('error', owner, 'value.missing', `${owner.name} has no value: left out`);
      return null;
    }
    const currency = element.attributes.get('currency') ?? defaultCurrency;
    if (!currency) {
      report('error', element, 'value.currency', 'no currency on the value and no default-currency on the activity: left out');
      return null;
    }
    if (!CURRENCY_CODES.has(currency)) {
      report('error', element, 'value.currency', `"${currency}" is not an ISO 4217 currency: left out`);
      return null;
    }
    const amountMinor = minorUnitsOf(element.text, currency);
    if (amountMinor === null) {
      report(
        'error',
        element,
        'value.amount',
        `"${element.text.trim()}" is not an amount in ${currency} (digits, a point, at most ${minorUnitExponent(currency)} decimals): left out`,
      );
      return null;
    }
    let valueDate = element.attributes.get('value-date') ?? null;
    if (!valueDate || !ISO_DATE.test(valueDate)) {
      if (!fallbackDate) {
        report('error', element, 'value.date', 'no value-date and no other date to take it from: left out');
        return null;
      }
      report('warning', element, 'value.date', `no value-date: taken as ${fallbackDate}`);
      valueDate = fallbackDate;
    }
    return { amountMinor, currency, valueDate: valueDate.slice(0, 10) };
  };
  const shares = (name: string, codeOk: (code: string) => boolean, what: string, vocabularyOk: (v: string | undefined) => boolean) =>
    childrenNamed(node, name).flatMap((element) => {
      const code = element.attributes.get('code')?.trim() ?? '';
      if (!vocabularyOk(element.attributes.get('vocabulary'))) {
        report('warning', element, `${name}.vocabulary`, `vocabulary ${element.attributes.get('vocabulary')} is not read (only ${what}): left out`);
        return [];
      }
      if (!codeOk(code)) {
        report('warning', element, `${name}.code`, `"${code}" is not ${what}: left out`);
        return [];
      }
      const raw = element.attributes.get('percentage');
      const percentage = raw === undefined ? 100 : Number(raw);
      if (!Number.isFinite(percentage) || percentage < 0 || percentage > 100) {
        report('warning', element, `${name}.percentage`, `percentage "${raw}" is not between 0 and 100: left out`);
        return [];
      }
      return [{ code, percentage }];
    });

  const identifierNode = childNamed(node, 'iati-identifier');
  const identifier = identifierNode?.text.trim() ?? '';
  if (!identifierNode || identifier === '') {
    report('error', identifierNode ?? node, 'activity.identifier', 'no iati-identifier: the activity cannot be matched on a later import, so it is skipped');
    return { ok: false, reason: 'no iati-identifier', problems };
  }
  const reportingOrg = orgOf(childNamed(node, 'reporting-org'));
  if (!reportingOrg) {
    report('error', node, 'activity.reporting-org', 'no reporting organisation: skipped');
    return { ok: false, reason: 'no reporting organisation', problems };
  }
  const title = textOf(childNamed(node, 'title'));
  if (!title) report('warning', childNamed(node, 'title') ?? node, 'activity.title', `no title in any language: the identifier ${identifier} stands in for it`);
  const description = textOf(childNamed(node, 'description')) ?? '';

  const participatingOrgs = childrenNamed(node, 'participating-org').flatMap((element) => {
    const raw = element.attributes.get('role') ?? '';
    const role = ROLES.has(raw) ? (raw as '1' | '2' | '3' | '4') : V1_ROLES.get(raw.toLowerCase());
    const org = orgOf(element);
    if (!org) return [];
    if (!role) {
      report('warning', element, 'organisation.role', `role "${raw}" is not an IATI organisation role: left out`);
      return [];
    }
    return [{ ...org, role }];
  });

  const dates = new Map<'1' | '2' | '3' | '4', string>();
  for (const element of childrenNamed(node, 'activity-date')) {
    const raw = element.attributes.get('type') ?? '';
    const type = ROLES.has(raw) ? (raw as '1' | '2' | '3' | '4') : V1_DATE_TYPES.get(raw);
    const date = element.attributes.get('iso-date') ?? '';
    if (!type || !ISO_DATE.test(date)) {
      report('warning', element, 'activity-date', `activity-date type "${raw}" on "${date}" is not read`);
      continue;
    }
    dates.set(type, date.slice(0, 10));
  }
  const statusCode = childNamed(node, 'activity-status')?.attributes.get('code') ?? null;
  const status = statusCode && /^[1-6]$/.test(statusCode) ? statusCode : null;
  if (statusCode && !status) report('warning', childNamed(node, 'activity-status') ?? node, 'activity-status', `status "${statusCode}" is not in the ActivityStatus codelist`);

  const transactions = childrenNamed(node, 'transaction').flatMap((element) => {
    const typeNode = childNamed(element, 'transaction-type');
    const raw = typeNode?.attributes.get('code') ?? '';
    const type = TRANSACTION_TYPES.has(raw) ? raw : v1 || !TRANSACTION_TYPES.has(raw) ? V1_TRANSACTION_TYPES.get(raw) : undefined;
    if (!type) {
      report('error', typeNode ?? element, 'transaction.type', `transaction type "${raw}" is not in the TransactionType codelist: left out`);
      return [];
    }
    const dateRaw = childNamed(element, 'transaction-date')?.attributes.get('iso-date') ?? null;
    const date = dateRaw && ISO_DATE.test(dateRaw) ? dateRaw.slice(0, 10) : null;
    const value = moneyOf(childNamed(element, 'value'), date, element);
    if (!value) return [];
    const provider = childNamed(element, 'provider-org');
    return [
      {
        ref: element.attributes.get('ref') ?? null,
        type,
        date: date ?? value.valueDate,
        value,
        provider: orgOf(provider),
        receiver: orgOf(childNamed(element, 'receiver-org')),
        providerActivityId: provider?.attributes.get('provider-activity-id') ?? null,
      },
    ];
  });

  const budgets = childrenNamed(node, 'budget').flatMap((element) => {
    const start = childNamed(element, 'period-start')?.attributes.get('iso-date')?.slice(0, 10) ?? '';
    const end = childNamed(element, 'period-end')?.attributes.get('iso-date')?.slice(0, 10) ?? '';
    if (!ISO_DATE.test(start) || !ISO_DATE.test(end) || end < start) {
      report('error', element, 'budget.period', `budget period "${start}" to "${end}" is not a period: left out`);
      return [];
    }
    const limit = new Date(`${start}T00:00:00Z`);
    limit.setUTCFullYear(limit.getUTCFullYear() + 1);
    if (end > limit.toISOString().slice(0, 10)) {
      report(
        'error',
        element,
        'budget.period-year',
        `budget period ${start} to ${end} is longer than a year (the Standard's rule 7.5.3): left out; split it into yearly budgets at the source`,
      );
      return [];
    }
    const value = moneyOf(childNamed(element, 'value'), start, element);
    if (!value) return [];
    return [
      {
        type: element.attributes.get('type') === '2' ? ('2' as const) : ('1' as const),
        status: element.attributes.get('status') === '1' ? ('1' as const) : ('2' as const),
        periodStart: start,
        periodEnd: end,
        value,
      },
    ];
  });

  const documents = childrenNamed(node, 'document-link').flatMap((element) => {
    const url = element.attributes.get('url')?.trim() ?? '';
    if (!/^https?:\/\//i.test(url)) {
      report('warning', element, 'document.url', `"${url}" is not an http or https address: left out`);
      return [];
    }
    return [
      {
        url,
        title: textOf(childNamed(element, 'title')) ?? url,
        category: childNamed(element, 'category')?.attributes.get('code') ?? null,
        language: childNamed(element, 'language')?.attributes.get('code') ?? null,
      },
    ];
  });

  return {
    ok: true,
    problems,
    activity: {
      identifier,
      line: node.line,
      reportingOrg,
      title: title ?? identifier,
      description,
      participatingOrgs,
      status,
      dates,
      recipientCountries: shares(
        'recipient-country',
        (c) => COUNTRY_CODES.has(c),
        'an ISO 3166-1 country code',
        () => true,
      ),
      recipientRegions: shares(
        'recipient-region',
        (c) => RECIPIENT_REGIONS.has(c),
        'an OECD DAC region',
        (v) => v === undefined || v === '1',
      ),
      sectors: shares(
        'sector',
        (c) => DAC_SECTORS.has(c),
        'a DAC 5-digit purpose code',
        (v) => v === undefined || v === '' || v === '1' || v === 'DAC',
      ),
      transactions,
      budgets,
      documents,
    },
  };
}
