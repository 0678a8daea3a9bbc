/**
 * Permissions (Electron's security checklist §5): Electron grants every request unless a handler
 * says otherwise, so the session gets one that denies everything the kiosk UI does not use, and
 * the same answer for permission checks, device pickers (WebHID, WebUSB, serial: the runtime owns
 * the scanners, never the page), screen capture and downloads.
 */
import type { SyncLog } from '../runtime/sync/index.js';
import type { ShellSession } from './electron-api.js';
import { isSameOrigin } from './origin.js';

/**
 * What the kiosk page may use, and why. Fullscreen: a product video may go fullscreen inside the
 * kiosk window. Nothing else: no camera, microphone, location, notifications, clipboard, MIDI.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['fullscreen']);

/** Whether `permission`, asked for by a page at `requestingUrl`, is granted. */
export function permissionGranted(permission: string, requestingUrl: string, appOrigin: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isSameOrigin(requestingUrl, appOrigin);
}

export function guardSession(session: ShellSession, appOrigin: string, log: SyncLog): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const granted = permissionGranted(permission, details.requestingUrl, appOrigin);
    if (!granted) {
      log.warn(
        { permission, url: details.requestingUrl.slice(0, 200), contents: contents.id },
        'permissions: refused a permission request',
      );
    }
    callback(granted);
  });
  // Checks are synchronous queries (navigator.permissions, feature detection): same answer, no log.
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    permissionGranted(permission, requestingOrigin, appOrigin),
  );
  session.setDevicePermissionHandler((details) => {
    log.warn({ type: details.deviceType, origin: details.origin }, 'permissions: refused device access');
    return false;
  });
  session.setDisplayMediaRequestHandler((_request, callback) => {
    log.warn({}, 'permissions: refused screen capture');
    callback(null);
  });
  session.on('will-download', (event, item) => {
    event.preventDefault();
    item.cancel();
    log.warn({ url: item.getURL().slice(0, 200) }, 'permissions: refused a download');
  });
}
