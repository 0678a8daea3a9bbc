/**
 * The store's open/closed clock on hand-driven time: what the page is told and when, the pickup
 * time of a reservation made after closing, and new hours from a pushed config.
 */
import { describe, expect, it } from 'vitest';
import type { OpeningHours } from '../../../../../kiosk-config/index.js';
import { StoreHoursClock, storeHoursView } from '../../../../../main/runtime/session/store-hours.js';
import type { StoreHoursView } from '../../../../../shared/bridge/index.js';
import { ManualTime } from '../../../../support/manual-time.js';

const HOUR = 3600_000;
/** Sunday 1 March 2026, 22:00 in Berlin (UTC+1). */
const SUNDAY_22H = Date.parse('2026-03-01T21:00:00Z');

const weekdays: OpeningHours = {
  timeZone: 'Europe/Berlin',
  week: {
    mon: [{ open: '10:00', close: '20:00' }],
    tue: [{ open: '10:00', close: '20:00' }],
    wed: [{ open: '10:00', close: '20:00' }],
    thu: [{ open: '10:00', close: '20:00' }],
    fri: [{ open: '10:00', close: '20:00' }],
    sat: [],
    sun: [],
  },
  exceptions: [{ date: '2026-03-03', closed: true }],
};

function clock(hours: OpeningHours | undefined, start = SUNDAY_22H) {
  const timers = new ManualTime();
  const now = () => new Date(start + timers.now);
  const seen: { at: string; view: StoreHoursView }[] = [];
  const hoursClock = new StoreHoursClock({
    hours,
    now,
    timers,
    onChange: (view) => seen.push({ at: now().toISOString(), view }),
  });
  return { timers, now, seen, hoursClock };
}

describe('store hours clock', () => {
  it('tells the page at the opening and at the closing, and at no other time', async () => {
    const { timers, seen, hoursClock } = clock(weekdays);
    expect(hoursClock.view()).toMatchObject({
      open: false,
      closesAt: null,
      nextOpen: '2026-03-02T09:00:00.000Z',
    });
    // Monday 10:00 local is 09:00 UTC: twelve hours after Sunday 22:00.
    await timers.advance(12 * HOUR - 1);
    expect(seen).toEqual([]);
    await timers.advance(1);
    expect(seen.map((s) => [s.at, s.view.open, s.view.closesAt])).toEqual([
      ['2026-03-02T09:00:00.000Z', true, '2026-03-02T19:00:00.000Z'],
    ]);
    // Tuesday is a holiday (an exception): after Monday's close, the next opening is Wednesday.
    await timers.advance(10 * HOUR);
    expect(seen.map((s) => [s.at, s.view.open, s.view.nextOpen])).toEqual([
      ['2026-03-02T09:00:00.000Z', true, '2026-03-04T09:00:00.000Z'],
      ['2026-03-02T19:00:00.000Z', false, '2026-03-04T09:00:00.000Z'],
    ]);
    // The long wait to Wednesday wakes up every few hours to look again, without telling anyone.
    await timers.advance(37 * HOUR);
    expect(seen).toHaveLength(2);
    await timers.advance(1 * HOUR);
    expect(seen.at(-1)).toMatchObject({ at: '2026-03-04T09:00:00.000Z', view: { open: true } });
    hoursClock.stop();
    await timers.advance(24 * HOUR);
    expect(seen).toHaveLength(3);
  });

  it('gives a reservation made after closing the next opening as its pickup time, and none while open', async () => {
    const { timers, hoursClock } = clock(weekdays);
    expect(hoursClock.pickupFrom()?.toISOString()).toBe('2026-03-02T09:00:00.000Z');
    await timers.advance(12 * HOUR);
    expect(hoursClock.pickupFrom()).toBeUndefined();
    expect(clock(undefined).hoursClock.pickupFrom()).toBeUndefined();
  });

  it('a store open round the clock never flips, and its far "closing" is no reason to wait weeks', async () => {
    const always: OpeningHours = {
      timeZone: 'Europe/Berlin',
      week: Object.fromEntries(
        ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [
          d,
          [{ open: '00:00', close: '24:00' }],
        ]),
      ) as OpeningHours['week'],
      exceptions: [],
    };
    const { timers, seen, hoursClock } = clock(always);
    expect(hoursClock.view()?.open).toBe(true);
    // Spans that touch at midnight are one opening: the store "closes" only at the year's horizon.
    expect(Date.parse(hoursClock.view()?.closesAt ?? '') - SUNDAY_22H).toBeGreaterThan(300 * 24 * HOUR);
    await timers.advance(30 * 24 * HOUR);
    expect(seen).toEqual([]);
  });

  it('new hours from a pushed config are told at once, the same hours are not', async () => {
    const { timers, seen, hoursClock } = clock(weekdays);
    hoursClock.setHours(structuredClone(weekdays));
    expect(seen).toEqual([]);
    const sundays: OpeningHours = {
      ...weekdays,
      week: { ...weekdays.week, sun: [{ open: '12:00', close: '23:00' }] },
    };
    hoursClock.setHours(sundays);
    expect(seen.map((s) => s.view.open)).toEqual([true]);
    // The new hours' closing (Sunday 23:00 local) is what the timer waits for now.
    await timers.advance(HOUR);
    expect(seen.map((s) => s.view.open)).toEqual([true, false]);
    hoursClock.setHours(undefined);
    expect(hoursClock.view()).toBeUndefined();
    await timers.advance(48 * HOUR);
    expect(seen).toHaveLength(2);
  });

  it('lists the next seven local days with their intervals, exceptions included', () => {
    const view = storeHoursView(weekdays, new Date(SUNDAY_22H));
    expect(view.days.map((d) => [d.date, d.intervals.map((i) => `${i.open}-${i.close}`).join(',')])).toEqual([
      ['2026-03-01', ''],
      ['2026-03-02', '10:00-20:00'],
      ['2026-03-03', ''],
      ['2026-03-04', '10:00-20:00'],
      ['2026-03-05', '10:00-20:00'],
      ['2026-03-06', '10:00-20:00'],
      ['2026-03-07', ''],
    ]);
    // 23:30 UTC on Sunday is already Monday in Berlin: "today" is the store's day, not UTC's.
    expect(storeHoursView(weekdays, new Date('2026-03-01T23:30:00Z')).days[0]?.date).toBe('2026-03-02');
  });
});
