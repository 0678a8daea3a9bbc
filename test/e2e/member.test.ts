/**
 * Loyalty and personalization end to end: `vitrine kiosk` serving the built renderer to Debian's
 * Chromium, a real hub on loopback with members imported through its admin API, and card swipes
 * through the simulated magnetic stripe reader (the development channel, as `vitrine devices
 * simulate-card` sends them). Consent comes first; a no keeps member prices and shows no
 * suggestions; a yes greets and suggests; I'm done and Sign out forget the member.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { postToDevChannel } from '../../main/runtime/devices/index.js';
import type { ProductView } from '../../shared/catalog/views.js';
import { expectAccessible } from '../support/axe.js';
import { LANDSCAPE, PORTRAIT, saveScreenshot, useBrowser } from '../support/browser.js';
import { useProcesses } from '../support/processes.js';
import { useTempDir } from '../support/temp.js';
import { catalogText, useHubs } from '../integration/hub/hub-fixture.js';
import { ANNA, importMembers, LOYALTY_PREFIX } from '../integration/hub/member-fixture.js';
import { catalogReady, openKiosk, startKiosk, type Kiosk } from './kiosk-fixture.js';

const hubs = useHubs();
const temp = useTempDir();
const spawn = useProcesses();
const browser = useBrowser();

const PRODUCTS = 60;

const swipe = (kiosk: Kiosk, card: string) =>
  postToDevChannel(kiosk.dataDir, '/simulate/card', { track2: `${card}=2912` });

/** A product with a barcode and a member price below what everyone pays. */
function memberPricedProduct(product: (id: string) => ProductView) {
  for (let n = 1; n <= PRODUCTS; n++) {
    const view = product(`P${String(n).padStart(6, '0')}`);
    const first = view.variants[0];
    if (
      first?.gtins[0] !== undefined &&
      first.price?.member !== undefined &&
      first.price.member < first.price.current
    )
      return view;
  }
  throw new Error('no product with a member price');
}

async function answerConsent(
  page: Page,
  personalization: 'yes' | 'no',
  marketing: 'yes' | 'no',
): Promise<void> {
  await page.getByTestId(`consent-personalization-${personalization}`).click();
  await page.getByTestId(`consent-marketing-${marketing}`).click();
  await page.getByTestId('consent-continue').click();
  await page.getByTestId('consent-sheet').waitFor({ state: 'detached' });
}

describe('loyalty members in Chromium', () => {
  it('consent first; a no keeps member prices without suggestions; a yes greets and suggests; I’m done forgets', async () => {
    const test = await hubs.start(temp());
    await test.hub.importFeed(catalogText(PRODUCTS), { fileName: 'catalog.jsonl' });
    const members = await importMembers(test, PRODUCTS);
    const kiosk = await startKiosk(test, temp(), spawn, {
      hardware: {
        cardReaders: [
          { mode: 'msr', vendorId: '0xffff', productId: '0x0002', loyaltyPrefixes: [LOYALTY_PREFIX] },
        ],
      },
    });
    try {
      await catalogReady(kiosk, PRODUCTS);
      const product = memberPricedProduct((id) => kiosk.product(id));
      for (const [size, name] of [
        [PORTRAIT, 'portrait'],
        [LANDSCAPE, 'landscape'],
      ] as const) {
        const page = await openKiosk(await browser(), kiosk, size);

        // A swipe on the attract loop: the consent sheet first, nothing chosen, nothing personal shown.
        await swipe(kiosk, ANNA.card);
        const sheet = page.getByTestId('consent-sheet');
        await sheet.waitFor();
        for (const purpose of ['personalization', 'marketing'])
          for (const answer of ['yes', 'no'])
            expect(await page.getByTestId(`consent-${purpose}-${answer}`).getAttribute('aria-checked')).toBe(
              'false',
            );
        expect(await page.getByTestId('consent-continue').getAttribute('aria-disabled')).toBe('true');
        expect(await page.getByTestId('consent-price-note').textContent()).toContain('changes no price');
        expect(await sheet.textContent()).not.toContain('Anna');
        // Yes and No weigh the same: the same size on screen.
        // Layout sizes, not the painted box: the sheet rises in with a transform.
        const box = (answer: string) =>
          page
            .getByTestId(`consent-personalization-${answer}`)
            .evaluate((el) => [(el as HTMLElement).offsetWidth, (el as HTMLElement).offsetHeight]);
        const yes = await box('yes');
        expect(yes).toEqual(await box('no'));
        expect(yes[1]).toBeGreaterThanOrEqual(60);
        await expectAccessible(page, `the consent sheet (${name})`);
        await saveScreenshot(page, `member-consent-${name}`);

        // No to both: greeted, member prices, no "For you", the feed's own pairings.
        await answerConsent(page, 'no', 'no');
        await page.getByTestId('member-greeting').waitFor();
        expect(await page.getByTestId('member-greeting').textContent()).toContain('Welcome back, Anna!');
        expect(await page.getByTestId('member-name').textContent()).toBe('Hello, Anna');
        expect(await page.getByTestId('member-personal').count()).toBe(0);
        await page.locator('[data-screen="home"]').waitFor();
        await page.getByTestId('member-price').first().waitFor();
        expect(await page.getByTestId('for-you').count()).toBe(0);
        await expectAccessible(page, `the greeting and member bar (${name})`);
        await saveScreenshot(page, `member-greeting-${name}`);
        // The greeting makes way by itself (the next screens are photographed without it).
        await page.getByTestId('member-greeting').waitFor({ state: 'detached', timeout: 10_000 });
        await kiosk.scan(product.variants[0]!.gtins[0]!.slice(1));
        await page.locator('[data-screen="product"]').waitFor();
        await page.locator('.product-head [data-testid="member-price"]').waitFor();
        expect(await page.locator('.product-head [data-testid="member-price"]').textContent()).toContain(
          'Your member price',
        );
        expect(await page.getByTestId('member-cross-sell').count()).toBe(0);
        await expectAccessible(page, `a product with the member price, no suggestions (${name})`);
        await saveScreenshot(page, `member-product-refused-${name}`);

        // I'm done wipes the member: no greeting, no member bar, public prices for the next shopper.
        await page.getByTestId('session-done').click();
        await page.locator('[data-screen="attract"]').waitFor();
        await page.locator('[data-screen="attract"]').click();
        await page.locator('[data-screen="home"]').waitFor();
        await page.locator('.card .price').first().waitFor();
        expect(await page.getByTestId('member-bar').count()).toBe(0);
        expect(await page.getByTestId('member-greeting').count()).toBe(0);
        expect(await page.getByTestId('member-price').count()).toBe(0);

        // Next visit: yes to suggestions. "For you" from her purchases, personal pairings on products.
        await swipe(kiosk, ANNA.card);
        await page.getByTestId('consent-sheet').waitFor();
        await answerConsent(page, 'yes', 'no');
        await page.getByTestId('member-personal').waitFor();
        await page.getByTestId('member-greeting').waitFor({ state: 'detached', timeout: 10_000 });
        const forYou = page.getByTestId('for-you-item');
        await forYou.first().waitFor();
        const suggested = await forYou.evaluateAll((cards) =>
          cards.map((c) => c.getAttribute('data-product-id')),
        );
        expect(suggested.length).toBeGreaterThan(0);
        for (const id of suggested) expect(members.owned).not.toContain(id);
        await expectAccessible(page, `the For-you row (${name})`);
        await saveScreenshot(page, `member-for-you-${name}`);
        await forYou.first().click();
        await page.locator('[data-screen="product"]').waitFor();
        await page
          .locator('[data-testid="member-cross-sell"], [data-testid="member-up-sell"]')
          .first()
          .waitFor();
        await page
          .locator('[data-testid="member-cross-sell"], [data-testid="member-up-sell"]')
          .last()
          .scrollIntoViewIfNeeded();
        await expectAccessible(page, `a product with the member price and suggestions (${name})`);
        await saveScreenshot(page, `member-product-${name}`);

        // Search cards carry member prices too.
        await page.getByRole('button', { name: 'Start page' }).click();
        await page.locator('.category-tile').first().click();
        await page.locator('.chip-strong').click();
        await page.locator('[data-screen="search"] [data-testid="member-price"]').first().waitFor();
        await expectAccessible(page, `search with member prices (${name})`);
        await saveScreenshot(page, `member-search-${name}`);

        // Sign out: forgotten at once; the shopper carries on without a member.
        await page.getByTestId('member-sign-out').click();
        await page.getByTestId('member-signed-out').waitFor();
        expect(await page.getByTestId('member-bar').count()).toBe(0);
        await expectAccessible(page, `the signed-out notice (${name})`);
        await saveScreenshot(page, `member-signed-out-${name}`);

        // A card the hub does not know.
        await swipe(kiosk, `${LOYALTY_PREFIX}9999999999`);
        await page.getByTestId('member-unknown').waitFor();
        await expectAccessible(page, `the unknown-card notice (${name})`);
        await saveScreenshot(page, `member-unknown-${name}`);
        await page.getByTestId('session-done').click();
        await page.locator('[data-screen="attract"]').waitFor();
        await page.context().close();
      }

      // Four answers on the hub, each a record with its time and this kiosk's id.
      const record = (await test.admin('GET', `members/${ANNA.memberId}`)).json as {
        consents: { personalization: boolean; marketing: boolean; deviceId: string }[];
      };
      expect(record.consents.map((c) => c.personalization)).toEqual([false, true, false, true]);
      expect(new Set(record.consents.map((c) => c.deviceId)).size).toBe(1);

      // Offline: the kiosk says member features need the connection; member prices stay public.
      await test.hub.close();
      for (const [size, name] of [
        [PORTRAIT, 'portrait'],
        [LANDSCAPE, 'landscape'],
      ] as const) {
        const page = await openKiosk(await browser(), kiosk, size);
        await page.locator('[data-screen="attract"]').click();
        await page.locator('[data-screen="home"]').waitFor();
        await swipe(kiosk, ANNA.card);
        await page.getByTestId('member-offline').waitFor();
        await page.locator('.card .price-member').first().waitFor();
        expect(await page.getByTestId('consent-sheet').count()).toBe(0);
        await expectAccessible(page, `the offline notice (${name})`);
        await saveScreenshot(page, `member-offline-${name}`);
        await page.getByTestId('session-done').click();
        await page.context().close();
      }

      // Nothing of the member in the kiosk's files (catalog, outbox, credentials, logs).
      const secrets = [ANNA.card, ANNA.firstName, members.annaQr.slice('vitrine-member:'.length)];
      for (const file of readdirSync(kiosk.dataDir, { recursive: true, withFileTypes: true })) {
        if (!file.isFile()) continue;
        const bytes = readFileSync(join(file.parentPath, file.name));
        for (const secret of secrets)
          expect(bytes.includes(Buffer.from(secret)), `${secret} in ${file.name}`).toBe(false);
      }
      // Nor in what it printed (its log goes to stdout and stderr).
      for (const out of [kiosk.process.lines.join('\n'), kiosk.process.stderrTail(1_000_000)])
        for (const secret of secrets) expect(out).not.toContain(secret);
    } finally {
      kiosk.close();
    }
    // Two sizes, two visits each, and the greeting's own five seconds to make way.
  }, 240_000);
});
