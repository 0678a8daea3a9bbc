/**
 * "I'm done" ends the session once, in Chromium against `vitrine kiosk`: the runtime's reset event
 * resets the page (App.tsx), which resets by itself only when the runtime cannot be reached. The
 * a11y fixture's endSession checks the page went through exactly one reset.
 */
import { describe, it } from 'vitest';
import { PORTRAIT, useBrowser } from '../support/browser.js';
import { useProcesses } from '../support/processes.js';
import { useTempDir } from '../support/temp.js';
import { catalogText, useHubs } from '../integration/hub/hub-fixture.js';
import { endSession } from './a11y-fixture.js';
import { openKiosk, startKiosk } from './kiosk-fixture.js';

const hubs = useHubs();
const temp = useTempDir();
const spawn = useProcesses();
const browser = useBrowser();

describe('ending a session', () => {
  it('resets the page once, by the runtime’s reset; on its own when the runtime is gone', async () => {
    const test = await hubs.start(temp());
    await test.hub.importFeed(catalogText(20), { fileName: 'catalog.jsonl' });
    const kiosk = await startKiosk(test, temp(), spawn);
    try {
      const page = await openKiosk(await browser(), kiosk, PORTRAIT);
      const attract = page.locator('[data-screen="attract"]');
      const home = page.locator('[data-screen="home"]');

      await attract.click({ position: { x: 40, y: 300 } });
      await home.waitFor();
      await endSession(page, () => page.getByTestId('session-done').click());

      // The kiosk process stops: the page says it is reconnecting, and "I'm done" still ends the session.
      await attract.click({ position: { x: 40, y: 300 } });
      await home.waitFor();
      await kiosk.process.kill('SIGTERM');
      await page.locator('.status-pill-floating').waitFor();
      await endSession(page, () => page.getByTestId('session-done').click());
    } finally {
      kiosk.close();
    }
  }, 120_000);
});
