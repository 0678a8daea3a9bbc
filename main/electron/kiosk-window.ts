/**
 * One display's window: created locked down on its display, showing one of three pages (the kiosk
 * UI, the safe page, the sleep page), reloaded by the watchdog when its renderer dies or hangs,
 * dimmed or put to sleep by the power schedule, and photographed now and then while healthy, so
 * the safe page can show the last good picture of this very screen.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Rectangle } from 'electron';
import type { SyncLog, Timers } from '../runtime/sync/index.js';
import type { ShellElectron, ShellWindow } from './electron-api.js';
import { lockDown } from './lockdown.js';
import { guardNavigation } from './navigation.js';
import { APP_INDEX_URL, APP_ORIGIN, isSameOrigin } from './origin.js';
import type { ScreenState } from './power-schedule.js';
import { RendererWatchdog, type WatchdogPolicy } from './renderer-watchdog.js';
import { WAKE_PATH } from './shell-pages.js';
import { kioskWindowOptions } from './window-options.js';

export type PageKind = 'ui' | 'safe' | 'sleep';

/** A page that stops answering this long is counted as failed (short hangs happen: a big sync page). */
export const UNRESPONSIVE_GRACE_MS = 10_000;
/** The UI must have run this long after loading before its picture counts as good. */
export const LAST_GOOD_AFTER_MS = 60_000;
export const LAST_GOOD_EVERY_MS = 30 * 60_000;
const DIM_CSS = 'html { filter: brightness(0.35) !important; }';

export function pageUrl(kind: PageKind, display: number): string {
  const query = `?display=${String(display)}`;
  if (kind === 'ui') return `${APP_INDEX_URL}${query}`;
  return `${APP_ORIGIN}/shell/${kind}.html${query}`;
}

export interface KioskWindowOptions {
  electron: Pick<ShellElectron, 'BrowserWindow'>;
  /** Index in the config's `displays`. */
  display: number;
  bounds: Rectangle;
  preload: string;
  production: boolean;
  /** Where this display's last good picture is kept. */
  lastGoodFile: string;
  timers: Timers;
  now: () => number;
  log: SyncLog;
  watchdog?: WatchdogPolicy;
  /** The display went to the safe page (once per episode): tell the hub. */
  onSafePage(details: { failures: number; reason: string }): void;
  /** A touch on the sleep page. */
  onWake(): void;
}

export class KioskWindow {
  readonly window: ShellWindow;
  private readonly watchdog: RendererWatchdog;
  private page: PageKind = 'ui';
  private screen: ScreenState = 'awake';
  private dimKey: string | undefined;
  private pending: unknown;
  private lastGoodTimer: unknown;
  private hangTimer: unknown;
  private loads = 0;
  private closed = false;
  /** The renderer is being ended on purpose after a hang: its exit is not a second failure. */
  private expectingCrash = false;

  constructor(private readonly options: KioskWindowOptions) {
    const { log } = options;
    this.watchdog = new RendererWatchdog(options.watchdog);
    this.window = new options.electron.BrowserWindow(
      kioskWindowOptions({
        bounds: options.bounds,
        preload: options.preload,
        production: options.production,
      }),
    );
    const { window } = this;
    const contents = window.webContents;
    window.removeMenu();
    guardNavigation(contents, APP_ORIGIN, log);
    lockDown(contents, { production: options.production, log });

    window.on('ready-to-show', () => {
      window.show();
    });
    // The sleep page's one link: a touch on the black screen.
    contents.on('will-navigate', (event, url) => {
      if (!isSameOrigin(url, APP_ORIGIN) || new URL(url).pathname !== WAKE_PATH) return;
      event.preventDefault();
      options.onWake();
    });
    contents.on('did-finish-load', () => {
      this.loads++;
      this.expectingCrash = false;
      this.afterLoad(this.loads);
    });
    contents.on('render-process-gone', (_event, details) => {
      if (details.reason === 'clean-exit' || this.closed) return;
      this.failed(`renderer ${details.reason} (exit code ${String(details.exitCode)})`);
    });
    window.on('unresponsive', () => {
      if (this.hangTimer !== undefined) return;
      this.hangTimer = options.timers.setTimeout(() => {
        this.hangTimer = undefined;
        // A hung renderer does not reload; ending it lets the reload start a fresh one. Its
        // render-process-gone is this same failure, so it is not counted again.
        this.failed(`page unresponsive for ${String(UNRESPONSIVE_GRACE_MS / 1000)} s`, true);
        contents.forcefullyCrashRenderer();
      }, UNRESPONSIVE_GRACE_MS);
    });
    window.on('responsive', () => {
      if (this.hangTimer !== undefined) options.timers.clearTimeout(this.hangTimer);
      this.hangTimer = undefined;
    });
    window.on('closed', () => {
      this.closed = true;
      this.clearTimers();
    });
    this.load('ui');
  }

  /** What the display shows now. */
  get showing(): PageKind {
    return this.page;
  }

  get onSafePage(): boolean {
    return this.watchdog.onSafePage;
  }

  /** The schedule's state for this display: the sleep page while blank, the UI (dimmed or not) otherwise. */
  setScreen(state: ScreenState): void {
    const was = this.screen;
    this.screen = state;
    if (state === 'blank') {
      if (this.page !== 'sleep') this.load('sleep');
      return;
    }
    if (this.page === 'sleep') this.load(this.watchdog.onSafePage ? 'safe' : 'ui');
    else if (was !== state) this.applyDim();
  }

  /**
   * A deliberate reload (fleet command, memory): the UI afresh, not counted as a failure; from
   * the safe page too, since an operator who asks has usually fixed what broke it. A sleeping
   * display stays asleep.
   */
  reload(): void {
    if (this.page === 'sleep') return;
    if (this.page === 'safe') this.watchdog.reset();
    this.load('ui');
  }

  /** The renderer's process id, for memory samples; undefined while it has none. */
  rendererPid(): number | undefined {
    if (this.closed || this.window.webContents.isDestroyed()) return undefined;
    const pid = this.window.webContents.getOSProcessId();
    return pid > 0 ? pid : undefined;
  }

  close(): void {
    this.closed = true;
    this.clearTimers();
    if (!this.window.isDestroyed()) this.window.destroy();
  }

  private clearTimers(): void {
    const { timers } = this.options;
    for (const timer of [this.pending, this.lastGoodTimer, this.hangTimer]) {
      if (timer !== undefined) timers.clearTimeout(timer);
    }
    this.pending = this.lastGoodTimer = this.hangTimer = undefined;
  }

  private load(kind: PageKind): void {
    if (this.closed) return;
    if (this.pending !== undefined) this.options.timers.clearTimeout(this.pending);
    this.pending = undefined;
    this.page = kind;
    this.dimKey = undefined;
    const url = pageUrl(kind, this.options.display);
    this.window.webContents.loadURL(url).catch((error: unknown) => {
      // ERR_ABORTED when another load replaced this one; a real failure shows as render-process-gone.
      this.options.log.warn({ url, err: String(error) }, 'window: a load did not finish');
    });
  }

  private failed(reason: string, expectCrash = false): void {
    if (this.closed) return;
    if (this.expectingCrash) {
      this.expectingCrash = false;
      return;
    }
    this.expectingCrash = expectCrash;
    const { log, timers, now, display } = this.options;
    const decision = this.watchdog.failed(now());
    if (this.lastGoodTimer !== undefined) timers.clearTimeout(this.lastGoodTimer);
    this.lastGoodTimer = undefined;
    const next: PageKind = decision.action === 'reload' ? 'ui' : 'safe';
    log.warn(
      { display, reason, failuresInWindow: decision.failuresInWindow, next, inMs: decision.delayMs },
      `window: the page failed (${reason}); loading the ${next === 'ui' ? 'UI' : 'safe page'} in ${String(decision.delayMs)} ms`,
    );
    if (decision.action === 'safe-page' && decision.report)
      this.options.onSafePage({ failures: decision.failuresInWindow, reason });
    if (this.pending !== undefined) timers.clearTimeout(this.pending);
    this.pending = timers.setTimeout(() => {
      this.pending = undefined;
      this.load(this.screen === 'blank' ? 'sleep' : next);
      if (next === 'safe') this.scheduleRecovery();
    }, decision.delayMs);
  }

  private scheduleRecovery(): void {
    const { timers, now, log, display } = this.options;
    const at = this.watchdog.retryAt();
    if (at === undefined) return;
    this.pending = timers.setTimeout(
      () => {
        this.pending = undefined;
        if (this.watchdog.tryRecover(now())) {
          log.info({ display }, 'window: calm for a while; trying the UI again');
          if (this.page === 'safe') this.load('ui');
        } else {
          this.scheduleRecovery();
        }
      },
      Math.max(0, at - now()),
    );
  }

  private afterLoad(load: number): void {
    this.applyDim();
    if (this.page !== 'ui') return;
    const { timers } = this.options;
    if (this.lastGoodTimer !== undefined) timers.clearTimeout(this.lastGoodTimer);
    const capture = (delayMs: number): void => {
      this.lastGoodTimer = timers.setTimeout(() => {
        this.lastGoodTimer = undefined;
        // Only a picture of the UI as shoppers see it: not dimmed, not failed since, not replaced.
        if (this.closed || load !== this.loads || this.page !== 'ui' || this.screen !== 'awake') return;
        void this.saveLastGood().finally(() => {
          if (load === this.loads) capture(LAST_GOOD_EVERY_MS);
        });
      }, delayMs);
    };
    capture(LAST_GOOD_AFTER_MS);
  }

  private applyDim(): void {
    const contents = this.window.webContents;
    const { log } = this.options;
    const want = this.screen === 'dim' && this.page !== 'sleep';
    if (want && this.dimKey === undefined) {
      this.dimKey = '';
      contents.insertCSS(DIM_CSS).then(
        (key) => {
          // Undimmed (or reloaded) while the CSS went in: take it out again.
          if (this.dimKey === '') this.dimKey = key;
          else void contents.removeInsertedCSS(key).catch(() => undefined);
        },
        (error: unknown) => {
          this.dimKey = undefined;
          log.warn({ err: String(error) }, 'window: could not dim');
        },
      );
    } else if (!want && this.dimKey !== undefined) {
      const key = this.dimKey;
      this.dimKey = undefined;
      if (key !== '')
        contents.removeInsertedCSS(key).catch((error: unknown) => {
          log.warn({ err: String(error) }, 'window: could not undim');
        });
    }
  }

  private async saveLastGood(): Promise<void> {
    const { lastGoodFile, log } = this.options;
    try {
      const image = await this.window.webContents.capturePage();
      if (image.isEmpty()) return;
      mkdirSync(dirname(lastGoodFile), { recursive: true });
      // Written aside and renamed: the safe page never shows half a picture.
      writeFileSync(`${lastGoodFile}.tmp`, image.toPNG());
      renameSync(`${lastGoodFile}.tmp`, lastGoodFile);
    } catch (error) {
      log.warn({ err: String(error) }, 'window: could not keep the last good picture');
    }
  }
}
