import { chosenLanguage, localeOf } from '../i18n/languages';

/**
 * The locale amounts are typed in: the dashboard's language when the person chose one (12.500,50 in Portuguese,
 * 12 500,50 in French), else the browser's first language (nl-NL types 12.500,50 too).
 */
export function userLocale(): string {
  const chosen = chosenLanguage();
  if (chosen) return localeOf(chosen);
  const candidate = globalThis.navigator?.languages?.[0] || globalThis.navigator?.language || 'en-GB';
  try {
    return Intl.NumberFormat.supportedLocalesOf([candidate])[0] ?? 'en-GB';
  } catch {
    return 'en-GB';
  }
}
