/**
 * Is the store open now, and when does that change? Pure functions over the config's opening
 * hours (kiosk-config/schema-opening-hours.ts), shared by the window's out-of-hours mode, the
 * runtime's open/closed timer and the Electron shell's power schedule.
 *
 * Hours are wall-clock times in the store's IANA time zone; instants are `Date`s. The zone
 * arithmetic goes through Intl, which carries the tz database, so daylight-saving changes are
 * right without a date library: a local time is turned into an instant by guessing with the
 * offset at that moment and correcting once with the offset at the guess.
 */

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

export interface OpeningInterval {
  /** "HH:MM" */
  open: string;
  /** "HH:MM", or "24:00" for midnight at the end of the day. */
  close: string;
}

/** The shape of the config's `openingHours` (validated there). */
export interface OpeningHoursSpec {
  timeZone: string;
  week: Readonly<Record<Weekday, readonly OpeningInterval[]>>;
  exceptions: readonly { date: string; closed?: boolean; intervals?: readonly OpeningInterval[] }[];
}

export interface OpenState {
  open: boolean;
  /** While open: when this opening ends (intervals that touch across midnight count as one). */
  closesAt: Date | null;
  /** The next opening after now (while open: after `closesAt`); null if none within a year. */
  nextOpen: Date | null;
}

const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const DAY_MS = 86_400_000;
/** How far ahead to look for the next opening: a store closed for over a year has no next one. */
const HORIZON_DAYS = 370;

/** A calendar day in the store's zone, as days since 1970-01-01 (the UTC day numbering). */
type DayNumber = number;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock time in `timeZone` at `ms`, expressed as if it were UTC milliseconds. */
function wallClockMs(timeZone: string, ms: number): number {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second) + (ms % 1000);
}

/** The instant at which the zone's clock shows `minutes` past midnight of `day`. */
function instantOf(timeZone: string, day: DayNumber, minutes: number): number {
  const wall = day * DAY_MS + minutes * 60_000;
  const guess = wall - (wallClockMs(timeZone, wall) - wall);
  // Across a DST change the offset at the guess can differ from the one used to make it.
  const corrected = wall - (wallClockMs(timeZone, guess) - guess);
  return corrected;
}

/** The store's calendar day at `at`. */
export function localDayOf(timeZone: string, at: Date): DayNumber {
  return Math.floor(wallClockMs(timeZone, at.getTime()) / DAY_MS);
}

/** "YYYY-MM-DD" of a day number. */
export function dateOfDay(day: DayNumber): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** The opening intervals of one local date ("YYYY-MM-DD"): an exception, else the week's. */
export function intervalsOn(hours: OpeningHoursSpec, localDate: string): readonly OpeningInterval[] {
  const exception = hours.exceptions.find((entry) => entry.date === localDate);
  if (exception !== undefined) return exception.closed === true ? [] : (exception.intervals ?? []);
  const weekday = WEEKDAYS[new Date(`${localDate}T00:00:00Z`).getUTCDay()] ?? 'mon';
  return hours.week[weekday];
}

/** Opening spans as instants, in order, for the days from `first` on; touching spans merged. */
function* spansFrom(hours: OpeningHoursSpec, first: DayNumber): Generator<{ start: number; end: number }> {
  let pending: { start: number; end: number } | null = null;
  for (let day = first; day <= first + HORIZON_DAYS; day++) {
    const intervals = [...intervalsOn(hours, dateOfDay(day))].sort(
      (a, b) => minutesOf(a.open) - minutesOf(b.open),
    );
    for (const interval of intervals) {
      const start = instantOf(hours.timeZone, day, minutesOf(interval.open));
      const end = instantOf(hours.timeZone, day, minutesOf(interval.close));
      if (pending !== null && start <= pending.end) {
        pending.end = Math.max(pending.end, end);
      } else {
        if (pending !== null) yield pending;
        pending = { start, end };
      }
    }
  }
  if (pending !== null) yield pending;
}

/** Whether the store is open at `at`, until when, and when it next opens. */
export function openStateAt(hours: OpeningHoursSpec, at: Date): OpenState {
  const now = at.getTime();
  // Start the day before: yesterday's "20:00-24:00" and today's "00:00-02:00" are one opening.
  const spans = spansFrom(hours, localDayOf(hours.timeZone, at) - 1);
  let current: { start: number; end: number } | null = null;
  for (const span of spans) {
    if (span.end <= now) continue;
    if (span.start <= now) {
      current = span;
      continue;
    }
    return current === null
      ? { open: false, closesAt: null, nextOpen: new Date(span.start) }
      : { open: true, closesAt: new Date(current.end), nextOpen: new Date(span.start) };
  }
  return current === null
    ? { open: false, closesAt: null, nextOpen: null }
    : { open: true, closesAt: new Date(current.end), nextOpen: null };
}

/** When `openStateAt` will next give a different `open`: the close while open, else the next opening. */
export function nextChangeAt(state: OpenState): Date | null {
  return state.open ? state.closesAt : state.nextOpen;
}
