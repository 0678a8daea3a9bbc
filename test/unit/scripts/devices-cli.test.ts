/**
 * `vitrine devices`: the role table, and simulated scans and swipes reaching a running runtime's
 * devices through the development channel (a runtime in this process, on an in-memory HID bus).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hardwareSection } from '../../../kiosk-config/schema-hardware.js';
import {
  createDevices,
  DEV_CHANNEL_FILE,
  startDevChannel,
  type DeviceUiEvent,
} from '../../../main/runtime/devices/index.js';
import { openCatalog } from '../../../main/runtime/catalog/index.js';
import { silentLog, systemTimers } from '../../../main/runtime/sync/index.js';
import { deviceRows } from '../../../scripts/cli/commands/devices.js';
import { main } from '../../../scripts/cli/main.js';
import { captureOutput } from '../../support/capture-output.js';
import { FakeHidBus } from '../../support/fake-hid.js';
import { useTempDir } from '../../support/temp.js';

const output = captureOutput();
const tempDir = useTempDir();

async function runtime(simulation: boolean) {
  const dataDir = tempDir();
  const events: DeviceUiEvent[] = [];
  const catalog = openCatalog(join(dataDir, 'catalog.db'));
  const devices = createDevices({
    config: {
      hardware: hardwareSection.parse({
        cardReaders: [{ mode: 'msr', vendorId: 1, productId: 1, loyaltyPrefixes: ['6012'] }],
      }),
      development: { simulation },
    },
    transport: new FakeHidBus(),
    lookup: () =>
      ({ result: null, barcode: { ok: false, error: { code: 'empty', message: 'n/a', at: 0 } } }) as never,
    onEvent: (event) => events.push(event),
    log: silentLog,
    timers: systemTimers,
    clock: () => performance.now(),
    now: () => new Date(),
  });
  await devices.start();
  const channel =
    devices.simulator === undefined
      ? undefined
      : await startDevChannel({ dataDir, simulator: devices.simulator, log: silentLog });
  return {
    dataDir,
    events,
    async stop() {
      await channel?.close();
      await devices.stop();
      catalog.close();
    },
  };
}

describe('vitrine devices', () => {
  it('lists each device with the role the kiosk would give it', () => {
    const hardware = hardwareSection.parse({
      scanners: [{ mode: 'keyboard-wedge', vendorId: '0x1eab', productId: '0x0d10', layout: 'de' }],
    });
    const rows = deviceRows(
      [
        {
          path: '/dev/hidraw3',
          vendorId: 0x0c2e,
          productId: 0x0b61,
          usagePage: 0x8c,
          usage: 0x02,
          product: 'Voyager',
        },
        { path: '/dev/hidraw5', vendorId: 0x1eab, productId: 0x0d10, usagePage: 0x01, usage: 0x06 },
        { path: '/dev/hidraw6', vendorId: 0x046d, productId: 0xc31c, usagePage: 0x01, usage: 0x06 },
      ],
      hardware,
    );
    expect(rows).toEqual([
      ['/dev/hidraw3', '0c2e:0b61', '0x8c/0x02', 'Voyager', 'HID POS scanner (auto-detected)'],
      [
        '/dev/hidraw5',
        '1eab:0d10',
        '0x01/0x06',
        '—',
        'keyboard-wedge scanner (de, suffix enter) (from config)',
      ],
      ['/dev/hidraw6', '046d:c31c', '0x01/0x06', '—', '—'],
    ]);
  });

  it('simulates a scan and a loyalty card on a running runtime, through the real decoders', async () => {
    const r = await runtime(true);
    try {
      const file = join(r.dataDir, DEV_CHANNEL_FILE);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      await expect(
        main(['devices', 'simulate-scan', '4006381333931', '--aim', ']E0', '--data', r.dataDir]),
      ).resolves.toBe(0);
      await expect(
        main(['devices', 'simulate-card', '--loyalty', '6012345678901', '--data', r.dataDir]),
      ).resolves.toBe(0);
      await expect(
        main(['devices', 'simulate-card', '--track2', '4111111111111111=2912101', '--data', r.dataDir]),
      ).resolves.toBe(0);
      expect(r.events.map((e) => (e.kind === 'scan' ? [e.code, e.aim] : e))).toEqual([
        ['4006381333931', ']E0'],
        { kind: 'member', memberId: '6012345678901' },
        { kind: 'card-refused', reason: 'payment-card' },
      ]);
      // Bad input is refused by the runtime with the reason, and nothing is simulated.
      await expect(
        main(['devices', 'simulate-scan', '123', '--aim', 'E0', '--data', r.dataDir]),
      ).resolves.toBe(2);
      expect(output.stderr).toContain('expected an AIM symbology identifier like "]E0"');
      // A wrong token is refused.
      const channel = JSON.parse(readFileSync(file, 'utf8')) as { url: string };
      const forged = await fetch(`${channel.url}/simulate/scan`, {
        method: 'POST',
        headers: { authorization: 'Bearer nope' },
        body: '{"code":"1"}',
      });
      expect(forged.status).toBe(401);
      expect(r.events).toHaveLength(3);
    } finally {
      await r.stop();
    }
  });

  it('finds no channel when simulation is off, and says why', async () => {
    const r = await runtime(false);
    try {
      await expect(main(['devices', 'simulate-scan', '4006381333931', '--data', r.dataDir])).resolves.toBe(1);
      expect(output.stderr).toContain('"development": { "simulation": true }');
    } finally {
      await r.stop();
    }
  });
});
