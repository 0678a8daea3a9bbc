/**
 * 3D models from the hub to the page, with real parts: a hub serving its media folder (as `hub
 * serve --demo` fills it), a device runtime that syncs the catalog, fetches the models ahead into
 * its cache by content hash, and hands them to the page through the browser host — also once the
 * hub is gone.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfigValue } from '../../../kiosk-config/index.js';
import { startStaticServer } from '../../../main/host/index.js';
import { startRuntime, type Runtime } from '../../../main/runtime/runtime.js';
import { withDemoModels, type DemoModelFile } from '../../../scripts/models/demo-models.js';
import type { BridgeReply, KioskInfo } from '../../../shared/bridge/index.js';
import { syntheticCatalog } from '../../../shared/catalog/synthetic.js';
import type { ProductView } from '../../../shared/catalog/views.js';
import { FakeHidBus } from '../../support/fake-hid.js';
import { useTempDir } from '../../support/temp.js';
import { useHubs } from '../hub/hub-fixture.js';
import { provision, silentLog, until } from '../sync/device-fixture.js';

const hubs = useHubs();
const temp = useTempDir();
const PIN_HASH = 'scrypt$32768$8$1$0HzzWKcBYQHgSubqorTfFA==$5FaoILZnSbxkqjBRceLTV3zKInjULUSpBmdf528+mYw=';

async function call<T>(runtime: Runtime, name: string, args: unknown): Promise<T> {
  const reply: BridgeReply = await runtime.dispatch(name, args);
  if (!reply.ok) throw new Error(`${name}: ${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe('3D models from the hub, cached on the device', () => {
  it('the hub serves its media folder; the device fetches models ahead, checks them, and serves them offline', async () => {
    const hubDir = temp();
    const test = await hubs.start(hubDir);
    const models: DemoModelFile[] = [];
    const records = [...withDemoModels(syntheticCatalog({ products: 80 }), join(hubDir, 'media'), models)];
    await test.hub.importFeed(records.map((r) => JSON.stringify(r)).join('\n'), { fileName: 'demo.jsonl' });
    const sneaker = models.find((m) => m.kind === 'sneaker')!;

    // The hub's media route: the file as written, typed; nothing outside the folder.
    const served = await fetch(`${test.hub.url}/media/${sneaker.path}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('model/gltf-binary');
    expect(sha256(new Uint8Array(await served.arrayBuffer()))).toBe(sneaker.sha256);
    for (const path of ['../hub.db', '%2e%2e/hub.db', 'models/../../hub.db', '.hidden', 'models/none.glb'])
      expect((await fetch(`${test.hub.url}/media/${path}`)).status, path).toBe(404);

    const parsed = parseConfigValue({
      device: { id: 'ber-mitte-kiosk-1', name: 'Entrance kiosk' },
      store: { code: 'BER-MITTE' },
      mode: 'kiosk',
      hub: { url: test.hub.url, enrollmentCode: await provision(test) },
      staff: { pinHash: PIN_HASH },
      attract: { playlist: [{ kind: 'model', productId: sneaker.productId }] },
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const dataDir = temp();
    const runtime = await startRuntime({
      config: parsed.config,
      configDir: dataDir,
      dataDir,
      appVersion: '0.1.0-test',
      log: silentLog,
      transport: new FakeHidBus(),
      firstConnectJitterMs: 0,
    });
    const host = await startStaticServer({
      rendererDir: temp(),
      mediaFile: (path) => runtime.mediaFile(path),
      port: 0,
      log: silentLog,
    });
    try {
      await until(
        'the catalog',
        async () =>
          (await call<{ catalog: { products: number } }>(runtime, 'device.status', {})).catalog.products ===
          80,
      );
      // Fetched ahead once the sync is online: every model is in the cache, named by its hash.
      const cached = (m: DemoModelFile) => join(dataDir, 'media', `${m.sha256}.glb`);
      await until('the models in the cache', () =>
        models.every((m) => {
          try {
            return sha256(readFileSync(cached(m))) === m.sha256;
          } catch {
            return false;
          }
        }),
      );

      const product = await call<ProductView>(runtime, 'catalog.product', { id: sneaker.productId });
      const model = product.media.find((m) => m.kind === 'model')!;
      expect(model.url).toBe(`/media/cache/${sneaker.sha256}.glb`);
      const info = await call<KioskInfo>(runtime, 'kiosk.info', {});
      // The attract loop's 3D slide names the product; its model is the same cached file.
      expect(info.attract).toHaveLength(1);
      expect(info.attract[0]).toMatchObject({ kind: 'model', src: model.url });
      expect(info.attract[0]?.product?.id).toBe(sneaker.productId);

      await test.hub.close();
      // The hub is gone: the page still gets the model, from the device's cache, through the host.
      const page = await fetch(`${host.origin}${model.url}`, {
        headers: { host: new URL(host.origin).host },
      });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('model/gltf-binary');
      expect(sha256(new Uint8Array(await page.arrayBuffer()))).toBe(sneaker.sha256);
      // Only names the runtime handed out are served.
      expect((await fetch(`${host.origin}/media/cache/${'0'.repeat(64)}.glb`)).status).toBe(404);
    } finally {
      await host.close();
      await runtime.stop();
    }
  });
});
