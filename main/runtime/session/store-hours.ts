/**
 * The store's open/closed state over time: what a shop window needs to switch to its out-of-hours
 * mode (issue 6) and what a reservation made after closing needs for its pickup time. The state
 * comes from the config's opening hours (shared/schedule/opening-hours.ts); a timer set for the
 * next opening or closing tells the page when it flips, so the page never polls a clock.
 */
import type { OpeningHours } from '../../../kiosk-config/index.js';
import type { StoreHoursView } from '../../../shared/bridge/index.js';
import {
  dateOfDay,
  intervalsOn,
  localDayOf,
  nextChangeAt,
  openStateAt,
  type OpenState,
} from '../../../shared/schedule/opening-hours.js';
import type { Timers } from '../sync/index.js';

/** How many days of hours the page gets: enough to say "open Monday at 10:00" after a long weekend. */
const DAYS_SHOWN = 7;
/**
 * The longest single wait. setTimeout cannot wait past 2^31 ms (~24.8 days), and a wall clock
 * set right by NTP after a long wait would otherwise be noticed late; waking every few hours to
 * look again costs nothing.
 */
const MAX_WAIT_MS = 6 * 3600_000;

/** The state at `at` as the page sees it. */
export function storeHoursView(hours: OpeningHours, at: Date): StoreHoursView {
  const state = openStateAt(hours, at);
  const today = localDayOf(hours.timeZone, at);
  const days = Array.from({ length: DAYS_SHOWN }, (_, i) => {
    const date = dateOfDay(today + i);
    return { date, intervals: intervalsOn(hours, date).map(({ open, close }) => ({ open, close })) };
  });
  return {
    timeZone: hours.timeZone,
    open: state.open,
    closesAt: state.closesAt?.toISOString() ?? null,
    nextOpen: state.nextOpen?.toISOString() ?? null,
    days,
  };
}

export interface StoreHoursClockOptions {
  hours: OpeningHours | undefined;
  now: () => Date;
  timers: Timers;
  /** The store opened or closed, or new hours arrived: what the page should show now. */
  onChange: (view: StoreHoursView) => void;
}

export class StoreHoursClock {
  private hours: OpeningHours | undefined;
  private handle: unknown;
  private open: boolean | undefined;

  constructor(private readonly options: StoreHoursClockOptions) {
    this.hours = options.hours;
    this.arm();
  }

  /** The state now; undefined when the config has no opening hours (always open, as far as we know). */
  state(): OpenState | undefined {
    return this.hours === undefined ? undefined : openStateAt(this.hours, this.options.now());
  }

  view(): StoreHoursView | undefined {
    return this.hours === undefined ? undefined : storeHoursView(this.hours, this.options.now());
  }

  /**
   * When a reservation made now can be picked up: the next opening while the store is closed,
   * undefined while it is open or has no hours (ready at once, as before).
   */
  pickupFrom(): Date | undefined {
    const state = this.state();
    return state === undefined || state.open ? undefined : (state.nextOpen ?? undefined);
  }

  /** Hours from a pushed config: the page hears of them at once if they differ. */
  setHours(hours: OpeningHours | undefined): void {
    if (JSON.stringify(hours) === JSON.stringify(this.hours)) return;
    this.hours = hours;
    this.arm();
    const view = this.view();
    if (view !== undefined) this.options.onChange(view);
  }

  stop(): void {
    if (this.handle !== undefined) this.options.timers.clearTimeout(this.handle);
    this.handle = undefined;
  }

  /** Waits for the next opening or closing (at most MAX_WAIT_MS), then tells the page if it flipped. */
  private arm(): void {
    this.stop();
    const state = this.state();
    this.open = state?.open;
    if (state === undefined) return;
    const change = nextChangeAt(state);
    const now = this.options.now().getTime();
    const wait = change === null ? MAX_WAIT_MS : Math.min(MAX_WAIT_MS, Math.max(0, change.getTime() - now));
    this.handle = this.options.timers.setTimeout(() => {
      this.handle = undefined;
      const was = this.open;
      this.arm();
      const view = this.view();
      if (view !== undefined && view.open !== was) this.options.onChange(view);
    }, wait);
  }
}
