/**
 * The app's entry (main.ts) on the shared fake, loaded as Electron would load it: the app scheme
 * is registered privileged before anything else, a second instance quits at once, a good config
 * opens the kiosk, and a bad one shows its problems instead of a black screen.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { serveRuntime } from '../../../../main/electron/runtime-serve.js';
import { silentLog } from '../../../../main/runtime/sync/index.js';
import { createFakeElectron, fakeEvent, type FakeElectron } from '../../../support/fake-electron.js';
import { settle } from '../../../support/manual-time.js';
import { useTempDir } from '../../../support/temp.js';
import { testConfig, testRuntime } from './shell-fixture.js';

const tempDir = useTempDir();
const state = vi.hoisted(() => ({ electron: undefined as FakeElectron | undefined }));

// main.ts reads the module's exports as it runs (vitest turns imports into property reads), so
// getters can put a fresh fake behind them for each test.
vi.mock('electron', () => {
  const names = [
    'app',
    'BrowserWindow',
    'ipcMain',
    'Menu',
    'net',
    'powerSaveBlocker',
    'protocol',
    'screen',
    'session',
    'utilityProcess',
  ];
  const module: Record<string, unknown> = {};
  for (const name of names) {
    Object.defineProperty(module, name, {
      enumerable: true,
      get: () => {
        if (state.electron === undefined) throw new Error('no fake Electron for this test');
        return state.electron[name as keyof FakeElectron];
      },
    });
  }
  return module;
});

const argv = process.argv;
const signalListeners = { SIGTERM: process.listeners('SIGTERM'), SIGINT: process.listeners('SIGINT') };
afterEach(async () => {
  // Quitting stops the shell (before-quit), as Electron would on the way out.
  state.electron?.appEvents.emit('before-quit', fakeEvent());
  await settle();
  process.argv = argv;
  // main.ts listens for SIGTERM and SIGINT; the test worker must keep its own handling only.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    for (const listener of process.listeners(signal))
      if (!signalListeners[signal].includes(listener)) process.off(signal, listener);
  }
  vi.resetModules();
  state.electron = undefined;
});

/** Loads main.ts as a fresh module on a fresh fake; `lock`: whether this is the only instance. */
async function startMain(configText: string, lock = true): Promise<FakeElectron & { quits: number }> {
  const electron = Object.assign(
    createFakeElectron({
      onFork: (child) => {
        serveRuntime({
          port: child.port,
          start: () => Promise.resolve(testRuntime()),
          exit: (code) => {
            child.exit(code);
          },
          log: silentLog,
        });
      },
    }),
    { quits: 0 },
  );
  electron.app.requestSingleInstanceLock = () => lock;
  electron.app.quit = () => {
    electron.quits++;
  };
  state.electron = electron;
  const dir = tempDir();
  const configPath = join(dir, 'kiosk.json');
  writeFileSync(configPath, configText);
  process.argv = ['/opt/Vitrine/vitrine-kiosk', '--config', configPath, '--data', join(dir, 'data')];
  await import('../../../../main/electron/main.js');
  await settle();
  return electron;
}

describe('main.ts', () => {
  it('registers the app scheme first, then opens the kiosk on the configured display', async () => {
    const electron = await startMain(JSON.stringify(testConfig()));
    expect(electron.privilegedSchemes.map((s) => s.scheme)).toEqual(['app']);
    expect(electron.protocolHandlers.has('app')).toBe(true);
    expect(electron.windows).toHaveLength(1);
    expect(electron.windows[0]!.webContents.loads).toEqual(['app://vitrine/index.html?display=0']);
    expect(electron.children[0]!.args).toEqual(
      expect.arrayContaining(['--config', '--data', '--app-version']),
    );
    // Not Windows: no login item.
    expect(electron.loginItems).toEqual([]);

    // Quitting stops the runtime first (its databases closed), then quits for real.
    electron.appEvents.emit('before-quit', fakeEvent());
    await settle();
    expect(electron.children[0]!.exitCode).toBe(0);
    expect(electron.quits).toBe(1);
  });

  it('quits when another instance already runs this device', async () => {
    const electron = await startMain(JSON.stringify(testConfig()), false);
    expect(electron.quits).toBe(1);
    expect(electron.windows).toHaveLength(0);
    expect(electron.children).toHaveLength(0);
  });

  it('shows what is wrong with the config instead of starting', async () => {
    const electron = await startMain('{ "device": { "id": "Bad Id" } }');
    expect(electron.children).toHaveLength(0);
    expect(electron.windows).toHaveLength(1);
    const html = decodeURIComponent(electron.windows[0]!.webContents.loads[0]!.split(',').slice(1).join(','));
    expect(html).toContain('This kiosk cannot start: its config needs fixing');
    expect(html).toContain('device.id');
  });
});
