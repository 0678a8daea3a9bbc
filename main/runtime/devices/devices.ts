/**
 * The kiosk's hardware as the rest of the runtime sees it: scans arrive as catalog answers, card
 * swipes as a member id or a refusal, and nothing else leaves this module. Analytics of them are
 * the session's (session/analytics.ts), which keeps a card's kind only: a member id is personal
 * data, and a payment card's number is never read into a string at all.
 */
import type { KioskConfig } from '../../../kiosk-config/index.js';
import type { Heartbeat } from '../../../shared/protocol/index.js';
import type { LookupOutcome } from '../catalog/index.js';
import type { SyncLog, Timers } from '../sync/index.js';
import { createDeviceManager, type DeviceManager, type DeviceStatus } from './manager.js';
import { createScanPipeline, type ScanResultEvent } from './scan-events.js';
import { withSimulatedDevices, type Simulator } from './simulated.js';
import type { HidTransport } from './transport.js';

export type DeviceUiEvent =
  | ScanResultEvent
  | { kind: 'member'; memberId: string }
  /** A card that is not a loyalty card: the UI tells the shopper this reader is for loyalty cards. */
  | { kind: 'card-refused'; reason: 'payment-card' | 'not-a-loyalty-card' | 'unreadable' };

export interface DevicesOptions {
  config: Pick<KioskConfig, 'hardware' | 'development'>;
  transport: HidTransport;
  lookup: (code: string) => LookupOutcome;
  onEvent: (event: DeviceUiEvent) => void;
  log: SyncLog;
  timers: Timers;
  /** Monotonic ms (performance.now in production). */
  clock: () => number;
  now: () => Date;
  pollMs?: number;
  /** See ScanPipelineOptions.claim: a member's code is taken before the catalog sees it. */
  claimScan?: (code: string) => boolean;
}

export interface Devices {
  start(): Promise<void>;
  stop(): Promise<void>;
  rescan(): Promise<void>;
  status(): DeviceStatus[];
  /** The hardware part of the hub heartbeat (createSyncClient's `hardware` option). */
  heartbeat(): Heartbeat['hardware'];
  /**
   * A code a keyboard-wedge scanner typed into the page (the renderer tells it from typing with
   * shared/input/burst.ts): through the same pipeline, so the repeat window also drops the copy
   * the runtime may read from the same scanner's hidraw node.
   */
  keyboardScan(code: string): void;
  /** The development simulator, when the config enables it. */
  simulator: Simulator | undefined;
}

export function createDevices(options: DevicesOptions): Devices {
  const simulator = options.config.development.simulation
    ? withSimulatedDevices(options.transport)
    : undefined;
  const scans = createScanPipeline({
    lookup: options.lookup,
    repeatWindowMs: options.config.hardware.repeatWindowMs,
    clock: options.clock,
    ...(options.claimScan === undefined ? {} : { claim: options.claimScan }),
    onSwipeDropped: () => {
      options.log.warn(
        {},
        'card data arrived on a scanner and was dropped unread: is a card reader set up as a scanner?',
      );
      options.onEvent({ kind: 'card-refused', reason: 'unreadable' });
    },
    onScan: (event) => {
      options.onEvent(event);
    },
  });
  const manager: DeviceManager = createDeviceManager({
    transport: simulator?.transport ?? options.transport,
    hardware: options.config.hardware,
    log: options.log,
    timers: options.timers,
    clock: options.clock,
    now: options.now,
    ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }),
    onEvent: (event) => {
      if (event.kind === 'scan') {
        scans.scan({ text: event.text, aim: event.aim, device: event.device, receivedAt: event.receivedAt });
        return;
      }
      const { read } = event;
      if (read.kind === 'loyalty') options.onEvent({ kind: 'member', memberId: read.memberId });
      else {
        options.onEvent({
          kind: 'card-refused',
          reason: read.kind === 'payment' ? 'payment-card' : read.reason,
        });
      }
    },
  });
  return {
    start: () => manager.start(),
    stop: () => manager.stop(),
    rescan: () => manager.rescan(),
    status: () => manager.status(),
    heartbeat: () => heartbeatHardware(manager.status()),
    keyboardScan: (code) => {
      scans.scan({ text: code, aim: null, device: 'keyboard (page)', receivedAt: options.clock() });
    },
    simulator,
  };
}

/** Device status as the heartbeat carries it: at most 32 devices, names cut to fit. */
export function heartbeatHardware(status: readonly DeviceStatus[]): Heartbeat['hardware'] {
  return status.slice(0, 32).map((s) => ({
    kind: s.kind,
    name: `${s.name} (${s.usbId})`.slice(0, 200),
    connected: s.connected,
    ...(s.lastEventAt === null ? {} : { lastEventAt: s.lastEventAt }),
    errors: s.errors,
  }));
}
