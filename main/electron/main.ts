/**
 * The Electron app's entry: one instance, the app scheme registered before ready, then the shell
 * (shell.ts) on the config named on the command line. Handing the real `electron` module to the
 * shell as a `ShellElectron` is where the compiler checks the shell's narrow view of Electron
 * (electron-api.ts) against Electron's own type definitions.
 */
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  ipcMain,
  Menu,
  net,
  powerSaveBlocker,
  protocol,
  screen,
  session,
  utilityProcess,
} from 'electron';
import { pino } from 'pino';
import { APP_SCHEME_PRIVILEGES } from './app-protocol.js';
import { showConfigProblem } from './config-problem.js';
import type { ShellElectron } from './electron-api.js';
import { startShell, type Shell } from './shell.js';
import { loadShellConfig, parseShellArgs } from './shell-config.js';

const electron: ShellElectron = {
  app,
  BrowserWindow,
  Menu,
  screen,
  session,
  protocol,
  net,
  powerSaveBlocker,
  ipcMain,
  utilityProcess,
};

const log = pino({ name: 'vitrine-shell' }, process.stderr);
const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
// Built layout: dist/app/main/electron/main.js beside preload.cjs, with the renderer in dist/renderer.
const preload = here('./preload.cjs');
const runtimeEntry = here('./runtime-process.js');
const rendererDir = here('../../../renderer/');

// Must happen before `ready`: a scheme's privileges cannot change afterwards.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

if (!app.requestSingleInstanceLock()) {
  // Another Vitrine runs this device; the second start (a double click, a second unit) ends here.
  log.warn({}, 'shell: another instance is running; quitting');
  app.quit();
} else {
  Menu.setApplicationMenu(null);
  const args = parseShellArgs(process.argv.slice(1), process.env, process.platform);
  const production = app.isPackaged && !args.dev;
  const loaded = loadShellConfig(args.configPath, args.dataDir);
  let shell: Shell | undefined;
  let stopped = false;

  app.on('window-all-closed', () => {
    // Not a reason to quit: the displays may be coming back (display-added reopens the windows).
  });
  app.on('before-quit', (event) => {
    if (stopped || shell === undefined) return;
    event.preventDefault();
    void shell.stop().finally(() => {
      stopped = true;
      app.quit();
    });
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      log.info({ signal }, 'shell: stopping');
      app.quit();
    });
  }

  await app.whenReady();
  if (process.platform === 'win32' && app.isPackaged) {
    // Auto-start on Windows: the kiosk comes back after a reboot without anyone logging in to start it.
    app.setLoginItemSettings({ openAtLogin: true });
  }
  if (loaded.ok) {
    log.info({ config: loaded.configPath, dataDir: loaded.dataDir, production }, 'shell: starting');
    shell = startShell({
      electron,
      config: loaded.config,
      configPath: loaded.configPath,
      dataDir: loaded.dataDir,
      production,
      preload,
      runtimeEntry,
      rendererDir,
      appVersion: app.getVersion(),
      log,
    });
  } else {
    log.error({ problem: loaded.message }, 'shell: the config cannot be used');
    showConfigProblem({ electron, problem: loaded.message, preload, production, log });
  }
}
