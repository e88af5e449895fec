import { ACTIVITY_TYPES, LEVELS, NEED_KINDS, ORGANISATION_KINDS, OUTCOMES, PARTNERSHIP_EVENT_VERSIONS, PHASES, REGIONS, THEMES, USER_ROLES } from '@ccb/domain';
import { MODALITIES } from '../../../../libs/read-models/src/api/partnership-results';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENGLISH as en } from './english';
import es from './locales/es.json';
import fr from './locales/fr.json';
import pt from './locales/pt.json';
import { LANGUAGES, localeOf, type LanguageCode } from './languages';

type Tree = { readonly [key: string]: string | Tree };
const RESOURCES: ReadonlyMap<LanguageCode, Tree> = new Map<LanguageCode, Tree>([
  ['en', en],
  ['fr', fr],
  ['pt', pt],
  ['es', es],
]);

const leaves = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`)));

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** The keys a language must have: English's, with each plural as the language's own CLDR categories. */
function expectedKeys(code: LanguageCode): string[] {
  const categories = new Intl.PluralRules(localeOf(code)).resolvedOptions().pluralCategories;
  const bases = new Set<string>();
  const plain: string[] = [];
  for (const [key] of leaves(en)) {
    if (PLURAL.test(key)) bases.add(key.replace(PLURAL, ''));
    else plain.push(key);
  }
  return [...plain, ...[...bases].flatMap((base) => categories.map((c) => `${base}_${c}`))].sort();
}

const variables = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}|<(\w+)\s*\/?>/g)].map((m) => m[1] ?? `<${m[2]}>`).sort();

describe('translations', () => {
  it.each(LANGUAGES.map((l) => l.code))('%s has every string, each plural its language needs, and nothing empty', (code) => {
    const own = leaves(RESOURCES.get(code)!);
    expect(own.map(([key]) => key).sort()).toEqual(expectedKeys(code));
    expect(own.filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
  });

  it.each(LANGUAGES.filter((l) => l.code !== 'en').map((l) => l.code))('%s uses the same placeholders and markup as English', (code) => {
    const english = new Map(leaves(en).map(([key, text]) => [key.replace(PLURAL, ''), variables(text)]));
    const differing = leaves(RESOURCES.get(code)!)
      .filter(([key, text]) => {
        const base = key.replace(PLURAL, '');
        const expected = english.get(base) ?? [];
        // A singular may spell out its count ("One group is…") instead of using {{count}}.
        return JSON.stringify(variables(text).filter((v) => v !== 'count')) !== JSON.stringify(expected.filter((v) => v !== 'count'));
      })
      .map(([key]) => key);
    expect(differing).toEqual([]);
  });

  it('names every kind of event in words (the replay slider and the chain check show them), not from the type name', () => {
    const kebab = (type: string) => type.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
    const named = new Set(Object.keys(en.codes));
    expect(Object.keys(PARTNERSHIP_EVENT_VERSIONS).filter((type) => !named.has(kebab(type)))).toEqual([]);
  });

  it('names every code of the vocabularies the dashboard shows, in every language', () => {
    const codes = [...USER_ROLES, ...PHASES, ...THEMES, ...LEVELS, ...ACTIVITY_TYPES, ...NEED_KINDS, ...OUTCOMES, ...REGIONS, ...ORGANISATION_KINDS, ...MODALITIES];
    const named = new Set(Object.keys(en.codes));
    expect(codes.filter((c) => !named.has(c))).toEqual([]);
  });

  it('words every rule the domain refuses a command by, so a refusal reads in the reader language', () => {
    // The rule codes as the deciders name them: ensure(condition, 'rule.code', message) and refuse('rule.code', message).
    const root = join(__dirname, '../../../../libs/domain/src');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const rules = new Set(
      files.flatMap((f) => [...readFileSync(join(root, f), 'utf8').matchAll(/\b(?:ensure|refuse)\([^;]*?'([a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9.-]+)'/g)].map((m) => m[1])),
    );
    expect(rules.size).toBeGreaterThan(80);
    const worded = new Set(leaves(en.refusals).map(([key]) => key));
    expect([...rules].filter((rule) => !worded.has(rule)).sort()).toEqual([]);
  });
});
