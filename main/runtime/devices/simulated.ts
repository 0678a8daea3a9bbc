/**
 * Simulated devices for development (config `development.simulation`): a HID POS scanner and a
 * magnetic stripe reader that exist beside the real bus. A simulated scan or swipe is built into
 * the same byte-exact reports a real device sends and goes through the same decoders, so what
 * works here works with hardware. Off unless the config turns it on; never in a store.
 */
import { msrReportFor } from './msr.js';
import { posReportsFor } from './pos-scanner.js';
import type { HidConnection, HidDeviceInfo, HidTransport } from './transport.js';

export const SIMULATED_SCANNER: HidDeviceInfo = {
  path: 'simulated:scanner',
  vendorId: 0xffff,
  productId: 0x0001,
  usagePage: 0x8c,
  usage: 0x02,
  manufacturer: 'Vitrine',
  product: 'Simulated HID POS scanner',
};

export const SIMULATED_CARD_READER: HidDeviceInfo = {
  path: 'simulated:card-reader',
  vendorId: 0xffff,
  productId: 0x0002,
  usagePage: 0x8e,
  usage: 0x01,
  manufacturer: 'Vitrine',
  product: 'Simulated magnetic stripe reader',
};

export interface Simulator {
  transport: HidTransport;
  /** Sends a scan of `code` as HID POS reports; false when the simulated scanner is not open. */
  scan(code: string, aim?: string | null): boolean;
  /** Swipes a card with these tracks (without sentinels); false when the reader is not open. */
  swipe(tracks: readonly string[]): boolean;
}

/** Wraps a transport with the two simulated devices. */
export function withSimulatedDevices(real: HidTransport): Simulator {
  const listeners = new Map<string, (report: Uint8Array) => void>();
  const simulated = [SIMULATED_SCANNER, SIMULATED_CARD_READER];
  const send = (path: string, reports: Uint8Array[]): boolean => {
    const listener = listeners.get(path);
    if (listener === undefined) return false;
    for (const report of reports) listener(report);
    return true;
  };
  return {
    transport: {
      async devices() {
        return [...(await real.devices()), ...simulated];
      },
      open(path) {
        if (!simulated.some((d) => d.path === path)) return real.open(path);
        const connection: HidConnection = {
          onData: (listener) => listeners.set(path, listener),
          onError: () => undefined,
          sendFeatureReport: () => Promise.resolve(),
          close: () => {
            listeners.delete(path);
            return Promise.resolve();
          },
        };
        return Promise.resolve(connection);
      },
      watch: (onChange) => real.watch(onChange),
    },
    scan(code, aim = null) {
      return send(SIMULATED_SCANNER.path, posReportsFor(new TextEncoder().encode(code), aim));
    },
    swipe(tracks) {
      return send(SIMULATED_CARD_READER.path, [msrReportFor(tracks)]);
    },
  };
}
