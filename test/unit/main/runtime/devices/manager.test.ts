/**
 * The device manager over an in-memory HID bus: discovery by config and by usage page, scans and
 * card reads from byte-exact reports, unplug and replug (mid-scan too), hotplug and the poll.
 * Time is a manual clock: timers run when the test moves it.
 */
import { describe, expect, it } from 'vitest';
import { hardwareSection } from '../../../../../kiosk-config/schema-hardware.js';
import { createDeviceManager, type DeviceEvent } from '../../../../../main/runtime/devices/manager.js';
import { reportsFor } from '../../../../../main/runtime/devices/keyboard.js';
import { msrReportFor } from '../../../../../main/runtime/devices/msr.js';
import { posReportsFor } from '../../../../../main/runtime/devices/pos-scanner.js';
import type { HidDeviceInfo } from '../../../../../main/runtime/devices/transport.js';
import { FakeHidBus } from '../../../../support/fake-hid.js';
import { ManualTime } from '../../../../support/manual-time.js';
import { recordingLog } from '../sync/harness.js';

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

const honeywell: HidDeviceInfo = {
  path: '/dev/hidraw3',
  vendorId: 0x0c2e,
  productId: 0x0b61,
  usagePage: 0x8c,
  usage: 0x02,
  manufacturer: 'Honeywell',
  product: 'Voyager 1470g',
};
const zebraPos: HidDeviceInfo = {
  path: '/dev/hidraw4',
  vendorId: 0x05e0,
  productId: 0x1300,
  usagePage: 0x8c,
  usage: 0x02,
};
const wedge: HidDeviceInfo = {
  path: '/dev/hidraw5',
  vendorId: 0x1eab,
  productId: 0x0d10,
  usagePage: 0x01,
  usage: 0x06,
};
const keyboard: HidDeviceInfo = {
  path: '/dev/hidraw6',
  vendorId: 0x046d,
  productId: 0xc31c,
  usagePage: 0x01,
  usage: 0x06,
};
const msr: HidDeviceInfo = {
  path: '/dev/hidraw7',
  vendorId: 0x0801,
  productId: 0x0002,
  usagePage: 0x8e,
  usage: 0x01,
};

function setup(hardware: unknown = {}) {
  const bus = new FakeHidBus();
  const time = new ManualTime();
  const log = recordingLog();
  const events: DeviceEvent[] = [];
  const manager = createDeviceManager({
    transport: bus,
    hardware: hardwareSection.parse(hardware),
    log,
    timers: time,
    clock: () => time.now,
    now: () => new Date(Date.UTC(2026, 2, 2, 10) + time.now),
    onEvent: (event) => events.push(event),
    pollMs: 15_000,
    settleMs: 300,
  });
  return { bus, time, log, events, manager };
}

const scans = (events: DeviceEvent[]) => events.flatMap((e) => (e.kind === 'scan' ? [e.text] : []));

describe('the device manager', () => {
  it('opens HID POS scanners and readers by usage page, never a keyboard, and switches Honeywell into HID POS', async () => {
    const { bus, manager } = setup();
    bus.plug(honeywell);
    bus.plug(zebraPos);
    bus.plug(keyboard);
    bus.plug(msr);
    await manager.start();
    expect(manager.status().map((s) => [s.usbId, s.connected, s.role])).toEqual([
      ['0c2e:0b61', true, 'HID POS scanner (auto-detected)'],
      ['05e0:1300', true, 'HID POS scanner (auto-detected)'],
      ['0801:0002', true, 'magnetic stripe reader (auto-detected)'],
    ]);
    expect(bus.isOpen(keyboard.path)).toBe(false);
    expect(bus.featureReports).toEqual([{ path: honeywell.path, data: [0xfe, 0x01] }]);
    await manager.stop();
    expect(bus.isOpen(honeywell.path)).toBe(false);
  });

  it('turns reports into scans, multi-report ones included', async () => {
    const { bus, events, manager } = setup();
    bus.plug(honeywell);
    await manager.start();
    const url = `https://id.gs1.org/01/04006381333931/10/${'L'.repeat(60)}`;
    for (const report of [
      ...posReportsFor(ascii('4006381333931'), ']E0'),
      ...posReportsFor(ascii(url), ']Q1'),
    ]) {
      bus.send(honeywell.path, report);
    }
    expect(events).toMatchObject([
      { kind: 'scan', text: '4006381333931', aim: ']E0', device: honeywell.path },
      { kind: 'scan', text: url, aim: ']Q1' },
    ]);
    expect(manager.status()[0]?.lastEventAt).toBe('2026-03-02T10:00:00.000Z');
    await manager.stop();
  });

  it('reports an unplug mid-scan, drops the half scan, and recovers when the scanner returns', async () => {
    const { bus, time, events, log, manager } = setup();
    bus.plug(honeywell);
    await manager.start();
    const long = ascii('9'.repeat(80));
    const [first] = posReportsFor(long, ']E0');
    bus.send(honeywell.path, first!); // the first of two reports, then the cable goes
    bus.unplug(honeywell.path);
    await time.advance(1000);
    expect(manager.status()[0]).toMatchObject({
      connected: false,
      errors: 1,
      lastError: 'could not read from HID device',
    });
    expect(log.entries.some((e) => e.message.startsWith('device error'))).toBe(true);

    bus.plug(honeywell);
    await time.advance(1000); // hotplug notice, settled
    expect(manager.status()[0]?.connected).toBe(true);
    for (const report of posReportsFor(ascii('4006381333931'), ']E0')) bus.send(honeywell.path, report);
    expect(scans(events)).toEqual(['4006381333931']); // not glued to the half scan
    await manager.stop();
  });

  it('finds a device by the slow poll where there is no hotplug, and never polls fast', async () => {
    const { bus, time, manager } = setup();
    bus.hotplug = false;
    await manager.start();
    const before = bus.enumerations;
    bus.plug(honeywell);
    await time.advance(14_000);
    expect(manager.status()).toEqual([]);
    await time.advance(2000);
    expect(manager.status()[0]?.connected).toBe(true);
    await time.advance(60_000);
    expect(bus.enumerations - before).toBeLessThanOrEqual(5); // one per 15 s
    await manager.stop();
  });

  it('reports a device it cannot open, and opens it once it can', async () => {
    const { bus, time, manager } = setup();
    bus.refuse.add(honeywell.path);
    bus.plug(honeywell);
    await manager.start();
    expect(manager.status()[0]).toMatchObject({
      connected: false,
      lastError: 'could not open: Permission denied',
    });
    bus.refuse.clear();
    await time.advance(15_000);
    expect(manager.status()[0]?.connected).toBe(true);
    await manager.stop();
  });

  it('reads a keyboard-wedge scanner from the config: bursts by timing, typing on it ignored', async () => {
    const { bus, time, events, manager } = setup({
      scanners: [
        { mode: 'keyboard-wedge', vendorId: '0x1eab', productId: '0x0d10', layout: 'de', suffix: 'none' },
      ],
    });
    bus.plug(wedge);
    await manager.start();
    // A burst: a report every 4 ms (press and release), no suffix: closed by timing.
    for (const report of reportsFor('4006381333931', 'de')) {
      bus.send(wedge.path, report);
      await time.advance(4);
    }
    await time.advance(100);
    // Someone pressing keys on it slowly.
    for (const report of reportsFor('hallo', 'de')) {
      bus.send(wedge.path, report);
      await time.advance(150);
    }
    await time.advance(500);
    expect(scans(events)).toEqual(['4006381333931']);
    await manager.stop();
  });

  it('reads cards from a reader and from one that types, keeping only a loyalty member id', async () => {
    const { bus, time, events, manager } = setup({
      cardReaders: [
        { mode: 'msr', vendorId: '0x0801', productId: '0x0002', loyaltyPrefixes: ['601234'] },
        { mode: 'keyboard-wedge', vendorId: '0x1eab', productId: '0x0d10', loyaltyPrefixes: ['601234'] },
      ],
    });
    bus.plug(msr);
    bus.plug(wedge);
    await manager.start();
    bus.send(msr.path, msrReportFor(['B6012345678901^MEMBER/ADA^2912', '6012345678901=2912']));
    bus.send(msr.path, msrReportFor(['B4111111111111111^DOE/JANE^2912101', '4111111111111111=2912101']));
    for (const report of reportsFor(';4111111111111111=2912101?\n', 'us')) {
      bus.send(wedge.path, report);
      await time.advance(2);
    }
    for (const report of reportsFor(';6012345678901=2912?', 'us')) bus.send(wedge.path, report); // no Enter
    await time.advance(500);
    expect(events.map((e) => (e.kind === 'card' ? e.read : e))).toEqual([
      { kind: 'loyalty', memberId: '6012345678901' },
      { kind: 'payment' },
      { kind: 'payment' },
      { kind: 'loyalty', memberId: '6012345678901' },
    ]);
    await manager.stop();
  });
});
