/** The locale numbers are read and written in: the browser's first language, unless the user chose another. */
const KEY = 'ccb.locale';

export function userLocale(): string {
  const chosen = globalThis.localStorage?.getItem(KEY);
  const candidate = chosen || globalThis.navigator?.languages?.[0] || globalThis.navigator?.language || 'en-GB';
  try {
    return Intl.NumberFormat.supportedLocalesOf([candidate])[0] ?? 'en-GB';
  } catch {
    return 'en-GB';
  }
}
