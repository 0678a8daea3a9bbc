/**
 * The rules both shells serve the kiosk page by: its policy, headers and content types, and the
 * two path checks, each of which refuses on its own. The shells' own tests
 * (test/integration/host/static-server.test.ts, test/unit/main/electron/app-protocol.test.ts)
 * check that each answers requests by them.
 */
import { describe, expect, it } from 'vitest';
import {
  assetFile,
  contentTypeOf,
  fileInside,
  mediaContentTypeOf,
  pageContentSecurityPolicy,
  pageHeaders,
  safeSegments,
} from '../../../../../main/runtime/page/serving.js';

describe('the page policy', () => {
  it('is one policy, the bridge transport adding its sources to connect-src alone', () => {
    expect(pageContentSecurityPolicy([])).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; " +
        "media-src 'self' https: blob:; connect-src 'self'; font-src 'self' data:; object-src 'none'; " +
        "base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
    expect(pageContentSecurityPolicy(['ws://127.0.0.1:*'])).toBe(
      pageContentSecurityPolicy([]).replace("connect-src 'self'", "connect-src 'self' ws://127.0.0.1:*"),
    );
  });

  it('goes with every page, never cached, beside the headers every response has', () => {
    expect(pageHeaders('default-src x')).toEqual({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': 'default-src x',
      'Cache-Control': 'no-cache',
    });
  });
});

describe('content types', () => {
  it('are known for the kinds the page loads, by extension in any case', () => {
    expect(contentTypeOf('/d/assets/index-abc.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('/d/assets/Model-1.GLB')).toBe('model/gltf-binary');
    expect(contentTypeOf('/d/media/0f3a.webm')).toBe('video/webm');
    expect(contentTypeOf('/d/assets/notes.txt')).toBeUndefined();
    expect(contentTypeOf('/d/assets/noextension')).toBeUndefined();
  });

  it('fall back to bytes for media the runtime named, which are served whatever their kind', () => {
    expect(mediaContentTypeOf('/d/media/logo.png')).toBe('image/png');
    expect(mediaContentTypeOf('/d/media/0f3a.avif')).toBe('application/octet-stream');
  });

  it('decide which assets are served: inside assets/ and of a kind the page loads', () => {
    expect(assetFile('/srv/r', ['index-abc.js'])).toEqual({
      file: '/srv/r/assets/index-abc.js',
      type: 'text/javascript; charset=utf-8',
    });
    expect(assetFile('/srv/r', ['notes.txt'])).toBeUndefined();
    expect(assetFile('/srv/r', ['..', 'index.html'])).toBeUndefined();
  });
});

describe('page paths: each of the two checks refuses on its own', () => {
  it('decodes the segments of a path', () => {
    expect(safeSegments('a/b%20c.js')).toEqual(['a', 'b c.js']);
    expect(safeSegments('assets/index-abc.js')).toEqual(['assets', 'index-abc.js']);
    expect(safeSegments('media/attract/2')).toEqual(['media', 'attract', '2']);
  });

  it('refuses segments that are empty, dot, hidden, badly encoded or hide a separator or NUL', () => {
    for (const path of [
      '',
      '..',
      '%2e%2e',
      'a/../b',
      '..%2fx',
      'a%5cb',
      'a%00.js',
      '.env',
      'a//b',
      'a/',
      '%E0%A4%A',
      'assets/a%2Fb.js',
      'assets/%E0%A4%A',
      'assets//x.js',
      'assets/%00.js',
    ]) {
      expect(safeSegments(path), path).toBeUndefined();
    }
  });

  it('refuses a resolved file outside the root, whatever the segments were', () => {
    expect(fileInside('/srv/r', ['assets', 'a.js'])).toBe('/srv/r/assets/a.js');
    expect(fileInside('/srv/r', ['..', 'package.json'])).toBeUndefined();
    expect(fileInside('/srv/r', ['../r2/x'])).toBeUndefined();
    expect(fileInside('/srv/r', ['/etc/passwd'])).toBeUndefined();
    expect(fileInside('/srv/r', [])).toBeUndefined();
  });
});
