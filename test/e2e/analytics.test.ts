/**
 * Analytics end to end: a shopper's visit in Chromium on `vitrine kiosk` (attract loop, home,
 * a search with results, a product, send to phone, a reservation, a search without results,
 * "I'm done"), delivered by the kiosk's outbox to a real hub on loopback; then every event the
 * kiosk recorded is on the hub exactly once, and the hub's dashboard, opened in Chromium and
 * signed in with the admin token, shows those numbers. Screenshots of the sign-in page and the
 * dashboard at 1080×1920 and 1920×1080.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AnalyticsReport } from '../../server/analytics/report.js';
import { HUB_DATABASE_FILE } from '../../server/index.js';
import type { ProductView } from '../../shared/catalog/views.js';
import { LANDSCAPE, PORTRAIT, saveScreenshot, screenshotDir, useBrowser } from '../support/browser.js';
import { useProcesses } from '../support/processes.js';
import { useTempDir } from '../support/temp.js';
import { catalogText, useHubs } from '../integration/hub/hub-fixture.js';
import { catalogReady, openKiosk, startKiosk, type Kiosk } from './kiosk-fixture.js';

const hubs = useHubs();
const temp = useTempDir();
const spawn = useProcesses();
const browser = useBrowser();

const PRODUCTS = 60;
const NO_RESULT = 'zzqx';

interface EventRow {
  id: string;
  name: string;
  at: string;
  props: Record<string, unknown>;
}

/** The kiosk's own record of what it sent: every analytics event in its outbox, and how many wait. */
function kioskOutbox(kiosk: Kiosk): { events: EventRow[]; pending: number } {
  const db = new Database(join(kiosk.dataDir, 'outbox.db'), { readonly: true });
  try {
    const rows = db.prepare('SELECT id, item_json AS json, state FROM outbox ORDER BY seq').all() as {
      id: string;
      json: string;
      state: string;
    }[];
    const events = rows.flatMap((row) => {
      const item = JSON.parse(row.json) as {
        kind: string;
        name?: string;
        at: string;
        props?: Record<string, unknown>;
      };
      return item.kind === 'event'
        ? [{ id: row.id, name: item.name ?? '', at: item.at, props: item.props ?? {} }]
        : [];
    });
    return { events, pending: rows.filter((row) => row.state === 'pending').length };
  } finally {
    db.close();
  }
}

/** A product with a size in stock here and a brand the on-screen keyboard can type. */
function pickProduct(kiosk: Kiosk): ProductView {
  for (let n = 1; n <= PRODUCTS; n++) {
    const view = kiosk.product(`P${String(n).padStart(6, '0')}`);
    if (
      view.variants.some((v) => (v.stockHere ?? 0) > 0 && v.size !== undefined) &&
      /^[a-z]+$/i.test(view.brand ?? '')
    )
      return view;
  }
  throw new Error('no product with a size in stock and a plain brand');
}

async function typeOnKeyboard(page: Page, text: string): Promise<void> {
  for (const key of text)
    await page
      .locator(`[data-key="${key === ' ' ? 'space' : key}"]`)
      .first()
      .click();
}

async function fullPage(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true, animations: 'disabled' });
}

describe('analytics from a shopper in Chromium to the hub dashboard', () => {
  it('each event arrives exactly once, and the dashboard shows them at both sizes', async () => {
    const hubDir = temp();
    const test = await hubs.start(hubDir);
    await test.hub.importFeed(catalogText(PRODUCTS), { fileName: 'catalog.jsonl' });
    const kiosk = await startKiosk(test, temp(), spawn, {
      attract: {
        playlist: [
          { kind: 'product', productId: 'P000001', durationSeconds: 1 },
          { kind: 'product', productId: 'P000002', durationSeconds: 1 },
        ],
      },
    });
    try {
      await catalogReady(kiosk, PRODUCTS);
      const product = pickProduct(kiosk);
      const variant = product.variants.find((v) => (v.stockHere ?? 0) > 0 && v.size !== undefined)!;
      const brand = product.brand!.toLowerCase();
      const page = await openKiosk(await browser(), kiosk, PORTRAIT);

      // The attract loop plays its first item to its end (proof of play), then a touch starts.
      const spotlight = page.locator('.spotlight-title');
      await expect
        .poll(() => spotlight.textContent(), { timeout: 30_000 })
        .toBe(kiosk.product('P000002').title);
      await page.getByTestId('attract-start').click();
      await page.locator('[data-screen="home"]').waitFor();

      // A search with results; a result opened from it (the search is sent as the shopper leaves).
      await page.getByTestId('open-search').click();
      await page.locator('[data-screen="search"]').waitFor();
      await typeOnKeyboard(page, brand);
      const hit = page.locator(`[data-testid="search-result"][data-product-id="${product.id}"]`);
      await hit.waitFor();
      await hit.click();
      await page.locator('[data-screen="product"]').waitFor();

      // Send to phone, back, then reserve a size.
      await page.getByTestId('handoff-button').click();
      await page.getByTestId('handoff-qr').waitFor();
      await page.getByTestId('topbar-back').click();
      await page.locator('[data-screen="product"]').waitFor();
      await page.locator(`[data-testid="size-option"][data-size="${variant.size!}"]`).click();
      await page.getByTestId('reserve-button').click();
      await page.locator('[data-screen="reserve"]').waitFor();
      await page.locator('[data-testid="reserve-store"][data-store-code="BER-MITTE"]').click();
      await page.getByTestId('reserve-name').fill('Ada Lovelace');
      await page.getByTestId('contact-email').click();
      await page.getByTestId('reserve-contact').fill('ada@example.com');
      await page.getByTestId('reserve-consent').check();
      await page.getByTestId('reserve-submit').click();
      await expect
        .poll(() => page.getByTestId('reservation-result').getAttribute('data-status'))
        .toBe('confirmed');

      // Home, and a search that finds nothing; leaving the screen sends it.
      await page.getByRole('button', { name: 'Start page' }).click();
      await page.getByTestId('open-search').click();
      await page.locator('[data-screen="search"]').waitFor();
      await page.getByRole('button', { name: 'Clear search' }).click();
      await typeOnKeyboard(page, NO_RESULT);
      await page.locator('.search-empty', { hasText: NO_RESULT }).waitFor();
      await page.getByTestId('session-done').click();
      await page.locator('[data-screen="attract"]').waitFor();
      await page.context().close();

      // Everything delivered; the hub holds each event the kiosk recorded, once, and nothing else.
      await expect.poll(() => kioskOutbox(kiosk).pending, { timeout: 60_000 }).toBe(0);
      const sent = kioskOutbox(kiosk).events;
      const db = new Database(join(hubDir, HUB_DATABASE_FILE), { readonly: true });
      const stored = db
        .prepare('SELECT item_id AS id, name FROM analytics_events ORDER BY at_ms, item_id')
        .all() as {
        id: string;
        name: string;
      }[];
      const rejected = db.prepare('SELECT count(*) AS n FROM analytics_rejected').get() as { n: number };
      db.close();
      expect(rejected.n).toBe(0);
      expect(stored.map((row) => row.id).sort()).toEqual(sent.map((event) => event.id).sort());
      expect(new Set(stored.map((row) => row.id)).size).toBe(stored.length);

      const names = (name: string) => sent.filter((event) => event.name === name);
      const sessionId = names('session.start')[0]?.props.sessionId;
      expect(names('session.start')).toHaveLength(1);
      expect(names('session.end').map((e) => e.props.reason)).toEqual(['done']);
      expect(names('search').map((e) => [e.props.query, e.props.hasResults])).toEqual([
        [brand, true],
        [NO_RESULT, false],
      ]);
      expect(names('search.select').map((e) => [e.props.query, e.props.productId])).toEqual([
        [brand, product.id],
      ]);
      expect(names('product.view').map((e) => e.props.productId)).toEqual([product.id, product.id]);
      expect(names('handoff').map((e) => e.props.status)).toEqual(['ready']);
      expect(names('reservation').map((e) => [e.props.productId, e.props.status])).toEqual([
        [product.id, 'confirmed'],
      ]);
      expect(names('screen.view').map((e) => e.props.screen)).toEqual([
        'home',
        'search',
        'product',
        'handoff',
        'product',
        'reserve',
        'home',
        'search',
      ]);
      // Every session event carries the session's id; the played attract item does not.
      for (const event of sent.filter((e) => e.name !== 'attract.impression'))
        expect({ name: event.name, sessionId: event.props.sessionId }).toEqual({
          name: event.name,
          sessionId,
        });
      const impressions = names('attract.impression');
      expect(impressions[0]?.props).toMatchObject({ itemKind: 'product', itemRef: 'P000001' });
      expect(impressions[0]?.props.sessionId).toBeUndefined();
      // The one the shopper's touch interrupted starts their session; later ones play after it.
      expect(
        impressions.filter((e) => e.props.sessionId !== undefined).map((e) => e.props.sessionId),
      ).toEqual([sessionId]);

      // The JSON API agrees.
      const api = await test.admin('GET', 'analytics');
      expect(api.status).toBe(200);
      const report = api.json as AnalyticsReport;
      expect(report.totals).toMatchObject({
        sessions: 1,
        searches: 2,
        noResultSearches: 1,
        productViews: 2,
        reservations: 1,
        handoffs: 1,
        attractImpressions: impressions.length,
        rejectedEvents: 0,
      });
      expect(report.funnel).toMatchObject({
        sessions: 1,
        viewedProduct: 1,
        viewedAndReserved: 1,
        viewedAndHandedOff: 1,
      });
      const startedAt = names('session.start')[0]!.at;
      const hour = Number(
        new Intl.DateTimeFormat('en-US', {
          timeZone: report.timeZone,
          hour: '2-digit',
          hourCycle: 'h23',
        }).format(new Date(startedAt)),
      );
      const hours = new Array<number>(24).fill(0);
      hours[hour] = 1;
      expect(report.sessionsPerHour.byHourOfDay).toEqual(hours);

      // The dashboard in Chromium: sign in with the admin token, then the charts with those numbers.
      for (const [size, label] of [
        [PORTRAIT, 'portrait'],
        [LANDSCAPE, 'landscape'],
      ] as const) {
        const context = await (await browser()).newContext({ viewport: size });
        const dashboard = await context.newPage();
        await dashboard.goto(`${test.hub.url}/admin/dashboard`);
        await dashboard.locator('input[name="token"]').waitFor();
        await saveScreenshot(dashboard, `analytics-sign-in-${label}`);
        await dashboard.locator('input[name="token"]').fill('wrong-token');
        await dashboard.getByRole('button', { name: 'Sign in' }).click();
        await dashboard.getByTestId('sign-in-error').waitFor();
        await dashboard.locator('input[name="token"]').fill(test.hub.adminToken);
        await dashboard.getByRole('button', { name: 'Sign in' }).click();
        await dashboard.locator('[data-chart="sessions-per-hour"]').waitFor();

        const kpi = (key: string) => dashboard.locator(`[data-kpi="${key}"] .kpi-value`).textContent();
        expect(await kpi('sessions')).toBe('1');
        expect(await kpi('searches')).toBe('2');
        expect(await kpi('product-views')).toBe('2');
        expect(await kpi('reservations')).toBe('1');
        expect(await kpi('handoffs')).toBe('1');
        expect(await kpi('impressions')).toBe(String(impressions.length));
        expect(await dashboard.locator('[data-chart="sessions-per-hour"]').getAttribute('data-values')).toBe(
          hours.join(','),
        );
        // One bar, with its value on it.
        expect(await dashboard.locator('[data-chart="sessions-per-hour"] rect.bar').count()).toBe(24);
        expect(
          await dashboard.locator('[data-chart="sessions-per-hour"] text.value').allTextContents(),
        ).toEqual(['1']);
        const step = (key: string) => dashboard.locator(`[data-funnel-step="${key}"] strong`).textContent();
        expect([
          await step('sessions'),
          await step('viewed'),
          await step('reserved'),
          await step('handed-off'),
        ]).toEqual(['1', '1', '1', '1']);
        expect(await dashboard.locator('[data-section="top-searches"] .bar-label').allTextContents()).toEqual(
          [`“${brand}”`, `“${NO_RESULT}”1 time without result`],
        );
        expect(
          await dashboard.locator('[data-section="top-from-search"] .bar-label').first().textContent(),
        ).toBe(`${product.title}${product.id}`);
        expect(
          await dashboard
            .locator(`[data-section="no-results"] tr[data-query="${NO_RESULT}"] td.num`)
            .first()
            .textContent(),
        ).toBe('1');
        await saveScreenshot(dashboard, `analytics-dashboard-${label}`);
        await fullPage(dashboard, `analytics-dashboard-${label}-full`);

        // A bad filter is answered on the page, naming the field.
        await dashboard.goto(`${test.hub.url}/admin/dashboard?from=someday`);
        expect(await dashboard.getByTestId('query-error').textContent()).toMatch(
          /^This filter cannot be shown: from: expected a date/,
        );
        await saveScreenshot(dashboard, `analytics-dashboard-error-${label}`);
        await context.close();
      }
    } finally {
      kiosk.close();
    }
  });
});
