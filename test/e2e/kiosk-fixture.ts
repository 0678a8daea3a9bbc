/**
 * A kiosk as a store runs it, for end-to-end tests: a real hub on loopback (in this process), a
 * device provisioned on it, and `vitrine kiosk --config FILE` as its own process serving the
 * built renderer and the bridge; Chromium opens the URL it prints.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openCatalog, type Catalog } from '../../main/runtime/catalog/index.js';
import { postToDevChannel } from '../../main/runtime/devices/index.js';
import type { ProductView } from '../../shared/catalog/views.js';
import { repoRoot, type Spawned } from '../support/processes.js';
import type { TestHub } from '../integration/hub/hub-fixture.js';
import { provision } from '../integration/sync/device-fixture.js';

export const PIN_HASH =
  'scrypt$32768$8$1$0HzzWKcBYQHgSubqorTfFA==$5FaoILZnSbxkqjBRceLTV3zKInjULUSpBmdf528+mYw=';

export interface Kiosk {
  process: Spawned;
  url: string;
  dataDir: string;
  /** The kiosk's own catalog file, read-only: what the screen should show. */
  product(id: string): ProductView;
  catalog: Catalog;
  /** Scans `code` on the simulated HID POS scanner (the hardware issue's development channel). */
  scan(code: string): Promise<void>;
  close(): void;
}

export async function startKiosk(
  test: TestHub,
  dir: string,
  spawn: (name: string, command: string, args: readonly string[]) => Spawned,
  overrides: Record<string, unknown> = {},
  /** More `vitrine kiosk` options, e.g. `--browser` with a stand-in. */
  cliArgs: readonly string[] = [],
): Promise<Kiosk> {
  const code = await provision(test);
  const config = {
    device: { id: 'ber-mitte-kiosk-1', name: 'Entrance kiosk' },
    store: { code: 'BER-MITTE' },
    mode: 'kiosk',
    hub: { url: test.hub.url, enrollmentCode: code },
    staff: { pinHash: PIN_HASH },
    branding: { name: 'Northfield & Co.' },
    development: { simulation: true },
    ...overrides,
  };
  const configFile = join(dir, 'kiosk.json');
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  const dataDir = join(dir, 'data');
  const child = spawn('kiosk', process.execPath, [
    join(repoRoot, 'scripts/bin/vitrine.mjs'),
    'kiosk',
    '--config',
    configFile,
    '--data',
    dataDir,
    ...cliArgs,
  ]);
  const line = await child.waitForLine('the kiosk URL', (l) => l.startsWith('kiosk: open '), { seconds: 60 });
  const url = line.slice('kiosk: open '.length).trim();
  const catalog = openCatalog(join(dataDir, 'catalog.db'));
  return {
    process: child,
    url,
    dataDir,
    catalog,
    product(id) {
      const view = catalog.reader.product(id, 'BER-MITTE');
      if (view === undefined) throw new Error(`no product ${id} on the kiosk`);
      return view;
    },
    scan: (barcode) => postToDevChannel(dataDir, '/simulate/scan', { code: barcode, aim: ']E0' }),
    close() {
      catalog.close();
    },
  };
}

/** Opens the kiosk's page at `size` and waits for the attract screen. */
export async function openKiosk(
  browser: Browser,
  kiosk: Kiosk,
  size: { width: number; height: number },
): Promise<Page> {
  const context = await browser.newContext({ viewport: size, hasTouch: true });
  const page = await context.newPage();
  await page.goto(kiosk.url);
  await page.locator('[data-screen="attract"]').waitFor({ timeout: 30_000 });
  return page;
}

/** Polls the kiosk's catalog file until the sync has brought `products` products. */
export async function catalogReady(kiosk: Kiosk, products: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (kiosk.catalog.reader.counts().products < products) {
    if (Date.now() > deadline)
      throw new Error(
        `the kiosk has ${String(kiosk.catalog.reader.counts().products)} of ${String(products)} products`,
      );
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
