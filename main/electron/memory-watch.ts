/**
 * Samples each kiosk window's renderer memory every five minutes (app.getAppMetrics), and reloads
 * a window whose memory has been climbing for hours (memory-trend.ts) at the next idle moment:
 * nobody touching it, or the last session over. A reload then costs a shopper nothing.
 */
import type { SyncLog, Timers } from '../runtime/sync/index.js';
import type { ShellElectron } from './electron-api.js';
import { IdleMoments, MemoryTrend, type MemoryTrendPolicy } from './memory-trend.js';

export const MEMORY_SAMPLE_EVERY_MS = 5 * 60_000;

export interface WatchedWindow {
  rendererPid(): number | undefined;
  reload(): void;
  readonly showing: 'ui' | 'safe' | 'sleep';
}

export interface MemoryWatchOptions {
  app: Pick<ShellElectron['app'], 'getAppMetrics'>;
  windows: () => readonly WatchedWindow[];
  timers: Timers;
  now: () => number;
  log: SyncLog;
  policy?: MemoryTrendPolicy;
}

export interface MemoryWatch {
  /** A shopper touched, scanned or swiped. */
  activity(): void;
  /** The session ended: the attract loop is showing. */
  sessionEnded(): void;
  stop(): void;
}

export function watchMemory(options: MemoryWatchOptions): MemoryWatch {
  const { timers, now, log } = options;
  const trends = new WeakMap<WatchedWindow, { pid: number; trend: MemoryTrend }>();
  const idle = new IdleMoments();
  let timer: unknown;

  const sample = (): void => {
    const at = now();
    const metrics = options.app.getAppMetrics();
    for (const window of options.windows()) {
      const pid = window.rendererPid();
      const metric = pid === undefined ? undefined : metrics.find((m) => m.pid === pid);
      if (metric === undefined || window.showing !== 'ui') continue;
      // A new renderer process (after a crash or a reload elsewhere) starts a new trend.
      let tracked = trends.get(window);
      if (tracked?.pid !== metric.pid) {
        tracked = { pid: metric.pid, trend: new MemoryTrend(options.policy) };
        trends.set(window, tracked);
      }
      const { trend } = tracked;
      // workingSetSize is in kilobytes.
      trend.add({ at, bytes: metric.memory.workingSetSize * 1024 });
      const verdict = trend.verdict();
      if (!verdict.leaking || !idle.isIdle(at)) continue;
      log.warn(
        { pid, mbPerHour: Math.round(verdict.bytesPerHour / 1048576), fit: Number(verdict.fit.toFixed(2)) },
        'memory: the page has been growing for hours; reloading it while nobody is using it',
      );
      trend.reset();
      window.reload();
    }
    timer = timers.setTimeout(sample, MEMORY_SAMPLE_EVERY_MS);
  };
  timer = timers.setTimeout(sample, MEMORY_SAMPLE_EVERY_MS);

  return {
    activity: () => {
      idle.activity(now());
    },
    sessionEnded: () => {
      idle.sessionEnded();
    },
    stop: () => {
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
    },
  };
}
