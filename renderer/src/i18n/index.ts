/**
 * Languages (i18next). Each feature keeps its strings in its own namespace, one JSON file per
 * language: `locales/<language>/<namespace>.json`. English is bundled, as the fallback every
 * other language leans on; the others are split into their own chunks and fetched when a
 * shopper picks one, so a kiosk that never leaves English never loads them.
 *
 * Config locales are BCP 47 tags ("de-DE"); the strings are per language ("de"), while Intl
 * formats with the full tag, so prices and dates follow the region. Plurals go through
 * i18next's `_zero` … `_other` suffixes, which are Intl.PluralRules' categories for the
 * language (Arabic has six, Japanese one).
 */
import i18next, { type BackendModule, type i18n as I18n, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';

type Resources = Record<string, ResourceKey>;

const english = import.meta.glob<ResourceKey>('./locales/en/*.json', { eager: true, import: 'default' });
const others = import.meta.glob<ResourceKey>(['./locales/*/*.json', '!./locales/en/*.json'], {
  import: 'default',
});

function namespaceOf(path: string): { language: string; namespace: string } {
  const match = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
  if (match?.[1] === undefined || match[2] === undefined) throw new Error(`unexpected locale file ${path}`);
  return { language: match[1], namespace: match[2] };
}

const bundled: Resources = {};
for (const [path, strings] of Object.entries(english)) bundled[namespaceOf(path).namespace] = strings;

/** The languages the renderer has strings for, as base language codes. */
export const availableLanguages: readonly string[] = [
  ...new Set(['en', ...Object.keys(others).map((path) => namespaceOf(path).language)]),
];

/** The namespaces there are, as English has them (every language has the same ones, or falls back). */
export const namespaces: readonly string[] = Object.keys(bundled);

const lazyBackend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    const load = others[`./locales/${language}/${namespace}.json`];
    if (load === undefined) {
      // A namespace not translated (yet) into this language falls back to English key by key.
      callback(null, language === 'en' ? (bundled[namespace] ?? {}) : {});
      return;
    }
    load().then(
      (strings) => {
        callback(null, strings);
      },
      (error: unknown) => {
        callback(error instanceof Error ? error : new Error(String(error)), null);
      },
    );
  },
};

export const i18n: I18n = i18next.createInstance();

void i18n
  .use(lazyBackend)
  .use(initReactI18next)
  .init({
    lng: 'en',
    fallbackLng: 'en',
    load: 'languageOnly',
    ns: namespaces,
    defaultNS: 'common',
    partialBundledLanguages: true,
    resources: { en: bundled },
    // English is here already: the first paint (the splash) has its words, not its keys.
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes what it renders.
    returnNull: false,
    react: { useSuspense: false },
  });

/** Fetches a language's strings without switching to it (so a switch can wait for both ends). */
export async function loadLanguage(tag: string): Promise<void> {
  await i18n.loadLanguages(tag);
}

/** Switches the UI language (a BCP 47 tag) and the page's `lang` and `dir`. */
export async function setLanguage(tag: string): Promise<void> {
  await i18n.changeLanguage(tag);
  document.documentElement.lang = tag;
  document.documentElement.dir = i18n.dir(tag);
}
