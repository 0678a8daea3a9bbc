/**
 * When each screen is on: awake through opening hours (the display kept from sleeping), and
 * outside them a kiosk goes blank with the system allowed to sleep, while a shop window dims but
 * stays on, since it serves passers-by when the store is closed (DESIGN.md, who uses it). The
 * screen wakes a little before opening, so the first customer never meets a dark or half-loaded
 * screen, and a touch on a blank kiosk wakes it for a while (staff before opening).
 *
 * Pure: config and the time in, a plan and the moment it next changes out. The opening hours are
 * evaluated by shared/schedule/opening-hours.ts, time zone and daylight saving included.
 */
import { openStateAt, type OpeningHoursSpec } from '../../shared/schedule/opening-hours.js';

export type ScreenState = 'awake' | 'dim' | 'blank';

export interface PowerPlan {
  screen: ScreenState;
  /** Hold a 'prevent-display-sleep' power save blocker. */
  keepDisplayAwake: boolean;
  /** When the plan next changes; null: not within the schedule's horizon. */
  until: Date | null;
  why: string;
}

export interface PowerInput {
  /** What the display shows: a kiosk in the store, or a shop window facing the street. */
  role: 'kiosk' | 'window';
  openingHours: OpeningHoursSpec | undefined;
  /** A touch woke the blank screen until then. */
  wokenUntil?: Date | null;
}

/** Awake this long before opening: reloaded, synced and lit when the doors open. */
export const WARM_UP_MS = 10 * 60_000;
/** How long a touch on a blank screen keeps it awake. */
export const WAKE_ON_TOUCH_MS = 15 * 60_000;

const awake = (until: Date | null, why: string): PowerPlan => ({
  screen: 'awake',
  keepDisplayAwake: true,
  until,
  why,
});

export function powerPlanAt(input: PowerInput, now: Date): PowerPlan {
  const hours = input.openingHours;
  if (hours === undefined) return awake(null, 'no opening hours configured: always on');
  const state = openStateAt(hours, now);
  if (state.open) return awake(state.closesAt, 'open');

  const warmUpAt = state.nextOpen === null ? null : new Date(state.nextOpen.getTime() - WARM_UP_MS);
  if (state.nextOpen !== null && warmUpAt !== null && now >= warmUpAt)
    return awake(state.nextOpen, 'opening soon: warming up');
  const woken = input.wokenUntil;
  if (woken !== undefined && woken !== null && woken > now) {
    const until = warmUpAt !== null && warmUpAt < woken ? warmUpAt : woken;
    return awake(until, 'closed, woken by a touch');
  }
  return input.role === 'window'
    ? {
        screen: 'dim',
        keepDisplayAwake: true,
        until: warmUpAt,
        why: 'closed: the window dims but keeps showing',
      }
    : {
        screen: 'blank',
        keepDisplayAwake: false,
        until: warmUpAt,
        why: 'closed: blank, the system may sleep',
      };
}

/**
 * How long to wait before planning again: until the plan changes, but at most an hour, so a clock
 * set by hand, a suspend or a daylight-saving shift is caught within the hour.
 */
export function replanDelayMs(plan: PowerPlan, now: Date): number {
  const cap = 3_600_000;
  if (plan.until === null) return cap;
  return Math.max(1000, Math.min(cap, plan.until.getTime() - now.getTime()));
}
