/**
 * `vitrine kiosk` as a store would run it: the real CLI in its own process with the real runtime
 * on a standalone catalog, a renderer's socket.io connection, and a signal (or staff) to stop it.
 */
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BRIDGE_CALL_CHANNEL, type BridgeReply, type ScanEvent } from '../../../shared/bridge/index.js';
import { fakeChromium } from '../../support/fake-chromium.js';
import { repoRoot, until, useProcesses } from '../../support/processes.js';
import { useTempDir } from '../../support/temp.js';
import { useBridgeClients, writeConfig } from './host-fixture.js';

const tempDir = useTempDir();
const spawnProcess = useProcesses();
const connect = useBridgeClients();
const CLI = join(repoRoot, 'scripts', 'bin', 'vitrine.mjs');
const OPEN = 'kiosk: open ';

function kioskDir(): { dir: string; config: string } {
  const dir = tempDir();
  copyFileSync(join(repoRoot, 'test', 'fixtures', 'feeds', 'catalog.jsonl'), join(dir, 'catalog.jsonl'));
  return { dir, config: writeConfig(dir) };
}

describe('vitrine kiosk', () => {
  it('prints the secret URL, answers the bridge from the real runtime, and stops cleanly on SIGTERM', async () => {
    const { dir, config } = kioskDir();
    const kiosk = spawnProcess('kiosk', process.execPath, [CLI, 'kiosk', '--config', config]);
    const line = await kiosk.waitForLine('the kiosk URL', (l) => l.startsWith(OPEN));
    const secretUrl = new URL(line.slice(OPEN.length));
    expect(secretUrl.hostname).toBe('127.0.0.1');
    const secret = /^#secret=([A-Za-z0-9_-]{43})$/.exec(secretUrl.hash)?.[1];
    expect(secret).toBeDefined();
    expect(existsSync(join(dir, '.vitrine', 'ber-kiosk-1'))).toBe(true);

    const socket = await connect(secretUrl.origin, {
      auth: { secret },
      headers: { origin: secretUrl.origin },
    });
    const reply = (await socket.timeout(10_000).emitWithAck(BRIDGE_CALL_CHANNEL, 'catalog.lookup', {
      code: '4012345000016',
    })) as BridgeReply<ScanEvent>;
    expect(reply.ok).toBe(true);
    expect(reply.ok && reply.value).toMatchObject({ outcome: 'product', variantSku: 'AR-RED-42' });

    expect(await kiosk.kill('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(kiosk.stderrTail()).toContain('kiosk: stopped');
    expect(kiosk.lines.filter((l) => l !== '')).toEqual([line]);
  });

  it('with --no-ui runs the runtime only, and stops on SIGINT', async () => {
    const { config } = kioskDir();
    const data = join(tempDir(), 'data');
    const kiosk = spawnProcess('kiosk', process.execPath, [
      CLI,
      'kiosk',
      '--config',
      config,
      '--data',
      data,
      '--no-ui',
    ]);
    await kiosk.waitForLine('the no-UI line', (l) => l === 'kiosk: runtime running (no UI)');
    expect(existsSync(join(data, 'catalog.db'))).toBe(true);
    expect(await kiosk.kill('SIGINT')).toEqual({ code: 0, signal: null });
  });

  it('with --browser, staff exit from the panel: the browser is stopped and the CLI exits 0', async () => {
    const { dir, config } = kioskDir();
    const chromium = fakeChromium(dir);
    const kiosk = spawnProcess('kiosk', process.execPath, [
      CLI,
      'kiosk',
      '--config',
      config,
      '--browser',
      chromium.path,
    ]);
    const line = await kiosk.waitForLine('the kiosk URL', (l) => l.startsWith(OPEN));
    await until('the browser to start', chromium.launched);
    const secretUrl = new URL(line.slice(OPEN.length));
    const secret = secretUrl.hash.slice('#secret='.length);
    const socket = await connect(secretUrl.origin, {
      auth: { secret },
      headers: { origin: secretUrl.origin },
    });
    const call = (name: string, args: unknown) =>
      socket.timeout(10_000).emitWithAck(BRIDGE_CALL_CHANNEL, name, args) as Promise<BridgeReply>;

    expect(await call('staff.exit', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await call('staff.unlock', { pin: '482916' })).toMatchObject({
      ok: true,
      value: { status: 'unlocked' },
    });
    expect(await call('staff.status', {})).toMatchObject({ ok: true, value: { canExit: true } });
    expect(await call('staff.exit', {})).toEqual({
      ok: true,
      value: { ok: true, message: 'the kiosk is closing' },
    });
    expect(await kiosk.exited).toEqual({ code: 0, signal: null });
    expect(chromium.terminated()).toBe(true);
    expect(kiosk.stderrTail()).toContain('staff: exiting the kiosk');
    expect(kiosk.stderrTail()).toContain('kiosk: stopped');
  });

  it('exits 1 listing every problem of an invalid config, and 2 for bad usage', async () => {
    const dir = tempDir();
    const config = writeConfig(dir, { store: { code: 'no spaces allowed' }, mode: 'kiosks' });
    const invalid = spawnProcess('kiosk', process.execPath, [CLI, 'kiosk', '--config', config]);
    expect((await invalid.exited).code).toBe(1);
    expect(invalid.stderrTail()).toMatch(new RegExp(`${config}:\\d+: store\\.code: `));
    expect(invalid.stderrTail()).toMatch(new RegExp(`${config}:\\d+: mode: `));

    const port = spawnProcess('kiosk', process.execPath, [
      CLI,
      'kiosk',
      '--config',
      config,
      '--port',
      'http',
    ]);
    expect((await port.exited).code).toBe(2);
    expect(port.stderrTail()).toContain('--port: expected a whole number from 0 to 65535, got "http"');

    const both = spawnProcess('kiosk', process.execPath, [
      CLI,
      'kiosk',
      '--config',
      config,
      '--no-ui',
      '--browser',
      'x',
    ]);
    expect((await both.exited).code).toBe(2);
    expect(both.stderrTail()).toContain('--browser opens the UI, which --no-ui turns off');
  });
});
