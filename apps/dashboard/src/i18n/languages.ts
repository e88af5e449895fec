/** The languages the dashboard speaks, and the locale each formats numbers, money and dates in. */
export const LANGUAGES = [
  { code: 'en', locale: 'en-GB', name: 'English' },
  { code: 'fr', locale: 'fr-FR', name: 'Français' },
  { code: 'pt', locale: 'pt-PT', name: 'Português' },
  { code: 'es', locale: 'es-ES', name: 'Español' },
] as const;

export type LanguageCode = (typeof LANGUAGES)[number]['code'];

const BY_CODE: ReadonlyMap<string, (typeof LANGUAGES)[number]> = new Map(LANGUAGES.map((l) => [l.code, l]));

export const isLanguage = (code: string | null | undefined): code is LanguageCode => !!code && BY_CODE.has(code);

export const localeOf = (code: LanguageCode): string => BY_CODE.get(code)?.locale ?? 'en-GB';

export const LANGUAGE_KEY = 'ccb.language';

/** The person's choice if they made one, else the browser's first language the dashboard speaks, else English. */
export function initialLanguage(): LanguageCode {
  const chosen = globalThis.localStorage?.getItem(LANGUAGE_KEY);
  if (isLanguage(chosen)) return chosen;
  for (const tag of globalThis.navigator?.languages ?? []) {
    const base = tag.split('-')[0]?.toLowerCase();
    if (isLanguage(base)) return base;
  }
  return 'en';
}

/** Whether the person picked a language in the dashboard (then amounts are typed the way that language writes them). */
export const chosenLanguage = (): LanguageCode | null => {
  const chosen = globalThis.localStorage?.getItem(LANGUAGE_KEY);
  return isLanguage(chosen) ? chosen : null;
};
