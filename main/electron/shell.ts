/**
 * The Electron shell, composed once the app is ready: the session locked down, the app scheme
 * served, the runtime started beside the windows and kept alive, the bridge over IPC, a window
 * per configured display, the power schedule, the memory watch, and the fleet commands only a
 * shell can carry out, and quitting when staff exit the kiosk. It wires; every decision is in a
 * plain module next to it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { KioskConfig } from '../../kiosk-config/index.js';
import type { BridgeDispatcher, BridgeEvents } from '../../shared/bridge/index.js';
import { MAX_PNG_BASE64_CHARS, systemTimers, type SyncLog, type Timers } from '../runtime/sync/index.js';
import { createAppProtocolHandler } from './app-protocol.js';
import { serveBridgeOverIpc } from './bridge-ipc.js';
import { planDisplays } from './displays.js';
import type { ShellElectron } from './electron-api.js';
import { KioskWindow } from './kiosk-window.js';
import { watchMemory } from './memory-watch.js';
import { guardNavigation } from './navigation.js';
import { APP_ORIGIN, APP_SCHEME } from './origin.js';
import { guardSession } from './permissions.js';
import { PowerController } from './power.js';
import { superviseRuntime, type RuntimeSupervisor } from './runtime-supervisor.js';
import { screenshotBase64 } from './screenshot.js';
import { loadShellConfig } from './shell-config.js';
import { safePageHtml, sleepPageHtml } from './shell-pages.js';

export interface ShellOptions {
  electron: ShellElectron;
  config: KioskConfig;
  configPath: string;
  dataDir: string;
  production: boolean;
  /** The bundled preload (preload.cjs). */
  preload: string;
  /** The runtime's utility-process entry (runtime-process.js). */
  runtimeEntry: string;
  rendererDir: string;
  appVersion: string;
  log: SyncLog;
  timers?: Timers;
  now?: () => Date;
}

export interface Shell {
  readonly windows: readonly KioskWindow[];
  readonly runtime: RuntimeSupervisor;
  readonly power: PowerController;
  /** Stops the runtime (closing its databases) and releases the display; windows close with the app. */
  stop(): Promise<void>;
}

function displayParam(query: URLSearchParams): number {
  const value = Number(query.get('display') ?? '0');
  return Number.isInteger(value) && value >= 0 && value < 64 ? value : 0;
}

export function startShell(options: ShellOptions): Shell {
  const { electron, log } = options;
  const timers = options.timers ?? systemTimers;
  const now = options.now ?? (() => new Date());
  let config = options.config;
  const windows = new Map<number, KioskWindow>();
  const lastGoodFile = (display: number): string =>
    join(options.dataDir, 'shell', `last-good-${String(display)}.png`);

  guardSession(electron.session.defaultSession, APP_ORIGIN, log);
  // Every WebContents, including any the shell did not make itself.
  electron.app.on('web-contents-created', (_event, contents) => {
    guardNavigation(contents, APP_ORIGIN, log);
  });

  const runtime = superviseRuntime({
    fork: () =>
      electron.utilityProcess.fork(
        options.runtimeEntry,
        ['--config', options.configPath, '--data', options.dataDir, '--app-version', options.appVersion],
        { serviceName: 'Vitrine runtime', stdio: 'inherit' },
      ),
    log,
    timers,
    now: () => now().getTime(),
    shell: {
      reload: () => {
        for (const window of windows.values()) window.reload();
        return Promise.resolve();
      },
      restart: async () => {
        log.info({}, 'shell: restarting the app (fleet command)');
        await stop();
        electron.app.relaunch();
        electron.app.exit(0);
      },
      screenshot: async () => {
        const first = [...windows.values()].find((window) => !window.window.isDestroyed());
        if (first === undefined) throw new Error('no kiosk window is open');
        return screenshotBase64(await first.window.webContents.capturePage(), MAX_PNG_BASE64_CHARS);
      },
      // main.ts stops the shell on before-quit; what starts next (systemd, autostart) is the system's.
      quit: () => {
        electron.app.quit();
      },
    },
  });

  electron.protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      rendererDir: options.rendererDir,
      mediaFile: (path) => runtime.mediaFile(path),
      fetchFile: (url, init) => electron.net.fetch(url, init),
      log,
      shellPage: (name, query) => {
        const display = displayParam(query);
        if (name === 'safe.html') {
          const picture = existsSync(lastGoodFile(display))
            ? `/shell/last-good-${String(display)}.png`
            : undefined;
          return { html: safePageHtml({ config, lastGoodUrl: picture }) };
        }
        if (name === 'sleep.html') return { html: sleepPageHtml(display) };
        const match = /^last-good-(\d{1,2})\.png$/.exec(name);
        return match === null ? undefined : { file: lastGoodFile(Number(match[1])) };
      },
    }),
  );

  const memory = watchMemory({
    app: electron.app,
    windows: () => [...windows.values()],
    timers,
    now: () => now().getTime(),
    log,
  });
  // Shoppers' touches reach the runtime as `session.activity`: the memory watch reloads only when nobody is there.
  const dispatch: BridgeDispatcher = (name, args) => {
    if (name === 'session.activity') memory.activity();
    return runtime.dispatch(name, args);
  };
  const stopBridge = serveBridgeOverIpc({
    ipcMain: electron.ipcMain,
    runtime: { dispatch, onEvent: (listener) => runtime.onEvent(listener) },
    appOrigin: APP_ORIGIN,
    windows: () => [...windows.values()].map((window) => window.window.webContents),
    onRefused: (reason) => {
      log.warn({ reason }, 'bridge: refused an IPC call');
    },
  });

  const power = new PowerController({
    powerSaveBlocker: electron.powerSaveBlocker,
    displays: () =>
      [...windows.entries()].map(([index, window]) => ({
        index,
        role: config.displays[index]?.role ?? config.mode,
        setScreen: (state) => {
          window.setScreen(state);
        },
      })),
    openingHours: () => config.openingHours,
    timers,
    now,
    log,
  });

  const openWindows = (): void => {
    const plan = planDisplays(
      config.displays,
      electron.screen.getAllDisplays(),
      electron.screen.getPrimaryDisplay().id,
    );
    for (const problem of plan.problems) log.warn({}, `displays: ${problem}`);
    const wanted = new Set(plan.placed.map((placed) => placed.index));
    for (const [index, window] of windows) {
      if (wanted.has(index)) continue;
      window.close();
      windows.delete(index);
    }
    for (const placed of plan.placed) {
      const current = windows.get(placed.index);
      if (current !== undefined) {
        current.window.setBounds(placed.display.bounds);
        continue;
      }
      windows.set(
        placed.index,
        new KioskWindow({
          electron,
          display: placed.index,
          bounds: placed.display.bounds,
          preload: options.preload,
          production: options.production,
          lastGoodFile: lastGoodFile(placed.index),
          timers,
          now: () => now().getTime(),
          log,
          onSafePage: ({ failures, reason }) => {
            runtime.report('shell.safe-page', {
              display: placed.index,
              failures,
              reason: reason.slice(0, 200),
            });
          },
          onWake: () => {
            power.wake(placed.index);
          },
        }),
      );
    }
    power.replan();
  };

  runtime.onEvent((event) => {
    if (event.name === 'scan' || event.name === 'card') memory.activity();
    // The envelope type does not tie payload to name; the name says which event's payload it is.
    if (event.name === 'idle' && (event.payload as BridgeEvents['idle']).phase === 'reset')
      memory.sessionEnded();
    if (event.name === 'kiosk' && (event.payload as BridgeEvents['kiosk']).change === 'config') {
      // The runtime has validated the pushed config and written it over the file.
      const reloaded = loadShellConfig(options.configPath, options.dataDir);
      if (!reloaded.ok) {
        log.error({ problem: reloaded.message }, 'shell: the pushed config could not be read back');
        return;
      }
      config = reloaded.config;
      log.info({}, 'shell: config changed; opening hours and displays applied');
      openWindows();
    }
  });

  electron.screen.on('display-added', () => {
    openWindows();
  });
  electron.screen.on('display-removed', () => {
    openWindows();
  });
  electron.app.on('second-instance', () => {
    for (const window of windows.values()) if (!window.window.isDestroyed()) window.window.focus();
  });

  openWindows();

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      memory.stop();
      power.stop();
      stopBridge();
      await runtime.stop();
    })());

  return {
    get windows() {
      return [...windows.values()];
    },
    runtime,
    power,
    stop,
  };
}
