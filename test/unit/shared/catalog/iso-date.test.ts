import { describe, expect, it } from 'vitest';
import { parseIsoInstant, parseIsoInterval } from '../../../../shared/catalog/index.js';

describe('ISO 8601 instants (sale_price_effective_date)', () => {
  it.each([
    ['2016-02-24T13:00-0800', '2016-02-24T21:00:00.000Z'],
    ['2016-02-24T13:00-08:00', '2016-02-24T21:00:00.000Z'],
    ['2016-02-24T13:00Z', '2016-02-24T13:00:00.000Z'],
    ['2016-02-24T13:00:30.250+01', '2016-02-24T12:00:30.250Z'],
    ['2016-02-24', '2016-02-24T00:00:00.000Z'],
    ['2016-02-29T10:00', '2016-02-29T10:00:00.000Z'],
  ])('%s → %s', (text, instant) => {
    expect(parseIsoInstant(text)).toEqual({ ok: true, instant });
  });

  it.each([
    ['2025-02-29', 'day 29 does not exist in 2025-02'],
    ['2025-13-01', 'month 13 does not exist'],
    ['2025-01-01T25:00', 'is not a time of day'],
    ['2025-01-01T10:00+1500', 'is not a UTC offset'],
    ['01/02/2025', 'is not an ISO 8601 date-time'],
  ])('refuses %s', (text, error) => {
    const result = parseIsoInstant(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(error);
  });

  it('reads intervals and checks their order', () => {
    expect(parseIsoInterval('2016-02-24T13:00-0800 / 2016-02-29T15:30-0800')).toEqual({
      ok: true,
      from: '2016-02-24T21:00:00.000Z',
      until: '2016-02-29T23:30:00.000Z',
    });
    expect(parseIsoInterval('2016-03-01/2016-02-01')).toEqual({
      ok: false,
      error: '"2016-03-01/2016-02-01" ends before it starts',
    });
    expect(parseIsoInterval('2016-03-01').ok).toBe(false);
    const badEnd = parseIsoInterval('2016-03-01/2016-03-32');
    expect(!badEnd.ok && badEnd.error.startsWith('end "2016-03-32"')).toBe(true);
  });
});
