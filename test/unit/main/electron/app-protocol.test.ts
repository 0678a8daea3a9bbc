/**
 * The app scheme the kiosk page is served on: the built renderer with the CSP, the runtime's media
 * and the shell's own pages, and nothing else. The rules it shares with the browser host (policy,
 * content types, path checks) are tested on their own in test/unit/main/runtime/page.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHELL_CONTENT_SECURITY_POLICY } from '../../../../main/electron/app-protocol.js';
import { useTempDir } from '../../../support/temp.js';
import { testConfig, useShell } from './shell-fixture.js';

const tempDir = useTempDir();
const startShell = useShell(tempDir);

async function served(fixture: Awaited<ReturnType<typeof startShell>>, url: string, init?: RequestInit) {
  const handler = fixture.electron.protocolHandlers.get('app');
  if (handler === undefined) throw new Error('the app scheme has no handler');
  const response = await handler(new Request(url, init));
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('the app:// scheme', () => {
  it('serves the renderer with the CSP, and its assets', async () => {
    const fixture = await startShell();
    const index = await served(fixture, 'app://vitrine/index.html?display=0');
    expect(index.status).toBe(200);
    expect(index.text).toContain('<title>Vitrine</title>');
    expect(index.headers.get('content-security-policy')).toBe(SHELL_CONTENT_SECURITY_POLICY);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect((await served(fixture, 'app://vitrine/')).text).toContain('<title>Vitrine</title>');
    const asset = await served(fixture, 'app://vitrine/assets/app.js');
    expect(asset).toMatchObject({ status: 200, text: 'console.log("kiosk")' });
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');

    // Before `npm run build:renderer`, the window says what to do instead of staying blank.
    rmSync(join(fixture.rendererDir, 'index.html'));
    const missing = await served(fixture, 'app://vitrine/index.html');
    expect(missing.status).toBe(503);
    expect(missing.text).toContain('npm run build:renderer');
  });

  it('serves media only by the names the runtime handed out', async () => {
    const dir = tempDir();
    const logo = join(dir, 'logo.png');
    writeFileSync(logo, 'PNG');
    const fixture = await startShell({ mediaFiles: { 'media/logo': logo } });
    const media = await served(fixture, 'app://vitrine/media/logo');
    expect(media).toMatchObject({ status: 200, text: 'PNG' });
    expect(media.headers.get('content-type')).toBe('image/png');
    expect((await served(fixture, 'app://vitrine/media/other')).status).toBe(404);
  });

  it('answers 404 to anything outside its folders, another host, or a method other than GET', async () => {
    const fixture = await startShell();
    writeFileSync(join(fixture.rendererDir, 'assets', 'notes.txt'), 'not a kind the page loads');
    for (const url of [
      'app://vitrine/assets/notes.txt',
      'app://vitrine/secret.txt',
      'app://vitrine/assets/..%2f..%2fsecret.txt',
      'app://vitrine/assets/%2e%2e/%2e%2e/secret.txt',
      'app://vitrine/assets/.hidden',
      'app://vitrine/../secret.txt',
      'app://vitrine/shell/nothing.html',
      'app://other/index.html',
    ]) {
      expect((await served(fixture, url)).status, url).toBe(404);
    }
    expect((await served(fixture, 'app://vitrine/index.html', { method: 'POST', body: 'x' })).status).toBe(
      404,
    );
  });

  it('serves the safe and sleep pages with the CSP and the store colours, script-free', async () => {
    const fixture = await startShell({
      config: testConfig({
        languages: ['de-DE', 'en'],
        branding: { name: 'Nordwind <Outdoor>', colors: { background: '#0E1A2B', text: '#F4F4F4' } },
      }),
    });
    const safe = await served(fixture, 'app://vitrine/shell/safe.html?display=0');
    expect(safe.status).toBe(200);
    expect(safe.headers.get('content-security-policy')).toBe(SHELL_CONTENT_SECURITY_POLICY);
    expect(safe.text).toContain('Gleich wieder da');
    expect(safe.text).toContain('Nordwind &#60;Outdoor&#62;');
    expect(safe.text).toContain('#0E1A2B');
    expect(safe.text).not.toContain('<script');
    // No picture yet: the page must not point at one.
    expect(safe.text).not.toContain('last-good');
    const sleep = await served(fixture, 'app://vitrine/shell/sleep.html?display=1');
    expect(sleep.text).toContain('href="/shell/wake?display=1"');
    expect(sleep.text).not.toContain('<script');
  });
});
