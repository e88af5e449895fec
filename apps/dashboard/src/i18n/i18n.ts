import i18next from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import { setCodeTranslator, setFormatLocale } from '../ui/format';
import { ENGLISH } from './english';
import { initialLanguage, LANGUAGE_KEY, LANGUAGES, localeOf, isLanguage } from './languages';

/**
 * i18next with react-i18next. English ships in the main bundle (the first paint never waits for it); another
 * language is its own chunk, fetched when chosen. Plurals follow each language's CLDR rules (Intl.PluralRules):
 * `_one`/`_other` keys, `_many` where French, Portuguese and Spanish need it for large numbers.
 */
export const i18n = i18next.createInstance();

const applyLanguage = (code: string) => {
  if (!isLanguage(code)) return;
  document.documentElement.lang = code;
  setFormatLocale(localeOf(code));
};

i18n.on('languageChanged', applyLanguage);
// Codelist values (themes, phases, roles…) in the reader's language wherever the dashboard shows one.
setCodeTranslator((code, english) => (i18n.exists(`codes.${code}`) ? i18n.t(`codes.${code}`) : english));

export const i18nReady = i18n
  .use(initReactI18next)
  .use(resourcesToBackend((language: string) => import(`./locales/${language}.json`)))
  .init({
    lng: initialLanguage(),
    fallbackLng: false,
    supportedLngs: LANGUAGES.map((l) => l.code),
    partialBundledLanguages: true,
    // English is bundled: initialise at once, so the first render does not suspend and draw the whole app twice.
    initAsync: false,
    resources: { en: { translation: ENGLISH } },
    interpolation: { escapeValue: false },
    returnNull: false,
    // A key the page asks for that no translation has: said in the console, where the browser tests fail on it.
    saveMissing: true,
    missingKeyHandler: (languages, _namespace, key) => console.error(`missing translation: ${key} (${languages.join(', ')})`),
  });

export async function chooseLanguage(code: string): Promise<void> {
  if (!isLanguage(code)) return;
  globalThis.localStorage?.setItem(LANGUAGE_KEY, code);
  await i18n.changeLanguage(code);
}
