/**
 * The staff panel end to end: `vitrine kiosk` serving the built renderer to Debian's Chromium,
 * with a real hub on loopback. Staff reach it without a keyboard (five taps on a hidden corner,
 * then the PIN from the config's hash); scans come through the simulated HID POS scanner. Exit
 * kiosk is offered only when the host launched the browser itself (`--browser`, here a stand-in).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ProductView } from '../../shared/catalog/views.js';
import { LANDSCAPE, PORTRAIT, saveScreenshot, useBrowser } from '../support/browser.js';
import { fakeChromium } from '../support/fake-chromium.js';
import { useProcesses } from '../support/processes.js';
import { useTempDir } from '../support/temp.js';
import { catalogText, useHubs } from '../integration/hub/hub-fixture.js';
import { catalogReady, openKiosk, startKiosk } from './kiosk-fixture.js';

const hubs = useHubs();
const temp = useTempDir();
const spawn = useProcesses();
const browser = useBrowser();

const PRODUCTS = 60;
/** The PIN whose scrypt hash is kiosk-fixture.ts's PIN_HASH. */
const STAFF_PIN = '482916';

/** A product whose first variant has a barcode to scan. */
function scannableProduct(product: (id: string) => ProductView) {
  for (let n = 1; n <= PRODUCTS; n++) {
    const view = product(`P${String(n).padStart(6, '0')}`);
    if (view.variants[0]?.gtins[0] !== undefined) return view;
  }
  throw new Error('no product with a barcode');
}

/** Five taps on the hidden corner open the PIN pad. */
async function openPad(page: Page) {
  const corner = page.getByTestId('staff-corner');
  for (let tap = 0; tap < 5; tap++) await corner.click();
  await page.getByTestId('staff-pin').waitFor();
}

async function enterPin(page: Page, pin: string) {
  for (const digit of pin) await page.locator(`[data-pin-key="${digit}"]`).click();
  await page.getByTestId('staff-pin-submit').click();
}

describe('the staff panel in Chromium', () => {
  it('hidden corner, PIN, device health, a scan test that leaves the shopper alone, resync; five wrong PINs lock the pad', async () => {
    const test = await hubs.start(temp());
    await test.hub.importFeed(catalogText(PRODUCTS), { fileName: 'catalog.jsonl' });
    const kiosk = await startKiosk(test, temp(), spawn);
    try {
      await catalogReady(kiosk, PRODUCTS);
      const product = scannableProduct((id) => kiosk.product(id));
      const page = await openKiosk(await browser(), kiosk, PORTRAIT);
      const attract = page.locator('[data-screen="attract"]');
      const pad = page.getByTestId('staff-pin');
      const message = page.getByTestId('staff-pin-message');

      // Five taps on the corner open the pad; none of them started a session underneath.
      await openPad(page);
      expect(await attract.count()).toBe(1);
      expect(await page.locator('[data-screen="home"]').count()).toBe(0);
      await saveScreenshot(page, 'staff-pin-portrait');

      await enterPin(page, STAFF_PIN);
      const panel = page.locator('[data-screen="staff"]');
      await panel.waitFor();
      await pad.waitFor({ state: 'detached' });
      expect(await page.getByTestId('staff-device-name').textContent()).toBe('Entrance kiosk');
      const products = page.getByTestId('staff-products');
      await products.waitFor();
      expect(await products.textContent()).toBe(String(kiosk.catalog.reader.counts().products));
      // The host did not launch this browser (no --browser): there is no kiosk of its own to exit.
      expect(await page.getByTestId('staff-exit').count()).toBe(0);

      // A scan is the panel's hardware test: it shows here and the shopper's screens stay put.
      await kiosk.scan(product.variants[0]!.gtins[0]!.slice(1));
      await expect.poll(() => page.getByTestId('staff-last-scan').textContent()).toContain(product.title);
      expect(await page.locator('[data-screen="product"]').count()).toBe(0);
      expect(await attract.count()).toBe(1);

      await page.getByTestId('staff-resync').click();
      const resynced = page.getByTestId('staff-resync-message');
      await expect.poll(() => resynced.getAttribute('data-tone'), { timeout: 30_000 }).toBe('good');
      expect(await resynced.textContent()).toContain('resynced');
      await saveScreenshot(page, 'staff-panel-portrait');
      await page.setViewportSize(LANDSCAPE);
      await saveScreenshot(page, 'staff-panel-landscape');

      // The test pattern fills the screen and names the size the page is laid out at; a tap closes it.
      await page.getByTestId('staff-test-pattern').click();
      const pattern = page.getByTestId('staff-test-pattern-screen');
      await pattern.waitFor();
      expect(await page.getByTestId('staff-test-pattern-size').textContent()).toBe(
        `${String(LANDSCAPE.width)} × ${String(LANDSCAPE.height)}`,
      );
      await saveScreenshot(page, 'staff-test-pattern-landscape');
      await pattern.click();
      await pattern.waitFor({ state: 'detached' });

      await page.getByTestId('staff-close').click();
      await panel.waitFor({ state: 'detached' });
      await attract.waitFor();

      // Five wrong PINs: four say how many tries are left, the fifth locks the pad.
      await openPad(page);
      for (let left = 4; left >= 1; left--) {
        await enterPin(page, '111111');
        await expect
          .poll(() => message.textContent())
          .toBe(`Wrong PIN — ${String(left)} ${left === 1 ? 'try' : 'tries'} left`);
      }
      await enterPin(page, '111111');
      await expect.poll(() => message.textContent()).toContain('Try again at');
      await saveScreenshot(page, 'staff-locked-landscape');

      // While locked, even the right PIN is refused (typing cleared the message, so this is new).
      await enterPin(page, STAFF_PIN);
      await expect.poll(() => message.textContent()).toContain('Too many wrong PINs. Try again at');
      expect(await panel.count()).toBe(0);
      await page.context().close();
    } finally {
      kiosk.close();
    }
  });

  it('exit kiosk where the host launched the browser: a second tap confirms, then browser and host stop', async () => {
    const test = await hubs.start(temp());
    await test.hub.importFeed(catalogText(6), { fileName: 'catalog.jsonl' });
    const chromium = fakeChromium(temp());
    const kiosk = await startKiosk(test, temp(), spawn, {}, ['--browser', chromium.path]);
    try {
      await expect.poll(chromium.launched).toBe(true);
      const page = await openKiosk(await browser(), kiosk, PORTRAIT);
      await openPad(page);
      await enterPin(page, STAFF_PIN);
      await page.getByTestId('staff-products').waitFor();

      // The first tap only asks; Cancel leaves everything as it was.
      const exit = page.getByTestId('staff-exit');
      await saveScreenshot(page, 'staff-exit-portrait');
      await exit.click();
      const confirm = page.getByTestId('staff-exit-confirm');
      await confirm.waitFor();
      expect(await exit.count()).toBe(0);
      await saveScreenshot(page, 'staff-exit-confirm-portrait');
      await page.getByTestId('staff-exit-cancel').click();
      await exit.waitFor();
      expect(await confirm.count()).toBe(0);

      await page.setViewportSize(LANDSCAPE);
      await exit.click();
      await confirm.waitFor();
      await saveScreenshot(page, 'staff-exit-confirm-landscape');
      expect(chromium.terminated()).toBe(false);
      await confirm.click();
      await expect
        .poll(() => page.getByTestId('staff-exit-message').textContent())
        .toBe('Closing the kiosk…');

      // The launched browser got SIGTERM and the host process ended cleanly.
      expect(await kiosk.process.exited).toEqual({ code: 0, signal: null });
      expect(chromium.terminated()).toBe(true);
      expect(kiosk.process.stderrTail()).toContain('staff: exiting the kiosk');
      await page.context().close();
    } finally {
      kiosk.close();
    }
  });
});
