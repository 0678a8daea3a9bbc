/**
 * A small fake of the electron module, for the shell's tests: Electron's binary cannot be
 * downloaded on these machines (STYLE.md §6 allows a fake exactly there). It implements the
 * shell's narrow view of Electron (main/electron/electron-api.ts), which main.ts proves against
 * Electron's real electron.d.ts, plus the renderer side the preload uses; the page-side types
 * (fake-electron/ipc.ts) are checked against the real `IpcRenderer` and `ContextBridge`.
 *
 * Each fake records what the shell did to it (options, handlers, loads, CSS, blockers) and offers
 * the events Electron would emit (a navigation, a key press, a crash, a permission request).
 */
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  BrowserWindowConstructorOptions,
  CustomScheme,
  Display,
  ProcessMetric,
  Rectangle,
  Settings,
} from 'electron';
import type { ShellElectron } from '../../main/electron/electron-api.js';
import { FakeChildProcess } from './fake-electron/child-process.js';
import { fakeEvent } from './fake-electron/events.js';
import { FakeWindow } from './fake-electron/contents.js';
import { FakeIpc } from './fake-electron/ipc.js';
import { FakeSession } from './fake-electron/session.js';

export { fakeEvent, FakeImage } from './fake-electron/events.js';
export { fakeElectronModule, FakeIpc, pageIpc, type FakeFrame, type PageIpc } from './fake-electron/ipc.js';
export { FakeWebContents, FakeWindow } from './fake-electron/contents.js';
export { FakeSession } from './fake-electron/session.js';
export { FakeChildProcess } from './fake-electron/child-process.js';

export interface FakeElectronOptions {
  displays?: Display[];
  primaryId?: number;
  isPackaged?: boolean;
  /** Attaches a child side to each forked utility process (e.g. serveRuntime on `child.port`). */
  onFork?: (child: FakeChildProcess) => void;
}

export function fakeDisplay(id: number, bounds: Rectangle, label = ''): Display {
  return { id, label, bounds, rotation: 0 } as Display;
}

export type FakeElectron = ShellElectron & {
  readonly ipc: FakeIpc;
  readonly windows: FakeWindow[];
  readonly children: FakeChildProcess[];
  readonly protocolHandlers: Map<string, (request: Request) => Response | Promise<Response>>;
  readonly privilegedSchemes: CustomScheme[];
  readonly blockers: Set<number>;
  readonly appEvents: EventEmitter;
  readonly screenEvents: EventEmitter;
  readonly defaultSession: FakeSession;
  metrics: ProcessMetric[];
  displays: Display[];
  relaunched: number;
  exitCodes: number[];
  /** How many times app.quit() was called. */
  quits: number;
  loginItems: Settings[];
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
  '.mp4': 'video/mp4',
};

export function createFakeElectron(options: FakeElectronOptions = {}): FakeElectron {
  const ipc = new FakeIpc();
  const windows: FakeWindow[] = [];
  const children: FakeChildProcess[] = [];
  const protocolHandlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  const privilegedSchemes: CustomScheme[] = [];
  const blockers = new Set<number>();
  const appEvents = new EventEmitter();
  const screenEvents = new EventEmitter();
  const defaultSession = new FakeSession();
  let nextBlocker = 1;

  class BrowserWindow extends FakeWindow {
    constructor(windowOptions: BrowserWindowConstructorOptions) {
      super(windowOptions, ipc);
      windows.push(this);
      // As Electron does for every WebContents it creates.
      appEvents.emit('web-contents-created', fakeEvent(), this.webContents);
    }
  }

  const fake: FakeElectron = {
    ipc,
    windows,
    children,
    protocolHandlers,
    privilegedSchemes,
    blockers,
    appEvents,
    screenEvents,
    defaultSession,
    metrics: [],
    displays: options.displays ?? [fakeDisplay(1, { x: 0, y: 0, width: 1920, height: 1080 }, 'Built-in')],
    relaunched: 0,
    exitCodes: [],
    quits: 0,
    loginItems: [],
    app: {
      isPackaged: options.isPackaged ?? true,
      requestSingleInstanceLock: () => true,
      whenReady: () => Promise.resolve(),
      // never[]: accepts each typed listener the shell passes; the emitter calls it with Electron's arguments.
      on(event: string, listener: (...args: never[]) => void) {
        return appEvents.on(event, listener as (...args: unknown[]) => void);
      },
      getAppMetrics: () => fake.metrics,
      getVersion: () => '0.1.0',
      setLoginItemSettings: (settings) => fake.loginItems.push(settings),
      relaunch: () => {
        fake.relaunched++;
      },
      exit: (code = 0) => {
        fake.exitCodes.push(code);
      },
      quit: () => {
        fake.quits++;
      },
    },
    BrowserWindow,
    Menu: { setApplicationMenu: () => undefined },
    screen: {
      getAllDisplays: () => fake.displays,
      getPrimaryDisplay: () => {
        const primary = fake.displays.find((d) => d.id === (options.primaryId ?? fake.displays[0]?.id));
        if (primary === undefined) throw new Error('no displays');
        return primary;
      },
      // never[]: accepts each typed listener the shell passes; the emitter calls it with Electron's arguments.
      on(event: string, listener: (...args: never[]) => void) {
        return screenEvents.on(event, listener as (...args: unknown[]) => void);
      },
    },
    session: { defaultSession },
    protocol: {
      registerSchemesAsPrivileged: (schemes) => privilegedSchemes.push(...schemes),
      handle: (scheme, handler) => protocolHandlers.set(scheme, handler),
    },
    net: {
      // Chromium's file loader, reduced to what the shell's tests read: the bytes and a content type.
      fetch: async (input) => {
        const path = fileURLToPath(input);
        const body = await readFile(path);
        return new Response(body, {
          status: 200,
          headers: {
            'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
            'content-length': String(body.length),
          },
        });
      },
    },
    powerSaveBlocker: {
      start: () => {
        const id = nextBlocker++;
        blockers.add(id);
        return id;
      },
      stop: (id) => blockers.delete(id),
      isStarted: (id) => blockers.has(id),
    },
    ipcMain: ipc.ipcMain,
    utilityProcess: {
      fork: (modulePath, args = [], forkOptions) => {
        const child = new FakeChildProcess(modulePath, args, forkOptions);
        children.push(child);
        options.onFork?.(child);
        return child;
      },
    },
  };
  return fake;
}
