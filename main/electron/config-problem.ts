/**
 * A kiosk whose config cannot be used shows why, full screen, instead of a black screen nobody
 * can explain: the problems as `file:line: path: problem`, in a window locked down like any kiosk
 * window, with a static page (no script, no bridge, nowhere to navigate).
 */
import type { SyncLog } from '../runtime/sync/index.js';
import type { ShellElectron, ShellWindow } from './electron-api.js';
import { lockDown } from './lockdown.js';
import { guardNavigation } from './navigation.js';
import { APP_ORIGIN } from './origin.js';
import { problemPageHtml } from './shell-pages.js';
import { kioskWindowOptions } from './window-options.js';

export interface ConfigProblemOptions {
  electron: Pick<ShellElectron, 'BrowserWindow' | 'screen'>;
  problem: string;
  preload: string;
  production: boolean;
  log: SyncLog;
}

export function showConfigProblem(options: ConfigProblemOptions): ShellWindow {
  const { electron, log } = options;
  const window = new electron.BrowserWindow(
    kioskWindowOptions({
      bounds: electron.screen.getPrimaryDisplay().bounds,
      preload: options.preload,
      production: options.production,
    }),
  );
  window.removeMenu();
  guardNavigation(window.webContents, APP_ORIGIN, log);
  lockDown(window.webContents, { production: options.production, log });
  window.on('ready-to-show', () => {
    window.show();
  });
  const url = `data:text/html;charset=utf-8,${encodeURIComponent(problemPageHtml(options.problem))}`;
  window.webContents.loadURL(url).catch((error: unknown) => {
    log.error({ err: String(error) }, 'shell: could not show the config problem');
  });
  return window;
}
