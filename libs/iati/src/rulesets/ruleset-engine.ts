import { DOMParser } from '@xmldom/xmldom';
import * as xpath from 'xpath';

/**
 * The IATI Standard's rulesets (IATI-Rulesets, `standard-2.03.json`; rule names in its SPEC.rst), applied to a
 * parsed file as the official validator applies them after the schema: each context is an XPath selecting
 * elements, each case a check on each of them. Every rule type the 2.03 ruleset uses is implemented; a case
 * that needs the org-id registry (the `ORG-ID-PREFIX` list) cannot run offline and is counted as not evaluated.
 */
export type Ruleset = Readonly<Record<string, Readonly<Record<string, { readonly cases: readonly RuleCase[] }>>>>;

export interface RuleCase {
  readonly condition?: string;
  readonly paths?: readonly string[];
  readonly less?: string;
  readonly more?: string;
  readonly regex?: string;
  readonly sum?: number;
  readonly excluded?: readonly string[];
  readonly date?: string;
  readonly start?: string;
  readonly end?: string;
  readonly one?: string;
  readonly all?: string;
  readonly if?: string;
  readonly then?: string;
  readonly foreach?: string;
  readonly do?: Readonly<Record<string, { readonly cases: readonly RuleCase[] }>>;
  readonly prefix?: readonly string[];
  readonly separator?: string;
  readonly min?: number;
  readonly max?: number;
  readonly ruleInfo?: { readonly id: string; readonly severity: 'error' | 'warning'; readonly message: string };
}

export interface Finding {
  readonly ruleId: string;
  readonly rule: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** Where: the element's path, e.g. /iati-activities/iati-activity[2]/budget[1]. */
  readonly at: string;
}

export interface RulesetReport {
  readonly findings: Finding[];
  readonly casesChecked: number;
  /** Cases that need data this process does not have (the org-id registry). */
  readonly notEvaluated: number;
}

type Node = xpath.SelectedValue;
const select = xpath.useNamespaces({ xml: 'http://www.w3.org/XML/1998/namespace' });

/** The registry-backed prefix list of the validator: not available offline. */
const REGISTRY_PLACEHOLDERS = new Set(['ORG-ID-PREFIX']);

export function parseXml(text: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => void (level !== 'warning' && errors.push(message)) }).parseFromString(text, 'text/xml');
  if (errors.length > 0) throw new Error(`not well-formed XML: ${errors[0]}`);
  return doc as unknown as Document;
}

export function applyRuleset(doc: Document, ruleset: Ruleset, now: Date = new Date()): RulesetReport {
  const report = { findings: [] as Finding[], casesChecked: 0, notEvaluated: 0 };
  for (const [contextPath, rules] of Object.entries(ruleset)) {
    const elements = nodesOf(select(contextPath, doc));
    for (const element of elements) runRules(element, rules, report, now);
  }
  return report;
}

function runRules(
  element: globalThis.Node,
  rules: Readonly<Record<string, { readonly cases: readonly RuleCase[] }>>,
  report: { findings: Finding[]; casesChecked: number; notEvaluated: number },
  now: Date,
): void {
  for (const [rule, { cases }] of Object.entries(rules)) {
    for (const c of cases) {
      // A case with a condition applies where the condition holds (as the published rulesets are written:
      // "count(recipient-country) > 1" guards the sum of their percentages), whatever SPEC.rst's wording.
      if (c.condition && !truthy(select(c.condition, element))) continue;
      if (rule === 'loop') {
        for (const value of new Set(nodesOf(select(c.foreach ?? '', element)).map(textOf))) runRules(element, substitute(c.do ?? {}, value), report, now);
        continue;
      }
      const outcome = check(rule, c, element, now);
      if (outcome === 'not-evaluated') {
        report.notEvaluated += 1;
        continue;
      }
      report.casesChecked += 1;
      if (!outcome) {
        report.findings.push({ ruleId: c.ruleInfo?.id ?? rule, rule, severity: c.ruleInfo?.severity ?? 'error', message: c.ruleInfo?.message ?? rule, at: pathOf(element) });
      }
    }
  }
}

/** True when the case holds for the element. */
function check(rule: string, c: RuleCase, el: globalThis.Node, now: Date): boolean | 'not-evaluated' {
  const all = (paths: readonly string[] = c.paths ?? []) => paths.flatMap((p) => nodesOf(select(p, el)));
  switch (rule) {
    case 'atleast_one':
      return all().length > 0;
    case 'no_more_than_one':
      return all().length <= 1;
    case 'only_one_of': {
      const excluded = all(c.excluded ?? []).length > 0;
      return excluded ? all().length === 0 : all().length === 1;
    }
    case 'one_or_all':
      return truthy(select(c.one ?? '', el)) || everyHas(el, c.all ?? '');
    case 'dependent': {
      const present = (c.paths ?? []).map((p) => nodesOf(select(p, el)).length > 0);
      return !present.some(Boolean) || present.every(Boolean);
    }
    case 'sum':
    case 'strict_sum': {
      const values = all().map(textOf);
      if (values.length === 0) return true;
      // Decimal sum in hundred-thousandths: 33.33 + 33.33 + 33.34 is exactly 100, as the strict rule demands.
      const total = values.reduce((s, v) => s + Math.round(Number(v) * 100_000), 0);
      return Number.isFinite(total) && total === Math.round((c.sum ?? 0) * 100_000);
    }
    case 'date_order': {
      const less = datesOf(c.less, el, now);
      const more = datesOf(c.more, el, now);
      return less.every((l) => more.every((m) => l <= m));
    }
    case 'date_now':
      return datesOf(c.date, el, now).every((d) => d <= now.toISOString().slice(0, 10));
    case 'time_limit': {
      const [start] = datesOf(c.start, el, now);
      const [end] = datesOf(c.end, el, now);
      if (!start || !end) return true;
      const limit = new Date(`${start}T00:00:00Z`);
      limit.setUTCFullYear(limit.getUTCFullYear() + 1);
      return end <= limit.toISOString().slice(0, 10);
    }
    case 'between_dates': {
      const [start] = datesOf(c.start, el, now);
      const [end] = datesOf(c.end, el, now);
      return datesOf(c.date, el, now).every((d) => (!start || d >= start) && (!end || d <= end));
    }
    case 'regex_matches':
      return all().every((n) => new RegExp(c.regex ?? '').test(textOf(n)));
    case 'regex_no_matches':
      return all().every((n) => !new RegExp(c.regex ?? '').test(textOf(n)));
    case 'no_spaces':
      return all().every((n) => textOf(n) === textOf(n).trim());
    case 'range':
      return all().every((n) => {
        const v = Number(textOf(n));
        return Number.isFinite(v) && (c.min === undefined || v >= c.min) && (c.max === undefined || v <= c.max);
      });
    case 'unique': {
      const texts = all().map(textOf);
      return new Set(texts).size === texts.length;
    }
    case 'startswith': {
      const prefixes = c.prefix ?? (c.start ? [c.start] : []);
      if (prefixes.some((p) => REGISTRY_PLACEHOLDERS.has(p))) return 'not-evaluated';
      const starts = prefixes.flatMap((p) => nodesOf(select(p, el)).map(textOf)).filter((s) => s !== '');
      if (starts.length === 0) return true;
      return all().every((n) => starts.some((s) => textOf(n).startsWith(`${s}${c.separator ?? ''}`)));
    }
    case 'if_then':
      return !truthy(select(c.if ?? 'false()', el)) || truthy(select(c.then ?? 'true()', el));
    default:
      throw new Error(`rule type ${rule} is not implemented`);
  }
}

/** `one_or_all`'s second half: every narrative has a language, every value a currency, every transaction a sector. */
function everyHas(el: globalThis.Node, all: string): boolean {
  switch (all) {
    case 'lang':
      return nodesOf(select('.//narrative', el)).every((n) => truthy(select('@xml:lang', n)));
    case 'currency':
      return nodesOf(select('.//value | .//budget-line/value', el)).every((n) => truthy(select('@currency', n)));
    case 'sector':
      return nodesOf(select('transaction', el)).every((n) => truthy(select('sector', n)));
    default:
      return truthy(select(all, el));
  }
}

function substitute(rules: Readonly<Record<string, { readonly cases: readonly RuleCase[] }>>, value: string): Record<string, { cases: RuleCase[] }> {
  return JSON.parse(JSON.stringify(rules).replaceAll('$1', value.replace(/["\\]/g, ''))) as Record<string, { cases: RuleCase[] }>;
}

function datesOf(path: string | undefined, el: globalThis.Node, now: Date): string[] {
  if (!path) return [];
  if (path === 'NOW') return [now.toISOString().slice(0, 10)];
  return nodesOf(select(path, el))
    .map((n) => textOf(n).slice(0, 10))
    .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
}

function nodesOf(value: Node | Node[]): globalThis.Node[] {
  return Array.isArray(value) ? value.filter((v): v is globalThis.Node => typeof v === 'object' && v !== null) : [];
}

function truthy(value: Node | Node[]): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'string') return value !== '';
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  if (typeof value === 'boolean') return value;
  return value !== null && value !== undefined;
}

function textOf(node: Node): string {
  if (typeof node === 'object' && node !== null && 'nodeType' in node) return (node.nodeType === 2 ? (node as Attr).value : node.textContent) ?? '';
  return String(node);
}

function pathOf(node: globalThis.Node): string {
  const parts: string[] = [];
  for (let n: globalThis.Node | null = node; n && n.nodeType === 1; n = n.parentNode) {
    let index = 1;
    for (let s = n.previousSibling; s; s = s.previousSibling) if (s.nodeType === 1 && s.nodeName === n.nodeName) index += 1;
    parts.unshift(`${n.nodeName}[${index}]`);
  }
  return `/${parts.join('/')}`;
}
