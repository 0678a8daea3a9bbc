import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startStaticServer } from '../../../main/host/index.js';
import { useTempDir } from '../../support/temp.js';
import { rawRequest, recordingLog } from './host-fixture.js';

const tempDir = useTempDir();
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; " +
  "media-src 'self' https: blob:; connect-src 'self' ws://127.0.0.1:*; font-src 'self' data:; object-src 'none'; " +
  "base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
const INDEX = '<!doctype html><script type="module" src="/assets/index-abc123.js"></script>';

/**
 * A built renderer at <tmp>/dist/renderer, with a package.json beside it, above it and inside it
 * at the places the traversal attempts would reach: a 404 there is the server refusing, not a
 * missing file.
 */
function buildRenderer(): { root: string; rendererDir: string; media: string } {
  const root = tempDir();
  const rendererDir = join(root, 'dist', 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), INDEX);
  writeFileSync(join(rendererDir, 'assets', 'index-abc123.js'), 'console.log(1);');
  writeFileSync(join(rendererDir, 'assets', 'index-abc123.css'), 'body{}');
  writeFileSync(join(rendererDir, 'assets', 'model-1.glb'), 'glTF');
  writeFileSync(join(rendererDir, 'assets', 'notes.txt'), 'not a kind the host serves');
  for (const dir of [root, join(root, 'dist'), rendererDir]) writeFileSync(join(dir, 'package.json'), '{}');
  const media = join(root, 'attract.mp4');
  writeFileSync(media, '0123456789');
  return { root, rendererDir, media };
}

async function serve(rendererDir: string, media: Record<string, string> = {}) {
  const log = recordingLog();
  const server = await startStaticServer({ rendererDir, mediaFile: (path) => media[path], port: 0, log });
  closers.push(() => server.close());
  return { ...server, log };
}

describe('static server', () => {
  it('listens on 127.0.0.1 only, on a free port', async () => {
    const { server, port, origin } = await serve(buildRenderer().rendererDir);
    expect(server.address()).toMatchObject({ address: '127.0.0.1', port });
    expect(origin).toBe(`http://127.0.0.1:${String(port)}`);
  });

  it('serves index.html at / with the CSP and the other security headers, never cached', async () => {
    const { port } = await serve(buildRenderer().rendererDir);
    for (const path of ['/', '/index.html', '/?x=1']) {
      const response = await rawRequest(port, path);
      expect(response.status).toBe(200);
      expect(response.body).toBe(INDEX);
      expect(response.headers).toMatchObject({
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': CSP,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-cache',
      });
    }
  });

  it('serves hashed assets with their content type and a long cache', async () => {
    const { port } = await serve(buildRenderer().rendererDir);
    const expected = [
      ['/assets/index-abc123.js', 'text/javascript; charset=utf-8', 'console.log(1);'],
      ['/assets/index-abc123.css', 'text/css; charset=utf-8', 'body{}'],
      ['/assets/model-1.glb', 'model/gltf-binary', 'glTF'],
    ] as const;
    for (const [path, type, body] of expected) {
      const response = await rawRequest(port, path);
      expect(response.status, path).toBe(200);
      expect(response.body).toBe(body);
      expect(response.headers['content-type']).toBe(type);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    }
    const head = await rawRequest(port, '/assets/index-abc123.js', { method: 'HEAD' });
    expect([head.status, head.body, head.headers['content-length']]).toEqual([200, '', '15']);
  });

  it('answers 404 to traversal attempts, unknown paths and kinds, and hidden files', async () => {
    const { rendererDir } = buildRenderer();
    writeFileSync(join(rendererDir, 'assets', '.env'), 'SECRET=1');
    const { port } = await serve(rendererDir);
    const paths = [
      '/../package.json',
      '/%2e%2e/package.json',
      '/%2E%2E/package.json',
      '/assets/..%2f..%2fpackage.json',
      '/assets/..%2F..%2F..%2Fpackage.json',
      '/assets/../../package.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/assets/..%5c..%5cpackage.json',
      '/assets/index-abc123.js%00.png',
      '/assets/%E0%A4%A.js',
      '/assets/',
      '/assets//index-abc123.js',
      '/assets/.env',
      '/assets/notes.txt',
      '/package.json',
      '/media/../package.json',
      '/favicon.ico',
      '//etc/passwd',
    ];
    for (const path of paths) {
      const response = await rawRequest(port, path);
      expect(response.status, path).toBe(404);
      expect(response.body, path).not.toContain('{}');
    }
  });

  it('serves /media/… only for what the runtime names, with byte ranges for video', async () => {
    const { rendererDir, media } = buildRenderer();
    const { port, log } = await serve(rendererDir, {
      'media/attract/0': media,
      'media/gone': join(rendererDir, 'missing.png'),
    });
    const whole = await rawRequest(port, '/media/attract/0');
    expect([whole.status, whole.body, whole.headers['content-type']]).toEqual([
      200,
      '0123456789',
      'video/mp4',
    ]);
    expect(whole.headers['accept-ranges']).toBe('bytes');

    const part = await rawRequest(port, '/media/attract/0', { headers: { range: 'bytes=2-5' } });
    expect([part.status, part.body, part.headers['content-range']]).toEqual([206, '2345', 'bytes 2-5/10']);
    const tail = await rawRequest(port, '/media/attract/0', { headers: { range: 'bytes=-3' } });
    expect([tail.status, tail.body]).toEqual([206, '789']);
    const beyond = await rawRequest(port, '/media/attract/0', { headers: { range: 'bytes=10-' } });
    expect([beyond.status, beyond.headers['content-range']]).toEqual([416, 'bytes */10']);

    expect((await rawRequest(port, '/media/attract/1')).status).toBe(404);
    expect((await rawRequest(port, '/media/gone')).status).toBe(404);
    expect(log.entries.map((e) => e.message)).toContain(
      'host: the runtime named a media file that is not there',
    );
  });

  it('answers 503 saying how to build the renderer when there is no index.html, and keeps running', async () => {
    const { port, log } = await serve(join(tempDir(), 'dist', 'renderer'));
    for (let i = 0; i < 2; i++) {
      const response = await rawRequest(port, '/');
      expect(response.status).toBe(503);
      expect(response.body).toContain('npm run build:renderer');
      expect(response.headers['content-security-policy']).toBe(CSP);
    }
    expect(log.entries.filter((e) => e.level === 'warn')).toHaveLength(1);
  });

  it('refuses other methods, and a Host that is not its own (DNS rebinding)', async () => {
    const { port } = await serve(buildRenderer().rendererDir);
    const post = await rawRequest(port, '/', { method: 'POST' });
    expect([post.status, post.headers.allow]).toEqual([405, 'GET, HEAD']);
    const rebound = await rawRequest(port, '/', { headers: { host: `attacker.example:${String(port)}` } });
    expect(rebound.status).toBe(421);
    expect(rebound.body).not.toContain('<script');
  });
});
