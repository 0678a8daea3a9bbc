/**
 * Opening hours in words for the window: "open tomorrow at 10:00", in the store's time zone and
 * the shopper's language (Intl does the dates; the sentences are i18n strings that take these
 * parts, because word order differs between languages).
 */
import type { StoreHoursView } from '../../../shared/bridge/contract.js';
import { localDayOf } from '../../../shared/schedule/opening-hours.js';

/** When the store next opens, relative to today in the store's zone. */
export type NextOpening =
  | { kind: 'today' | 'tomorrow'; time: string }
  /** Within the week: the weekday's name. */
  | { kind: 'weekday'; time: string; day: string }
  /** Further off: the date. */
  | { kind: 'date'; time: string; day: string };

/**
 * The locale Intl formats with: the config's full tag ("de-CH") while the shopper reads the
 * config's language, so dates follow the region; the chosen language once they switch.
 */
export function intlLocale(language: string | undefined, configLocale: string): string {
  if (language === undefined || language === '' || language === 'cimode') return configLocale;
  const base = (tag: string): string => tag.split('-')[0]?.toLowerCase() ?? tag;
  return base(language) === base(configLocale) ? configLocale : language;
}

/** "10:00" (or "10:00 AM") as the store's clock shows `at`. */
export function clockTime(at: Date, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone }).format(at);
}

export function nextOpening(hours: StoreHoursView, now: Date, locale: string): NextOpening | null {
  if (hours.nextOpen === null) return null;
  const at = new Date(hours.nextOpen);
  const days = localDayOf(hours.timeZone, at) - localDayOf(hours.timeZone, now);
  const time = clockTime(at, hours.timeZone, locale);
  if (days <= 0) return { kind: 'today', time };
  if (days === 1) return { kind: 'tomorrow', time };
  const format = (options: Intl.DateTimeFormatOptions): string =>
    new Intl.DateTimeFormat(locale, { ...options, timeZone: hours.timeZone }).format(at);
  return days < 7
    ? { kind: 'weekday', time, day: format({ weekday: 'long' }) }
    : { kind: 'date', time, day: format({ weekday: 'long', day: 'numeric', month: 'long' }) };
}

/**
 * The week's hours as lines for the offline notice: "Monday  10:00–20:00"; closed is no spans,
 * and a day open from midnight to midnight is `allDay` (its span would read "00:00–00:00").
 */
export function weekLines(
  hours: StoreHoursView,
  locale: string,
): { date: string; day: string; spans: string[]; allDay: boolean }[] {
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
  // Wall-clock times are shown as written: formatted as UTC instants of that date, they are
  // never moved by a zone offset or a daylight-saving change.
  const wall = (date: string, hhmm: string): string =>
    hhmm === '24:00' ? midnightAtEnd(time, locale) : time.format(new Date(`${date}T${hhmm}:00Z`));
  return hours.days.map(({ date, intervals }) => ({
    date,
    day: weekday.format(new Date(`${date}T12:00:00Z`)),
    spans: intervals.map(({ open, close }) => `${wall(date, open)}–${wall(date, close)}`),
    allDay: intervals.length === 1 && intervals[0]?.open === '00:00' && intervals[0].close === '24:00',
  }));
}

/**
 * "24:00" as a closing time, in the locale's digits, where clocks run 0-23 ("bis 24:00"); a
 * 12-hour locale says "12:00 AM" as it would anyway.
 */
function midnightAtEnd(time: Intl.DateTimeFormat, locale: string): string {
  const parts = time.formatToParts(new Date('2000-01-01T00:00:00Z'));
  const cycle = time.resolvedOptions().hourCycle;
  if (cycle !== 'h23' && cycle !== 'h24') return parts.map((part) => part.value).join('');
  return parts
    .map((part) =>
      part.type === 'hour'
        ? new Intl.NumberFormat(locale, {
            minimumIntegerDigits: part.value.length,
            useGrouping: false,
          }).format(24)
        : part.value,
    )
    .join('');
}
