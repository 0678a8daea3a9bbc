/**
 * The power schedule carried out: each display's plan (power-schedule.ts) applied to its window,
 * one 'prevent-display-sleep' blocker held while any display must stay lit, and a timer to plan
 * again when the next plan changes (at most an hour ahead). A pushed config with other hours or
 * another time zone takes effect at once through `replan`.
 */
import type { OpeningHoursSpec } from '../../shared/schedule/opening-hours.js';
import type { SyncLog, Timers } from '../runtime/sync/index.js';
import type { ShellElectron } from './electron-api.js';
import {
  powerPlanAt,
  replanDelayMs,
  WAKE_ON_TOUCH_MS,
  type PowerPlan,
  type ScreenState,
} from './power-schedule.js';

export interface PoweredDisplay {
  /** Index in the config's `displays`. */
  index: number;
  role: 'kiosk' | 'window';
  setScreen(state: ScreenState): void;
}

export interface PowerControllerOptions {
  powerSaveBlocker: ShellElectron['powerSaveBlocker'];
  displays: () => readonly PoweredDisplay[];
  openingHours: () => OpeningHoursSpec | undefined;
  timers: Timers;
  now: () => Date;
  log: SyncLog;
}

export class PowerController {
  private blocker: number | undefined;
  private timer: unknown;
  private readonly wokenUntil = new Map<number, Date>();
  private readonly last = new Map<number, string>();
  private stopped = false;

  constructor(private readonly options: PowerControllerOptions) {}

  /** Plans every display now and sets the timer for the next change. */
  replan(): void {
    if (this.stopped) return;
    const { timers, now, log } = this.options;
    if (this.timer !== undefined) timers.clearTimeout(this.timer);
    const at = now();
    const hours = this.options.openingHours();
    let keepAwake = false;
    let soonest: PowerPlan | undefined;
    for (const display of this.options.displays()) {
      const plan = powerPlanAt(
        { role: display.role, openingHours: hours, wokenUntil: this.wokenUntil.get(display.index) ?? null },
        at,
      );
      keepAwake ||= plan.keepDisplayAwake;
      if (
        soonest === undefined ||
        (plan.until !== null && (soonest.until === null || plan.until < soonest.until))
      )
        soonest = plan;
      const summary = `${plan.screen}: ${plan.why}`;
      if (this.last.get(display.index) !== summary) {
        this.last.set(display.index, summary);
        log.info(
          { display: display.index, until: plan.until?.toISOString() ?? null },
          `power: display ${String(display.index)} ${summary}`,
        );
      }
      display.setScreen(plan.screen);
    }
    this.holdDisplayAwake(keepAwake);
    const delay = soonest === undefined ? 3_600_000 : replanDelayMs(soonest, at);
    this.timer = timers.setTimeout(() => {
      this.timer = undefined;
      this.replan();
    }, delay);
  }

  /** A touch on a blank display: awake for a while. */
  wake(index: number): void {
    this.wokenUntil.set(index, new Date(this.options.now().getTime() + WAKE_ON_TOUCH_MS));
    this.replan();
  }

  get holdingDisplayAwake(): boolean {
    return this.blocker !== undefined;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) this.options.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.holdDisplayAwake(false);
  }

  private holdDisplayAwake(keep: boolean): void {
    const { powerSaveBlocker } = this.options;
    if (keep && this.blocker === undefined) {
      this.blocker = powerSaveBlocker.start('prevent-display-sleep');
    } else if (!keep && this.blocker !== undefined) {
      if (powerSaveBlocker.isStarted(this.blocker)) powerSaveBlocker.stop(this.blocker);
      this.blocker = undefined;
    }
  }
}
