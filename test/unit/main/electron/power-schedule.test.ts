/**
 * The power schedule across a day, a weekend and a time-zone change: the plan as a pure function,
 * and the shell carrying it out on a hand-moved clock (the sleep page, the dimmed window, the
 * display-sleep blocker, a touch that wakes a closed kiosk, a pushed config in another zone).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { powerPlanAt, replanDelayMs, type PowerInput } from '../../../../main/electron/power-schedule.js';
import type { KioskConfigInput } from '../../../../kiosk-config/index.js';
import { fakeDisplay } from '../../../support/fake-electron.js';
import { useTempDir } from '../../../support/temp.js';
import { testConfig, useShell } from './shell-fixture.js';

const tempDir = useTempDir();
const startShell = useShell(tempDir);

const weekday = [{ open: '10:00', close: '20:00' }];
const HOURS = {
  timeZone: 'Europe/Berlin',
  week: {
    mon: weekday,
    tue: weekday,
    wed: weekday,
    thu: weekday,
    fri: weekday,
    sat: [{ open: '09:30', close: '18:00' }],
    sun: [],
  },
  exceptions: [],
};
const kiosk: PowerInput = { role: 'kiosk', openingHours: HOURS };
const at = (iso: string) => new Date(iso);
const plan = (input: PowerInput, iso: string) => {
  const p = powerPlanAt(input, at(iso));
  return { screen: p.screen, keepDisplayAwake: p.keepDisplayAwake, until: p.until?.toISOString() ?? null };
};

describe('powerPlanAt', () => {
  it('follows a weekday in Berlin: blank at night, warm-up, open, blank after closing', () => {
    // Monday 2 March 2026, CET (UTC+1).
    expect(plan(kiosk, '2026-03-02T07:00:00Z')).toEqual({
      screen: 'blank',
      keepDisplayAwake: false,
      until: '2026-03-02T08:50:00.000Z',
    });
    expect(plan(kiosk, '2026-03-02T08:50:00Z')).toEqual({
      screen: 'awake',
      keepDisplayAwake: true,
      until: '2026-03-02T09:00:00.000Z',
    });
    expect(plan(kiosk, '2026-03-02T09:00:00Z')).toEqual({
      screen: 'awake',
      keepDisplayAwake: true,
      until: '2026-03-02T19:00:00.000Z',
    });
    expect(plan(kiosk, '2026-03-02T18:59:59Z').screen).toBe('awake');
    expect(plan(kiosk, '2026-03-02T19:00:00Z')).toEqual({
      screen: 'blank',
      keepDisplayAwake: false,
      until: '2026-03-03T08:50:00.000Z',
    });
  });

  it('dims a shop window after hours but keeps it lit', () => {
    expect(plan({ ...kiosk, role: 'window' }, '2026-03-02T21:00:00Z')).toEqual({
      screen: 'dim',
      keepDisplayAwake: true,
      until: '2026-03-03T08:50:00.000Z',
    });
  });

  it('sleeps through the weekend: Saturday closes early, Sunday is closed, Monday opens', () => {
    expect(plan(kiosk, '2026-03-07T08:30:00Z').screen).toBe('awake'); // Sat 09:30 local
    expect(plan(kiosk, '2026-03-07T17:00:00Z')).toEqual({
      screen: 'blank',
      keepDisplayAwake: false,
      until: '2026-03-09T08:50:00.000Z',
    });
    expect(plan(kiosk, '2026-03-08T11:00:00Z').until).toBe('2026-03-09T08:50:00.000Z'); // Sunday noon
    // Daylight saving starts on 29 March: Monday 30 March opens at 10:00 CEST, 08:00 UTC.
    expect(plan(kiosk, '2026-03-29T12:00:00Z').until).toBe('2026-03-30T07:50:00.000Z');
  });

  it('follows the time zone: the same instant is open in Berlin and closed in New York', () => {
    const instant = '2026-03-02T09:30:00Z';
    expect(plan(kiosk, instant).screen).toBe('awake');
    const newYork = { ...kiosk, openingHours: { ...HOURS, timeZone: 'America/New_York' } };
    // 04:30 in New York (EST, UTC-5): blank until the warm-up at 09:50 local.
    expect(plan(newYork, instant)).toEqual({
      screen: 'blank',
      keepDisplayAwake: false,
      until: '2026-03-02T14:50:00.000Z',
    });
  });

  it('wakes a closed kiosk for a touch, never past the warm-up, and is always on without hours', () => {
    const woken = { ...kiosk, wokenUntil: at('2026-03-02T07:15:00Z') };
    expect(plan(woken, '2026-03-02T07:00:00Z')).toEqual({
      screen: 'awake',
      keepDisplayAwake: true,
      until: '2026-03-02T07:15:00.000Z',
    });
    expect(plan(woken, '2026-03-02T07:15:00Z').screen).toBe('blank');
    expect(plan({ role: 'kiosk', openingHours: undefined }, '2026-03-02T03:00:00Z')).toEqual({
      screen: 'awake',
      keepDisplayAwake: true,
      until: null,
    });
  });

  it('plans again at the change, but at least hourly', () => {
    const now = at('2026-03-02T07:00:00Z');
    expect(replanDelayMs(powerPlanAt(kiosk, now), now)).toBe(3_600_000);
    const soon = at('2026-03-02T08:40:00Z');
    expect(replanDelayMs(powerPlanAt(kiosk, soon), soon)).toBe(10 * 60_000);
  });
});

const UI = 'app://vitrine/index.html?display=0';
const SLEEP = 'app://vitrine/shell/sleep.html?display=0';
const configWithHours = (extra: Partial<KioskConfigInput> = {}) =>
  testConfig({ openingHours: HOURS, ...extra });

describe('the shell carrying out the schedule', () => {
  it('sleeps a closed kiosk, lights it for the warm-up, and lets the system sleep after closing', async () => {
    const { electron, time } = await startShell({
      config: configWithHours(),
      startAt: Date.parse('2026-03-02T07:00:00Z'),
    });
    const contents = electron.windows[0]!.webContents;
    expect(contents.loads.at(-1)).toBe(SLEEP);
    expect(electron.blockers.size).toBe(0);

    await time.advance(110 * 60_000); // 08:50Z: the warm-up
    expect(contents.loads.at(-1)).toBe(UI);
    expect(electron.blockers.size).toBe(1);

    await time.advance(10 * 3_600_000 + 10 * 60_000); // 19:00Z: closed
    expect(contents.loads.at(-1)).toBe(SLEEP);
    expect(electron.blockers.size).toBe(0);
  });

  it('wakes a closed kiosk for fifteen minutes when the sleep page is touched', async () => {
    const { electron, time } = await startShell({
      config: configWithHours(),
      startAt: Date.parse('2026-03-02T21:00:00Z'),
    });
    const contents = electron.windows[0]!.webContents;
    expect(contents.loads.at(-1)).toBe(SLEEP);
    expect(contents.navigate('app://vitrine/shell/wake?display=0')).toBe(false);
    expect(contents.loads.at(-1)).toBe(UI);
    expect(electron.blockers.size).toBe(1);
    await time.advance(15 * 60_000);
    expect(contents.loads.at(-1)).toBe(SLEEP);
    expect(electron.blockers.size).toBe(0);
  });

  it('dims the shop window and sleeps the kiosk of one box after hours', async () => {
    const { electron, time } = await startShell({
      config: configWithHours({
        displays: [
          { screen: 0, role: 'kiosk' },
          { screen: 1, role: 'window' },
        ],
      }),
      displays: [
        fakeDisplay(1, { x: 0, y: 0, width: 1920, height: 1080 }),
        fakeDisplay(2, { x: 1920, y: 0, width: 1920, height: 1080 }),
      ],
      startAt: Date.parse('2026-03-02T18:00:00Z'),
    });
    const [kioskWindow, shopWindow] = electron.windows;
    expect(shopWindow!.options.x).toBe(1920);
    expect(shopWindow!.webContents.loads).toEqual(['app://vitrine/index.html?display=1']);
    expect([...shopWindow!.webContents.css.values()]).toEqual([]);

    await time.advance(3_600_000);
    expect(kioskWindow!.webContents.loads.at(-1)).toBe(SLEEP);
    expect([...shopWindow!.webContents.css.values()]).toEqual([
      'html { filter: brightness(0.35) !important; }',
    ]);
    // The window keeps the display lit.
    expect(electron.blockers.size).toBe(1);
  });

  it('applies a pushed config with another time zone at once', async () => {
    const fixture = await startShell({
      config: configWithHours(),
      startAt: Date.parse('2026-03-02T09:30:00Z'),
    });
    const contents = fixture.electron.windows[0]!.webContents;
    expect(contents.loads.at(-1)).toBe(UI);
    const written = JSON.parse(readFileSync(fixture.configPath, 'utf8')) as {
      openingHours: { timeZone: string };
    };
    written.openingHours.timeZone = 'America/New_York';
    writeFileSync(fixture.configPath, JSON.stringify(written));
    fixture.runtime().emit({ name: 'kiosk', payload: { change: 'config' } });
    await fixture.time.advance(0);
    expect(contents.loads.at(-1)).toBe(SLEEP);
    expect(fixture.electron.blockers.size).toBe(0);
  });
});
