import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCatalog } from '../../../../../main/runtime/catalog/index.js';
import { heartbeatHardware } from '../../../../../main/runtime/devices/devices.js';
import type { DeviceStatus } from '../../../../../main/runtime/devices/index.js';
import { createScanPipeline, type ScanResultEvent } from '../../../../../main/runtime/devices/scan-events.js';
import { heartbeatSchema } from '../../../../../shared/protocol/index.js';
import { useTempDir } from '../../../../support/temp.js';

const tempDir = useTempDir();

function pipeline(repeatWindowMs = 1500) {
  const catalog = openCatalog(join(tempDir(), 'catalog.db'));
  catalog.apply({
    stores: [],
    products: [
      {
        id: 'P1',
        title: 'Canvas Sneaker',
        categoryPath: ['Shoes'],
        media: [],
        variants: [{ sku: 'P1-42', gtins: ['04006381333931'], size: '42' }],
      },
    ],
    prices: [],
    stock: [],
  });
  let now = 0;
  const events: ScanResultEvent[] = [];
  let dropped = 0;
  const scans = createScanPipeline({
    lookup: (code) => catalog.reader.lookup(code),
    repeatWindowMs,
    clock: () => now,
    onScan: (event) => events.push(event),
    onSwipeDropped: () => dropped++,
  });
  const scan = (text: string, at: number) => {
    now = at + 3;
    return scans.scan({ text, aim: ']E0', device: 'test', receivedAt: at });
  };
  return { catalog, events, scan, dropped: () => dropped };
}

describe('scan events', () => {
  it('carry the parsed barcode and the catalog answer, timed from the report', () => {
    const p = pipeline();
    expect(p.scan('4006381333931\r\n', 0)).toBe(true);
    expect(p.events[0]).toMatchObject({
      code: '4006381333931',
      aim: ']E0',
      tookMs: 3,
      outcome: {
        barcode: { ok: true, value: { gtin: '04006381333931' } },
        result: { product: { id: 'P1' }, variantSku: 'P1-42' },
      },
    });
    expect(p.scan('0000000000000', 5000)).toBe(true);
    expect(p.events[1]?.outcome.result).toBeNull();
    p.catalog.close();
  });

  it('ignore the same code again within the window (held under the scanner), not another code', () => {
    const p = pipeline(1500);
    expect(p.scan('4006381333931', 0)).toBe(true);
    expect(p.scan('4006381333931', 1000)).toBe(false);
    expect(p.scan('4006381333931', 2400)).toBe(false); // the window runs from the latest read
    expect(p.scan('96385074', 2500)).toBe(true);
    expect(p.scan('4006381333931', 2600)).toBe(true);
    expect(p.scan('4006381333931', 5000)).toBe(true);
    expect(p.events).toHaveLength(4);
    p.catalog.close();
  });

  it('drop track data that reached the scan path, unread', () => {
    const p = pipeline();
    expect(p.scan(';4111111111111111=2912101?', 0)).toBe(false);
    expect(p.scan('%B4111111111111111^DOE/JANE^2912?', 10)).toBe(false);
    expect(p.events).toEqual([]);
    expect(p.dropped()).toBe(2);
    p.catalog.close();
  });
});

describe('device status in the heartbeat', () => {
  it('fits the protocol’s heartbeat schema', () => {
    const status: DeviceStatus[] = Array.from({ length: 40 }, (_, i) => ({
      path: `/dev/hidraw${String(i)}`,
      usbId: '0c2e:0b61',
      kind: i % 2 === 0 ? 'scanner' : 'card-reader',
      name: 'Honeywell Voyager 1470g'.repeat(i === 0 ? 20 : 1),
      role: 'HID POS scanner (auto-detected)',
      connected: i !== 3,
      lastEventAt: i === 1 ? '2026-03-02T10:00:00.000Z' : null,
      errors: i,
      garbage: 0,
      lastError: null,
    }));
    const hardware = heartbeatHardware(status);
    expect(hardware).toHaveLength(32);
    expect(hardware[1]).toEqual({
      kind: 'card-reader',
      name: 'Honeywell Voyager 1470g (0c2e:0b61)',
      connected: true,
      lastEventAt: '2026-03-02T10:00:00.000Z',
      errors: 1,
    });
    const parsed = heartbeatSchema.safeParse({
      at: '2026-03-02T10:00:00.000Z',
      appVersion: '0.1.0',
      uptimeSeconds: 1,
      memoryMb: 1,
      cursors: {},
      hardware,
    });
    expect(parsed.success).toBe(true);
  });
});
