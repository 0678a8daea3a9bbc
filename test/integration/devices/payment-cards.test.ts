/**
 * A payment card swiped through every path the device layer has: a magnetic stripe reader, a
 * reader in keyboard mode, the development simulator, and a card reader wrongly set up as a
 * keyboard-wedge scanner. Then the card's number and name are searched for in every log line
 * (device and hub, at debug level), every file the device and the hub wrote (databases and their
 * WAL files included), and every message the hub received (the outbox items it stored: the test
 * first checks that every item the device recorded was delivered).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { hardwareSection } from '../../../kiosk-config/schema-hardware.js';
import { openCatalog } from '../../../main/runtime/catalog/index.js';
import { createDevices, type DeviceUiEvent } from '../../../main/runtime/devices/index.js';
import { reportsFor } from '../../../main/runtime/devices/keyboard.js';
import { msrReportFor } from '../../../main/runtime/devices/msr.js';
import { createSessionAnalytics } from '../../../main/runtime/session/analytics.js';
import {
  createSyncClient,
  loadCredentials,
  openOutbox,
  systemTimers,
} from '../../../main/runtime/sync/index.js';
import { FakeHidBus } from '../../support/fake-hid.js';
import { useTempDir } from '../../support/temp.js';
import { catalogText, useHubs } from '../hub/hub-fixture.js';
import { provision, until } from '../sync/device-fixture.js';

const tempDir = useTempDir();
const hubs = useHubs();

const PAN = '5555555555554444'; // a Mastercard test number: Luhn-valid, MII 5
const NAME = 'CARDHOLDER/PAT';
const track1 = `B${PAN}^${NAME}^2912101000000000000`;
const track2 = `${PAN}=29121010000000000`;

const msr = { path: '/dev/hidraw7', vendorId: 0x0801, productId: 0x0002, usagePage: 0x8e, usage: 0x01 };
const typing = { path: '/dev/hidraw8', vendorId: 0x1eab, productId: 0x0d10, usagePage: 0x01, usage: 0x06 };
const miswired = { path: '/dev/hidraw9', vendorId: 0x1eab, productId: 0x0d11, usagePage: 0x01, usage: 0x06 };

/** Every file under `dir`, recursively. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Which of the secrets appear in a file, as ASCII/UTF-8 or UTF-16 text. */
function found(path: string, secrets: readonly string[]): string[] {
  const bytes = readFileSync(path);
  return secrets.filter(
    (secret) =>
      bytes.includes(Buffer.from(secret, 'latin1')) || bytes.includes(Buffer.from(secret, 'utf16le')),
  );
}

describe('a payment card swiped through every path', () => {
  it('leaves its number and name in no log line, no file and no message to the hub', async () => {
    const hubDir = tempDir();
    const test = await hubs.start(hubDir);
    await test.hub.importFeed(catalogText(20), { fileName: 'catalog.jsonl' });
    const dataDir = tempDir();
    const deviceLog: string[] = [];
    const logger = pino({ level: 'debug' }, { write: (line: string) => void deviceLog.push(line) });
    const catalog = openCatalog(join(dataDir, 'catalog.db'));
    const outbox = openOutbox(join(dataDir, 'outbox.db'));
    const client = createSyncClient({
      hubUrl: test.hub.url,
      dataDir,
      catalog: catalog.sync,
      enrollmentCode: await provision(test),
      appVersion: '0.1.0-test',
      log: logger,
      now: () => new Date(),
      random: Math.random,
      outbox,
      firstConnectJitterMs: 0,
      heartbeatSeconds: 3600,
    });
    const bus = new FakeHidBus();
    const shown: DeviceUiEvent[] = [];
    // What a shopper's card or scan leaves for analytics goes through the session's recording,
    // as in the runtime: a session is running, so the scan is recorded too.
    const analytics = createSessionAnalytics({ outbox, now: () => new Date(), log: logger });
    analytics.start();
    const devices = createDevices({
      config: {
        hardware: hardwareSection.parse({
          cardReaders: [
            { mode: 'msr', vendorId: msr.vendorId, productId: msr.productId, loyaltyPrefixes: ['601234'] },
            {
              mode: 'keyboard-wedge',
              vendorId: typing.vendorId,
              productId: typing.productId,
              loyaltyPrefixes: ['601234'],
            },
          ],
          scanners: [
            {
              mode: 'keyboard-wedge',
              vendorId: miswired.vendorId,
              productId: miswired.productId,
              suffix: 'enter',
            },
          ],
        }),
        development: { simulation: true },
      },
      transport: bus,
      lookup: (code) => catalog.reader.lookup(code, 'BER-MITTE'),
      onEvent: (event) => {
        shown.push(event);
        analytics.device(event);
      },
      log: logger,
      timers: systemTimers,
      clock: () => performance.now(),
      now: () => new Date(),
    });
    try {
      client.start();
      for (const device of [msr, typing, miswired]) bus.plug(device);
      await devices.start();
      await until('the first sync', () => client.status().phase === 'online');

      bus.send(msr.path, msrReportFor([track1, track2]));
      for (const report of reportsFor(`%${track1}?;${track2}?\n`, 'us')) bus.send(typing.path, report);
      expect(devices.simulator?.swipe([track1, track2])).toBe(true);
      for (const report of reportsFor(`;${track2}?\n`, 'us')) bus.send(miswired.path, report);
      // And a loyalty card and a real scan, so the paths are shown to work, not merely silent.
      bus.send(msr.path, msrReportFor(['', '6012345678901=2912']));
      devices.simulator?.scan('4006381333931');

      await until('every event shown', () => shown.length === 6);
      expect(
        shown.map((e) => (e.kind === 'scan' ? 'scan' : e.kind === 'member' ? e.memberId : e.reason)),
      ).toEqual(['payment-card', 'payment-card', 'payment-card', 'unreadable', '6012345678901', 'scan']);
      await until('every outbox item delivered', () => outbox.pending() === 0);
      const deviceId = loadCredentials(dataDir)?.deviceId ?? '';
      // The session start, five cards (the miswired reader's swipe too) and the scan.
      expect(await test.hub.store.countReceived(deviceId)).toBe(7);
      expect(outbox.deadLetters()).toEqual([]);
    } finally {
      await devices.stop();
      client.stop();
      outbox.close();
      catalog.close();
      await test.hub.close();
    }

    const secrets = [PAN, NAME, `${PAN.slice(0, 6)}${PAN.slice(6, 12)}`];
    const hubFiles = files(hubDir);
    const deviceFiles = files(dataDir);
    expect(deviceFiles.some((f) => f.endsWith('outbox.db'))).toBe(true);
    expect(hubFiles.length).toBeGreaterThan(0);
    for (const path of [...deviceFiles, ...hubFiles])
      expect({ path, found: found(path, secrets) }).toEqual({ path, found: [] });
    const logs = [...deviceLog, ...test.logs.map((l) => JSON.stringify(l))];
    expect(logs.length).toBeGreaterThan(10);
    for (const secret of secrets) expect(logs.filter((line) => line.includes(secret))).toEqual([]);
  });
});
