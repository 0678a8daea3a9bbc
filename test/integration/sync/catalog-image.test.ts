/**
 * Catalog images end to end (real hub, real device catalog, loopback): the hub builds the image
 * with the device's own code, a device takes its whole catalog from it and then the log's tail,
 * and the download route checks who asks and resumes a broken-off download.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticCatalog } from '../../../shared/catalog/synthetic.js';
import type { CatalogImageOffer } from '../../../shared/protocol/index.js';
import { downloadImage, ImageDownloadError } from '../../../main/runtime/sync/image-download.js';
import { expectedContent, inspectCatalogFile } from '../../support/catalog-file.js';
import { useTempDir } from '../../support/temp.js';
import { useHubs, type TestHub } from '../hub/hub-fixture.js';
import { provision, startDevice, until } from './device-fixture.js';

const tempDir = useTempDir();
const hubs = useHubs();

const records = (products: number, seed: number): Record<string, unknown>[] => [
  ...syntheticCatalog({ products, seed }),
];
const jsonLines = (list: readonly Record<string, unknown>[]): string =>
  list.map((r) => JSON.stringify(r)).join('\n');

/** A hub that builds images of any catalog, with `products` imported and its image built. */
async function hubWithImage(products: number): Promise<{ test: TestHub; list: Record<string, unknown>[] }> {
  const test = await hubs.start(tempDir(), { catalogImages: { minRecords: 0 } });
  const list = records(products, 42);
  await test.hub.importFeed(jsonLines(list), { fileName: 'catalog.jsonl' });
  await test.hub.catalogImages.idle();
  return { test, list };
}

function offerOf(test: TestHub): CatalogImageOffer {
  const image = test.hub.catalogImages.newest();
  if (image === undefined) throw new Error('the hub built no image');
  return {
    path: `/api/v1/catalog-images/${image.name}`,
    cursor: image.cursor,
    bytes: image.bytes,
    sha256: image.sha256,
    schema: image.schema,
  };
}

/** Enrolls a device and returns its stored credentials. */
async function credentialsOf(test: TestHub): Promise<{ deviceId: string; token: string; dataDir: string }> {
  const dataDir = tempDir();
  const device = startDevice(test, dataDir, await provision(test));
  await until('enrolled and online', () => device.client.status().phase === 'online');
  device.stop();
  const stored = JSON.parse(readFileSync(join(dataDir, 'device-credentials.json'), 'utf8')) as {
    deviceId: string;
    token: string;
  };
  return { ...stored, dataDir };
}

describe('catalog images (real hub, loopback)', () => {
  it('a first sync takes the whole catalog from the image, then the changes after it', async () => {
    const { test, list } = await hubWithImage(400);
    const image = test.hub.catalogImages.newest();
    expect(image?.records).toBeGreaterThan(400);
    // The catalog moves on after the image: the device gets these from the log.
    const later = records(5, 99).map((r) =>
      r.type === 'product' ? { ...r, title: `Later ${String(r.title)}` } : r,
    );
    await test.hub.importFeed(jsonLines(later), { fileName: 'later.jsonl' });
    const head = (await test.hub.store.getScope('catalog'))?.head ?? 0;
    expect(head).toBeGreaterThan(image?.cursor ?? 0);

    const dataDir = tempDir();
    const device = startDevice(test, dataDir, await provision(test));
    await until(
      'caught up',
      () => device.client.status().phase === 'online' && device.catalog.sync.cursor('catalog') === head,
    );
    device.stop();
    // One image per scope: the catalog whole, each store's prices and stock as staged pages.
    const downloads = test.logs.filter((l) => l.msg === 'catalog image download').map((l) => String(l.image));
    const scopes = Object.keys(device.client.status().cursors);
    expect(scopes.length).toBeGreaterThan(1);
    expect(downloads.map((name) => name.replace(/-\d+-[0-9a-f]{16}\.db$/, '')).sort()).toEqual(
      scopes.map((scope) => scope.replace(':', '-')).sort(),
    );
    const state = inspectCatalogFile(join(dataDir, 'catalog.db'));
    expect(state.integrity).toBe('ok');
    expect(state.fingerprint).toBe(expectedContent([...list, ...later]).fingerprint);
    expect(state.stock.length).toBeGreaterThan(100); // the store scopes, paged, onto the image's variants
  }, 60_000);

  it('the download route serves devices only, and resumes a broken-off download with Range', async () => {
    const { test } = await hubWithImage(300);
    const offer = offerOf(test);
    const { deviceId, token, dataDir } = await credentialsOf(test);
    const url = `${test.hub.url}${offer.path}`;
    expect((await fetch(url)).status).toBe(401);
    expect(
      (
        await fetch(url, {
          headers: { authorization: `Bearer ${'x'.repeat(40)}`, 'x-vitrine-device': deviceId },
        })
      ).status,
    ).toBe(401);
    const auth = { authorization: `Bearer ${token}`, 'x-vitrine-device': deviceId };
    expect(
      (await fetch(`${test.hub.url}/api/v1/catalog-images/catalog-1-0123456789abcdef.db`, { headers: auth }))
        .status,
    ).toBe(404);
    expect((await fetch(url, { headers: { ...auth, range: `bytes=${String(offer.bytes)}-` } })).status).toBe(
      416,
    );
    const tail = await fetch(url, { headers: { ...auth, range: `bytes=${String(offer.bytes - 10)}-` } });
    expect(tail.status).toBe(206);
    expect((await tail.arrayBuffer()).byteLength).toBe(10);

    // A network that breaks off after 40% of the bytes, once.
    const asked: (string | undefined)[] = [];
    let cut = true;
    const flaky: typeof fetch = async (input, init) => {
      const headers = new Headers(init?.headers);
      asked.push(headers.get('range') ?? undefined);
      const response = await fetch(input, init);
      if (!cut || response.body === null) return response;
      cut = false;
      let sent = 0;
      const reader = response.body.getReader();
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const { done, value } = await reader.read();
          if (done) {
            controller.close();
            return;
          }
          if (sent + value.byteLength > offer.bytes * 0.4) {
            controller.enqueue(value.subarray(0, Math.floor(offer.bytes * 0.4) - sent));
            controller.error(new Error('connection reset'));
            return;
          }
          sent += value.byteLength;
          controller.enqueue(value);
        },
      });
      return new Response(body, { status: response.status, headers: response.headers });
    };
    const options = { scope: 'catalog', hubUrl: test.hub.url, dataDir, deviceId, token, fetch: flaky };
    await expect(downloadImage(offer, options)).rejects.toThrow('connection reset');
    const part = statSync(join(dataDir, 'catalog-images', 'catalog', `${offer.sha256}.part`)).size;
    expect(part).toBeGreaterThan(0);
    const path = await downloadImage(offer, options);
    expect(asked).toEqual([undefined, `bytes=${String(part)}-`]);
    expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(offer.sha256);

    // Bytes that are not the image's are never handed on.
    const wrong = { ...offer, sha256: 'f'.repeat(64) };
    await expect(downloadImage(wrong, { ...options, fetch })).rejects.toThrow(ImageDownloadError);
  }, 60_000);

  it('a revoked device cannot download the image', async () => {
    const { test } = await hubWithImage(50);
    const offer = offerOf(test);
    const { deviceId, token } = await credentialsOf(test);
    expect((await test.admin('POST', `devices/${deviceId}/revoke`)).status).toBe(200);
    const response = await fetch(`${test.hub.url}${offer.path}`, {
      headers: { authorization: `Bearer ${token}`, 'x-vitrine-device': deviceId },
    });
    expect(response.status).toBe(401);
  }, 60_000);
});
