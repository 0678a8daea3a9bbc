/**
 * What each HID device is to the kiosk: a scanner (HID POS or keyboard wedge), a card reader
 * (magnetic stripe reports or keyboard mode), or nothing. The config's hardware entries decide
 * first (by vendor and product id, and usage page and usage when given, for composite devices
 * that expose one interface per role); then, with `autoDetect`, the HID POS usage pages do:
 * 0x8C usage 0x02 is a barcode scanner, 0x8E a magnetic stripe reader. A keyboard is never
 * taken by auto-detection: it could be the technician's.
 */
import type { KioskConfig } from '../../../kiosk-config/index.js';
import { posLayoutFor, type PosLayout } from './pos-scanner.js';
import type { HidDeviceInfo } from './transport.js';
import type { KeyboardLayout } from './keyboard.js';

export const USAGE_PAGE_POS_SCANNER = 0x8c;
export const USAGE_BARCODE_SCANNER = 0x02;
export const USAGE_PAGE_MSR = 0x8e;
export const USAGE_PAGE_HONEYWELL_VENDOR = 0xff8c;
const HONEYWELL = 0x0c2e;

export type DeviceRole =
  | { kind: 'scanner'; mode: 'hid-pos'; layout: PosLayout; source: 'config' | 'auto' }
  | {
      kind: 'scanner';
      mode: 'keyboard-wedge';
      layout: KeyboardLayout;
      suffix: 'enter' | 'tab' | 'none';
      source: 'config';
    }
  | {
      kind: 'card-reader';
      mode: 'msr' | 'keyboard-wedge';
      loyaltyPrefixes: readonly string[];
      source: 'config' | 'auto';
    };

type Hardware = KioskConfig['hardware'];

interface Matchable {
  vendorId: number;
  productId: number;
  usagePage?: number | undefined;
  usage?: number | undefined;
}

function matches(entry: Matchable, info: HidDeviceInfo): boolean {
  return (
    entry.vendorId === info.vendorId &&
    entry.productId === info.productId &&
    (entry.usagePage === undefined || entry.usagePage === info.usagePage) &&
    (entry.usage === undefined || entry.usage === info.usage)
  );
}

export function roleFor(info: HidDeviceInfo, hardware: Hardware): DeviceRole | null {
  for (const scanner of hardware.scanners) {
    if (!matches(scanner, info)) continue;
    if (scanner.mode === 'hid-pos') {
      return {
        kind: 'scanner',
        mode: 'hid-pos',
        layout: posLayoutFor(info.vendorId, info.usagePage),
        source: 'config',
      };
    }
    return {
      kind: 'scanner',
      mode: 'keyboard-wedge',
      layout: scanner.layout,
      suffix: scanner.suffix,
      source: 'config',
    };
  }
  for (const reader of hardware.cardReaders) {
    if (matches(reader, info)) {
      return {
        kind: 'card-reader',
        mode: reader.mode,
        loyaltyPrefixes: reader.loyaltyPrefixes,
        source: 'config',
      };
    }
  }
  // The development simulator's devices (simulated.ts) are taken by their usage pages always.
  if (!hardware.autoDetect && !info.path.startsWith('simulated:')) return null;
  const posScanner =
    (info.usagePage === USAGE_PAGE_POS_SCANNER && info.usage === USAGE_BARCODE_SCANNER) ||
    (info.usagePage === USAGE_PAGE_HONEYWELL_VENDOR && info.vendorId === HONEYWELL);
  if (posScanner) {
    return {
      kind: 'scanner',
      mode: 'hid-pos',
      layout: posLayoutFor(info.vendorId, info.usagePage),
      source: 'auto',
    };
  }
  if (info.usagePage === USAGE_PAGE_MSR) {
    // Loyalty prefixes come from the config's readers; an auto-detected reader with none
    // recognises no loyalty card and discards every swipe, which is the safe default.
    const prefixes = hardware.cardReaders.flatMap((r) => r.loyaltyPrefixes);
    return { kind: 'card-reader', mode: 'msr', loyaltyPrefixes: prefixes, source: 'auto' };
  }
  return null;
}

/** "HID POS scanner (config)", for lists and status. */
export function describeRole(role: DeviceRole | null): string {
  if (role === null) return '—';
  const what =
    role.kind === 'scanner'
      ? role.mode === 'hid-pos'
        ? 'HID POS scanner'
        : `keyboard-wedge scanner (${role.layout}, suffix ${role.suffix})`
      : role.mode === 'msr'
        ? 'magnetic stripe reader'
        : 'keyboard-mode card reader';
  return `${what} (${role.source === 'config' ? 'from config' : 'auto-detected'})`;
}
