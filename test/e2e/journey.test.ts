/**
 * The shopper's journey end to end: `vitrine kiosk` serving the built renderer to Debian's
 * Chromium, with a real hub on loopback. Scans come through the simulated HID POS scanner (the
 * hardware issue's development channel), as a real scanner's reports would.
 */
import Database from 'better-sqlite3';
import jsqr from 'jsqr';
import { PNG } from 'pngjs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HUB_DATABASE_FILE } from '../../server/index.js';
import type { ProductView } from '../../shared/catalog/views.js';
import { LANDSCAPE, PORTRAIT, saveScreenshot, useBrowser } from '../support/browser.js';
import { useProcesses } from '../support/processes.js';
import { useTempDir } from '../support/temp.js';
import { catalogText, useHubs } from '../integration/hub/hub-fixture.js';
import { catalogReady, openKiosk, startKiosk } from './kiosk-fixture.js';

// jsqr is CommonJS with `exports.default`: under NodeNext its function is the default's default.
const jsQR = jsqr.default;

const hubs = useHubs();
const temp = useTempDir();
const spawn = useProcesses();
const browser = useBrowser();

const PRODUCTS = 60;

/** A product with several sizes of one colour, some in stock here and some not. */
function pickProduct(product: (id: string) => ProductView) {
  for (let n = 1; n <= PRODUCTS; n++) {
    const view = product(`P${String(n).padStart(6, '0')}`);
    const first = view.variants[0]?.color;
    const sizes = view.variants.filter((v) => v.color === first);
    if (
      sizes.length >= 3 &&
      sizes.some((v) => (v.stockHere ?? 0) > 0) &&
      view.variants[0]?.gtins[0] !== undefined
    ) {
      return view;
    }
  }
  throw new Error('no product with sizes in stock');
}

describe('the shopper journey in Chromium', () => {
  it('a scan opens the right product with per-size stock; search with a typo finds it; screens at both sizes', async () => {
    const test = await hubs.start(temp());
    await test.hub.importFeed(catalogText(PRODUCTS), { fileName: 'catalog.jsonl' });
    const kiosk = await startKiosk(test, temp(), spawn);
    try {
      await catalogReady(kiosk, PRODUCTS);
      const product = pickProduct((id) => kiosk.product(id));
      const variant = product.variants[0]!;
      for (const [size, name] of [
        [PORTRAIT, 'portrait'],
        [LANDSCAPE, 'landscape'],
      ] as const) {
        const page = await openKiosk(await browser(), kiosk, size);
        await saveScreenshot(page, `attract-${name}`);

        // A scan from the attract loop opens the product, with the scanned variant chosen.
        await kiosk.scan(variant.gtins[0]!.slice(1));
        await page.locator('[data-screen="product"]').waitFor();
        await expect.poll(() => page.getByTestId('product-title').textContent()).toBe(product.title);
        const sizes = page.getByTestId('size-option');
        const expected = product.variants.filter((v) => v.color === variant.color);
        await expect.poll(() => sizes.count()).toBe(expected.length);
        for (const v of expected) {
          const option = page.locator(`[data-testid="size-option"][data-size="${v.size!}"]`);
          expect(await option.getAttribute('data-stock')).toBe(String(v.stockHere ?? ''));
        }
        await page.getByTestId('nearby-store').first().waitFor();
        await saveScreenshot(page, `product-${name}`);

        // Home, then search with a typo typed on the on-screen keyboard.
        await page.getByTestId('session-done').click();
        await page.locator('[data-screen="attract"]').waitFor();
        await page.locator('[data-screen="attract"]').click();
        await page.locator('[data-screen="home"]').waitFor();
        await saveScreenshot(page, `home-${name}`);
        await page.getByTestId('open-search').click();
        await page.locator('[data-screen="search"]').waitFor();
        // The title's longest word with its last two letters swapped ("braided" -> "braidde"),
        // after the brand when the keyboard has its letters.
        const word = product.title
          .toLowerCase()
          .split(' ')
          .reduce((a, b) => (b.length > a.length ? b : a));
        const typo = word.slice(0, -2) + word.at(-1)! + word.at(-2)!;
        const brand = product.brand!.toLowerCase();
        const query = /^[a-z]+$/.test(brand) ? `${brand} ${typo}` : typo;
        for (const key of query) {
          await page
            .locator(`[data-key="${key === ' ' ? 'space' : key}"]`)
            .first()
            .click();
        }
        await expect.poll(() => page.getByTestId('search-query').textContent()).toContain(typo);
        await page.locator(`[data-testid="search-result"][data-product-id="${product.id}"]`).waitFor();
        expect(await page.getByTestId('search-corrections').textContent()).toContain(word);
        await saveScreenshot(page, `search-${name}`);

        // A keyboard-wedge scanner types into the focused search field: its burst opens the
        // product and none of it lands in the field; slow keys are typing and do. Key events are
        // made in the page so their timestamps are exactly as fast or slow as meant.
        const typeKeys = (keys: string, gapMs: number) =>
          page.evaluate(
            async ({ keys, gapMs }) => {
              for (const key of [...keys.split(''), 'Enter']) {
                window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
                if (gapMs > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
              }
            },
            { keys, gapMs },
          );
        const before = await page.getByTestId('search-query').textContent();
        await typeKeys(variant.gtins[0]!.slice(1), 0);
        await page.locator('[data-screen="product"]').waitFor();
        expect(await page.getByTestId('product-title').textContent()).toBe(product.title);
        await page.getByRole('button', { name: 'Back' }).click();
        await page.locator('[data-screen="search"]').waitFor();
        expect(await page.getByTestId('search-query').textContent()).toBe(before);
        await typeKeys('abc', 150);
        await expect.poll(() => page.getByTestId('search-query').textContent()).toBe(`${before!}abc`);

        // An unknown code: a friendly not-found with a way to search.
        await kiosk.scan('4006381333931');
        await page.locator('[data-screen="not-found"]').waitFor();
        expect(await page.getByTestId('not-found-code').textContent()).toContain('4006381333931');
        await saveScreenshot(page, `not-found-${name}`);
        await page.context().close();
      }
    } finally {
      kiosk.close();
    }
  });

  it('reserve: the hub holds it; with the hub stopped search still works, the reservation queues and arrives later', async () => {
    const hubDir = temp();
    let test = await hubs.start(hubDir);
    await test.hub.importFeed(catalogText(PRODUCTS), { fileName: 'catalog.jsonl' });
    const port = test.hub.port;
    const kiosk = await startKiosk(test, temp(), spawn);
    try {
      await catalogReady(kiosk, PRODUCTS);
      const product = pickProduct((id) => kiosk.product(id));
      const variant = product.variants.find((v) => (v.stockHere ?? 0) > 0)!;
      const page = await openKiosk(await browser(), kiosk, PORTRAIT);

      const reserve = async (name: string, shot: string) => {
        await kiosk.scan(variant.gtins[0]!.slice(1));
        await page.locator('[data-screen="product"]').waitFor();
        await page.locator(`[data-testid="size-option"][data-size="${variant.size!}"]`).click();
        await page.getByTestId('reserve-button').click();
        await page.locator('[data-screen="reserve"]').waitFor();
        await page.locator('[data-testid="reserve-store"][data-store-code="BER-MITTE"]').click();
        await page.getByTestId('reserve-name').fill(name);
        await page.getByTestId('contact-email').click();
        await page.getByTestId('reserve-contact').fill('ada@example.com');
        await saveScreenshot(page, `${shot}-form-portrait`);
        await page.getByTestId('reserve-consent').check();
        await page.getByTestId('reserve-submit').click();
        const result = page.getByTestId('reservation-result');
        await result.waitFor();
        return result;
      };

      const held = (await test.hub.store.stockOf([variant.sku], new Date().toISOString())).find(
        (s) => s.storeCode === 'BER-MITTE',
      )!;
      const confirmed = await reserve('Ada Lovelace', 'reserve');
      await expect.poll(() => confirmed.getAttribute('data-status')).toBe('confirmed');
      const pickup = (await page.getByTestId('pickup-code').textContent())!.trim();
      await saveScreenshot(page, 'reserve-confirmed-portrait');
      const rows = () => {
        const db = new Database(join(hubDir, HUB_DATABASE_FILE), { readonly: true });
        try {
          return db
            .prepare('SELECT sku, store_code AS store, pickup_code AS pickup FROM reservations ORDER BY id')
            .all();
        } finally {
          db.close();
        }
      };
      expect(rows()).toEqual([{ sku: variant.sku, store: 'BER-MITTE', pickup }]);
      const after = (await test.hub.store.stockOf([variant.sku], new Date().toISOString())).find(
        (s) => s.storeCode === 'BER-MITTE',
      )!;
      expect(after.available).toBe(held.available - 1);

      // The hub goes away: search and lookups still answer from the kiosk's own catalog.
      await page.getByTestId('session-done').click();
      await test.hub.close();
      await page.locator('[data-screen="attract"]').click();
      await page.getByTestId('open-search').click();
      for (const key of product.brand!.toLowerCase())
        await page.locator(`[data-key="${key}"]`).first().click();
      await page.getByTestId('search-result').first().waitFor();
      const queued = await reserve('Grace Hopper', 'reserve-offline');
      await expect.poll(() => queued.getAttribute('data-status')).toBe('queued');
      await saveScreenshot(page, 'reserve-queued-portrait');
      expect(rows()).toHaveLength(1);

      // Back: the outbox delivers it, and the shopper still standing there sees the pickup code.
      test = await hubs.start(hubDir, { port });
      await expect.poll(() => queued.getAttribute('data-status'), { timeout: 60_000 }).toBe('confirmed');
      await expect.poll(() => rows().length, { timeout: 30_000 }).toBe(2);
      await page.context().close();
    } finally {
      kiosk.close();
    }
  });

  it('send to phone: the QR decodes to the hub page for this product', async () => {
    const test = await hubs.start(temp());
    await test.hub.importFeed(catalogText(PRODUCTS), { fileName: 'catalog.jsonl' });
    const kiosk = await startKiosk(test, temp(), spawn);
    try {
      await catalogReady(kiosk, PRODUCTS);
      const product = pickProduct((id) => kiosk.product(id));
      for (const [size, name] of [
        [PORTRAIT, 'portrait'],
        [LANDSCAPE, 'landscape'],
      ] as const) {
        const page = await openKiosk(await browser(), kiosk, size);
        await kiosk.scan(product.variants[0]!.gtins[0]!.slice(1));
        await page.getByTestId('handoff-button').click();
        await page.locator('[data-screen="handoff"]').waitFor();
        const qr = page.getByTestId('handoff-qr');
        await qr.waitFor();
        await saveScreenshot(page, `handoff-${name}`);
        const png = PNG.sync.read(await qr.screenshot());
        const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
        expect(decoded?.data).toMatch(new RegExp(`^${test.hub.url}/p/[A-Za-z0-9_-]+$`));
        const phonePage = await fetch(decoded!.data);
        expect(phonePage.status).toBe(200);
        expect(await phonePage.text()).toContain(product.title);
        // The reserve form at this size too (submitted in the reservation test).
        await page.getByRole('button', { name: 'Back' }).click();
        await page.getByTestId('reserve-button').click();
        await page.locator('[data-screen="reserve"]').waitFor();
        await saveScreenshot(page, `reserve-${name}`);
        await page.context().close();
      }
    } finally {
      kiosk.close();
    }
  });

  it('feed text with script and event-handler payloads shows as text and runs nothing', async () => {
    const test = await hubs.start(temp());
    const evil = [
      JSON.stringify({ format: 'vitrine-catalog', version: 1 }),
      JSON.stringify({
        type: 'store',
        code: 'BER-MITTE',
        name: 'Berlin Mitte',
        location: { lat: 52.52, lon: 13.4 },
      }),
      JSON.stringify({
        type: 'product',
        id: 'EVIL1',
        title: '<img src=x onerror="window.__pwned=1">Trail Runner',
        brand: '<script>window.__pwned=2</script>Vela',
        category: ['Shoes'],
        description:
          '<p>Soft <b>suede</b>.</p><script>window.__pwned=3</script><img src="x" onerror="window.__pwned=4"><a href="javascript:window.__pwned=5" onclick="window.__pwned=6">more</a><svg onload="window.__pwned=7"></svg>',
        variants: [
          {
            sku: 'EVIL1-42',
            gtin: '4006381333931',
            size: '42',
            color: 'Black',
            price: { currency: 'EUR', regular: '89.00' },
            stock: { 'BER-MITTE': 3 },
          },
        ],
      }),
    ].join('\n');
    const imported = await test.hub.importFeed(evil, { fileName: 'evil.jsonl' });
    expect(imported.problems).toEqual([]);
    const kiosk = await startKiosk(test, temp(), spawn);
    try {
      await catalogReady(kiosk, 1);
      const page = await openKiosk(await browser(), kiosk, PORTRAIT);
      await kiosk.scan('4006381333931');
      await page.locator('[data-screen="product"]').waitFor();
      expect(await page.getByTestId('product-title').textContent()).toBe(
        '<img src=x onerror="window.__pwned=1">Trail Runner',
      );
      const description = page.getByTestId('product-description');
      expect(await description.textContent()).toContain('Soft suede.');
      expect(await description.locator('script, img, svg, [onclick], a[href^="javascript"]').count()).toBe(0);
      await description.click();
      await saveScreenshot(page, 'product-hostile-text-portrait');
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      await page.context().close();
    } finally {
      kiosk.close();
    }
  });

  it('idle: a "still there?" warning, then back to attract with no trace of the session', async () => {
    const test = await hubs.start(temp());
    await test.hub.importFeed(catalogText(PRODUCTS), { fileName: 'catalog.jsonl' });
    const kiosk = await startKiosk(test, temp(), spawn, { idle: { timeoutSeconds: 22, warningSeconds: 20 } });
    try {
      await catalogReady(kiosk, PRODUCTS);
      const product = pickProduct((id) => kiosk.product(id));
      const page = await openKiosk(await browser(), kiosk, PORTRAIT);
      await page.locator('[data-screen="attract"]').click();
      await page.getByTestId('open-search').click();
      for (const key of 'vela') await page.locator(`[data-key="${key}"]`).first().click();
      await page.getByTestId('search-result').first().waitFor();
      await page.getByTestId('idle-warning').waitFor({ timeout: 30_000 });
      await saveScreenshot(page, 'idle-warning-portrait');
      // One touch keeps the session, with what the shopper typed.
      await page.getByTestId('idle-stay').click();
      await page.getByTestId('idle-warning').waitFor({ state: 'detached' });
      expect(await page.getByTestId('search-query').textContent()).toContain('vela');
      // Left alone, the session ends: attract, and nothing of it anywhere.
      await kiosk.scan(product.variants[0]!.gtins[0]!.slice(1));
      await page.locator('[data-screen="product"]').waitFor();
      await page.setViewportSize(LANDSCAPE);
      await page.getByTestId('idle-warning').waitFor({ timeout: 30_000 });
      await saveScreenshot(page, 'idle-warning-landscape');
      await page.locator('[data-screen="attract"]').waitFor({ timeout: 40_000 });
      await page.locator('[data-screen="attract"]').click();
      await page.getByTestId('open-search').click();
      expect((await page.getByTestId('search-query').textContent())?.includes('vela')).toBe(false);
      expect(await page.getByTestId('search-result').count()).toBe(0);
      expect(await page.evaluate(() => [sessionStorage.length, localStorage.length])).toEqual([1, 0]);
      await page.context().close();
    } finally {
      kiosk.close();
    }
  });
});
