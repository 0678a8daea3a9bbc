/**
 * Catalog texts per language, end to end on the device's side: a Vitrine feed carries them
 * (strictly checked, tags canonical), the protocol lets them through to devices, the device
 * stores them and answers product, scan, search and recommendation calls in the shopper's
 * language, falling back to the default text; the session's language comes back to the
 * default when the session ends.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCatalog } from '../../../../../main/runtime/catalog/index.js';
import { SessionLanguage } from '../../../../../main/runtime/session/language.js';
import {
  bestLanguageMatch,
  canonicalLanguageTag,
  formatProblem,
  parseVitrineJsonl,
} from '../../../../../shared/catalog/index.js';
import { productRecordSchema } from '../../../../../shared/protocol/index.js';
import { useTempDir } from '../../../../support/temp.js';
import { fixtureBatch } from './fixture-batch.js';

const tempDir = useTempDir();

const jsonl = (...records: unknown[]): string =>
  [{ format: 'vitrine-catalog', version: 1 }, ...records].map((r) => JSON.stringify(r)).join('\n');

const variants = [{ sku: 'AR-42', price: '59.95 EUR' }];

describe('texts per language in a Vitrine feed', () => {
  it('are read under canonical tags, and refuse their product when wrong', () => {
    const result = parseVitrineJsonl(
      jsonl(
        {
          type: 'product',
          id: 'AR',
          title: 'Air Runner',
          translations: {
            DE: { title: 'Air Runner Laufschuh', description: '<p>Leicht.</p>' },
            'fr-ca': { description: 'Léger.' },
            ja: { title: 'エアランナー' },
          },
          variants,
        },
        {
          type: 'product',
          id: 'B1',
          title: 'Bad tag',
          translations: { german: { title: 'x' } },
          variants: [{ sku: 'B1-1' }],
        },
        {
          type: 'product',
          id: 'B2',
          title: 'Twice',
          translations: { de: { title: 'a' }, DE: { title: 'b' } },
          variants: [{ sku: 'B2-1' }],
        },
        { type: 'product', id: 'B3', title: 'Empty', translations: { de: {} }, variants: [{ sku: 'B3-1' }] },
        {
          type: 'product',
          id: 'B4',
          title: 'Typo',
          translations: { de: { titel: 'x' } },
          variants: [{ sku: 'B4-1' }],
        },
      ),
    );
    expect(result.batch.products.map((p) => p.id)).toEqual(['AR']);
    expect(result.batch.products[0]?.translations).toEqual({
      de: { title: 'Air Runner Laufschuh', description: '<p>Leicht.</p>' },
      'fr-CA': { description: 'Léger.' },
      ja: { title: 'エアランナー' },
    });
    expect(result.problems.map(formatProblem)).toEqual([
      'line 3: translations.german: "german" is not a language tag like "de" or "fr-CA"',
      'line 4: translations.DE: language "de" is given twice',
      'line 5: translations.de: give a "title", a "description" or both',
      'line 6: translations.de.titel: is not a known key',
    ]);
    // What the feed accepted, devices accept (the hub checks records with the protocol's schema).
    expect(productRecordSchema.safeParse(result.batch.products[0]).success).toBe(true);
    expect(
      productRecordSchema.safeParse({ ...result.batch.products[0], translations: { DE: { title: 'x' } } })
        .success,
    ).toBe(false);
  });

  it('language tags: canonical spelling, and the best match for a shopper', () => {
    expect(
      ['de', 'DE-de', 'zh-hant-tw', 'es-419', 'en-US-x-kiosk', 'german', ''].map(canonicalLanguageTag),
    ).toEqual(['de', 'de-DE', 'zh-Hant-TW', 'es-419', null, null, null]);
    expect(bestLanguageMatch('de-AT', ['de-DE', 'de', 'fr'])).toBe('de');
    expect(bestLanguageMatch('de-AT', ['de-DE', 'de-CH'])).toBe('de-CH');
    expect(bestLanguageMatch('fr-CA', ['fr-CA', 'fr'])).toBe('fr-CA');
    expect(bestLanguageMatch('ja', ['de', 'fr'])).toBeUndefined();
  });
});

describe('the device answers in the shopper language', () => {
  let path = '';
  function catalogWithTexts() {
    path = join(tempDir(), 'catalog.db');
    const catalog = openCatalog(path, {
      now: () => new Date('2026-11-22T12:00:00Z'),
    });
    const batch = fixtureBatch();
    const [sneaker, boot] = batch.products;
    if (sneaker === undefined || boot === undefined) throw new Error('fixture changed');
    sneaker.translations = {
      de: {
        title: 'Alpiner Wildleder-Sneaker',
        description: 'Ein Wildleder-Sneaker mit gepolstertem Fußbett.',
      },
      'de-CH': { title: 'Alpen-Wildleder-Sneaker' },
      ar: { title: 'حذاء رياضي من الشامواه' },
      ja: { description: 'クッション性のある中敷きのスエードスニーカー。' },
    };
    boot.translations = { de: { title: 'Chelsea-Boot aus Leder' } };
    catalog.apply(batch);
    return catalog;
  }

  it('product and scan: the texts of that language, else of the language alone, else the default', () => {
    const catalog = catalogWithTexts();
    const { reader } = catalog;
    expect(reader.product('RUN-1', 'BER', 'de-DE')).toMatchObject({
      title: 'Alpiner Wildleder-Sneaker',
      description: 'Ein Wildleder-Sneaker mit gepolstertem Fußbett.',
    });
    // Swiss German: its own title, the description of German.
    expect(reader.product('RUN-1', 'BER', 'de-CH')).toMatchObject({
      title: 'Alpen-Wildleder-Sneaker',
      description: 'A suede sneaker with a cushioned footbed.',
    });
    // Japanese has a description only: the title stays the default.
    expect(reader.product('RUN-1', 'BER', 'ja')).toMatchObject({
      title: 'Alpine Suede Sneaker',
      description: 'クッション性のある中敷きのスエードスニーカー。',
    });
    expect(reader.product('RUN-1', 'BER', 'fr')?.title).toBe('Alpine Suede Sneaker');
    expect(reader.product('RUN-1', 'BER')?.title).toBe('Alpine Suede Sneaker');
    // A scan: the same product, in the same language; recommendations too.
    const scanned = reader.lookup('4006381333931', 'BER', 'de');
    expect(scanned.result?.product.title).toBe('Alpiner Wildleder-Sneaker');
    expect(scanned.result?.product.recommendations.map((r) => r.title)).toEqual(['Chelsea-Boot aus Leder']);
    catalog.close();
  });

  it('search: result cards in that language, and a translated title finds its product', () => {
    const catalog = catalogWithTexts();
    const { reader } = catalog;
    const arabic = reader.search({ text: 'sneaker', storeCode: 'BER', locale: 'ar' });
    expect(arabic.hits.find((h) => h.id === 'RUN-1')?.title).toBe('حذاء رياضي من الشامواه');
    const german = reader.search({ text: 'wildleder', storeCode: 'BER', locale: 'de' });
    expect(german.hits.map((h) => [h.id, h.title])).toEqual([['RUN-1', 'Alpiner Wildleder-Sneaker']]);
    expect(reader.search({ text: 'chelsea', storeCode: 'BER' }).hits[0]?.title).toBe(
      'Heritage Leather Chelsea Boot',
    );
    catalog.close();
  });

  it('an update replaces a product’s texts, and deleting the product takes them along', () => {
    const catalog = catalogWithTexts();
    const batch = fixtureBatch();
    const sneaker = batch.products[0];
    if (sneaker === undefined) throw new Error('fixture changed');
    sneaker.translations = { fr: { title: 'Basket alpine en daim' } };
    catalog.apply({ ...batch, products: [sneaker] });
    expect(catalog.reader.product('RUN-1', 'BER', 'de')?.title).toBe('Alpine Suede Sneaker');
    expect(catalog.reader.product('RUN-1', 'BER', 'fr')?.title).toBe('Basket alpine en daim');
    expect(catalog.reader.search({ text: 'wildleder', storeCode: 'BER', locale: 'de' }).hits).toEqual([]);
    catalog.sync.applyChanges('catalog', 0, 1, [{ op: 'product.delete', id: 'RUN-1' }]);
    catalog.close();
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT language, title FROM product_texts').all()).toEqual([
      { language: 'de', title: 'Chelsea-Boot aus Leder' },
    ]);
    db.close();
  });
});

describe('the session language', () => {
  it('starts at the default, takes only the languages offered, and resets', () => {
    let config = { languages: ['en', 'de-DE', 'ar'], defaultLocale: 'de-DE' };
    const language = new SessionLanguage(() => config);
    expect(language.current).toBe('de-DE');
    expect(language.choose('AR')).toBe('ar');
    expect(language.current).toBe('ar');
    expect(() => language.choose('ja')).toThrow(
      `session.language: locale: "ja" is not one of this kiosk's languages (en, de-DE, ar)`,
    );
    expect(language.current).toBe('ar');
    // A pushed config that drops the language: the default again.
    config = { languages: ['en', 'de-DE'], defaultLocale: 'en' };
    expect(language.current).toBe('en');
    config = { languages: ['en', 'de-DE', 'ar'], defaultLocale: 'de-DE' };
    language.reset();
    expect(language.current).toBe('de-DE');
  });
});
