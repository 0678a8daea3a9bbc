/**
 * ISO 8601 instants and intervals as Merchant Center writes them for
 * `sale_price_effective_date` (product data specification: "YYYY-MM-DDThh:mm[±hhmm] or
 * YYYY-MM-DDThh:mmZ, separated by a slash", e.g. `2016-02-24T13:00-0800/2016-02-29T15:30-0800`).
 *
 * Following the spec's own reading: a missing time is midnight and a missing zone is UTC. Results
 * are normalized to `Date.prototype.toISOString()` form (UTC, `Z`), which types.ts stores.
 */

export type InstantResult = { ok: true; instant: string } | { ok: false; error: string };
export type IntervalResult = { ok: true; from: string; until: string } | { ok: false; error: string };

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Parses one instant, e.g. `2024-03-01T09:00+0100`, `2024-03-01T08:00:00Z` or `2024-03-01`. */
export function parseIsoInstant(text: string): InstantResult {
  const trimmed = text.trim();
  const match = INSTANT.exec(trimmed);
  if (!match) {
    return { ok: false, error: `"${trimmed}" is not an ISO 8601 date-time like "2024-03-01T09:00+0100"` };
  }
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12)
    return { ok: false, error: `"${trimmed}": month ${String(mo)} does not exist` };
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) {
    return {
      ok: false,
      error: `"${trimmed}": day ${String(d)} does not exist in ${String(y)}-${String(mo)}`,
    };
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return { ok: false, error: `"${trimmed}": ${h}:${mi}:${s} is not a time of day` };
  }
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const zoneHours = Number(digits.slice(0, 2));
    const zoneMinutes = Number(digits.slice(2) || '0');
    if (zoneHours > 14 || zoneMinutes > 59) {
      return { ok: false, error: `"${trimmed}": ${zone} is not a UTC offset` };
    }
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (zoneHours * 60 + zoneMinutes);
  }
  const millis = Number(frac.slice(0, 3).padEnd(3, '0'));
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
  // Date.UTC maps years 0-99 to 1900-1999; feeds never mean those, so refuse rather than shift.
  if (year < 1000) return { ok: false, error: `"${trimmed}": year ${String(y)} is out of range` };
  return { ok: true, instant: new Date(utc).toISOString() };
}

/** Parses `start/end` (spaces around the slash tolerated); the end must come after the start. */
export function parseIsoInterval(text: string): IntervalResult {
  const trimmed = text.trim();
  const parts = trimmed.split('/');
  if (parts.length !== 2) {
    return {
      ok: false,
      error: `"${trimmed}" is not a date range like "2024-03-01T09:00+0100/2024-03-15T20:00+0100"`,
    };
  }
  const from = parseIsoInstant(parts[0] ?? '');
  if (!from.ok) return { ok: false, error: `start ${from.error}` };
  const until = parseIsoInstant(parts[1] ?? '');
  if (!until.ok) return { ok: false, error: `end ${until.error}` };
  if (until.instant <= from.instant) {
    return { ok: false, error: `"${trimmed}" ends before it starts` };
  }
  return { ok: true, from: from.instant, until: until.instant };
}
