/**
 * Where a kiosk page may go: nowhere but its own origin (Electron's security checklist §13 and
 * §14). Navigations and redirects elsewhere are cancelled, new windows are never opened (a
 * same-origin one is shown in place instead: each display has exactly one window), and
 * `<webview>` is refused even though `webviewTag` is already off (§12).
 *
 * Applied to every WebContents the app creates (app `web-contents-created`), not only to the
 * windows the shell made, so nothing that appears later escapes it.
 */
import type { HandlerDetails, WindowOpenHandlerResponse } from 'electron';
import type { SyncLog } from '../runtime/sync/index.js';
import type { ShellContents } from './electron-api.js';
import { isSameOrigin } from './origin.js';

/** What happens to a `window.open` or target=_blank: never a new window. */
export function windowOpenDecision(
  details: Pick<HandlerDetails, 'url'>,
  appOrigin: string,
): { response: WindowOpenHandlerResponse; loadInPlace: string | null } {
  return {
    response: { action: 'deny' },
    loadInPlace: isSameOrigin(details.url, appOrigin) ? details.url : null,
  };
}

function shown(url: string): string {
  return url.slice(0, 200);
}

/** Contents already guarded: a kiosk window's contents are guarded when made and again by `web-contents-created`. */
const guarded = new WeakSet<ShellContents>();

export function guardNavigation(contents: ShellContents, appOrigin: string, log: SyncLog): void {
  if (guarded.has(contents)) return;
  guarded.add(contents);
  contents.on('will-navigate', (event, url) => {
    if (isSameOrigin(url, appOrigin)) return;
    event.preventDefault();
    log.warn({ url: shown(url) }, 'navigation: refused a navigation away from the kiosk page');
  });
  contents.on('will-redirect', (event, url) => {
    if (isSameOrigin(url, appOrigin)) return;
    event.preventDefault();
    log.warn({ url: shown(url) }, 'navigation: refused a redirect away from the kiosk page');
  });
  contents.setWindowOpenHandler((details) => {
    const decision = windowOpenDecision(details, appOrigin);
    if (decision.loadInPlace === null) {
      log.warn({ url: shown(details.url) }, 'navigation: refused a new window');
    } else {
      const target = decision.loadInPlace;
      contents.loadURL(target).catch((error: unknown) => {
        log.warn({ url: shown(target), err: String(error) }, 'navigation: loading in place failed');
      });
    }
    return decision.response;
  });
  contents.on('will-attach-webview', (event, _webPreferences, params) => {
    event.preventDefault();
    log.warn({ src: shown(params.src ?? '') }, 'navigation: refused a <webview>');
  });
}
