/**
 * The device's media cache against a real HTTP server on loopback: content-hash names, the
 * feed's sha256 checked before anything is kept, atomic writes, a size limit by least recent use,
 * and catalog media handed to the page under names of ours only.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCatalogMedia, MediaCache } from '../../../../main/runtime/media/index.js';
import { silentLog } from '../../../../main/runtime/sync/index.js';
import { useTempDir } from '../../../support/temp.js';

const temp = useTempDir();
const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0))
    await new Promise((resolve) => {
      server.closeAllConnections();
      server.close(resolve);
    });
});

const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

/** Serves `files` by path; counts requests per path; `chunked` paths are sent without a length. */
async function serve(files: Record<string, Uint8Array>, chunked = new Set<string>()) {
  const requests = new Map<string, number>();
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.set(path, (requests.get(path) ?? 0) + 1);
    const body = files[path];
    if (body === undefined) {
      response.writeHead(404).end('not found');
      return;
    }
    if (chunked.has(path)) {
      response.writeHead(200);
      response.write(body.subarray(0, body.length / 2));
      response.end(body.subarray(body.length / 2));
    } else {
      response.writeHead(200, { 'content-length': String(body.byteLength) }).end(body);
    }
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  return { url, requests };
}

function bytes(size: number, fill: number): Uint8Array {
  return new Uint8Array(size).fill(fill);
}

describe('MediaCache', () => {
  it('names a download by its content hash, checks it against the feed, and serves it again without the network', async () => {
    const model = bytes(1000, 7);
    const { url, requests } = await serve({ '/a.glb': model });
    const dir = temp();
    const cache = new MediaCache({ dir, log: silentLog });
    const source = { url: `${url}/a.glb`, sha256: sha256(model), ext: '.glb' };
    const file = await cache.file(source);
    expect(file).toBe(join(dir, `${sha256(model)}.glb`));
    expect(readFileSync(file)).toEqual(Buffer.from(model));
    expect(await cache.file(source)).toBe(file);
    expect(cache.cached(source)).toBe(file);
    expect(requests.get('/a.glb')).toBe(1);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps nothing when the download does not match the sha256 the feed gave', async () => {
    const { url } = await serve({ '/a.glb': bytes(100, 1) });
    const dir = temp();
    const cache = new MediaCache({ dir, log: silentLog });
    const claimed = sha256('something else');
    await expect(cache.file({ url: `${url}/a.glb`, sha256: claimed, ext: '.glb' })).rejects.toThrow(
      `${url}/a.glb: the download's sha256 is ${sha256(bytes(100, 1))}, the feed says ${claimed}`,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('remembers the hash of a medium the feed gave none for, across restarts, and works offline', async () => {
    const model = bytes(500, 3);
    const server = await serve({ '/m/b.glb': model });
    const dir = temp();
    const first = new MediaCache({ dir, log: silentLog });
    const source = { url: `${server.url}/m/b.glb`, ext: '.glb' };
    const file = await first.file(source);
    expect(file).toBe(join(dir, `${sha256(model)}.glb`));
    for (const s of servers.splice(0)) await new Promise((resolve) => s.close(resolve));
    const again = new MediaCache({ dir, log: silentLog });
    expect(await again.file(source)).toBe(file);
  });

  it('drops the least recently used files past its size limit, never the one just written', async () => {
    const files = { '/1.glb': bytes(400, 1), '/2.glb': bytes(400, 2), '/3.glb': bytes(400, 3) };
    const { url } = await serve(files);
    let clock = Date.parse('2025-03-01T10:00:00Z');
    const cache = new MediaCache({
      dir: temp(),
      log: silentLog,
      maxBytes: 1000,
      now: () => new Date((clock += 60_000)),
    });
    const source = (name: keyof typeof files) => ({
      url: `${url}${name}`,
      sha256: sha256(files[name]),
      ext: '.glb',
    });
    const one = await cache.file(source('/1.glb'));
    const two = await cache.file(source('/2.glb'));
    // File 1 is used again, so file 2 is now the least recently used.
    expect(cache.cached(source('/1.glb'))).toBe(one);
    const three = await cache.file(source('/3.glb'));
    expect([existsSync(one), existsSync(two), existsSync(three)]).toEqual([true, false, true]);
    expect(cache.usage()).toEqual({ files: 2, bytes: 800 });
  });

  it('refuses a file larger than the per-file limit, whether or not the server declares its length', async () => {
    const big = bytes(3000, 9);
    const { url } = await serve({ '/declared.glb': big, '/chunked.glb': big }, new Set(['/chunked.glb']));
    const dir = temp();
    const cache = new MediaCache({ dir, log: silentLog, maxFileBytes: 2000 });
    await expect(cache.file({ url: `${url}/declared.glb`, ext: '.glb' })).rejects.toThrow(
      /3000 bytes is more than 2000/,
    );
    await expect(cache.file({ url: `${url}/chunked.glb`, ext: '.glb' })).rejects.toThrow(
      /more than 2000 bytes/,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('fetches once for callers asking at the same time, names HTTP errors, and clears leftovers of a crash', async () => {
    const model = bytes(800, 5);
    const { url, requests } = await serve({ '/c.glb': model });
    const dir = temp();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${sha256(model)}.glb.1a2b.tmp`), 'half a file');
    const cache = new MediaCache({ dir, log: silentLog });
    expect(readdirSync(dir)).toEqual([]);
    const source = { url: `${url}/c.glb`, sha256: sha256(model), ext: '.glb' };
    const [a, b] = await Promise.all([cache.file(source), cache.file(source)]);
    expect(a).toBe(b);
    expect(requests.get('/c.glb')).toBe(1);
    await expect(cache.file({ url: `${url}/missing.glb`, ext: '.glb' })).rejects.toThrow(
      `${url}/missing.glb: HTTP 404`,
    );
    await expect(cache.file({ url: `${url}/c.glb`, sha256: 'ABC', ext: '.glb' })).rejects.toThrow(
      /is not 64 lower-case hex digits/,
    );
  });
});

describe('catalog media for the page', () => {
  it('standalone: relative paths are read beside the feed; only names handed out resolve', async () => {
    const feedDir = temp();
    mkdirSync(join(feedDir, 'models'));
    writeFileSync(join(feedDir, 'models', 'a.glb'), 'glb');
    const media = createCatalogMedia({
      feedDir,
      cache: new MediaCache({ dir: temp(), log: silentLog }),
      log: silentLog,
    });
    expect(await media.file('catalog/models/a.glb')).toBeUndefined();
    expect(media.pageUrl({ kind: 'model', url: 'models/a.glb' })).toBe('/media/catalog/models/a.glb');
    expect(await media.file('catalog/models/a.glb')).toBe(join(feedDir, 'models', 'a.glb'));
    expect(await media.file('catalog/models/b.glb')).toBeUndefined();
    // Remote photos stay as they were: the page loads them itself.
    expect(media.pageUrl({ kind: 'image', url: 'https://img.example.com/a.jpg' })).toBe(
      'https://img.example.com/a.jpg',
    );
  });

  it('with a hub: relative paths and remote models come through the cache, by hash, and prefetch fetches ahead', async () => {
    const model = bytes(600, 4);
    const other = bytes(700, 6);
    const { url, requests } = await serve({ '/media/models/a.glb': model, '/remote/b.glb': other });
    const cacheDir = temp();
    const media = createCatalogMedia({
      hubUrl: `${url}/`,
      cache: new MediaCache({ dir: cacheDir, log: silentLog }),
      log: silentLog,
    });
    const fromHub = { kind: 'model' as const, url: 'models/a.glb', sha256: sha256(model) };
    const remote = { kind: 'model' as const, url: `${url}/remote/b.glb` };
    expect(media.pageUrl(fromHub)).toBe(`/media/cache/${sha256(model)}.glb`);
    const remoteName = media.pageUrl(remote).replace('/media/', '');
    expect(remoteName).toBe(`cache/${sha256(remote.url)}.glb`);

    expect(await media.prefetch([fromHub, remote])).toEqual({ cached: 2, failed: 0 });
    expect(await media.prefetch([fromHub, remote])).toEqual({ cached: 0, failed: 0 });
    expect(requests.get('/media/models/a.glb')).toBe(1);
    expect(await media.file(`cache/${sha256(model)}.glb`)).toBe(join(cacheDir, `${sha256(model)}.glb`));
    expect(await media.file(remoteName)).toBe(join(cacheDir, `${sha256(other)}.glb`));
    expect(await media.file('cache/0000.glb')).toBeUndefined();
    // A model that fails its hash is not served: the page gets a 404 and shows the photo instead.
    const bad = { kind: 'model' as const, url: 'models/a.glb', sha256: sha256('not it') };
    expect(await media.file(media.pageUrl(bad).replace('/media/', ''))).toBeUndefined();
  });
});
