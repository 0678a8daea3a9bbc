/**
 * Memory that climbs for hours is reloaded at an idle moment: the trend verdict on made-up samples,
 * and the shell sampling a window's renderer (app.getAppMetrics on the fake) and reloading it only
 * when nobody is using the kiosk.
 */
import type { ProcessMetric } from 'electron';
import { describe, expect, it } from 'vitest';
import { IdleMoments, MemoryTrend } from '../../../../main/electron/memory-trend.js';
import { MEMORY_SAMPLE_EVERY_MS } from '../../../../main/electron/memory-watch.js';
import { useTempDir } from '../../../support/temp.js';
import { useShell } from './shell-fixture.js';

const tempDir = useTempDir();
const startShell = useShell(tempDir);

const MB = 1024 * 1024;
const MINUTE = 60_000;

function trendOf(bytesAt: (minute: number) => number, hours: number): MemoryTrend {
  const trend = new MemoryTrend();
  for (let minute = 0; minute <= hours * 60; minute += 5)
    trend.add({ at: minute * MINUTE, bytes: bytesAt(minute) });
  return trend;
}

describe('MemoryTrend', () => {
  it('calls a steady climb of 40 MB an hour over four hours a leak', () => {
    const verdict = trendOf((m) => 300 * MB + (m / 60) * 40 * MB + ((m * 7919) % 5) * MB, 4).verdict();
    expect(verdict.leaking).toBe(true);
    expect(verdict.bytesPerHour / MB).toBeCloseTo(40, 0);
    expect(verdict.fit).toBeGreaterThan(0.95);
  });

  it('does not call flat use, a single jump, or a short climb a leak', () => {
    expect(trendOf(() => 400 * MB, 6).verdict().leaking).toBe(false);
    // One large catalog page at 3 h, then flat: the line does not fit.
    expect(trendOf((m) => (m < 180 ? 300 : 420) * MB + ((m * 31) % 40) * MB, 6).verdict().leaking).toBe(
      false,
    );
    // Two hours of climbing is not yet "hours".
    expect(trendOf((m) => 300 * MB + (m / 60) * 80 * MB, 2).verdict().leaking).toBe(false);
  });

  it('keeps six hours of samples and starts over after a reset', () => {
    const trend = trendOf((m) => 300 * MB + (m / 60) * 40 * MB, 12);
    expect(trend.verdict().leaking).toBe(true);
    trend.reset();
    expect(trend.verdict()).toMatchObject({ leaking: false });
  });
});

describe('IdleMoments', () => {
  it('is idle after a session ended or after five quiet minutes', () => {
    const idle = new IdleMoments();
    expect(idle.isIdle(0)).toBe(true);
    idle.activity(1000);
    expect(idle.isIdle(1000 + 4 * MINUTE)).toBe(false);
    expect(idle.isIdle(1000 + 5 * MINUTE)).toBe(true);
    idle.activity(2000);
    idle.sessionEnded();
    expect(idle.isIdle(2001)).toBe(true);
  });
});

describe('the shell watching memory', () => {
  it('reloads a growing page at the next idle moment, not while a shopper uses it', async () => {
    const fixture = await startShell();
    const { electron, time } = fixture;
    const contents = electron.windows[0]!.webContents;
    const start = time.now;
    const metric = (): ProcessMetric[] => [
      {
        pid: contents.pid,
        type: 'Tab',
        creationTime: start,
        cpu: { percentCPUUsage: 1, idleWakeupsPerSecond: 0 },
        // 300 MB growing 60 MB an hour, in kilobytes like Electron's workingSetSize.
        memory: {
          workingSetSize: ((300 + ((time.now - start) / 3_600_000) * 60) * MB) / 1024,
          peakWorkingSetSize: 0,
        },
      },
    ];
    Object.defineProperty(electron, 'metrics', { get: metric });

    // A shopper touches the screen every few minutes through the afternoon.
    const touch = () => electron.ipc.ipcRenderer.invoke('bridge:call', 'session.activity', {});
    for (let elapsed = 0; elapsed < 4 * 3_600_000; elapsed += 4 * MINUTE) {
      await touch();
      await time.advance(4 * MINUTE);
    }
    expect(contents.loads).toHaveLength(1);

    // The session ends (the attract loop is back): the next sample reloads the page.
    fixture.runtime().emit({ name: 'idle', payload: { phase: 'reset' } });
    await time.advance(MEMORY_SAMPLE_EVERY_MS);
    expect(contents.loads).toEqual([
      'app://vitrine/index.html?display=0',
      'app://vitrine/index.html?display=0',
    ]);
  });
});
