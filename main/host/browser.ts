/**
 * Chromium in kiosk/app mode, kept alive: a browser that crashes or is closed by hand comes back
 * after a short wait, and one that keeps crashing is retried ever more slowly. The decisions
 * (arguments, next delay) are plain functions; this file only spawns and waits.
 */
import { spawn as nodeSpawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { SyncLog, Timers } from '../runtime/sync/index.js';
import { systemTimers } from '../runtime/sync/index.js';

export const FIRST_RELAUNCH_DELAY_MS = 1000;
export const MAX_RELAUNCH_DELAY_MS = 30_000;
/** A browser that ran this long was healthy: its next crash starts the backoff over. */
export const HEALTHY_RUN_MS = 60_000;
/** How long a browser gets to exit on SIGTERM before it is killed. */
export const STOP_GRACE_MS = 5000;

/**
 * The wait before the next launch: 1 s, doubling up to 30 s while the browser keeps exiting
 * quickly, back to 1 s after a run of at least a minute.
 */
export function nextRelaunchDelayMs(previousDelayMs: number | undefined, ranForMs: number): number {
  if (previousDelayMs === undefined || ranForMs >= HEALTHY_RUN_MS) return FIRST_RELAUNCH_DELAY_MS;
  return Math.min(previousDelayMs * 2, MAX_RELAUNCH_DELAY_MS);
}

export function kioskBrowserArgs(options: {
  url: string;
  dataDir: string;
  extraArgs?: readonly string[];
  runningAsRoot: boolean;
}): string[] {
  return [
    '--kiosk',
    `--app=${options.url}`,
    // Its own profile: no extensions, sessions or sync state from a person's browser leak in.
    `--user-data-dir=${join(options.dataDir, 'browser-profile')}`,
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
    // Chromium refuses to start as root with its sandbox on; kiosk images often run everything
    // as root. Better: a kiosk user, which keeps the sandbox.
    ...(options.runningAsRoot ? ['--no-sandbox'] : []),
    ...(options.extraArgs ?? []),
  ];
}

export interface BrowserOptions {
  /** The Chromium (or Chrome) executable. */
  path: string;
  /** The page to open, with the bridge secret in its fragment. */
  url: string;
  dataDir: string;
  extraArgs?: readonly string[];
  log: SyncLog;
  timers?: Timers;
  now?: () => number;
  spawn?: (path: string, args: readonly string[]) => ChildProcess;
}

export interface KioskBrowser {
  /** Stops relaunching and ends the browser (SIGTERM, SIGKILL after 5 s); resolves once it exited. */
  stop(): Promise<void>;
}

const STDERR_TAIL_CHARS = 2000;

export function launchBrowser(options: BrowserOptions): KioskBrowser {
  const timers = options.timers ?? systemTimers;
  const now = options.now ?? Date.now;
  const spawn =
    options.spawn ??
    ((path: string, args: readonly string[]) =>
      nodeSpawn(path, args, { stdio: ['ignore', 'ignore', 'pipe'] }));
  const args = kioskBrowserArgs({
    url: options.url,
    dataDir: options.dataDir,
    runningAsRoot: process.getuid?.() === 0,
    ...(options.extraArgs === undefined ? {} : { extraArgs: options.extraArgs }),
  });
  const { log } = options;

  let stopped = false;
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let relaunchTimer: unknown;
  let lastDelayMs: number | undefined;

  const launch = (): void => {
    relaunchTimer = undefined;
    if (stopped) return;
    const startedAt = now();
    let stderr = '';
    let done = false;
    let resolveExited = (): void => undefined;
    exited = new Promise<void>((resolve) => {
      resolveExited = resolve;
    });
    const finish = (details: object): void => {
      // A failed spawn emits 'error' and may emit 'exit' too: count it once.
      if (done) return;
      done = true;
      child = undefined;
      resolveExited();
      const ranForMs = Math.max(0, now() - startedAt);
      if (stopped) {
        log.info({ ...details, ranForMs }, 'browser: stopped');
        return;
      }
      const delayMs = nextRelaunchDelayMs(lastDelayMs, ranForMs);
      lastDelayMs = delayMs;
      log.warn(
        { ...details, ranForMs, relaunchInMs: delayMs, stderr: stderr.slice(-STDERR_TAIL_CHARS) },
        `browser: exited; relaunching in ${String(delayMs)} ms`,
      );
      relaunchTimer = timers.setTimeout(launch, delayMs);
    };
    let current: ChildProcess;
    try {
      current = spawn(options.path, args);
    } catch (error) {
      finish({ error: error instanceof Error ? error.message : String(error), path: options.path });
      return;
    }
    child = current;
    current.once('exit', (code, signal) => {
      finish({ code, signal });
    });
    current.once('error', (error) => {
      finish({ error: error.message, path: options.path });
    });
    current.stderr?.setEncoding('utf8');
    current.stderr?.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_TAIL_CHARS);
    });
    log.info({ path: options.path, pid: current.pid }, 'browser: launched');
  };

  launch();

  return {
    async stop() {
      if (stopped) return exited;
      stopped = true;
      if (relaunchTimer !== undefined) timers.clearTimeout(relaunchTimer);
      relaunchTimer = undefined;
      const running = child;
      if (running === undefined) return exited;
      running.kill('SIGTERM');
      const killTimer = timers.setTimeout(() => {
        log.warn({ pid: running.pid }, `browser: no exit ${String(STOP_GRACE_MS)} ms after SIGTERM; killing`);
        running.kill('SIGKILL');
      }, STOP_GRACE_MS);
      await exited;
      timers.clearTimeout(killTimer);
    },
  };
}
