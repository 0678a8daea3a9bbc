/**
 * Wall-clock time in a store's IANA time zone, with the platform's Intl (full ICU in Node): SQLite
 * knows only UTC, so the hub groups sessions by UTC quarter hour and this turns each quarter into
 * the store's local date and hour. Quarters, because every offset in use is a multiple of 15
 * minutes (India +5:30, Nepal +5:45), so a quarter never straddles two local hours.
 */

export interface LocalTime {
  /** YYYY-MM-DD */
  date: string;
  /** 0-23 */
  hour: number;
  minute: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

export function isTimeZone(name: string): boolean {
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

export function localTime(ms: number, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(ms)) parts[part.type] = part.value;
  return {
    date: `${parts.year ?? '0000'}-${parts.month ?? '01'}-${parts.day ?? '01'}`,
    hour: Number(parts.hour ?? 0),
    minute: Number(parts.minute ?? 0),
  };
}

/** Local wall-clock time minus UTC at the instant `ms`, in ms (Berlin in summer: +2 h). */
export function offsetMs(ms: number, timeZone: string): number {
  const local = localTime(ms, timeZone);
  const [year, month, day] = local.date.split('-').map(Number);
  const wall = Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1, local.hour, local.minute);
  return wall - Math.floor(ms / 60_000) * 60_000;
}

/**
 * localTime for many instants of one zone, fast: the zone's offset is looked up once per UTC day
 * and applied by arithmetic, except on a day whose offset changes (a DST switch), where each
 * instant asks Intl. A report maps thousands of quarter hours; Intl takes microseconds each.
 */
export function localClock(timeZone: string): (ms: number) => Pick<LocalTime, 'date' | 'hour'> {
  const days = new Map<number, number | null>();
  return (ms) => {
    const day = Math.floor(ms / DAY_MS);
    let offset = days.get(day);
    if (offset === undefined) {
      const start = offsetMs(day * DAY_MS, timeZone);
      offset = start === offsetMs(day * DAY_MS + DAY_MS - 1, timeZone) ? start : null;
      days.set(day, offset);
    }
    if (offset === null) {
      const { date, hour } = localTime(ms, timeZone);
      return { date, hour };
    }
    const wall = new Date(ms + offset);
    return { date: wall.toISOString().slice(0, 10), hour: wall.getUTCHours() };
  };
}

/** The instant a local date (YYYY-MM-DD) starts in `timeZone`. */
export function startOfLocalDay(date: string, timeZone: string): number {
  const [year, month, day] = date.split('-').map(Number);
  const wall = Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1);
  // The offset at the guess may differ from the one at the answer when a DST change falls in
  // between; a second step settles it.
  const first = wall - offsetMs(wall, timeZone);
  return wall - offsetMs(first, timeZone);
}

/** The local date `days` after `date` (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, (day ?? 1) + days)).toISOString().slice(0, 10);
}
