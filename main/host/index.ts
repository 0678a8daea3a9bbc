// The browser host: the runtime's renderer and bridge on 127.0.0.1, and a kiosk Chromium on them.
export { DEFAULT_RENDERER_DIR, startHost, type Host, type HostOptions } from './host.js';
export { ConfigLoadError } from './load-config.js';
export {
  attachBridgeServer,
  BRIDGE_PATH,
  createLaunchSecret,
  handshakeProblem,
  type BridgeServer,
  type BridgeServerOptions,
} from './bridge-server.js';
export { startStaticServer, type StaticServer, type StaticServerOptions } from './static-server.js';
export {
  kioskBrowserArgs,
  launchBrowser,
  nextRelaunchDelayMs,
  type BrowserOptions,
  type KioskBrowser,
} from './browser.js';
