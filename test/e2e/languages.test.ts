/**
 * Languages end to end: `vitrine kiosk` with six languages serving the built renderer to
 * Debian's Chromium, a real hub on loopback, and a catalog whose products carry Arabic,
 * Japanese and German titles. A passer-by picks Arabic on the attract loop: the page turns
 * right to left (Back on the right, text aligned right, arrows mirrored), every string and the
 * feed's texts are Arabic, prices are Arabic prices. Japanese and German through the top bar's
 * picker; "I'm done" and the idle timer bring the default language back on both sides.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ProductView } from '../../shared/catalog/views.js';
import { expectAccessible } from '../support/axe.js';
import { LANDSCAPE, PORTRAIT, saveScreenshot, useBrowser } from '../support/browser.js';
import { useProcesses } from '../support/processes.js';
import { useTempDir } from '../support/temp.js';
import { catalogText, useHubs } from '../integration/hub/hub-fixture.js';
import { catalogReady, openKiosk, startKiosk } from './kiosk-fixture.js';

const hubs = useHubs();
const temp = useTempDir();
const spawn = useProcesses();
const browser = useBrowser();

const PRODUCTS = 60;
/** A language switch loads its strings and asks the runtime again: give a busy machine time. */
const SLOW = { timeout: 15_000 };
const LANGUAGES = ['en', 'de', 'fr', 'es', 'ar', 'ja'];

/** What each kind of product is called, by the leaf of its category, for the translated titles. */
const kinds: Record<string, { ar: string; ja: string; de: string }> = {
  Sneakers: { ar: 'حذاء رياضي', ja: 'スニーカー', de: 'Sneaker' },
  Boots: { ar: 'حذاء برقبة', ja: 'ブーツ', de: 'Stiefel' },
  Sandals: { ar: 'صندل', ja: 'サンダル', de: 'Sandale' },
  Loafers: { ar: 'حذاء لوفر', ja: 'ローファー', de: 'Loafer' },
  Jackets: { ar: 'جاكيت', ja: 'ジャケット', de: 'Jacke' },
  Shirts: { ar: 'قميص', ja: 'シャツ', de: 'Hemd' },
  Knitwear: { ar: 'كنزة محبوكة', ja: 'ニット', de: 'Strickpullover' },
  Trousers: { ar: 'بنطال', ja: 'パンツ', de: 'Hose' },
  Dresses: { ar: 'فستان', ja: 'ワンピース', de: 'Kleid' },
  Bags: { ar: 'حقيبة', ja: 'バッグ', de: 'Tasche' },
  Belts: { ar: 'حزام', ja: 'ベルト', de: 'Gürtel' },
  Scarves: { ar: 'وشاح', ja: 'スカーフ', de: 'Schal' },
};

/** The synthetic catalog with each product's title (and an Arabic description) in three languages. */
function translatedCatalog(products: number): string {
  return catalogText(products)
    .split('\n')
    .map((line) => {
      const record = JSON.parse(line) as Record<string, unknown>;
      if (record.type !== 'product') return line;
      const category = record.category as string[] | string;
      const leaf = (Array.isArray(category) ? category.at(-1) : category.split('>').at(-1))?.trim() ?? '';
      const kind = kinds[leaf];
      if (kind === undefined) throw new Error(`no translation for the category ${leaf}`);
      const brand = String(record.brand);
      const number = String(record.id).slice(-3);
      record.translations = {
        ar: { title: `${kind.ar} ${number} من ${brand}`, description: `<p>${kind.ar} مريح لكل يوم.</p>` },
        ja: { title: `${brand} ${kind.ja} ${number}` },
        de: { title: `${kind.de} ${number} von ${brand}` },
      };
      return JSON.stringify(record);
    })
    .join('\n');
}

/**
 * A product with a barcode, a price and stock here. The store's stock is a sync scope of its own
 * and may land a moment after the products: it is waited for.
 */
async function pickProduct(product: (id: string) => ProductView): Promise<ProductView> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    for (let n = 1; n <= PRODUCTS; n++) {
      const view = product(`P${String(n).padStart(6, '0')}`);
      const first = view.variants[0];
      if (first?.gtins[0] !== undefined && (first.stockHere ?? 0) > 0 && first.price !== undefined)
        return view;
    }
    if (Date.now() > deadline) throw new Error('no product with a barcode, a price and stock here');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const documentLanguage = (page: Page) =>
  page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

/** What Intl says `minor` looks like in `locale`, asked of the page's own Chromium. */
const priceIn = (page: Page, locale: string, minor: number, currency: string) =>
  page.evaluate(
    ({ locale, minor, currency }) =>
      new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 100),
    { locale, minor, currency },
  );

describe('languages in Chromium', () => {
  it('Arabic lays out right to left; Japanese and German through the picker; "I’m done" brings English back', async () => {
    const test = await hubs.start(temp());
    await test.hub.importFeed(translatedCatalog(PRODUCTS), { fileName: 'catalog.jsonl' });
    const kiosk = await startKiosk(test, temp(), spawn, { languages: LANGUAGES, defaultLocale: 'en' });
    try {
      await catalogReady(kiosk, PRODUCTS);
      const product = await pickProduct((id) => kiosk.product(id));
      const variant = product.variants[0]!;
      const price = variant.price!;
      const number = product.id.slice(-3);
      const arabicTitle = `${kinds[product.categoryPath.at(-1)!]!.ar} ${number} من ${product.brand!}`;
      for (const [size, name] of [
        [PORTRAIT, 'portrait'],
        [LANDSCAPE, 'landscape'],
      ] as const) {
        const page = await openKiosk(await browser(), kiosk, size);
        expect(await documentLanguage(page)).toEqual({ lang: 'en', dir: 'ltr' });

        // The attract loop offers the six languages, each by its own name.
        const choices = page.getByTestId('attract-languages').getByTestId('language-option');
        expect(await choices.allTextContents()).toEqual([
          'English',
          'Deutsch',
          'Français',
          'Español',
          'العربية',
          '日本語',
        ]);
        for (const box of await Promise.all((await choices.all()).map((c) => c.boundingBox())))
          expect(box!.height).toBeGreaterThanOrEqual(60);
        await expectAccessible(page, `the attract loop with six languages (${name})`);
        await saveScreenshot(page, `languages-attract-${name}`);

        // One tap on "العربية" starts the session in Arabic.
        await page.locator('[data-testid="language-option"][data-language="ar"]').click();
        await page.locator('[data-screen="home"]').waitFor();
        await expect.poll(() => documentLanguage(page), SLOW).toEqual({ lang: 'ar', dir: 'rtl' });
        await expect.poll(() => page.locator('.home-title').textContent(), SLOW).toBe('عمّ تبحث؟');
        expect(await page.getByTestId('session-done').textContent()).toBe('انتهيت');
        await page.locator('.card-title').first().waitFor();
        await expectAccessible(page, `the Arabic start page (${name})`);
        await saveScreenshot(page, `languages-home-ar-${name}`);

        // Search: the feed's Arabic titles on the result cards.
        await page.getByTestId('open-search').click();
        await page.locator('[data-screen="search"]').waitFor();
        // The on-screen keyboard types Latin letters: the title's longest word finds it.
        const word = product.title
          .toLowerCase()
          .split(/[^a-z]+/)
          .reduce((a, b) => (b.length > a.length ? b : a));
        for (const key of word) await page.locator(`[data-key="${key}"]`).first().click();
        const result = page.locator(`[data-testid="search-result"][data-product-id="${product.id}"]`);
        await result.waitFor();
        expect(await result.locator('.card-title').textContent()).toBe(arabicTitle);
        await expectAccessible(page, `Arabic search (${name})`);
        await saveScreenshot(page, `languages-search-ar-${name}`);

        // A scan: the product in Arabic, its price as Arabic writes prices, the layout mirrored.
        await kiosk.scan(variant.gtins[0]!.slice(1));
        await page.locator('[data-screen="product"]').waitFor();
        const title = page.getByTestId('product-title');
        await expect.poll(() => title.textContent(), SLOW).toBe(arabicTitle);
        expect(await page.getByTestId('product-description').textContent()).toContain('مريح لكل يوم');
        expect(await page.locator('.product-head .price-now').textContent()).toBe(
          await priceIn(page, 'ar', price.current, price.currency),
        );
        expect(await page.getByTestId('reserve-button').textContent()).toBe('احجز لتجربته');
        const back = (await page.getByTestId('topbar-back').boundingBox())!;
        const done = (await page.getByTestId('session-done').boundingBox())!;
        expect(back.x).toBeGreaterThan(size.width / 2);
        expect(done.x + done.width).toBeLessThan(size.width / 2);
        expect(
          await page
            .getByTestId('topbar-back')
            .locator('svg')
            .evaluate((svg) => getComputedStyle(svg).scale),
        ).toBe('-1 1');
        // The title's text hugs the right edge of its box, and ends well short of the left one.
        const edges = await title.evaluate((h1) => {
          const range = document.createRange();
          range.selectNodeContents(h1);
          const text = range.getBoundingClientRect();
          const box = h1.getBoundingClientRect();
          return { right: box.right - text.right, left: text.left - box.left };
        });
        expect(edges.right).toBeLessThan(2);
        expect(edges.left).toBeGreaterThan(20);
        await expectAccessible(page, `the Arabic product (${name})`);
        await saveScreenshot(page, `languages-product-ar-${name}`);

        // The accessibility menu is in Arabic too, laid out right to left.
        await page.getByTestId('a11y-open').click();
        const a11yMenu = page.getByTestId('a11y-menu');
        await a11yMenu.waitFor();
        expect(await a11yMenu.locator('#a11y-title').textContent()).toBe('إمكانية الوصول');
        expect(await page.getByTestId('a11y-close').textContent()).toBe('تم');
        await expectAccessible(page, `the accessibility menu in Arabic (${name})`);
        await saveScreenshot(page, `languages-a11y-menu-ar-${name}`);
        await page.getByTestId('a11y-close').click();
        await a11yMenu.waitFor({ state: 'detached' });

        // Japanese through the top bar's picker: the same product, its Japanese title and yen-style price.
        await page.getByTestId('language-picker').click();
        const menu = page.getByTestId('language-menu');
        await menu.waitFor();
        expect(await menu.locator('[aria-current="true"]').getAttribute('data-language')).toBe('ar');
        await expectAccessible(page, `the language menu in Arabic (${name})`);
        await saveScreenshot(page, `languages-menu-ar-${name}`);
        await menu.locator('[data-language="ja"]').click();
        await expect.poll(() => documentLanguage(page), SLOW).toEqual({ lang: 'ja', dir: 'ltr' });
        await expect
          .poll(() => title.textContent(), SLOW)
          .toBe(`${product.brand!} ${kinds[product.categoryPath.at(-1)!]!.ja} ${number}`);
        expect(await page.getByTestId('reserve-button').textContent()).toBe('試着を予約する');
        expect(await page.locator('.product-head .price-now').textContent()).toBe(
          await priceIn(page, 'ja', price.current, price.currency),
        );
        expect((await page.getByTestId('topbar-back').boundingBox())!.x).toBeLessThan(size.width / 2);

        // German: the start page asks in German; a product's price as Germany writes it.
        await page.getByTestId('language-picker').click();
        await page.getByTestId('language-menu').locator('[data-language="de"]').click();
        await expect
          .poll(() => title.textContent(), SLOW)
          .toBe(`${kinds[product.categoryPath.at(-1)!]!.de} ${number} von ${product.brand!}`);
        expect(await page.locator('.product-head .price-now').textContent()).toBe(
          await priceIn(page, 'de', price.current, price.currency),
        );
        await page.getByRole('button', { name: 'Startseite' }).click();
        await expect.poll(() => page.locator('.home-title').textContent(), SLOW).toBe('Wonach suchen Sie?');

        // "I'm done": the next shopper meets English, on the page and in what the runtime answers.
        await page.getByTestId('session-done').click();
        await page.locator('[data-screen="attract"]').waitFor();
        await expect.poll(() => documentLanguage(page), SLOW).toEqual({ lang: 'en', dir: 'ltr' });
        expect(await page.locator('.attract-invite-text').textContent()).toBe('Touch or scan to start');
        await kiosk.scan(variant.gtins[0]!.slice(1));
        await expect.poll(() => title.textContent(), SLOW).toBe(product.title);
        expect(await page.getByTestId('reserve-button').textContent()).toBe('Reserve to try on');
        await page.context().close();
      }
    } finally {
      kiosk.close();
    }
  });

  it('the idle reset brings the default language back too', async () => {
    const test = await hubs.start(temp());
    await test.hub.importFeed(translatedCatalog(PRODUCTS), { fileName: 'catalog.jsonl' });
    const kiosk = await startKiosk(test, temp(), spawn, {
      languages: ['de-DE', 'en', 'ja'],
      defaultLocale: 'de-DE',
      idle: { timeoutSeconds: 22, warningSeconds: 20 },
    });
    try {
      await catalogReady(kiosk, PRODUCTS);
      const page = await openKiosk(await browser(), kiosk, PORTRAIT);
      // The session starts in the config's default: German, with German prices.
      expect(await documentLanguage(page)).toEqual({ lang: 'de-DE', dir: 'ltr' });
      expect(await page.locator('.attract-invite-text').textContent()).toBe(
        'Berühren oder scannen zum Starten',
      );
      await page.locator('[data-testid="language-option"][data-language="ja"]').click();
      await expect.poll(() => page.locator('.home-title').textContent(), SLOW).toBe('何をお探しですか？');
      await page.getByTestId('idle-warning').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('idle-stay').textContent()).toBe('利用を続ける');
      await page.locator('[data-screen="attract"]').waitFor({ timeout: 40_000 });
      await expect.poll(() => documentLanguage(page), SLOW).toEqual({ lang: 'de-DE', dir: 'ltr' });
      expect(await page.locator('.attract-invite-text').textContent()).toBe(
        'Berühren oder scannen zum Starten',
      );
      await page.context().close();
    } finally {
      kiosk.close();
    }
  });
});
