/**
 * The runtime as a shell sees it: one object that answers bridge calls and emits bridge events,
 * started from a loaded config. The browser host (main/host) and the Electron shell
 * (main/electron) each put a transport in front of it; nothing else of the runtime is theirs.
 */
import type { KioskConfig } from '../../kiosk-config/index.js';
import type { BridgeDispatcher, BridgeEventEnvelope } from '../../shared/bridge/index.js';
import type { HidTransport, Simulator } from './devices/index.js';
import type { CommandHandlers, SocketFactory, SyncLog, Timers } from './sync/index.js';

export interface RuntimeOptions {
  config: KioskConfig;
  /** The config file's folder: relative media paths in the config are read from here. */
  configDir: string;
  /** The config file itself: a config the hub pushes is written here (kept across restarts). */
  configPath?: string;
  /** What the shell can do for fleet commands (restart, screenshot); reload and config are the runtime's. */
  commands?: CommandHandlers;
  /**
   * How staff leave the kiosk (staff.exit): the shell ends itself and what it launched. Given only
   * by a shell that can; without it the staff panel offers no way out.
   */
  exitKiosk?: () => void;
  /** Where the catalog, outbox, credentials and dev channel live. */
  dataDir: string;
  appVersion: string;
  log: SyncLog;
  /** HID access; default node-hid (hidraw on Linux). */
  transport?: HidTransport;
  now?: () => Date;
  /**
   * Tests: the runtime's own timers (idle clock, opening-hours clock, requests, devices), moved
   * by hand with `now`; the hub sync keeps real ones.
   */
  timers?: Timers;
  random?: () => number;
  /** Tests: how the sync client connects to the hub. */
  connect?: SocketFactory;
  /** Upper bound of the random wait before the first hub connect (default 10 s; 0 in tests). */
  firstConnectJitterMs?: number;
}

export interface Runtime {
  /** Answers one bridge call (arguments are parsed here; the transport passes them as they came). */
  readonly dispatch: BridgeDispatcher;
  /** Every bridge event, for the transport to forward; returns the unsubscribe function. */
  onEvent(listener: (event: BridgeEventEnvelope) => void): () => void;
  /**
   * The file behind a media path the bridge handed out (`media/attract/2`, `media/logo`), or
   * undefined: the host serves only these, never an arbitrary path. A catalog medium not cached
   * yet is fetched first, hence the promise.
   */
  mediaFile(path: string): string | undefined | Promise<string | undefined>;
  /** The development simulator, when the config turns simulation on. */
  readonly simulator: Simulator | undefined;
  stop(): Promise<void>;
}

/**
 * The runtime as startRuntime makes it: also the way the Electron shell, which runs it in a
 * utility process, tells the hub what it saw (`shell.safe-page` from the analytics catalogue).
 */
export interface DeviceRuntime extends Runtime {
  reportShellEvent(name: string, props: Record<string, string | number | boolean | null>): void;
}
