/**
 * The device manager: finds the scanners and card readers, opens them, turns their reports into
 * scans and card reads, and keeps going when they are unplugged.
 *
 * Discovery is an enumeration of HID devices, which is expensive (node-hid PR #272: polling every
 * 100 ms slowed everything to seconds), so it runs only at start, when the bus reports a change
 * (the `usb` package's attach/detach, where it works), and on a slow safety poll. A read error
 * is how an unplugged device shows: the device is closed and reported, and opened again when an
 * enumeration finds it. Per-device status (connected, last event, errors) feeds the staff screen
 * and the hub heartbeat.
 */
import type { SyncLog, Timers } from '../sync/support.js';
import type { KioskConfig } from '../../../kiosk-config/index.js';
import { readerFor, type DeviceReader, type ReaderOutput } from './readers.js';
import { describeRole, roleFor, type DeviceRole } from './roles.js';
import { usbIdText, type HidConnection, type HidDeviceInfo, type HidTransport } from './transport.js';
import type { CardRead } from '../../../shared/cards/iso7813.js';

export type DeviceEvent =
  | { kind: 'scan'; device: string; text: string; aim: string | null; receivedAt: number }
  | { kind: 'card'; device: string; read: CardRead; receivedAt: number };

export interface DeviceStatus {
  path: string;
  /** "vvvv:pppp" */
  usbId: string;
  kind: 'scanner' | 'card-reader';
  name: string;
  role: string;
  connected: boolean;
  /** ISO instant of the last scan or card read. */
  lastEventAt: string | null;
  errors: number;
  /** Reports that did not fit the device's format. */
  garbage: number;
  lastError: string | null;
}

export interface DeviceManagerOptions {
  transport: HidTransport;
  hardware: KioskConfig['hardware'];
  log: SyncLog;
  timers: Timers;
  /** Monotonic milliseconds, for key timing. */
  clock: () => number;
  now: () => Date;
  onEvent: (event: DeviceEvent) => void;
  /** Status changed (a device came, went or failed). */
  onStatus?: () => void;
  /** The safety poll; default 15 s. */
  pollMs?: number;
  /** Hotplug notices come in bursts (one per interface); default 300 ms. */
  settleMs?: number;
}

export interface DeviceManager {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Enumerates now (a staff "rescan" button, tests). */
  rescan(): Promise<void>;
  status(): DeviceStatus[];
}

interface Tracked {
  info: HidDeviceInfo;
  role: DeviceRole;
  reader: DeviceReader;
  connection: HidConnection | null;
  status: DeviceStatus;
  flushTimer: unknown;
  /** Bumped on every (re)open: callbacks of an older connection are ignored. */
  epoch: number;
}

export function createDeviceManager(options: DeviceManagerOptions): DeviceManager {
  const { transport, log, timers } = options;
  const pollMs = options.pollMs ?? 15_000;
  const settleMs = options.settleMs ?? 300;
  const tracked = new Map<string, Tracked>();
  let running = false;
  let pollTimer: unknown;
  let settleTimer: unknown;
  let unwatch: (() => void) | undefined;
  let scanning: Promise<void> | undefined;
  /** Set when a rescan is asked for while one runs (an object: it changes under `await`). */
  const queued = { again: false };
  const isQueued = (): boolean => queued.again;

  const statusChanged = (): void => options.onStatus?.();

  function emit(t: Tracked, outputs: readonly ReaderOutput[], receivedAt: number): void {
    for (const output of outputs) {
      t.status.lastEventAt = options.now().toISOString();
      if (output.kind === 'scan') {
        options.onEvent({
          kind: 'scan',
          device: t.info.path,
          text: output.text,
          aim: output.aim,
          receivedAt,
        });
      } else {
        // Only the kind of card is ever logged; a member id is the shopper's, not the log's.
        log.info({ device: t.status.usbId, card: output.read.kind }, 'card read');
        options.onEvent({ kind: 'card', device: t.info.path, read: output.read, receivedAt });
      }
    }
  }

  function scheduleFlush(t: Tracked): void {
    if (t.flushTimer !== undefined) timers.clearTimeout(t.flushTimer);
    t.flushTimer = undefined;
    const due = t.reader.dueAt();
    if (due === undefined) return;
    t.flushTimer = timers.setTimeout(
      () => {
        t.flushTimer = undefined;
        const now = options.clock();
        emit(t, t.reader.flush(now), now);
        scheduleFlush(t);
      },
      Math.max(0, due - options.clock()) + 1,
    );
  }

  async function disconnect(t: Tracked, error: string | null): Promise<void> {
    const connection = t.connection;
    t.connection = null;
    t.epoch++;
    t.reader.reset();
    if (t.flushTimer !== undefined) timers.clearTimeout(t.flushTimer);
    t.flushTimer = undefined;
    t.status.connected = false;
    if (error !== null) {
      t.status.errors++;
      t.status.lastError = error;
    }
    statusChanged();
    await connection?.close().catch(() => undefined);
  }

  async function open(t: Tracked): Promise<void> {
    const epoch = ++t.epoch;
    let connection: HidConnection;
    try {
      connection = await transport.open(t.info.path);
    } catch (error) {
      t.status.errors++;
      t.status.lastError = `could not open: ${message(error)}`;
      log.warn({ device: t.status.usbId, path: t.info.path, error: t.status.lastError }, 'device not opened');
      statusChanged();
      return;
    }
    if (!running || epoch !== t.epoch) {
      await connection.close().catch(() => undefined);
      return;
    }
    t.connection = connection;
    connection.onData((report) => {
      if (epoch !== t.epoch) return;
      const at = options.clock();
      try {
        emit(t, t.reader.report(report, at), at);
      } catch (error) {
        // A decoder must not throw (property-tested); if one does, the device keeps working.
        t.status.errors++;
        t.status.lastError = `decoder failed: ${message(error)}`;
        log.error({ device: t.status.usbId, error: t.status.lastError }, 'report not decoded');
        t.reader.reset();
      }
      scheduleFlush(t);
    });
    connection.onError((error) => {
      if (epoch !== t.epoch) return;
      log.warn({ device: t.status.usbId, error: error.message }, 'device error: closed until it is back');
      void disconnect(t, error.message);
      requestRescan();
    });
    if (
      t.role.kind === 'scanner' &&
      t.role.mode === 'hid-pos' &&
      t.role.layout.enableFeatureReport !== null
    ) {
      // Switches scanners that boot as keyboards into HID POS mode; harmless when already there.
      await connection.sendFeatureReport(t.role.layout.enableFeatureReport).catch((error: unknown) => {
        log.warn({ device: t.status.usbId, error: message(error) }, 'HID POS mode switch refused');
      });
    }
    t.status.connected = true;
    t.status.lastError = null;
    log.info({ device: t.status.usbId, path: t.info.path, role: t.status.role }, 'device connected');
    statusChanged();
  }

  async function enumerate(): Promise<void> {
    let present: HidDeviceInfo[];
    try {
      present = await transport.devices();
    } catch (error) {
      log.warn({ error: message(error) }, 'HID enumeration failed; will try again');
      return;
    }
    const seen = new Set<string>();
    for (const info of present) {
      const role = roleFor(info, options.hardware);
      if (role === null) continue;
      seen.add(info.path);
      let t = tracked.get(info.path);
      if (t === undefined) {
        t = {
          info,
          role,
          reader: readerFor(role),
          connection: null,
          flushTimer: undefined,
          epoch: 0,
          status: {
            path: info.path,
            usbId: usbIdText(info),
            kind: role.kind,
            name:
              [info.manufacturer, info.product].filter((s) => s !== undefined && s !== '').join(' ') ||
              usbIdText(info),
            role: describeRole(role),
            connected: false,
            lastEventAt: null,
            errors: 0,
            garbage: 0,
            lastError: null,
          },
        };
        tracked.set(info.path, t);
      }
      if (t.connection === null && running) await open(t);
    }
    for (const t of tracked.values()) {
      if (!seen.has(t.info.path) && t.connection !== null) {
        log.info({ device: t.status.usbId, path: t.info.path }, 'device gone');
        await disconnect(t, null);
      }
    }
  }

  /** One enumeration at a time; a request during one runs another right after. */
  function rescan(): Promise<void> {
    if (scanning !== undefined) {
      queued.again = true;
      return scanning;
    }
    scanning = (async () => {
      do {
        queued.again = false;
        await enumerate();
      } while (isQueued() && running);
    })().finally(() => {
      scanning = undefined;
    });
    return scanning;
  }

  function requestRescan(): void {
    if (!running) return;
    if (settleTimer !== undefined) timers.clearTimeout(settleTimer);
    settleTimer = timers.setTimeout(() => {
      settleTimer = undefined;
      void rescan();
    }, settleMs);
  }

  function schedulePoll(): void {
    pollTimer = timers.setTimeout(() => {
      if (!running) return;
      void rescan().finally(schedulePoll);
    }, pollMs);
  }

  return {
    async start() {
      if (running) return;
      running = true;
      unwatch = transport.watch(requestRescan);
      await rescan();
      schedulePoll();
    },
    async stop() {
      running = false;
      unwatch?.();
      if (pollTimer !== undefined) timers.clearTimeout(pollTimer);
      if (settleTimer !== undefined) timers.clearTimeout(settleTimer);
      await scanning;
      for (const t of tracked.values()) if (t.connection !== null) await disconnect(t, null);
    },
    rescan,
    status: () => [...tracked.values()].map((t) => ({ ...t.status, garbage: t.reader.garbage })),
  };
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));
