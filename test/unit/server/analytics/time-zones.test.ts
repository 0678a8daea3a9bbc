import { describe, expect, it } from 'vitest';
import {
  addDays,
  localClock,
  localTime,
  offsetMs,
  startOfLocalDay,
} from '../../../../server/analytics/time-zones.js';

describe('store-local time', () => {
  it('maps every quarter hour like Intl does, across DST switches and half-hour zones', () => {
    // Berlin and New York switch in this fortnight; Lord Howe switches by half an hour on 5 April.
    const from = Date.parse('2026-03-07T00:00:00Z');
    const to = Date.parse('2026-04-07T00:00:00Z');
    for (const zone of ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC']) {
      const clock = localClock(zone);
      for (let ms = from; ms < to; ms += 900_000) {
        const expected = localTime(ms, zone);
        expect({ zone, ms, ...clock(ms) }).toEqual({ zone, ms, date: expected.date, hour: expected.hour });
      }
    }
  });

  it('finds where local days start, with offsets and DST', () => {
    expect(offsetMs(Date.parse('2026-07-01T12:00:00Z'), 'Europe/Berlin')).toBe(2 * 3600_000);
    expect(offsetMs(Date.parse('2026-01-01T12:00:00Z'), 'Asia/Kolkata')).toBe(5.5 * 3600_000);
    expect(new Date(startOfLocalDay('2026-03-29', 'Europe/Berlin')).toISOString()).toBe(
      '2026-03-28T23:00:00.000Z',
    );
    expect(new Date(startOfLocalDay('2026-03-30', 'Europe/Berlin')).toISOString()).toBe(
      '2026-03-29T22:00:00.000Z',
    );
    expect(new Date(startOfLocalDay('2026-11-01', 'America/New_York')).toISOString()).toBe(
      '2026-11-01T04:00:00.000Z',
    );
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
