/**
 * The composed runtime of a shop window on hand-driven time: kiosk.info carries the store's hours
 * and the screen's size, and the `hours` event reaches the page when the store opens and closes,
 * driven by the runtime's own timer (no page polls a clock).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfigValue } from '../../../kiosk-config/index.js';
import { startRuntime } from '../../../main/runtime/runtime.js';
import type { BridgeEventEnvelope, BridgeReply, KioskInfo } from '../../../shared/bridge/index.js';
import { FakeHidBus } from '../../support/fake-hid.js';
import { ManualTime } from '../../support/manual-time.js';
import { useTempDir } from '../../support/temp.js';
import { catalogText } from '../hub/hub-fixture.js';
import { silentLog } from '../sync/device-fixture.js';

const temp = useTempDir();
const PIN_HASH = 'scrypt$32768$8$1$0HzzWKcBYQHgSubqorTfFA==$5FaoILZnSbxkqjBRceLTV3zKInjULUSpBmdf528+mYw=';
const HOUR = 3600_000;
/** Friday 6 March 2026, 19:30 in Berlin. */
const START = Date.parse('2026-03-06T18:30:00Z');

function windowConfig(dir: string) {
  writeFileSync(join(dir, 'catalog.jsonl'), catalogText(10));
  const parsed = parseConfigValue({
    device: { id: 'ber-mitte-window-1', name: 'Shop window' },
    store: { code: 'BER-MITTE' },
    mode: 'window',
    standalone: { catalogFeed: './catalog.jsonl' },
    displays: [
      { screen: 0, role: 'kiosk', widthMm: 500, heightMm: 300 },
      { screen: 1, orientation: 'portrait', widthMm: 1210, heightMm: 680 },
    ],
    openingHours: {
      timeZone: 'Europe/Berlin',
      week: { fri: [{ open: '10:00', close: '20:00' }], sat: [{ open: '09:30', close: '18:00' }] },
    },
    staff: { pinHash: PIN_HASH },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.config;
}

describe('a shop window runtime', () => {
  it('tells the page its hours and screen size, and when the store closes and opens', async () => {
    const dir = temp();
    const time = new ManualTime();
    const runtime = await startRuntime({
      config: windowConfig(dir),
      configDir: dir,
      dataDir: join(dir, 'data'),
      appVersion: '0.1.0-test',
      log: silentLog,
      transport: new FakeHidBus(),
      now: () => new Date(START + time.now),
      timers: time,
    });
    const events: BridgeEventEnvelope[] = [];
    runtime.onEvent((event) => events.push(event));
    const info = async (): Promise<KioskInfo> => {
      const reply: BridgeReply = await runtime.dispatch('kiosk.info', {});
      if (!reply.ok) throw new Error(reply.error.message);
      return reply.value as KioskInfo;
    };
    try {
      const first = await info();
      expect(first.device.mode).toBe('window');
      // The window's own screen (no role: the device's mode), not the kiosk-role one.
      expect(first.display).toEqual({ widthMm: 1210, heightMm: 680 });
      expect(first.store).toMatchObject({
        code: 'BER-MITTE',
        address: 'Rosenthaler Str. 40',
        city: 'Berlin',
      });
      expect(first.hours).toMatchObject({
        timeZone: 'Europe/Berlin',
        open: true,
        closesAt: '2026-03-06T19:00:00.000Z',
        nextOpen: '2026-03-07T08:30:00.000Z',
      });
      expect(first.hours?.days.slice(0, 2)).toEqual([
        { date: '2026-03-06', intervals: [{ open: '10:00', close: '20:00' }] },
        { date: '2026-03-07', intervals: [{ open: '09:30', close: '18:00' }] },
      ]);

      const hours = () => events.filter((e) => e.name === 'hours').map((e) => e.payload);
      await time.advance(HOUR / 2 - 1);
      expect(hours()).toEqual([]);
      await time.advance(1);
      expect(hours()).toMatchObject([{ open: false, closesAt: null, nextOpen: '2026-03-07T08:30:00.000Z' }]);
      expect((await info()).hours?.open).toBe(false);

      // Overnight nothing more is said; at 09:30 on Saturday the store opens.
      await time.advance(13.5 * HOUR - 1);
      expect(hours()).toHaveLength(1);
      await time.advance(1);
      expect(hours()).toMatchObject([{ open: false }, { open: true, closesAt: '2026-03-07T17:00:00.000Z' }]);
      expect((await info()).hours?.open).toBe(true);
    } finally {
      await runtime.stop();
    }
    // Stopped: its timer is gone with it.
    await time.advance(48 * HOUR);
    expect(events.filter((e) => e.name === 'hours')).toHaveLength(2);
  });
});
