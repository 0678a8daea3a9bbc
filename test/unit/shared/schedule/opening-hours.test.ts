import { describe, expect, it } from 'vitest';
import {
  intervalsOn,
  nextChangeAt,
  openStateAt,
  type OpeningHoursSpec,
  type OpeningInterval,
} from '../../../../shared/schedule/opening-hours.js';

const nineToEight: OpeningInterval[] = [{ open: '09:00', close: '20:00' }];

function berlin(overrides: Partial<OpeningHoursSpec> = {}): OpeningHoursSpec {
  return {
    timeZone: 'Europe/Berlin',
    week: {
      mon: nineToEight,
      tue: nineToEight,
      wed: nineToEight,
      thu: nineToEight,
      fri: nineToEight,
      sat: [{ open: '10:00', close: '18:00' }],
      sun: [],
    },
    exceptions: [],
    ...overrides,
  };
}

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

describe('openStateAt', () => {
  it('is open inside an interval and says when it closes and next opens (winter, UTC+1)', () => {
    // Wednesday 2026-01-14 12:00 in Berlin is 11:00 UTC.
    const state = openStateAt(berlin(), new Date('2026-01-14T11:00:00Z'));
    expect(state.open).toBe(true);
    expect(iso(state.closesAt)).toBe('2026-01-14T19:00:00.000Z');
    expect(iso(state.nextOpen)).toBe('2026-01-15T08:00:00.000Z');
    expect(iso(nextChangeAt(state))).toBe('2026-01-14T19:00:00.000Z');
  });

  it('is closed before opening and at the closing minute itself', () => {
    const early = openStateAt(berlin(), new Date('2026-01-14T07:59:59Z'));
    expect(early).toMatchObject({ open: false, closesAt: null });
    expect(iso(early.nextOpen)).toBe('2026-01-14T08:00:00.000Z');
    expect(openStateAt(berlin(), new Date('2026-01-14T08:00:00Z')).open).toBe(true);
    expect(openStateAt(berlin(), new Date('2026-01-14T19:00:00Z')).open).toBe(false);
  });

  it('skips a closed Sunday: Saturday evening points to Monday morning', () => {
    // Saturday 2026-01-17 19:00 Berlin.
    const state = openStateAt(berlin(), new Date('2026-01-17T18:00:00Z'));
    expect(state.open).toBe(false);
    expect(iso(state.nextOpen)).toBe('2026-01-19T08:00:00.000Z');
  });

  it('follows daylight saving time: summer hours are UTC+2', () => {
    const state = openStateAt(berlin(), new Date('2026-07-15T10:00:00Z'));
    expect(state.open).toBe(true);
    expect(iso(state.closesAt)).toBe('2026-07-15T18:00:00.000Z');
  });

  it('crosses the spring-forward night (Berlin, 2026-03-29) with the right offsets on both sides', () => {
    // Saturday 2026-03-28 18:00 CET closes at 17:00 UTC; Monday 2026-03-30 opens 09:00 CEST = 07:00 UTC.
    const state = openStateAt(berlin(), new Date('2026-03-28T17:30:00Z'));
    expect(state.open).toBe(false);
    expect(iso(state.nextOpen)).toBe('2026-03-30T07:00:00.000Z');
  });

  it('treats 24:00 and the next day 00:00 as one night opening', () => {
    const hours = berlin({
      week: {
        ...berlin().week,
        fri: [{ open: '18:00', close: '24:00' }],
        sat: [{ open: '00:00', close: '02:00' }],
      },
    });
    const state = openStateAt(hours, new Date('2026-01-16T22:30:00Z')); // Friday 23:30 Berlin
    expect(state.open).toBe(true);
    expect(iso(state.closesAt)).toBe('2026-01-17T01:00:00.000Z'); // Saturday 02:00 Berlin
    // Just after midnight it is still the same opening, found from the day before.
    expect(iso(openStateAt(hours, new Date('2026-01-16T23:30:00Z')).closesAt)).toBe(
      '2026-01-17T01:00:00.000Z',
    );
  });

  it('applies exceptions: a closed holiday and special hours', () => {
    const hours = berlin({
      exceptions: [
        { date: '2026-12-24', intervals: [{ open: '09:00', close: '14:00' }] },
        { date: '2026-12-25', closed: true },
        { date: '2026-12-26', closed: true },
      ],
    });
    const eve = openStateAt(hours, new Date('2026-12-24T12:00:00Z'));
    expect(eve.open).toBe(true);
    expect(iso(eve.closesAt)).toBe('2026-12-24T13:00:00.000Z');
    // After Christmas Eve: the 25th and 26th are closed, the 27th is a Sunday; Monday 28th opens.
    expect(iso(eve.nextOpen)).toBe('2026-12-28T08:00:00.000Z');
    expect(intervalsOn(hours, '2026-12-25')).toEqual([]);
    expect(intervalsOn(hours, '2026-12-23')).toEqual(nineToEight);
  });

  it('gives the same local hours different instants in another zone', () => {
    const tokyo = openStateAt(berlin({ timeZone: 'Asia/Tokyo' }), new Date('2026-01-14T02:00:00Z'));
    expect(tokyo.open).toBe(true); // 11:00 in Tokyo
    expect(iso(tokyo.closesAt)).toBe('2026-01-14T11:00:00.000Z');
    const newYork = openStateAt(berlin({ timeZone: 'America/New_York' }), new Date('2026-01-14T02:00:00Z'));
    expect(newYork.open).toBe(false); // 21:00 the day before in New York
    expect(iso(newYork.nextOpen)).toBe('2026-01-14T14:00:00.000Z');
  });

  it('has no next opening for a store that never opens', () => {
    const closed = berlin({
      week: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
    });
    expect(openStateAt(closed, new Date('2026-01-14T11:00:00Z'))).toEqual({
      open: false,
      closesAt: null,
      nextOpen: null,
    });
  });
});
