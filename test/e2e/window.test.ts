/**
 * The smart shop window (issue 6, config `mode: "window"`) end to end: `vitrine kiosk` serving the
 * built renderer to Chromium at the window's sizes, with a real hub on loopback. The screen is a
 * 55" panel (1210 x 680 mm), so at 1920 px wide 1 mm of glass is 1.587 CSS px; every size the
 * test checks is worked out here from that geometry and the published rules, not read back from
 * the page's own arithmetic.
 */
import Database from 'better-sqlite3';
import jsqr from 'jsqr';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { HUB_DATABASE_FILE } from '../../server/index.js';
import {
  dateOfDay,
  localDayOf,
  openStateAt,
  type OpeningHoursSpec,
} from '../../shared/schedule/opening-hours.js';
import { expectAccessible } from '../support/axe.js';
import { LANDSCAPE, PORTRAIT, saveScreenshot, useBrowser } from '../support/browser.js';
import { useProcesses } from '../support/processes.js';
import { useTempDir } from '../support/temp.js';
import { catalogText, useHubs } from '../integration/hub/hub-fixture.js';
import { catalogReady, startKiosk, type Kiosk } from './kiosk-fixture.js';

const GERMAN = JSON.parse(
  readFileSync(new URL('../../renderer/src/i18n/locales/de/window.json', import.meta.url), 'utf8'),
) as { product: { back: string } };

const jsQR = jsqr.default;
const hubs = useHubs();
const temp = useTempDir();
const spawn = useProcesses();
const browser = useBrowser();

const PRODUCTS = 40;
const ZONE = 'Europe/Berlin';
const PANEL = { widthMm: 1210, heightMm: 680 };
/** CSS px per mm of glass at either orientation of a 1920 x 1080 page. */
const MM_TO_PX = 1920 / PANEL.widthMm;
/** EN 301 549 5.1.4: a capital subtends >= 0.7° — at 3 m that is 2 · 3000 · tan(0.35°) mm. */
const CAP_AT_3M_MM = 2 * 3000 * Math.tan((0.35 * Math.PI) / 180);
/** A QR code scans from about ten times its width: from 3 m, 300 mm without its quiet zone. */
const QR_AT_3M_MM = 300;
const HOLD_MS = 48 * 3600_000;
/**
 * Each test walks the window at both sizes against a real hub and kiosk process: on a busy CI
 * machine that takes longer than vitest's default minute.
 */
const BOTH_SIZES_MS = 180_000;

const week = (intervals: { open: string; close: string }[]): OpeningHoursSpec['week'] => ({
  mon: intervals,
  tue: intervals,
  wed: intervals,
  thu: intervals,
  fri: intervals,
  sat: intervals,
  sun: intervals,
});

/** Closed all day today in the store's zone, open tomorrow 10:00-20:00: "open tomorrow at 10:00". */
function closedToday(): OpeningHoursSpec {
  const tomorrow = dateOfDay(localDayOf(ZONE, new Date()) + 1);
  return {
    timeZone: ZONE,
    week: week([]),
    exceptions: [{ date: tomorrow, intervals: [{ open: '10:00', close: '20:00' }] }],
  };
}
const openAlways: OpeningHoursSpec = {
  timeZone: ZONE,
  week: week([{ open: '00:00', close: '24:00' }]),
  exceptions: [],
};

function windowConfig(hours: OpeningHoursSpec) {
  return {
    device: { id: 'ber-mitte-window-1', name: 'Shop window' },
    mode: 'window',
    displays: [{ screen: 0, orientation: 'landscape', role: 'window', ...PANEL }],
    // Two languages, so the window's picker shows and is measured with the other controls.
    languages: ['en-GB', 'de-DE'],
    idle: { timeoutSeconds: 600, warningSeconds: 30 },
    openingHours: hours,
  };
}

async function openWindow(b: Browser, kiosk: Kiosk, size: { width: number; height: number }): Promise<Page> {
  const context = await b.newContext({ viewport: size, hasTouch: true });
  const page = await context.newPage();
  await page.goto(kiosk.url);
  await page.locator('[data-screen="window-spotlight"]').waitFor({ timeout: 30_000 });
  return page;
}

/** Every rendered control smaller than 96 x 96 CSS px, described. */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = document.querySelectorAll<HTMLElement>(
      'button, a[href], input, select, textarea, [role="button"], label:has(input)',
    );
    const small: string[] = [];
    for (const control of controls) {
      const box = control.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue; // not rendered
      if (box.width < 96 || box.height < 96) {
        const name = control.dataset.testid ?? control.dataset.key ?? control.className;
        small.push(
          `${control.tagName.toLowerCase()} ${name}: ${box.width.toFixed(0)}x${box.height.toFixed(0)}`,
        );
      }
    }
    return small;
  });
}

/**
 * The accessibility button's box against the parts a passer-by came for (each selector's
 * rendered elements): the names of those it covers.
 */
function coveredByAids(page: Page, parts: readonly string[]): Promise<string[]> {
  return page.evaluate((selectors) => {
    const button = document.querySelector('[data-testid="window-aids"] [data-testid="a11y-open"]');
    if (button === null) return ['(no accessibility button)'];
    const a = button.getBoundingClientRect();
    return selectors.filter((selector) =>
      [...document.querySelectorAll(selector)].some((element) => {
        const b = element.getBoundingClientRect();
        return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      }),
    );
  }, parts);
}

/** Opens the accessibility menu from the window's own button, checks it as a screen, and closes it. */
async function checkAccessibilityMenu(page: Page, where: string): Promise<void> {
  await page.getByTestId('window-aids').getByTestId('a11y-open').click();
  await page.getByTestId('a11y-menu').waitFor();
  // Measured once the menu has risen in: mid-animation its boxes are scaled down.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  expect(await smallTargets(page)).toEqual([]);
  await expectAccessible(page, `the accessibility menu (${where})`);
  await saveScreenshot(page, `window-a11y-menu-${where}`);
  await page.getByTestId('a11y-close').click();
  await page.getByTestId('a11y-menu').waitFor({ state: 'detached' });
}

/** The rendered height of a capital H in the CTA's own font, in mm of glass. */
async function ctaCapMm(page: Page): Promise<number> {
  const px = await page.getByTestId('window-cta').evaluate((element) => {
    const style = getComputedStyle(element);
    const context = document.createElement('canvas').getContext('2d');
    if (context === null) throw new Error('no canvas');
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    return context.measureText('H').actualBoundingBoxAscent;
  });
  return px / MM_TO_PX;
}

/** Decodes the product's QR code and returns its URL and how wide the code is on the glass. */
async function readQr(page: Page): Promise<{ url: string; symbolMm: number; quietModules: number }> {
  const qr = page.getByTestId('window-qr');
  await qr.waitFor({ timeout: 30_000 });
  const box = (await qr.boundingBox())!;
  const png = PNG.sync.read(await qr.screenshot());
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (decoded === null) throw new Error('the QR code does not decode');
  const modules = 17 + 4 * decoded.version;
  // The quiet zone: the distance from the image's edge to the finder pattern, in modules.
  const modulePx = (decoded.location.topRightCorner.x - decoded.location.topLeftCorner.x) / modules;
  const quietModules = decoded.location.topLeftCorner.x / modulePx;
  const symbolPx = (box.width * modules) / (modules + 2 * quietModules);
  return { url: decoded.data, symbolMm: symbolPx / MM_TO_PX, quietModules };
}

function hubReservations(hubDir: string) {
  const db = new Database(join(hubDir, HUB_DATABASE_FILE), { readonly: true });
  try {
    return db
      .prepare(
        'SELECT device_id AS device, sku, pickup_from AS pickupFrom, expires_at AS expiresAt FROM reservations ORDER BY id',
      )
      .all() as { device: string; sku: string; pickupFrom: string | null; expiresAt: string }[];
  } finally {
    db.close();
  }
}

describe('the smart shop window in Chromium', () => {
  it(
    'closed: says when it opens, sizes for 3 m, QR on the product, reserves for opening time (window and phone)',
    async () => {
      const hubDir = temp();
      const test = await hubs.start(hubDir);
      await test.hub.importFeed(catalogText(PRODUCTS), { fileName: 'catalog.jsonl' });
      const hours = closedToday();
      const kiosk = await startKiosk(test, temp(), spawn, windowConfig(hours));
      try {
        await catalogReady(kiosk, PRODUCTS);
        const nextOpen = openStateAt(hours, new Date()).nextOpen!;
        const opens = `We’re closed — open tomorrow at 10:00`;
        const reservedProducts = new Set<string>();

        for (const [size, name] of [
          [LANDSCAPE, 'landscape'],
          [PORTRAIT, 'portrait'],
        ] as const) {
          const page = await openWindow(await browser(), kiosk, size);
          const badge = page.getByTestId('window-hours');
          await expect.poll(() => badge.getAttribute('data-open')).toBe('false');
          expect(await badge.textContent()).toBe(opens);
          await page.getByTestId('window-rail-item').first().waitFor();
          expect(await ctaCapMm(page)).toBeGreaterThanOrEqual(CAP_AT_3M_MM);
          expect(await smallTargets(page)).toEqual([]);
          expect(await coveredByAids(page, ['.wcta', '.wrail', '.wslide-text > *'])).toEqual([]);
          await expectAccessible(page, `the closed spotlight (${name})`);
          await saveScreenshot(page, `window-spotlight-closed-${name}`);

          // A touch on the rail opens that product; its colours and sizes are window-sized. One
          // with two units of a size here (one for the window's reservation, one for the phone's),
          // not reserved at the other size already: the kiosk's copy of the stock may lag the hub.
          const ids = await page
            .getByTestId('window-rail-item')
            .evaluateAll((items) => items.map((item) => item.getAttribute('data-product-id') ?? ''));
          const product = ids
            .filter((id) => !reservedProducts.has(id))
            .map((id) => kiosk.product(id))
            .find((p) => p.variants.some((v) => (v.stockHere ?? 0) >= 2 && v.size !== undefined))!;
          reservedProducts.add(product.id);
          const variant = product.variants.find((v) => (v.stockHere ?? 0) >= 2 && v.size !== undefined)!;
          await page.locator(`[data-testid="window-rail-item"][data-product-id="${product.id}"]`).click();
          await page.locator('[data-screen="window-product"][data-hours="closed"]').waitFor();
          expect(await page.getByTestId('window-product-title').textContent()).toBe(product.title);
          if ((await page.getByTestId('window-color').count()) > 1)
            await page.locator(`[data-testid="window-color"][aria-label="${variant.color!}"]`).click();
          const sizeButton = page.locator(`[data-testid="window-size"][data-size="${variant.size!}"]`);
          await sizeButton.click();
          expect(await sizeButton.getAttribute('data-stock')).toBe(String(variant.stockHere));
          expect(await page.getByTestId('window-next').textContent()).toContain(opens);

          // Continue on your phone: the code opens this product's hub page, and is big enough for 3 m.
          const qr = await readQr(page);
          expect(qr.url).toMatch(new RegExp(`^${test.hub.url}/p/[A-Za-z0-9_-]+$`));
          expect(qr.symbolMm).toBeGreaterThanOrEqual(QR_AT_3M_MM);
          expect(qr.quietModules).toBeGreaterThanOrEqual(3.5);
          expect(await smallTargets(page)).toEqual([]);
          expect(await coveredByAids(page, ['[data-testid="window-qr"]', '.wproduct-info'])).toEqual([]);
          await expectAccessible(page, `the closed product with its QR code (${name})`);
          await saveScreenshot(page, `window-product-closed-${name}`);

          // Reserve for opening time, typed on the window's own keyboard.
          await page.getByTestId('window-reserve').click();
          await page.locator('[data-screen="window-reserve"]').waitFor();
          for (const key of 'ada') await page.locator(`[data-key="${key}"]`).click();
          await page.getByTestId('window-reserve-contact').click();
          for (const key of '+4930123456') await page.locator(`[data-key="${key}"]`).click();
          await page.getByTestId('window-reserve-consent').check();
          expect(await page.getByTestId('window-reserve-name').inputValue()).toBe('ada');
          expect(await page.getByTestId('window-reserve-contact').inputValue()).toBe('+4930123456');
          expect(await smallTargets(page)).toEqual([]);
          await expectAccessible(page, `the reserve form (${name})`);
          await saveScreenshot(page, `window-reserve-${name}`);
          await page.getByTestId('window-reserve-submit').click();
          const result = page.getByTestId('window-reservation');
          await expect.poll(() => result.getAttribute('data-status'), { timeout: 30_000 }).toBe('confirmed');
          expect(await result.getAttribute('data-pickup-from')).toBe(nextOpen.toISOString());
          expect(await page.getByTestId('window-ready').textContent()).toBe(
            'Ready for you tomorrow from 10:00 at Berlin Mitte',
          );
          expect(await page.getByTestId('window-pickup-code').textContent()).toMatch(/^[A-Z2-9]{6}$/);
          expect(await smallTargets(page)).toEqual([]);
          await expectAccessible(page, `the reservation's answer (${name})`);
          await saveScreenshot(page, `window-reserved-${name}`);

          // The hub holds it from the opening, for the usual hold after that.
          const held = hubReservations(hubDir).at(-1)!;
          expect(held).toMatchObject({ sku: variant.sku, pickupFrom: nextOpen.toISOString() });
          expect(Date.parse(held.expiresAt)).toBe(nextOpen.getTime() + HOLD_MS);

          // The phone page from the code says the store is closed and reserves for the opening too.
          const phone = await (await browser()).newPage({ viewport: { width: 390, height: 844 } });
          await phone.goto(qr.url);
          expect(await phone.locator('.closed').textContent()).toContain('Berlin Mitte is closed right now');
          await phone.locator('input[name="store"][value="BER-MITTE"]').check();
          await phone.locator('#name').fill('Grace Hopper');
          await phone.locator('#contact').fill('grace@example.com');
          await phone.locator('input[name="consent"]').check();
          await phone.locator('button[type="submit"]').click();
          await phone.locator('.code').waitFor();
          expect(await phone.locator('.ready-from').textContent()).toContain('Ready for you from');
          await saveScreenshot(phone, `window-phone-reserved-${name}`);
          await phone.close();
          const fromPhone = hubReservations(hubDir).at(-1)!;
          expect(fromPhone.device).toMatch(/^handoff:/);
          expect(fromPhone.pickupFrom).toBe(nextOpen.toISOString());

          // Back to the window: the session ends and the spotlight returns.
          await page.getByTestId('window-done').click();
          await page.locator('[data-screen="window-spotlight"]').waitFor();
          await page.context().close();
        }
      } finally {
        kiosk.close();
      }
    },
    BOTH_SIZES_MS,
  );

  it(
    'open: "come in — it’s in store" with the stock here, and no reserving for later',
    async () => {
      const hubDir = temp();
      const test = await hubs.start(hubDir);
      await test.hub.importFeed(catalogText(PRODUCTS), { fileName: 'catalog.jsonl' });
      const kiosk = await startKiosk(test, temp(), spawn, windowConfig(openAlways));
      const viewed: string[] = [];
      try {
        await catalogReady(kiosk, PRODUCTS);
        for (const [size, name] of [
          [LANDSCAPE, 'landscape'],
          [PORTRAIT, 'portrait'],
        ] as const) {
          const page = await openWindow(await browser(), kiosk, size);
          const badge = page.getByTestId('window-hours');
          await expect.poll(() => badge.getAttribute('data-open')).toBe('true');
          expect(await badge.textContent()).toBe('Open now — come in');
          await page.getByTestId('window-slide').first().waitFor();
          expect(await ctaCapMm(page)).toBeGreaterThanOrEqual(CAP_AT_3M_MM);
          expect(await smallTargets(page)).toEqual([]);
          expect(await coveredByAids(page, ['.wcta', '.wrail', '.wslide-text > *'])).toEqual([]);
          await expectAccessible(page, `the open spotlight (${name})`);
          await saveScreenshot(page, `window-spotlight-open-${name}`);
          // The accessibility menu from the glass: window-sized too.
          await checkAccessibilityMenu(page, name);

          // A touch anywhere on the glass answers at once (a ring under the finger, before it
          // lifts), then opens the product in the spotlight.
          await page.mouse.move(300, 300);
          await page.mouse.down();
          await page.locator('.wripple').first().waitFor();
          // The slide holds still under the finger, so this is the product the touch opens.
          const shown = await page.getByTestId('window-slide').getAttribute('data-product-id');
          await page.mouse.up();
          await page.locator('[data-screen="window-product"][data-hours="open"]').waitFor();
          const product = kiosk.product(shown!);
          expect(await page.getByTestId('window-product-title').textContent()).toBe(product.title);
          const variant = product.variants.find((v) => (v.stockHere ?? 0) > 0 && v.size !== undefined)!;
          if ((await page.getByTestId('window-color').count()) > 1)
            await page.locator(`[data-testid="window-color"][aria-label="${variant.color!}"]`).click();
          await page.locator(`[data-testid="window-size"][data-size="${variant.size!}"]`).click();
          const stock = page.getByTestId('window-stock');
          expect(await stock.textContent()).toBe(
            `Come in — it’s in store${String(variant.stockHere)} in stock at Berlin Mitte`,
          );
          expect(await page.getByTestId('window-reserve').count()).toBe(0);
          const qr = await readQr(page);
          expect(qr.symbolMm).toBeGreaterThanOrEqual(QR_AT_3M_MM);
          expect(await smallTargets(page)).toEqual([]);
          expect(await coveredByAids(page, ['[data-testid="window-qr"]', '.wproduct-info'])).toEqual([]);
          await expectAccessible(page, `the open product with its QR code (${name})`);
          await saveScreenshot(page, `window-product-open-${name}`);

          // A passer-by who does not read English picks their own language on the glass.
          await page.getByTestId('window-language').getByTestId('language-picker').click();
          await page.getByTestId('language-menu').waitFor();
          expect(await smallTargets(page)).toEqual([]);
          await expectAccessible(page, `the language menu (${name})`);
          await saveScreenshot(page, `window-language-menu-${name}`);
          await page.locator('[data-testid="language-option"][data-language="de-DE"]').click();
          await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('de-DE');
          await expect.poll(() => page.getByTestId('window-back').textContent()).toBe(GERMAN.product.back);

          await page.getByTestId('window-back').click();
          await page.locator('[data-screen="window-spotlight"]').waitFor();
          await page.context().close();
          viewed.push(shown!);
        }

        // The window's analytics reach the hub and are all accepted: the products opened on the
        // glass, the product screen's views, and proof of play for the slides that were shown.
        const stored = () => {
          const db = new Database(join(hubDir, HUB_DATABASE_FILE), { readonly: true });
          try {
            return {
              events: db
                .prepare('SELECT name, product_id AS productId, outcome FROM analytics_events')
                .all() as { name: string; productId: string | null; outcome: string | null }[],
              rejected: (db.prepare('SELECT count(*) AS n FROM analytics_rejected').get() as { n: number }).n,
            };
          } finally {
            db.close();
          }
        };
        await expect
          .poll(() => stored().events.filter((e) => e.name === 'product.view').length, {
            timeout: 60_000,
          })
          .toBeGreaterThanOrEqual(2);
        const { events, rejected } = stored();
        expect(rejected).toBe(0);
        expect(events.filter((e) => e.name === 'product.view').map((e) => e.productId)).toEqual(
          expect.arrayContaining(viewed),
        );
        expect(events.some((e) => e.name === 'screen.view' && e.outcome === 'window-product')).toBe(true);
        expect(events.some((e) => e.name === 'attract.impression')).toBe(true);
      } finally {
        kiosk.close();
      }
    },
    BOTH_SIZES_MS,
  );

  it(
    'without the hub: the phone link says it needs the connection and shows the address and hours',
    async () => {
      // The hub only provisions the device (the fixture's way in); the window never talks to it.
      const test = await hubs.start(temp());
      await test.hub.importFeed(catalogText(PRODUCTS), { fileName: 'catalog.jsonl' });
      const dir = temp();
      writeFileSync(join(dir, 'catalog.jsonl'), catalogText(PRODUCTS));
      const kiosk = await startKiosk(test, dir, spawn, {
        ...windowConfig(closedToday()),
        hub: undefined,
        standalone: { catalogFeed: './catalog.jsonl' },
      });
      try {
        await catalogReady(kiosk, PRODUCTS);
        const store = kiosk.catalog.reader.stores().find((s) => s.code === 'BER-MITTE')!;
        for (const [size, name] of [
          [LANDSCAPE, 'landscape'],
          [PORTRAIT, 'portrait'],
        ] as const) {
          const page = await openWindow(await browser(), kiosk, size);
          await page.getByTestId('window-rail-item').first().click();
          const offline = page.getByTestId('window-qr-offline');
          await offline.waitFor();
          expect(await offline.textContent()).toContain('The phone link needs our connection');
          expect(await page.getByTestId('window-address').textContent()).toBe(
            `${store.address!}, ${store.city!}`,
          );
          // The week from today: closed today, open tomorrow 10:00-20:00.
          const week = page.locator('[data-testid="window-week"] dd');
          expect(await week.nth(0).textContent()).toBe('Closed');
          expect(await week.nth(1).textContent()).toBe('10:00–20:00');
          // Reserving needs the hub too: a standalone window does not offer it.
          expect(await page.getByTestId('window-reserve').count()).toBe(0);
          expect(await smallTargets(page)).toEqual([]);
          await expectAccessible(page, `the product without the hub (${name})`);
          await saveScreenshot(page, `window-product-offline-${name}`);
          await page.context().close();
        }
      } finally {
        kiosk.close();
      }
    },
    BOTH_SIZES_MS,
  );
});
