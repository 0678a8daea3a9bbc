/**
 * The 3D viewer end to end: a standalone `vitrine kiosk` whose feed names generated GLB models by
 * relative paths, in Debian's Chromium. With WebGL (SwiftShader, the software GPU) the attract
 * loop's 3D spotlight and the product's 3D view draw the model — read back from screenshots of
 * the canvas, which must hold more than the background. Without WebGL (Chromium's 3D APIs off)
 * the same screens show the product photo and say why, without fetching three.js at all.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { postToDevChannel } from '../../main/runtime/devices/index.js';
import { syntheticCatalog } from '../../shared/catalog/synthetic.js';
import { withDemoModels, type DemoModelFile } from '../../scripts/models/demo-models.js';
import { expectAccessible } from '../support/axe.js';
import { CHROMIUM, chromiumArgs, LANDSCAPE, PORTRAIT, saveScreenshot } from '../support/browser.js';
import { repoRoot, useProcesses } from '../support/processes.js';
import { useTempDir } from '../support/temp.js';
import { PIN_HASH } from './kiosk-fixture.js';

const temp = useTempDir();
const spawn = useProcesses();

const browsers: Promise<Browser>[] = [];
afterAll(async () => {
  for (const browser of browsers) await (await browser).close();
});
function launch(args: string[]): () => Promise<Browser> {
  let browser: Promise<Browser> | undefined;
  return () => {
    if (browser === undefined) {
      browser = chromium.launch({ executablePath: CHROMIUM, args });
      browsers.push(browser);
    }
    return browser;
  };
}
/**
 * WebGL on SwiftShader, Chromium's software GPU: this machine has no GPU (so not --disable-gpu).
 * Its frames can take seconds on a busy machine, which the GPU watchdog would take for a hang and
 * answer by killing the GPU process (every context lost).
 */
const withWebgl = launch([
  ...chromiumArgs.filter((arg) => arg !== '--disable-gpu'),
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-gpu-watchdog',
]);
const withoutWebgl = launch([...chromiumArgs, '--disable-3d-apis', '--disable-webgl']);

const PRODUCTS = 60;
/** A software GPU on a shared 2-core machine can take half a minute for a first frame. */
const SLOW = { timeout: 150_000 };

interface StandaloneKiosk {
  url: string;
  models: DemoModelFile[];
  /** The EAN-13 on a product's first variant. */
  barcode(productId: string): string;
  title(productId: string): string;
  scan(code: string): Promise<void>;
  /** A product without a model of its own, given one whose file is missing. */
  brokenId: string;
}

/** A standalone kiosk: the feed and its models/ folder beside the config, the 3D spotlight in attract. */
async function startStandalone(): Promise<StandaloneKiosk> {
  const dir = temp();
  const models: DemoModelFile[] = [];
  const records = [...withDemoModels(syntheticCatalog({ products: PRODUCTS }), dir, models)];
  const products = records.filter((r) => r.type === 'product') as {
    id: string;
    title: string;
    media: unknown[];
    variants: { gtin: string }[];
  }[];
  const broken = products.find((p) => !models.some((m) => m.productId === p.id))!;
  broken.media = [...broken.media, { kind: 'model', url: 'models/missing.glb' }];
  writeFileSync(join(dir, 'catalog.jsonl'), records.map((r) => JSON.stringify(r)).join('\n'));
  const sneaker = models.find((m) => m.kind === 'sneaker')!;
  const config = {
    device: { id: 'popup-kiosk-1', name: 'Pop-up kiosk' },
    store: { code: 'BER-MITTE' },
    mode: 'kiosk',
    standalone: { catalogFeed: './catalog.jsonl' },
    staff: { pinHash: PIN_HASH },
    branding: { name: 'Northfield & Co.' },
    development: { simulation: true },
    // A software GPU is slow: the session must not time out while the test looks at it.
    idle: { timeoutSeconds: 3600, warningSeconds: 60 },
    // Long enough that the spotlight stays up for the whole test.
    attract: { playlist: [{ kind: 'model', productId: sneaker.productId, durationSeconds: 3600 }] },
  };
  writeFileSync(join(dir, 'kiosk.json'), JSON.stringify(config, null, 2));
  const dataDir = join(dir, 'data');
  const child = spawn('kiosk', process.execPath, [
    join(repoRoot, 'scripts/bin/vitrine.mjs'),
    'kiosk',
    '--config',
    join(dir, 'kiosk.json'),
    '--data',
    dataDir,
  ]);
  const line = await child.waitForLine('the kiosk URL', (l) => l.startsWith('kiosk: open '), { seconds: 60 });
  return {
    url: line.slice('kiosk: open '.length).trim(),
    models,
    barcode: (id) => products.find((p) => p.id === id)!.variants[0]!.gtin,
    title: (id) => products.find((p) => p.id === id)!.title,
    scan: (code) => postToDevChannel(dataDir, '/simulate/scan', { code, aim: ']E0' }),
    brokenId: broken.id,
  };
}

/** Opens the kiosk at `size`, recording CSP violations and which scripts the page fetched. */
async function open(browser: Browser, kiosk: StandaloneKiosk, size: { width: number; height: number }) {
  const context = await browser.newContext({ viewport: size, hasTouch: true });
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(kiosk.url);
  await page.locator('[data-screen="attract"]').waitFor({ timeout: 30_000 });
  const violations = () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  return { page, scripts, violations };
}

/**
 * How much of the canvas is drawn: the share of pixels that differ clearly from its corner (the
 * background behind the model) and how many distinct colours there are (a flat fill has one).
 */
async function drawn(canvas: Locator): Promise<{ covered: number; colours: number }> {
  const png = PNG.sync.read(await canvasPixels(canvas));
  const { data, width, height } = png;
  const [r0, g0, b0] = [data[0]!, data[1]!, data[2]!];
  let different = 0;
  const colours = new Set<number>();
  for (let i = 0; i < width * height * 4; i += 4) {
    const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
    if (Math.abs(r - r0) + Math.abs(g - g0) + Math.abs(b - b0) > 40) different++;
    colours.add(((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3));
  }
  return { covered: different / (width * height), colours: colours.size };
}

/**
 * The canvas's pixels as the screen shows them: a page screenshot clipped to its box. (An element
 * screenshot first waits for two frames alike, which a turning model at a software GPU's frame
 * rate may not give within the timeout.)
 */
async function canvasPixels(canvas: Locator): Promise<Buffer> {
  const box = await canvas.boundingBox();
  if (box === null) throw new Error('the canvas is not on screen');
  return canvas.page().screenshot({ clip: box, animations: 'disabled', ...SLOW });
}

/** Controls inside `scope` smaller than the kiosk's 60 px touch minimum. */
function smallTargets(scope: Locator): Promise<string[]> {
  return scope.evaluate((root) =>
    [...root.querySelectorAll<HTMLElement>('button, [role="button"]')]
      .map((control) => ({ control, box: control.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && (box.width < 60 || box.height < 60))
      .map(
        ({ control, box }) => `${control.dataset.testid ?? control.className}: ${box.width}x${box.height}`,
      ),
  );
}

async function openProduct(page: Page, kiosk: StandaloneKiosk, productId: string): Promise<void> {
  await kiosk.scan(kiosk.barcode(productId));
  await page
    .getByTestId('product-title')
    .filter({ hasText: kiosk.title(productId) })
    .waitFor(SLOW);
}

const sizes = [
  [PORTRAIT, 'portrait'],
  [LANDSCAPE, 'landscape'],
] as const;

// Two window sizes, each drawn by a software GPU: far more than the default minute.
describe('the 3D viewer in Chromium', { timeout: 900_000 }, () => {
  it('with WebGL: the attract spotlight and the product view draw the model; a missing model falls back to the photo', async () => {
    const kiosk = await startStandalone();
    expect(kiosk.models.map((m) => m.kind)).toContain('sneaker');
    const sneaker = kiosk.models.find((m) => m.kind === 'sneaker')!;
    for (const [size, name] of sizes) {
      const { page, violations } = await open(await withWebgl(), kiosk, size);

      // Attract: the product's model turns beside its name and price.
      const spotlight = page.locator('[data-testid="model-spotlight"][data-state="ready"]');
      await spotlight.waitFor(SLOW);
      const attractCanvas = spotlight.locator('canvas');
      const attract = await drawn(attractCanvas);
      expect(attract.covered).toBeGreaterThan(0.03);
      expect(attract.colours).toBeGreaterThan(40);
      expect(await spotlight.locator('.spotlight-title').textContent()).not.toBe('');
      await saveScreenshot(page, `three-attract-${name}`);
      await expectAccessible(page, `three-attract-${name}`);

      // Product: a clear "View in 3D" control, then the model over the whole screen.
      await openProduct(page, kiosk, sneaker.productId);
      const open3d = page.getByTestId('view-3d');
      await open3d.waitFor();
      expect(await smallTargets(page.locator('.product-media'))).toEqual([]);
      await saveScreenshot(page, `three-product-${name}`);
      await expectAccessible(page, `three-product-${name}`);
      await open3d.click(SLOW);
      const viewer = page.locator('[data-testid="model-viewer"][data-state="ready"]');
      await viewer.waitFor(SLOW);
      expect(await page.getByTestId('model-hint').textContent()).toBe('Drag to turn, pinch to zoom');
      const view = await drawn(viewer.locator('canvas'));
      expect(await page.getByTestId('model-viewer').getAttribute('data-state')).toBe('ready');
      expect(view.covered).toBeGreaterThan(0.03);
      expect(view.colours).toBeGreaterThan(40);
      expect(await smallTargets(viewer)).toEqual([]);
      await saveScreenshot(page, `three-viewer-${name}`);
      await expectAccessible(page, `three-viewer-${name}`);

      // A drag turns the model (OrbitControls takes pointer input on the canvas).
      const box = (await viewer.locator('canvas').boundingBox())!;
      const before = await canvasPixels(viewer.locator('canvas'));
      await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2, { steps: 4 });
      await page.mouse.up();
      expect((await canvasPixels(viewer.locator('canvas'))).equals(before)).toBe(false);

      await page.getByTestId('model-viewer-close').click(SLOW);
      await page.getByTestId('model-viewer').waitFor({ state: 'detached', ...SLOW });
      await page.getByTestId('view-3d').waitFor();

      // A product whose model file is missing: the photo, and a line saying so.
      await openProduct(page, kiosk, kiosk.brokenId);
      await page.getByTestId('view-3d').click(SLOW);
      const fallback = page.locator('[data-testid="model-viewer"][data-state="failed"]');
      await fallback.waitFor(SLOW);
      expect(await fallback.getByTestId('model-fallback').getAttribute('data-reason')).toBe('failed');
      expect(await fallback.textContent()).toContain('The 3D model couldn’t be loaded');
      await saveScreenshot(page, `three-viewer-failed-${name}`);
      await expectAccessible(page, `three-viewer-failed-${name}`);

      // three.js loads its models and the room light with the page's CSP as it is.
      expect(await violations()).toEqual([]);
      await page.context().close();
    }
  });

  it('without WebGL: the photo takes the model’s place, says why, and three.js is never fetched', async () => {
    const kiosk = await startStandalone();
    const sneaker = kiosk.models.find((m) => m.kind === 'sneaker')!;
    for (const [size, name] of sizes) {
      const { page, scripts, violations } = await open(await withoutWebgl(), kiosk, size);
      expect(await page.evaluate(() => document.createElement('canvas').getContext('webgl'))).toBeNull();

      // Attract: the product's photo spotlight instead of the 3D one.
      await page.locator('.spotlight').waitFor();
      expect(await page.getByTestId('model-spotlight').count()).toBe(0);
      expect(await page.locator('.spotlight-title').textContent()).not.toBe('');
      await saveScreenshot(page, `three-attract-no-webgl-${name}`);
      await expectAccessible(page, `three-attract-no-webgl-${name}`);

      await openProduct(page, kiosk, sneaker.productId);
      await page.getByTestId('view-3d').click();
      const viewer = page.locator('[data-testid="model-viewer"][data-state="unsupported"]');
      await viewer.waitFor();
      expect(await viewer.getByTestId('model-fallback').getAttribute('data-reason')).toBe('unsupported');
      expect(await viewer.textContent()).toContain('3D isn’t available on this screen');
      expect(await viewer.locator('canvas').count()).toBe(0);
      expect(await smallTargets(viewer)).toEqual([]);
      await saveScreenshot(page, `three-viewer-no-webgl-${name}`);
      await expectAccessible(page, `three-viewer-no-webgl-${name}`);
      expect(scripts.filter((url) => url.includes('ModelStage'))).toEqual([]);

      await page.getByTestId('model-viewer-close').click();
      await page.getByTestId('view-3d').waitFor();
      expect(await violations()).toEqual([]);
      await page.context().close();
    }
  });
});
