/**
 * Kiosk lockdown inside a window: the keyboard shortcuts that would close, reload, zoom, print,
 * navigate or inspect the page are swallowed before the page sees them (`before-input-event`),
 * zoom stays at 100 %, and DevTools close if anything opens them in production.
 *
 * Swallowed by name rather than "every key with Ctrl": keyboard-wedge scanners type their codes,
 * some with control characters (Ctrl+] is GS, the GS1 separator), and the page must get those.
 * System shortcuts (Alt+Tab, Ctrl+Alt+Del) never reach an app; the kiosk compositor handles them.
 * No context menu needs taking away: Electron shows one only if the app builds it, and this app
 * builds none (and the page cancels `contextmenu` as well).
 */
import type { Input } from 'electron';
import type { ShellContents } from './electron-api.js';
import type { SyncLog } from '../runtime/sync/index.js';

type KeyInput = Pick<Input, 'type' | 'key' | 'code' | 'control' | 'alt' | 'meta' | 'shift'>;

/**
 * Letters that do something to the browser with Ctrl (Cmd): close, quit, reload, new, print,
 * save, open, find… Left out: a, c, v, x, y, z, which a text field needs for editing.
 */
const CONTROL_LETTERS = new Set('bdefghijklmnopqrstuw'.split(''));
/** What a developer run (`--dev`) keeps: reload and DevTools. */
const DEV_KEYS = new Set(['F5', 'F12']);
const BROWSER_KEYS = new Set([
  'BrowserBack',
  'BrowserForward',
  'BrowserRefresh',
  'BrowserHome',
  'BrowserSearch',
  'BrowserFavorites',
  'BrowserStop',
  'ContextMenu',
  'Print',
  'Help',
  'Find',
  'Open',
  'Close',
  'Save',
  'New',
]);

/** Why a key press would get a shopper out of the kiosk page (or change it), or null to let it through. */
export function escapeShortcut(input: KeyInput, production: boolean): string | null {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return null;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  const control = input.control || input.meta;
  if (!production && (DEV_KEYS.has(key) || (control && input.shift && key === 'i'))) return null;
  if (/^F\d{1,2}$/.test(key)) return `${key} (function keys reload, inspect, fullscreen)`;
  if (BROWSER_KEYS.has(key)) return `${key} (a browser or system key)`;
  if (input.meta && key === 'Meta') return 'the system key';
  if (
    input.alt &&
    (key === 'F4' || key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home' || key === ' ')
  )
    return `Alt+${key} (closes, navigates or opens the window menu)`;
  if (!control) return null;
  if (CONTROL_LETTERS.has(key)) return `Ctrl+${key.toUpperCase()} (a browser shortcut)`;
  if (/^[0-9]$/.test(key) || ['+', '-', '=', '_', 'Tab', 'PageUp', 'PageDown'].includes(key))
    return `Ctrl+${key} (zoom or tab switching)`;
  if (input.shift && ['c', 'i', 'j', 'Delete'].includes(key))
    return `Ctrl+Shift+${key} (DevTools or clearing data)`;
  return null;
}

export interface LockdownOptions {
  production: boolean;
  log: SyncLog;
}

/** Wires the lockdown into one window's contents. */
export function lockDown(contents: ShellContents, options: LockdownOptions): void {
  const { log } = options;
  contents.on('before-input-event', (event, input) => {
    const reason = escapeShortcut(input, options.production);
    if (reason === null) return;
    event.preventDefault();
    log.info({ key: input.key, code: input.code }, `lockdown: swallowed ${reason}`);
  });
  // Pinch zoom off (the page's viewport meta says the same), and any zoom that slips through reset.
  const fixZoom = (): void => {
    contents.setZoomFactor(1);
    contents.setVisualZoomLevelLimits(1, 1).catch((error: unknown) => {
      log.warn({ err: String(error) }, 'lockdown: could not fix the zoom level');
    });
  };
  contents.on('did-finish-load', fixZoom);
  contents.on('zoom-changed', (event) => {
    event.preventDefault();
    fixZoom();
  });
  if (options.production) {
    contents.on('devtools-opened', () => {
      log.warn({}, 'lockdown: DevTools opened in production; closed');
      contents.closeDevTools();
    });
  }
}
