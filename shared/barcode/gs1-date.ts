/**
 * GS1 dates: YYMMDD with a two-digit year, read against a reference year (GS1 General
 * Specifications §7.12), and optionally DD = 00 meaning "no day given".
 */

export type DateResult = { ok: true; iso: string } | { ok: false; reason: string };

/**
 * The full year for a two-digit year, per §7.12: the year lies in a window from 49 years before
 * to 50 years after the reference year. With reference year 2024: 74 -> 2074, 75 -> 1975.
 * The spec states it as a difference D = YY - (reference year mod 100): 51..99 -> previous
 * century, -99..-50 -> next century, otherwise the reference year's century.
 */
export function gs1Year(yy: number, referenceYear: number): number {
  const century = referenceYear - (referenceYear % 100);
  const difference = yy - (referenceYear % 100);
  if (difference >= 51) return century - 100 + yy;
  if (difference <= -50) return century + 100 + yy;
  return century + yy;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Reads six digits YYMMDD as an ISO date. With `zeroDayIsMonthEnd`, DD = 00 is read as the last
 * day of the month: GS1 lets AIs 11-17 give only year and month that way, and for a use-by or
 * best-before date the month's last day is the only safe reading.
 */
export function parseGs1Date(yymmdd: string, referenceYear: number, zeroDayIsMonthEnd: boolean): DateResult {
  const yy = Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  if (month < 1 || month > 12) return { ok: false, reason: `month ${pad2(month)} is not 01-12` };
  const year = gs1Year(yy, referenceYear);
  const last = daysInMonth(year, month);
  if (day === 0 && zeroDayIsMonthEnd)
    return { ok: true, iso: `${String(year)}-${pad2(month)}-${pad2(last)}` };
  if (day < 1 || day > last) {
    return {
      ok: false,
      reason: `day ${pad2(day)} does not exist in ${MONTHS[month - 1] ?? ''} ${String(year)}`,
    };
  }
  return { ok: true, iso: `${String(year)}-${pad2(month)}-${pad2(day)}` };
}

/** YYMMDDHHMM (AI 7003) as `YYYY-MM-DDTHH:MM`. */
export function parseGs1DateTime(text: string, referenceYear: number): DateResult {
  const date = parseGs1Date(text.slice(0, 6), referenceYear, false);
  if (!date.ok) return date;
  const hour = Number(text.slice(6, 8));
  const minute = Number(text.slice(8, 10));
  if (hour > 23) return { ok: false, reason: `hour ${pad2(hour)} is not 00-23` };
  if (minute > 59) return { ok: false, reason: `minute ${pad2(minute)} is not 00-59` };
  return { ok: true, iso: `${date.iso}T${pad2(hour)}:${pad2(minute)}` };
}
