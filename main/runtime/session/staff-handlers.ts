/**
 * The staff panel's bridge calls: unlock with the PIN, then status and actions. Every call but
 * `staff.unlock` is refused while the panel is locked, so a shopper's page cannot read device
 * details, start a resync or close the kiosk.
 */
import type { KioskConfig } from '../../../kiosk-config/index.js';
import {
  BRIDGE_VERSION,
  BridgeCallError,
  type BridgeHandlers,
  type StaffStatusView,
} from '../../../shared/bridge/index.js';
import type { CatalogReader } from '../catalog/index.js';
import type { DeviceStatus } from '../devices/index.js';
import type { SyncLog, SyncStatus } from '../sync/index.js';
import type { RecentProblems } from './recent-problems.js';
import type { StaffGate } from './staff.js';
import { syncViewOf } from './views.js';

export interface StaffHandlerOptions {
  gate: StaffGate;
  config: () => KioskConfig;
  appVersion: string;
  reader: CatalogReader;
  sync: () => SyncStatus | undefined;
  hubUrl: string | null;
  hardware: () => DeviceStatus[];
  outbox: () => { pending: number; dead: number };
  problems: RecentProblems;
  uptimeSeconds: () => number;
  resync: () => Promise<{ ok: boolean; message: string }>;
  /** The shell's way out (RuntimeOptions.exitKiosk); undefined where the shell has none. */
  exitKiosk: (() => void) | undefined;
  log: SyncLog;
}

type StaffCalls = 'staff.unlock' | 'staff.status' | 'staff.resync' | 'staff.exit' | 'staff.lock';

export const NO_EXIT_MESSAGE =
  'the shell this kiosk runs in cannot be closed from the staff panel; stop it where it was started';

export function createStaffHandlers(options: StaffHandlerOptions): Pick<BridgeHandlers, StaffCalls> {
  const open = (call: string): void => {
    if (!options.gate.touch()) throw new BridgeCallError('unavailable', `${call}: the staff panel is locked`);
  };
  return {
    'staff.unlock': ({ pin }) => options.gate.unlock(pin),
    'staff.status': (): StaffStatusView => {
      open('staff.status');
      const config = options.config();
      const status = options.sync();
      const store = options.reader.stores().find((s) => s.code === config.store.code);
      return {
        device: { id: config.device.id, name: config.device.name, mode: config.mode },
        store: { code: config.store.code, name: store?.name ?? config.store.code },
        versions: { app: options.appVersion, bridge: BRIDGE_VERSION, node: process.versions.node },
        sync: { ...syncViewOf(status), cursors: status?.cursors ?? {}, hubUrl: options.hubUrl },
        catalog: options.reader.counts(),
        hardware: options.hardware().map((d) => ({
          kind: d.kind,
          name: d.name,
          usbId: d.usbId,
          connected: d.connected,
          lastEventAt: d.lastEventAt,
          errors: d.errors,
          lastError: d.lastError,
        })),
        outbox: options.outbox(),
        recentProblems: options.problems.list(),
        uptimeSeconds: Math.round(options.uptimeSeconds()),
        canExit: options.exitKiosk !== undefined,
      };
    },
    'staff.resync': async () => {
      open('staff.resync');
      return options.resync();
    },
    'staff.exit': () => {
      open('staff.exit');
      if (options.exitKiosk === undefined) return { ok: false, message: NO_EXIT_MESSAGE };
      // A warning, so the staff panel and the device log show who closed the kiosk after a restart.
      options.log.warn({ by: 'staff' }, 'staff: exiting the kiosk');
      options.exitKiosk();
      return { ok: true, message: 'the kiosk is closing' };
    },
    'staff.lock': () => {
      options.gate.lock();
      return null;
    },
  };
}
