/**
 * The browser host, composed: config, runtime, the renderer and the bridge on 127.0.0.1, and a
 * Chromium kept open on it. It only wires; what the kiosk does is the runtime's. Staff can exit
 * the kiosk (staff.exit) only when the host launched the browser: a page opened by someone else,
 * or no page at all (--no-ui), is not the host's to close.
 */
import { accessSync, constants, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRuntime as startRealRuntime } from '../runtime/runtime.js';
import type { Runtime, RuntimeOptions } from '../runtime/runtime-types.js';
import type { SyncLog } from '../runtime/sync/index.js';
import { attachBridgeServer, createLaunchSecret, type BridgeServer } from './bridge-server.js';
import { launchBrowser, type KioskBrowser } from './browser.js';
import { loadConfigFile } from './load-config.js';
import { startStaticServer, type StaticServer } from './static-server.js';

/** `dist/renderer` at the repository root, where `npm run build:renderer` writes. */
export const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));

export interface HostOptions {
  configPath: string;
  /** Default: `<config file's folder>/.vitrine/<device.id>`. */
  dataDir?: string;
  /** Port on 127.0.0.1; 0 (the default) for any free one. */
  port?: number;
  /** A Chromium executable to launch (and relaunch) on the page; none: open the URL yourself. */
  browserPath?: string;
  /** More Chromium flags, after the kiosk ones. */
  browserArgs?: readonly string[];
  /** false: the runtime only (scanners, sync, outbox), no HTTP server and no browser. */
  ui: boolean;
  rendererDir?: string;
  appVersion: string;
  log: SyncLog;
  /** Tests of the transport: a runtime of their own instead of main/runtime's. */
  startRuntime?: (options: RuntimeOptions) => Promise<Runtime>;
}

export interface Host {
  /** `http://127.0.0.1:PORT/`; undefined without a UI. */
  readonly url: string | undefined;
  /**
   * The URL with the bridge secret in its fragment: the only way the secret reaches the page
   * (a fragment is never sent in an HTTP request, and index.html never contains it).
   */
  readonly secretUrl: string | undefined;
  readonly port: number | undefined;
  readonly dataDir: string;
  /**
   * Settles when staff exit the kiosk from the staff panel; the host is stopping by then (`stop()`
   * resolves once it has). Never settles for a host that did not launch the browser.
   */
  readonly exitRequested: Promise<void>;
  /** Kills the browser, closes the server and stops the runtime; safe to call twice. */
  stop(): Promise<void>;
}

function checkExecutable(path: string): void {
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new Error(`browser: ${path} is not an executable file`);
  }
}

export async function startHost(options: HostOptions): Promise<Host> {
  const { log } = options;
  const config = loadConfigFile(options.configPath);
  const configDir = dirname(resolve(options.configPath));
  const dataDir = options.dataDir ?? join(configDir, '.vitrine', config.device.id);
  if (options.ui && options.browserPath !== undefined) checkExecutable(options.browserPath);
  mkdirSync(dataDir, { recursive: true });

  let requestExit = (): void => undefined;
  const exitRequested = new Promise<void>((resolve) => {
    requestExit = resolve;
  });
  const launchesBrowser = options.ui && options.browserPath !== undefined;
  const runtime = await (options.startRuntime ?? startRealRuntime)({
    config,
    configDir,
    configPath: resolve(options.configPath),
    dataDir,
    appVersion: options.appVersion,
    log,
    ...(launchesBrowser
      ? {
          exitKiosk: () => {
            log.info({}, 'host: staff exited the kiosk; stopping the browser and the host');
            // Not awaited: the runtime is still answering the staff.exit call that asked for this.
            void stop();
            requestExit();
          },
        }
      : {}),
  });
  if (!options.ui) {
    log.info({ dataDir }, 'host: runtime running without a UI');
    return {
      url: undefined,
      secretUrl: undefined,
      port: undefined,
      dataDir,
      exitRequested,
      stop: once(() => runtime.stop()),
    };
  }

  let http: StaticServer | undefined;
  let bridge: BridgeServer | undefined;
  let browser: KioskBrowser | undefined;
  const stop = once(async () => {
    // Browser first, so it does not flash "disconnected" or relaunch against a closing server.
    const steps: [string, () => Promise<void> | undefined][] = [
      ['browser', () => browser?.stop()],
      ['bridge', () => bridge?.close()],
      ['http server', () => http?.close()],
      ['runtime', () => runtime.stop()],
    ];
    for (const [part, close] of steps) {
      try {
        await close();
      } catch (error) {
        log.error({ err: error, part }, `host: stopping the ${part} failed`);
      }
    }
  });

  try {
    http = await startStaticServer({
      rendererDir: options.rendererDir ?? DEFAULT_RENDERER_DIR,
      mediaFile: (path) => runtime.mediaFile(path),
      port: options.port ?? 0,
      log,
    });
    const secret = createLaunchSecret();
    bridge = attachBridgeServer(http.server, { runtime, secret, origin: http.origin, log });
    const url = `${http.origin}/`;
    const secretUrl = `${url}#secret=${secret}`;
    if (options.browserPath !== undefined) {
      browser = launchBrowser({
        path: options.browserPath,
        url: secretUrl,
        dataDir,
        log,
        ...(options.browserArgs === undefined ? {} : { extraArgs: options.browserArgs }),
      });
    }
    log.info({ url, dataDir, browser: options.browserPath ?? null }, 'host: serving the kiosk');
    return { url, secretUrl, port: http.port, dataDir, exitRequested, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The first call runs `close`; later calls get the same promise. */
function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => (closing ??= close());
}
