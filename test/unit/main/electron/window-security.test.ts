/**
 * The shell's windows against Electron's security checklist, on the shared fake: what each window
 * is created with, where its page may go, what it may ask for, which keys it never gets, and that
 * a bridge call from anything but the kiosk page never reaches the runtime.
 */
import { describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES } from '../../../../main/electron/app-protocol.js';
import { BRIDGE_CALL_CHANNEL } from '../../../../shared/bridge/index.js';
import { showConfigProblem } from '../../../../main/electron/config-problem.js';
import { silentLog } from '../../../../main/runtime/sync/index.js';
import { createFakeElectron, FakeWebContents } from '../../../support/fake-electron.js';
import { settle } from '../../../support/manual-time.js';
import { useTempDir } from '../../../support/temp.js';
import { useShell } from './shell-fixture.js';

const tempDir = useTempDir();
const startShell = useShell(tempDir);

describe('kiosk windows', () => {
  it('are sandboxed, isolated and frameless kiosk windows loading the app scheme', async () => {
    const { electron } = await startShell();
    expect(electron.windows).toHaveLength(1);
    const [window] = electron.windows;
    expect(window!.options).toMatchObject({
      kiosk: true,
      fullscreen: true,
      frame: false,
      show: false,
      closable: false,
      x: 0,
      y: 0,
      width: 1920,
      height: 1080,
      webPreferences: {
        preload: '/opt/vitrine/preload.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        experimentalFeatures: false,
        devTools: false,
        disableBlinkFeatures: 'Auxclick',
      },
    });
    expect(window!.options.webPreferences?.enableBlinkFeatures).toBeUndefined();
    expect(window!.menuRemoved).toBe(true);
    expect(window!.webContents.loads).toEqual(['app://vitrine/index.html?display=0']);
    expect(window!.shown).toBe(false);
    window!.emit('ready-to-show');
    expect(window!.shown).toBe(true);
    // Registered standard and secure, so 'self' and the origin checks mean app://vitrine.
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true });
  });

  it('keep DevTools and the reload keys only in a developer run', async () => {
    const { electron } = await startShell({ production: false });
    const contents = electron.windows[0]!.webContents;
    expect(electron.windows[0]!.options.webPreferences?.devTools).toBe(true);
    expect(contents.press('F12')).toBe(true);
    expect(contents.press('I', { control: true, shift: true })).toBe(true);
    expect(contents.press('W', { control: true })).toBe(false);
  });

  it('refuse navigation, redirects and popups to another origin, and webviews', async () => {
    const { electron } = await startShell();
    const contents = electron.windows[0]!.webContents;
    expect(contents.navigate('app://vitrine/index.html?display=0#/product/1')).toBe(true);
    expect(contents.navigate('https://evil.example/')).toBe(false);
    expect(contents.navigate('app://vitrine.evil.example/index.html')).toBe(false);
    expect(contents.navigate('file:///etc/passwd')).toBe(false);
    expect(contents.redirect('https://evil.example/')).toBe(false);
    expect(contents.attachWebview('app://vitrine/index.html')).toBe(false);

    const loadsBefore = contents.loads.length;
    expect(contents.open('https://evil.example/phish')).toEqual({ action: 'deny' });
    expect(contents.loads).toHaveLength(loadsBefore);
    // A same-origin popup never becomes a second window either: it is shown in place.
    expect(contents.open('app://vitrine/index.html?display=0#/help')).toEqual({ action: 'deny' });
    expect(contents.loads.at(-1)).toBe('app://vitrine/index.html?display=0#/help');

    // Contents the shell did not make (a devtools page, anything later) get the same guard.
    const stranger = new FakeWebContents();
    electron.appEvents.emit('web-contents-created', {}, stranger);
    expect(stranger.navigate('https://evil.example/')).toBe(false);
    expect(stranger.open('https://evil.example/')).toEqual({ action: 'deny' });
  });

  it('deny permissions the UI does not use (the camera), devices, screen capture and downloads', async () => {
    const { electron } = await startShell();
    const session = electron.defaultSession;
    expect(await session.request('media', 'app://vitrine/index.html')).toBe(false);
    expect(await session.request('geolocation', 'app://vitrine/index.html')).toBe(false);
    expect(await session.request('notifications', 'app://vitrine/index.html')).toBe(false);
    expect(await session.request('fullscreen', 'app://vitrine/index.html')).toBe(true);
    expect(await session.request('fullscreen', 'https://evil.example/')).toBe(false);
    expect(session.check('media', 'app://vitrine')).toBe(false);
    expect(session.check('fullscreen', 'app://vitrine')).toBe(true);
    expect(session.deviceHandler?.({ deviceType: 'hid', origin: 'app://vitrine' } as never)).toBe(false);
    let streams: unknown = 'not answered';
    session.displayMediaHandler?.({} as never, (answer) => (streams = answer));
    expect(streams).toBeNull();
    expect(session.download('https://evil.example/payload.exe')).toBe(false);
  });

  it('swallow the shortcuts that escape, reload, zoom or inspect, and let typing and scans through', async () => {
    const { electron } = await startShell();
    const contents = electron.windows[0]!.webContents;
    for (const [key, modifiers] of [
      ['F4', { alt: true }],
      ['w', { control: true }],
      ['W', { control: true, shift: true }],
      ['q', { meta: true }],
      ['r', { control: true }],
      ['F5', {}],
      ['F11', {}],
      ['F12', {}],
      ['i', { control: true, shift: true }],
      ['+', { control: true }],
      ['0', { control: true }],
      ['p', { control: true }],
      ['ArrowLeft', { alt: true }],
      ['BrowserBack', {}],
    ] as const) {
      expect(contents.press(key, modifiers), `${key} ${JSON.stringify(modifiers)}`).toBe(false);
    }
    for (const [key, modifiers] of [
      ['4', {}],
      ['a', {}],
      ['Enter', {}],
      ['Backspace', {}],
      ['Escape', {}],
      ['c', { control: true }],
      ['v', { control: true }],
      // A keyboard-wedge scanner's GS1 separator.
      [']', { control: true }],
    ] as const) {
      expect(contents.press(key, modifiers), `${key} ${JSON.stringify(modifiers)}`).toBe(true);
    }
    await settle();
    expect(contents.zoom('in')).toBe(false);
    expect(contents.zoomFactor).toBe(1);
    expect(contents.visualZoomLimits).toEqual([1, 1]);
    contents.openDevTools();
    expect(contents.devToolsClosed).toBe(1);
  });

  it('refuse a bridge call whose sender frame is not the kiosk page', async () => {
    const { electron, runtime } = await startShell();
    const call = electron.ipc.handlers.get(BRIDGE_CALL_CHANNEL);
    expect(call).toBeDefined();
    const invoke = () =>
      electron.ipc.ipcRenderer.invoke(BRIDGE_CALL_CHANNEL, 'catalog.search', { text: 'boot' });

    expect(await invoke()).toEqual({
      ok: true,
      value: { hits: [], hasMore: false, corrections: { boot: [] } },
    });
    expect(runtime().calls).toHaveLength(1);

    electron.ipc.senderFrame = { url: 'https://evil.example/', parent: null };
    expect(await invoke()).toMatchObject({ ok: false, error: { code: 'invalid-call' } });
    electron.ipc.senderFrame = {
      url: 'app://vitrine/x.html',
      parent: { url: 'app://vitrine/index.html', parent: null },
    };
    expect(await invoke()).toMatchObject({
      ok: false,
      error: { message: 'refused: calls from a subframe are refused' },
    });
    electron.ipc.senderFrame = null;
    expect(await invoke()).toMatchObject({
      ok: false,
      error: { message: 'refused: the sending frame is gone' },
    });
    expect(runtime().calls).toHaveLength(1);
  });
});

describe('a kiosk whose config cannot be used', () => {
  it('shows the problems full screen in a locked-down window', async () => {
    const electron = createFakeElectron();
    showConfigProblem({
      electron,
      problem: '/etc/vitrine/kiosk.json:2: device.id: expected a slug, got "Bad <Id>"',
      preload: '/opt/vitrine/preload.cjs',
      production: true,
      log: silentLog,
    });
    const window = electron.windows[0]!;
    expect(window.options).toMatchObject({
      kiosk: true,
      webPreferences: { sandbox: true, contextIsolation: true },
    });
    const url = window.webContents.loads[0]!;
    expect(url.startsWith('data:text/html;charset=utf-8,')).toBe(true);
    const html = decodeURIComponent(url.slice(url.indexOf(',') + 1));
    expect(html).toContain('device.id: expected a slug, got &#34;Bad &#60;Id&#62;&#34;');
    expect(html).not.toContain('<script');
    expect(window.webContents.navigate('https://evil.example/')).toBe(false);
    expect(window.webContents.press('F4', { alt: true })).toBe(false);
    await settle();
  });
});
