import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  kioskBrowserArgs,
  launchBrowser,
  nextRelaunchDelayMs,
  type KioskBrowser,
} from '../../../main/host/index.js';
import type { Timers } from '../../../main/runtime/sync/index.js';
import { until } from '../../support/processes.js';
import { useTempDir } from '../../support/temp.js';
import { recordingLog } from './host-fixture.js';

const tempDir = useTempDir();
const browsers: KioskBrowser[] = [];
afterEach(async () => {
  for (const browser of browsers.splice(0)) await browser.stop();
});

/**
 * A stand-in for Chromium: records its arguments (one JSON line per launch), then exits at once,
 * stays until SIGTERM, or ignores SIGTERM. Recording comes after the SIGTERM handler is set, so a
 * recorded launch is ready for the signal.
 */
function fakeBrowser(behaviour: 'exit' | 'stay' | 'ignore-sigterm'): {
  path: string;
  launches: () => string[][];
} {
  const dir = tempDir();
  const record = join(dir, 'launches.jsonl');
  const path = join(dir, 'fake-chromium');
  const body = {
    exit: 'process.exitCode = 3;',
    stay: 'setInterval(() => undefined, 1000);',
    'ignore-sigterm': "process.on('SIGTERM', () => undefined); setInterval(() => undefined, 1000);",
  }[behaviour];
  writeFileSync(
    path,
    [
      '#!/usr/bin/env node',
      body,
      `require('node:fs').appendFileSync(${JSON.stringify(record)}, JSON.stringify(process.argv.slice(2)) + '\\n');`,
      '',
    ].join('\n'),
  );
  chmodSync(path, 0o755);
  return {
    path,
    launches: () =>
      existsSync(record)
        ? readFileSync(record, 'utf8')
            .split('\n')
            .filter((line) => line !== '')
            .map((line) => JSON.parse(line) as string[])
        : [],
  };
}

/** Timers the test fires by hand: each records its delay and waits until the test runs it. */
function manualTimers(): Timers & { pending: { run: () => void; ms: number }[] } {
  const pending: { run: () => void; ms: number }[] = [];
  return {
    pending,
    setTimeout(run, ms) {
      const timer = { run, ms };
      pending.push(timer);
      return timer;
    },
    clearTimeout(handle) {
      const index = pending.indexOf(handle as (typeof pending)[number]);
      if (index >= 0) pending.splice(index, 1);
    },
  };
}

function fire(timers: ReturnType<typeof manualTimers>): number {
  const timer = timers.pending.shift();
  if (timer === undefined) throw new Error('no timer to fire');
  timer.run();
  return timer.ms;
}

describe('relaunch backoff (pure)', () => {
  it('starts at 1 s, doubles up to 30 s while the browser keeps dying, and resets after a minute up', () => {
    const delays: number[] = [];
    let previous: number | undefined;
    for (let i = 0; i < 8; i++) delays.push((previous = nextRelaunchDelayMs(previous, 500)));
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(nextRelaunchDelayMs(30000, 59_999)).toBe(30000);
    expect(nextRelaunchDelayMs(30000, 60_000)).toBe(1000);
    expect(nextRelaunchDelayMs(4000, 3_600_000)).toBe(1000);
  });
});

describe('kiosk browser', () => {
  it('launches Chromium with the kiosk flags and the profile in the data dir', () => {
    const args = kioskBrowserArgs({
      url: 'http://127.0.0.1:5/#secret=s',
      dataDir: '/data/kiosk-1',
      extraArgs: ['--ozone-platform=wayland'],
      runningAsRoot: false,
    });
    expect(args).toEqual([
      '--kiosk',
      '--app=http://127.0.0.1:5/#secret=s',
      '--user-data-dir=/data/kiosk-1/browser-profile',
      '--no-first-run',
      '--disable-sync',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-translate',
      '--disable-features=Translate,TouchpadOverscrollHistoryNavigation',
      '--overscroll-history-navigation=0',
      '--disable-pinch',
      '--noerrdialogs',
      '--disable-session-crashed-bubble',
      '--autoplay-policy=no-user-gesture-required',
      '--ozone-platform=wayland',
    ]);
    expect(kioskBrowserArgs({ url: 'u', dataDir: '/d', runningAsRoot: true })).toContain('--no-sandbox');
  });

  it('relaunches a browser that exits, backing off as the pure function says, until stopped', async () => {
    const fake = fakeBrowser('exit');
    const timers = manualTimers();
    const log = recordingLog();
    let clock = 0;
    const dataDir = tempDir();
    const url = 'http://127.0.0.1:1234/#secret=abc';
    const browser = launchBrowser({
      path: fake.path,
      url,
      dataDir,
      extraArgs: ['--extra-flag'],
      log,
      timers,
      now: () => clock,
    });
    browsers.push(browser);

    const delays: number[] = [];
    for (let launch = 1; launch <= 6; launch++) {
      await until(`exit ${String(launch)} to schedule a relaunch`, () => timers.pending.length === 1);
      expect(fake.launches()).toHaveLength(launch);
      delays.push(fire(timers));
      // The fourth run lasts "a minute": the browser was healthy, so the backoff starts over.
      if (launch === 3) clock += 61_000;
    }
    await until('exit 7 to schedule a relaunch', () => timers.pending.length === 1);

    const expected: number[] = [];
    let previous: number | undefined;
    for (const ranForMs of [0, 0, 0, 61_000, 0, 0]) {
      previous = nextRelaunchDelayMs(previous, ranForMs);
      expected.push(previous);
    }
    expect(expected).toEqual([1000, 2000, 4000, 1000, 2000, 4000]);
    expect(delays).toEqual(expected);

    const launches = fake.launches();
    expect(launches).toHaveLength(7);
    const kioskArgs = kioskBrowserArgs({
      url,
      dataDir,
      extraArgs: ['--extra-flag'],
      runningAsRoot: process.getuid?.() === 0,
    });
    for (const args of launches) expect(args).toEqual(kioskArgs);
    expect(launches[0]).toContain(`--app=${url}`);
    expect(launches[0]).toContain(`--user-data-dir=${join(dataDir, 'browser-profile')}`);

    const exits = log.entries.filter((e) => e.message.startsWith('browser: exited'));
    expect(exits).toHaveLength(7);
    expect(exits[0]?.details).toMatchObject({ code: 3, signal: null, relaunchInMs: 1000 });

    await browser.stop();
    expect(timers.pending).toEqual([]);
    expect(fake.launches()).toHaveLength(7);
  });

  it('stop() ends a running browser with SIGTERM and resolves once it exited', async () => {
    const fake = fakeBrowser('stay');
    const log = recordingLog();
    const browser = launchBrowser({ path: fake.path, url: 'http://127.0.0.1:1/', dataDir: tempDir(), log });
    browsers.push(browser);
    await until('the browser to start', () => fake.launches().length === 1);
    await browser.stop();
    const stopped = log.entries.find((e) => e.message === 'browser: stopped');
    expect(stopped?.details).toMatchObject({ signal: 'SIGTERM' });
    expect(log.entries.some((e) => e.message.startsWith('browser: exited'))).toBe(false);
    await browser.stop();
  });

  it('stop() kills a browser that ignores SIGTERM after the grace period', async () => {
    const fake = fakeBrowser('ignore-sigterm');
    const timers = manualTimers();
    const log = recordingLog();
    const browser = launchBrowser({
      path: fake.path,
      url: 'http://127.0.0.1:1/',
      dataDir: tempDir(),
      log,
      timers,
    });
    browsers.push(browser);
    await until('the browser to start', () => fake.launches().length === 1);
    let resolved = false;
    const stopping = browser.stop().then(() => (resolved = true));
    expect(timers.pending.map((t) => t.ms)).toEqual([5000]);
    // Still running: SIGTERM alone did not end it.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(resolved).toBe(false);
    fire(timers);
    await stopping;
    expect(log.entries.find((e) => e.message === 'browser: stopped')?.details).toMatchObject({
      signal: 'SIGKILL',
    });
    expect(timers.pending).toEqual([]);
  });

  it('logs a browser that cannot be started and retries it', async () => {
    const timers = manualTimers();
    const log = recordingLog();
    const browser = launchBrowser({
      path: join(tempDir(), 'no-such-chromium'),
      url: 'http://127.0.0.1:1/',
      dataDir: tempDir(),
      log,
      timers,
    });
    browsers.push(browser);
    await until('the failed launch to schedule a retry', () => timers.pending.length === 1);
    expect(timers.pending[0]?.ms).toBe(1000);
    const warning = log.entries.find((e) => e.level === 'warn');
    expect(warning?.message).toBe('browser: exited; relaunching in 1000 ms');
    expect(String((warning?.details as { error?: unknown } | undefined)?.error)).toContain('ENOENT');
    await browser.stop();
    expect(timers.pending).toEqual([]);
  });
});
