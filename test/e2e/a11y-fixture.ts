/**
 * Helpers for the accessibility end-to-end tests: a walk through every shopper screen and the
 * staff screens, the accessibility menu, ending a session, and the measure of where controls are
 * on the page. The speechSynthesis stand-in is in speech-recorder.ts.
 */
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ProductView, VariantView } from '../../shared/catalog/views.js';
import type { Kiosk } from './kiosk-fixture.js';

export const PRODUCTS = 60;
/** A GTIN with a valid check digit that the synthetic catalog does not have. */
export const UNKNOWN_GTIN = '4006381333931';

/** A product with sizes of one colour, one of them in stock here with a barcode to scan. */
export function pickProduct(kiosk: Kiosk): { product: ProductView; variant: VariantView } {
  for (let n = 1; n <= PRODUCTS; n++) {
    const product = kiosk.product(`P${String(n).padStart(6, '0')}`);
    const variant = product.variants.find(
      (v) => (v.stockHere ?? 0) > 0 && v.size !== undefined && v.gtins[0] !== undefined,
    );
    if (variant !== undefined && product.brand !== undefined && /^[a-z]+$/i.test(product.brand))
      return { product, variant };
  }
  throw new Error('no product with a size in stock and a barcode');
}

export async function openMenu(page: Page): Promise<void> {
  await page.getByTestId('a11y-open').click();
  await page.getByTestId('a11y-menu').waitFor();
}

export async function closeMenu(page: Page): Promise<void> {
  await page.getByTestId('a11y-close').click();
  await page.getByTestId('a11y-menu').waitFor({ state: 'detached' });
}

/** Opens the menu, flips a switch (by test id) to `on`, closes it. */
export async function setSwitch(page: Page, testId: string, on: boolean): Promise<void> {
  await openMenu(page);
  const toggle = page.getByTestId(testId);
  if ((await toggle.getAttribute('aria-checked')) !== String(on)) await toggle.click();
  await closeMenu(page);
}

export async function setTextScale(page: Page, scale: number): Promise<void> {
  await openMenu(page);
  await page.locator(`[data-testid="a11y-text-size"][data-scale="${String(scale)}"]`).click();
  await closeMenu(page);
}

/** Which session the page is in (App.tsx counts them up). */
export async function sessionNumber(page: Page): Promise<number> {
  return Number(await page.getByTestId('reach-frame').getAttribute('data-session'));
}

/**
 * Ends the session by `end` (a click on "I'm done", the staff panel's lock): the page resets
 * once, when the runtime's reset event arrives (App.tsx). Waits for it, so nothing the test does
 * next happens in the session that is ending, and checks there was no second reset.
 */
export async function endSession(page: Page, end: () => Promise<void>): Promise<void> {
  const before = await sessionNumber(page);
  await end();
  await expect.poll(() => sessionNumber(page)).toBeGreaterThanOrEqual(before + 1);
  await page.locator('[data-screen="attract"]').waitFor();
  expect(await sessionNumber(page)).toBe(before + 1);
}

/** Types on the on-screen keyboard. */
export async function typeKeys(page: Page, text: string): Promise<void> {
  for (const key of text) {
    await page
      .locator(`[data-key="${key === ' ' ? 'space' : key}"]`)
      .first()
      .click();
  }
}

/**
 * Every shopper screen in turn, from the attract loop to a not-found scan; `visit` runs on each
 * once it has settled, named as the screenshots are. Leaves the kiosk on the attract loop.
 */
export async function walkScreens(
  page: Page,
  kiosk: Kiosk,
  visit: (screen: string) => Promise<void>,
): Promise<void> {
  const { product, variant } = pickProduct(kiosk);
  const attract = page.locator('[data-screen="attract"]');
  await attract.waitFor();
  await visit('attract');

  await openMenu(page);
  await visit('a11y-menu');
  await closeMenu(page);

  await attract.click({ position: { x: 40, y: 300 } });
  await page.locator('[data-screen="home"]').waitFor();
  await visit('home');

  await page.getByTestId('open-search').click();
  await page.locator('[data-screen="search"]').waitFor();
  await typeKeys(page, product.brand!.toLowerCase());
  await page.getByTestId('search-result').first().waitFor();
  await visit('search-keyboard');
  await page.locator('[data-key="done"]').click();
  await page.locator('[data-key="done"]').waitFor({ state: 'detached' });
  await visit('search-results');

  await kiosk.scan(variant.gtins[0]!.slice(1));
  await page.locator('[data-screen="product"]').waitFor();
  await page.getByTestId('nearby-store').first().waitFor();
  await visit('product');

  await page.locator(`[data-testid="size-option"][data-size="${variant.size!}"]`).click();
  await page.getByTestId('reserve-button').click();
  await page.locator('[data-screen="reserve"]').waitFor();
  await page.getByTestId('reserve-store').first().waitFor();
  await page.getByTestId('reserve-submit').click();
  await page.locator('.form-error').first().waitFor();
  await visit('reserve-errors');

  await page.getByTestId('topbar-back').click();
  await page.getByTestId('handoff-button').click();
  await page.locator('[data-screen="handoff"]').waitFor();
  await page.getByTestId('handoff-qr').waitFor();
  await visit('handoff');

  await kiosk.scan(UNKNOWN_GTIN);
  await page.locator('[data-screen="not-found"]').waitFor();
  await visit('not-found');

  await endSession(page, () => page.getByTestId('session-done').click());
}

export interface ControlBox {
  /** What the control says, to name it in a failure. */
  name: string;
  top: number;
  bottom: number;
}

/**
 * The visible part of every control on the page: buttons, links, fields and anything with a
 * widget role or a tab stop, clipped by the scroll boxes around it (a result scrolled out of
 * view is not on screen) and by the page. The staff corner is no shopper control (ADA §205.1 exempts controls
 * for staff only) and is left out.
 */
export async function controlBoxes(page: Page): Promise<ControlBox[]> {
  return page.evaluate(() => {
    const selector = [
      'button',
      'a[href]',
      'input',
      'select',
      'textarea',
      '[role="button"]',
      '[role="link"]',
      '[role="switch"]',
      '[role="radio"]',
      '[role="checkbox"]',
      '[role="tab"]',
      '[role="option"]',
      '[role="slider"]',
      '[tabindex]:not([tabindex="-1"])',
    ].join(', ');
    const boxes: { name: string; top: number; bottom: number }[] = [];
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      if (element.closest('[data-testid="staff-corner"]') !== null) continue;
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      const rect = element.getBoundingClientRect();
      let top = rect.top;
      let bottom = rect.bottom;
      let left = rect.left;
      let right = rect.right;
      for (let parent = element.parentElement; parent !== null; parent = parent.parentElement) {
        // Only scroll boxes hide a control that is there to be reached (by scrolling); one cut
        // off by an overflow: hidden box counts whole, so a layout that pushes it out shows.
        const overflow = getComputedStyle(parent);
        const scrolls = (value: string): boolean => value === 'auto' || value === 'scroll';
        if (!scrolls(overflow.overflowX) && !scrolls(overflow.overflowY)) continue;
        const clip = parent.getBoundingClientRect();
        top = Math.max(top, clip.top);
        bottom = Math.min(bottom, clip.bottom);
        left = Math.max(left, clip.left);
        right = Math.min(right, clip.right);
      }
      top = Math.max(top, 0);
      bottom = Math.min(bottom, window.innerHeight);
      if (bottom - top < 1 || right - left < 1) continue;
      const name =
        element.getAttribute('aria-label') ??
        element.getAttribute('data-testid') ??
        element.innerText.trim().slice(0, 40);
      boxes.push({ name: `${element.tagName.toLowerCase()} "${name}"`, top, bottom });
    }
    return boxes;
  });
}

/** Opens the kiosk like openKiosk, with `prepare` run on the page before it loads. */
export async function openKioskWith(
  browser: Browser,
  kiosk: Kiosk,
  size: { width: number; height: number },
  prepare: (page: Page) => Promise<void>,
): Promise<Page> {
  const context = await browser.newContext({ viewport: size, hasTouch: true });
  const page = await context.newPage();
  await prepare(page);
  await page.goto(kiosk.url);
  await page.locator('[data-screen="attract"]').waitFor({ timeout: 30_000 });
  return page;
}

/** The staff PIN pad (five taps on the hidden corner, then the PIN); leaves them closed. */
export async function staffScreens(page: Page, visit: (screen: string) => Promise<void>): Promise<void> {
  const corner = page.getByTestId('staff-corner');
  for (let tap = 0; tap < 5; tap++) await corner.click();
  await page.getByTestId('staff-pin').waitFor();
  await visit('staff PIN pad');
  for (const digit of '482916') await page.locator(`[data-pin-key="${digit}"]`).click();
  await page.getByTestId('staff-pin-submit').click();
  await page.locator('[data-screen="staff"]').waitFor();
  await page.getByTestId('staff-products').waitFor();
  await visit('staff panel');
  await endSession(page, () => page.getByTestId('staff-close').click());
  await page.locator('[data-screen="staff"]').waitFor({ state: 'detached' });
}
