/**
 * The device runtime, composed: catalog (reads here, sync writes on a worker thread), outbox,
 * hub sync, HID devices, and the shopper session, behind the bridge. Shells (main/host,
 * main/electron) start it with a loaded config and put a transport in front of `dispatch` and
 * `onEvent`; everything a kiosk does without a screen happens here.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  createBridgeDispatcher,
  type BridgeEventEnvelope,
  type BridgeEventName,
  type BridgeEvents,
} from '../../shared/bridge/index.js';
import type { AnalyticsProps } from '../../shared/analytics/index.js';
import type { KioskConfig } from '../../kiosk-config/index.js';
import { openCatalog } from './catalog/index.js';
import { applyStandaloneFeed, writeFileAtomically } from './runtime-files.js';
import { openResilientWriter, type ResilientWriter } from './catalog/resilient-writer.js';
import { createDevices, nodeHidTransport, startDevChannel, type DevChannel } from './devices/index.js';
import { startRuntimeMedia } from './media/runtime-media.js';
import type { DeviceRuntime, RuntimeOptions } from './runtime-types.js';
import { warnReachProblems } from './session/accessibility-info.js';
import { createMemberHandlers } from './session/member-handlers.js';
import { recordProblems } from './session/recent-problems.js';
import { createKioskHandlers } from './session/service.js';
import { createShopperSession } from './session/shopper-session.js';
import { createStaffHandlers } from './session/staff-handlers.js';
import { StoreHoursClock } from './session/store-hours.js';
import { StaffGate } from './session/staff.js';
import { syncViewOf } from './session/views.js';
import { createSyncClient, openOutbox, systemTimers, type Outbox, type SyncClient } from './sync/index.js';

export type { DeviceRuntime, Runtime, RuntimeOptions } from './runtime-types.js';

export async function startRuntime(options: RuntimeOptions): Promise<DeviceRuntime> {
  const { config, dataDir } = options;
  const now = options.now ?? (() => new Date());
  const startedAt = performance.now();
  // Every part logs through this, so the staff panel can list what went wrong lately.
  const { log, problems } = recordProblems(options.log, now);
  const random = options.random ?? Math.random;
  const timers = options.timers ?? systemTimers;
  const storeCode = config.store.code;
  mkdirSync(dataDir, { recursive: true });
  warnReachProblems(config, log);

  const listeners = new Set<(event: BridgeEventEnvelope) => void>();
  function emit<K extends BridgeEventName>(name: K, payload: BridgeEvents[K]): void {
    const envelope = { name, payload } as BridgeEventEnvelope;
    for (const listener of listeners) {
      try {
        listener(envelope);
      } catch (error) {
        log.error({ err: String(error), event: name }, 'bridge event listener failed');
      }
    }
  }

  const catalogPath = join(dataDir, 'catalog.db');
  const catalog = openCatalog(catalogPath, { now, barcodes: config.barcodes });
  const cleanups: (() => Promise<void> | void)[] = [
    () => {
      catalog.close();
    },
  ];
  const stopAll = async (): Promise<void> => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        log.error({ err: String(error) }, 'stopping the runtime: a part failed to close');
      }
    }
  };

  /** The config in force: a config the hub pushes replaces it (see `applyPushedConfig`). */
  let current = config;

  try {
    let outbox: Outbox | undefined;
    let client: SyncClient | undefined;
    let writer: ResilientWriter | undefined;
    if (config.hub !== undefined) {
      outbox = openOutbox(join(dataDir, 'outbox.db'), { now, newId: randomUUID, random });
      const opened = outbox;
      cleanups.push(() => {
        opened.close();
      });
      writer = await openResilientWriter(catalogPath, catalog.sync, (error) => {
        log.error({ err: String(error) }, 'catalog writer thread restarted');
      });
      const openedWriter = writer;
      cleanups.push(() => openedWriter.close());
    } else if (config.standalone !== undefined) {
      applyStandaloneFeed(resolve(options.configDir, config.standalone.catalogFeed), dataDir, catalog, log);
    }

    // Catalog media the page loads (3D models above all) come through the media cache or the
    // feed's folder; `reader` answers with those URLs, so everything shown to the page uses it.
    // Models are fetched ahead once the start is over (START_PREFETCH_DELAY_MS), not on its path.
    const catalogMedia = startRuntimeMedia({
      config,
      configDir: options.configDir,
      dataDir,
      reader: catalog.reader,
      log,
      timers,
    });
    cleanups.push(() => {
      catalogMedia.close();
    });
    const reader = catalogMedia.reader;

    const session = createShopperSession({
      config: () => current,
      outbox,
      client: () => client,
      reader,
      now,
      timers,
      log,
      emit,
    });
    cleanups.push(() => {
      session.close();
    });
    const { requests, analytics, member, idle, language } = session;

    const storeHours = new StoreHoursClock({
      hours: config.openingHours,
      now,
      timers,
      onChange: (view) => {
        emit('hours', view);
      },
    });
    cleanups.push(() => {
      storeHours.stop();
    });

    /**
     * A config the hub pushed (already validated by the command runner). What shoppers see —
     * attract playlist, branding, idle timing, languages — changes at once, and the page is told
     * to fetch it; the device's identity, store, hub and hardware are read at start, so those
     * take effect at the next start. It is written over the config file first, so a restart
     * keeps it.
     */
    function applyPushedConfig(next: KioskConfig): void {
      if (options.configPath !== undefined)
        writeFileAtomically(options.configPath, `${JSON.stringify(next, null, 2)}\n`);
      const atStart = ['device', 'store', 'hub', 'hardware', 'barcodes', 'development'] as const;
      const later = atStart.filter((key) => JSON.stringify(next[key]) !== JSON.stringify(current[key]));
      if (later.length > 0)
        log.warn({ sections: later }, 'pushed config: these sections take effect at the next start');
      current = next;
      warnReachProblems(next, log);
      idle.setTiming(next.idle.timeoutSeconds, next.idle.warningSeconds);
      storeHours.setHours(next.openingHours);
      emit('kiosk', { change: 'config' });
    }

    const devices = createDevices({
      config,
      transport: options.transport ?? nodeHidTransport(log),
      lookup: (code) => reader.lookup(code, storeCode, language.current),
      onEvent: session.onDeviceEvent,
      log,
      timers,
      clock: () => performance.now(),
      now,
      claimScan: session.claimScan,
    });
    await devices.start();
    cleanups.push(() => devices.stop());
    let channel: DevChannel | undefined;
    if (devices.simulator !== undefined) {
      channel = await startDevChannel({ dataDir, simulator: devices.simulator, log });
      const opened = channel;
      cleanups.push(() => opened.close());
    }

    if (config.hub !== undefined && writer !== undefined) {
      client = createSyncClient({
        hubUrl: config.hub.url,
        dataDir,
        catalog: writer,
        enrollmentCode: config.hub.enrollmentCode,
        appVersion: options.appVersion,
        log,
        now,
        random,
        ...(outbox === undefined ? {} : { outbox }),
        hardware: () => devices.heartbeat(),
        ...(options.connect === undefined ? {} : { connect: options.connect }),
        ...(options.firstConnectJitterMs === undefined
          ? {}
          : { firstConnectJitterMs: options.firstConnectJitterMs }),
        commands: {
          reload: () => {
            emit('kiosk', { change: 'reload' });
          },
          config: applyPushedConfig,
          ...options.commands,
        },
      });
      const started = client;
      started.onStatus((status) => {
        emit('sync', syncViewOf(status));
        catalogMedia.onSyncStatus(status);
      });
      started.start();
      cleanups.push(() => {
        started.stop();
      });
    }

    // Media the page may load: config files by a name of ours, never a path the page chose.
    const media = new Map<string, string>();
    const mediaUrl = (ref: string, name: string): string => {
      if (/^https:\/\//i.test(ref)) return ref;
      media.set(name, resolve(options.configDir, ref));
      return `/media/${name}`;
    };

    const handlers = createKioskHandlers({
      config: () => current,
      appVersion: options.appVersion,
      reader,
      requests,
      idle,
      sync: () => syncViewOf(client?.status()),
      pending: () => outbox?.pending() ?? 0,
      hardware: () => devices.status(),
      keyboardScan: (code) => {
        devices.keyboardScan(code);
      },
      track: (name, props) => {
        analytics.fromPage(name, props);
        member.observe(name, props);
      },
      record: analytics.record,
      endSession: session.end,
      language,
      mediaUrl,
      hubUrl: config.hub?.url ?? null,
      storeHours,
    });
    const staff = createStaffHandlers({
      gate: new StaffGate({
        pinHash: config.staff.pinHash,
        stateFile: join(dataDir, 'staff-gate.json'),
        now,
      }),
      config: () => current,
      appVersion: options.appVersion,
      reader: catalog.reader,
      sync: () => client?.status(),
      hubUrl: config.hub?.url ?? null,
      hardware: () => devices.status(),
      outbox: () => ({ pending: outbox?.pending() ?? 0, dead: outbox?.deadLetters().length ?? 0 }),
      problems,
      uptimeSeconds: () => (performance.now() - startedAt) / 1000,
      resync: () =>
        client === undefined
          ? Promise.resolve({ ok: false, message: 'this kiosk runs without a hub: nothing to resync' })
          : client.resync(),
      exitKiosk: options.exitKiosk,
      log,
    });
    const members = createMemberHandlers(member, () => {
      idle.activity();
    });
    const dispatch = createBridgeDispatcher({ ...handlers, ...staff, ...members }, (name, error) => {
      log.error(
        { call: name, err: error instanceof Error ? error.stack : String(error) },
        'bridge call failed',
      );
    });

    return {
      dispatch,
      onEvent(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      mediaFile: (path) => {
        const name = path.replace(/^\/?media\//, '');
        return media.get(name) ?? catalogMedia.file(name);
      },
      simulator: devices.simulator,
      reportShellEvent(name, props) {
        // Checked against the analytics catalogue on the way into the outbox, like every runtime event.
        if (name === 'shell.safe-page') analytics.record(name, props as AnalyticsProps<typeof name>);
        else log.error({ event: name }, 'the shell reported an event the catalogue does not have');
      },
      async stop() {
        listeners.clear();
        await stopAll();
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
