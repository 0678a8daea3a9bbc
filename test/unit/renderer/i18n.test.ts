/**
 * The renderer's languages: every namespace has every key in every language (plural keys with
 * exactly the forms that language's plural rules ask for), the same placeholders and markup as
 * English; plurals resolve through the real i18next instance; prices, counts and distances are
 * formatted by Intl for the locale.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  formatCount,
  formatPercent,
  formatPrice,
  formatWholePrice,
} from '../../../renderer/src/format/money.js';
import { uptimeText } from '../../../renderer/src/format/staff.js';
import { formatDistance, nearbyStockLabel, sizeStockLabel } from '../../../renderer/src/format/stock.js';
import { variantLabel } from '../../../renderer/src/format/variants.js';
import { availableLanguages, i18n, namespaces } from '../../../renderer/src/i18n/index.js';
import { languageName, ownName } from '../../../renderer/src/i18n/language-names.js';
import { repoRoot } from '../../support/processes.js';

const localesDir = join(repoRoot, 'renderer/src/i18n/locales');
/** The languages the issue asks for; others may be added, and are checked the same way. */
const REQUIRED = ['en', 'de', 'fr', 'es', 'ar', 'ja'];
const PLURAL = /_(zero|one|two|few|many|other)$/;

type Strings = Map<string, string>;

function flatten(value: unknown, prefix: string, out: Strings): Strings {
  if (typeof value === 'string') out.set(prefix, value);
  else if (typeof value === 'object' && value !== null)
    for (const [key, inner] of Object.entries(value))
      flatten(inner, prefix === '' ? key : `${prefix}.${key}`, out);
  else throw new Error(`${prefix}: not a string or an object`);
  return out;
}

function load(language: string, namespace: string): Strings | undefined {
  try {
    return flatten(
      JSON.parse(readFileSync(join(localesDir, language, `${namespace}.json`), 'utf8')),
      '',
      new Map(),
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Plural keys by their base (`card.colors` → {one, other}), and the plain keys. */
function shape(strings: Strings): { plain: Set<string>; plural: Map<string, Set<string>> } {
  const plain = new Set<string>();
  const plural = new Map<string, Set<string>>();
  for (const key of strings.keys()) {
    const match = PLURAL.exec(key);
    const base = match === null ? key : key.slice(0, match.index);
    if (match !== null && strings.has(`${base}_other`)) {
      const forms = plural.get(base) ?? new Set<string>();
      forms.add(match[1] ?? '');
      plural.set(base, forms);
    } else plain.add(key);
  }
  return { plain, plural };
}

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1] ?? '').sort();
/** The components the screens hand to <Trans>; other angle brackets are text ("--config <file>"). */
const tags = (text: string): string[] =>
  [...text.matchAll(/<\/?(code|q|contact|from|br|em)\s*\/?>/g)].map((m) => m[0]).sort();
/** ICU's spaces inside numbers and units differ by locale and version (U+0020, U+00A0, U+202F). */
const spaced = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

describe('every language has every string', () => {
  const languages = readdirSync(localesDir).sort();

  it('the required languages are there, and the renderer offers each', () => {
    expect(languages).toEqual(expect.arrayContaining(REQUIRED));
    expect([...availableLanguages].sort()).toEqual(languages);
  });

  for (const namespace of namespaces) {
    const english = load('en', namespace);
    if (english === undefined) throw new Error(`no en/${namespace}.json`);
    const en = shape(english);
    for (const language of languages.filter((l) => l !== 'en')) {
      it(`${language}/${namespace}.json: same keys, plural forms of ${language}, same placeholders`, () => {
        const strings = load(language, namespace);
        expect(strings, `${language}/${namespace}.json is missing`).toBeDefined();
        if (strings === undefined) return;
        const own = shape(strings);
        expect([...own.plain].sort(), 'plain keys').toEqual([...en.plain].sort());
        expect([...own.plural.keys()].sort(), 'plural keys').toEqual([...en.plural.keys()].sort());
        const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
        for (const [base, englishForms] of en.plural) {
          // "no errors" rather than "0 errors": a `_zero` in English is wanted in every language.
          const wanted = new Set<string>([...categories, ...(englishForms.has('zero') ? ['zero'] : [])]);
          expect([...(own.plural.get(base) ?? [])].sort(), `${base}: plural forms`).toEqual(
            [...wanted].sort(),
          );
        }
        for (const [key, text] of strings) {
          const match = PLURAL.exec(key);
          const base = match === null ? key : key.slice(0, match.index);
          const source = english.get(key) ?? english.get(`${base}_other`) ?? '';
          expect(text.trim(), `${key} is empty`).not.toBe('');
          expect(tags(text), `${key}: markup`).toEqual(tags(source));
          if (match !== null && en.plural.has(base)) {
            // A plural form may spell its number out ("لونان", two colours): all else stays.
            const others = (list: string[]) => list.filter((name) => name !== 'count');
            expect(others(placeholders(text)), `${key}: placeholders`).toEqual(others(placeholders(source)));
          } else {
            expect(placeholders(text), `${key}: placeholders`).toEqual(placeholders(source));
          }
        }
      });
    }
  }
});

describe('plurals and interpolation through i18next', () => {
  beforeAll(async () => {
    await i18n.loadLanguages(['de', 'fr', 'ar', 'ja']);
  });

  it('Arabic has six forms, chosen by the count', () => {
    const t = i18n.getFixedT('ar-EG', 'common');
    const forms = [0, 1, 2, 3, 11, 100].map((count) => t('card.colors', { count }));
    expect(new Set(forms).size).toBe(6);
    expect(forms[1]).toBe('لون واحد');
    expect(forms[2]).toBe('لونان');
    // The number itself in the locale's digits (ar-EG writes Arabic-Indic ones).
    expect(forms[3]).toBe('٣ ألوان');
    expect(forms[4]).toBe('١١ لونًا');
    expect(forms[5]).toBe('١٠٠ لون');
  });

  it('Japanese has one form; English and German two, with the number grouped per locale', () => {
    const ja = i18n.getFixedT('ja', 'common');
    expect(ja('card.colors', { count: 1 })).toBe('1色');
    expect(ja('card.colors', { count: 12 })).toBe('12色');
    const en = i18n.getFixedT('en', 'home');
    expect(en('home.products', { count: 1 })).toBe('1 product');
    expect(en('home.products', { count: 12480 })).toBe('12,480 products');
    const de = i18n.getFixedT('de-DE', 'home');
    expect(de('home.products', { count: 1 })).toBe('1 Produkt');
    expect(de('home.products', { count: 12480 })).toBe('12.480 Produkte');
    expect(spaced(i18n.getFixedT('fr', 'home')('home.products', { count: 1_000_000 }))).toBe(
      '1 000 000 de produits',
    );
  });

  it('format helpers speak the language they are given', () => {
    const de = i18n.getFixedT('de', 'product');
    expect(sizeStockLabel(de, 3)).toBe('Noch 3');
    expect(sizeStockLabel(de, 0)).toBe('Hier ausverkauft');
    expect(nearbyStockLabel(de, 0, 'preorder')).toBe('Vorbestellung');
    expect(variantLabel(de, { color: 'Schwarz', size: '42' })).toBe('Schwarz · Größe 42');
    const ja = i18n.getFixedT('ja', 'staff');
    expect(ja('pin.wrong', { count: 1 })).toBe('PINが違います — 残り1回');
    expect(i18n.getFixedT('en', 'staff')('pin.wrong', { count: 1 })).toBe('Wrong PIN — 1 try left');
    expect(i18n.getFixedT('en', 'staff')('pin.entered', { count: 0 })).toBe('No digits entered');
  });

  it('a key missing in a language falls back to English, never to the key', () => {
    i18n.addResource('en', 'common', 'test.fallback', 'English text');
    expect(i18n.getFixedT('de', 'common')('test.fallback')).toBe('English text');
  });
});

describe('Intl formatting per locale', () => {
  it('prices with the full locale tag', () => {
    expect(spaced(formatPrice(5995, 'EUR', 'de-DE'))).toBe('59,95 €');
    expect(formatPrice(5995, 'EUR', 'en-IE')).toBe('€59.95');
    expect(formatPrice(500000, 'JPY', 'ja-JP')).toBe('￥500,000');
    // Arabic as Egypt writes it: Arabic-Indic digits and the Arabic decimal separator.
    expect(formatPrice(5995, 'EUR', 'ar-EG')).toMatch(/٥٩٫٩٥/);
    expect(spaced(formatWholePrice(50, 'EUR', 'de-DE'))).toBe('50 €');
    // A currency code Intl refuses (a feed's typo) still shows its amount.
    expect(formatPrice(5995, 'EURO', 'de-DE')).toBe('59.95 EURO');
  });

  it('counts, percentages, distances and durations', () => {
    expect(formatCount(12480, 'de-DE')).toBe('12.480');
    expect(formatCount(12480, 'ar-EG')).toBe('١٢٬٤٨٠');
    expect(spaced(formatPercent(-30, 'de-DE'))).toBe('-30 %');
    expect(spaced(formatDistance(1.5, 'de-DE') ?? '')).toBe('1,5 km');
    expect(spaced(formatDistance(0.42, 'fr-FR') ?? '')).toBe('420 m');
    expect(spaced(formatDistance(12.3, 'ja-JP') ?? '')).toBe('12 km');
    expect(uptimeText(2 * 3600 + 15 * 60, 'en')).toBe('2 hr 15 min');
    expect(spaced(uptimeText(3 * 86_400 + 4 * 3600, 'de'))).toBe('3 Tg. 4 Std.');
  });

  it('language names: each in its own language, and in the language on screen', () => {
    expect(['en', 'de', 'fr', 'es', 'ar', 'ja'].map(ownName)).toEqual([
      'English',
      'Deutsch',
      'Français',
      'Español',
      'العربية',
      '日本語',
    ]);
    expect(languageName('de', 'ar')).toBe('الألمانية');
    expect(languageName('ja', 'fr')).toBe('Japonais');
  });
});
