/** The default session's permission, device, screen-capture and download handlers, and requests to them. */
import { EventEmitter } from 'node:events';
import type { ShellSession } from '../../../main/electron/electron-api.js';
import { fakeEvent } from './events.js';

type PermissionRequestHandler = Parameters<ShellSession['setPermissionRequestHandler']>[0];
type PermissionCheckHandler = Parameters<ShellSession['setPermissionCheckHandler']>[0];
type DeviceHandler = Parameters<ShellSession['setDevicePermissionHandler']>[0];
type DisplayMediaHandler = Parameters<ShellSession['setDisplayMediaRequestHandler']>[0];

export class FakeSession extends EventEmitter implements ShellSession {
  requestHandler: PermissionRequestHandler = null;
  checkHandler: PermissionCheckHandler = null;
  deviceHandler: DeviceHandler = null;
  displayMediaHandler: DisplayMediaHandler = null;

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.checkHandler = handler;
  }
  setDevicePermissionHandler(handler: DeviceHandler): void {
    this.deviceHandler = handler;
  }
  setDisplayMediaRequestHandler(handler: DisplayMediaHandler): void {
    this.displayMediaHandler = handler;
  }

  /** A page at `requestingUrl` asks for `permission`; Electron grants it when no handler is set. */
  request(
    permission: Parameters<NonNullable<PermissionRequestHandler>>[1],
    requestingUrl: string,
  ): Promise<boolean> {
    const handler = this.requestHandler;
    if (handler === null) return Promise.resolve(true);
    return new Promise((resolve) => {
      const details = { requestingUrl, isMainFrame: true };
      handler({} as never, permission, resolve, details);
    });
  }
  check(permission: Parameters<NonNullable<PermissionCheckHandler>>[1], origin: string): boolean {
    return this.checkHandler === null ? true : this.checkHandler(null, permission, origin, {} as never);
  }
  /** A download starts: true when it was let through. */
  download(url: string): boolean {
    const event = fakeEvent();
    let cancelled = false;
    this.emit('will-download', event, { cancel: () => (cancelled = true), getURL: () => url });
    return !event.defaultPrevented && !cancelled;
  }
}
