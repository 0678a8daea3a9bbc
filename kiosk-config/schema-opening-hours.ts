/**
 * Opening hours: a weekly pattern in the store's time zone plus dated exceptions (holidays).
 * Intervals stay within one day; a night opening past midnight is written as two intervals,
 * one on each day, so every day can be read on its own.
 */
import { z } from 'zod';
import { describeValue } from './describe-value.js';
import { timeZone } from './schema-common.js';

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

/** Minutes since midnight of "HH:MM" (24:00 -> 1440). */
export function minutesOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

const openTime = z.string().regex(TIME, {
  error: (issue) => `expected a time "HH:MM" (00:00-23:59), got ${describeValue(issue.input)}`,
});
const closeTime = z.string().refine((text) => TIME.test(text) || text === '24:00', {
  error: (issue) => `expected a time "HH:MM" (00:01-24:00), got ${describeValue(issue.input)}`,
});

export const interval = z
  .strictObject({
    open: openTime.meta({ description: 'Opening time, "HH:MM".' }),
    close: closeTime.meta({ description: 'Closing time, "HH:MM", after `open`; "24:00" for midnight.' }),
  })
  .superRefine((span, ctx) => {
    // Format problems are already reported on the fields; comparing malformed times says nothing.
    if (!TIME.test(span.open) || !(TIME.test(span.close) || span.close === '24:00')) return;
    if (minutesOfDay(span.close) <= minutesOfDay(span.open)) {
      ctx.addIssue({
        code: 'custom',
        path: ['close'],
        message: `closes at ${span.close}, not after it opens at ${span.open}; past midnight, close at "24:00" and open again the next day`,
      });
    }
  })
  .meta({ title: 'Opening interval' });

const day = z
  .array(interval)
  .superRefine((intervals, ctx) => {
    // Only well-formed intervals can overlap; the others already have their own problem.
    const sorted = intervals
      .map((span, index) => ({ span, index }))
      .filter(({ span }) => typeof span.open === 'string' && typeof span.close === 'string')
      .filter(({ span }) => minutesOfDay(span.close) > minutesOfDay(span.open))
      .sort((a, b) => minutesOfDay(a.span.open) - minutesOfDay(b.span.open));
    for (let i = 1; i < sorted.length; i++) {
      const before = sorted[i - 1];
      const after = sorted[i];
      if (before === undefined || after === undefined) continue;
      if (minutesOfDay(after.span.open) < minutesOfDay(before.span.close)) {
        ctx.addIssue({
          code: 'custom',
          path: [after.index],
          message: `overlaps ${before.span.open}-${before.span.close} on the same day`,
        });
      }
    }
  })
  .default(() => [])
  .meta({
    description: 'Opening intervals of this day; an empty list, or leaving the day out, means closed.',
  });

export const week = z
  .strictObject({ mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day })
  .meta({ title: 'Week', description: 'Regular opening hours, Monday to Sunday.' });

function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return false;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, date));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === date;
}

export const exceptionEntry = z
  .strictObject({
    date: z
      .string()
      .refine(isCalendarDate, {
        error: (issue) => `expected a date "YYYY-MM-DD", got ${describeValue(issue.input)}`,
      })
      .meta({ description: 'The day, "YYYY-MM-DD", in the store\'s time zone.' }),
    closed: z.boolean().optional().meta({ description: 'true: closed all day.' }),
    intervals: z
      .array(interval)
      .optional()
      .meta({ description: "Opening intervals that replace the week's on this day." }),
    note: z
      .string()
      .max(100)
      .optional()
      .meta({ description: 'Why, for people reading the file, e.g. "Christmas Eve".' }),
  })
  .superRefine((entry, ctx) => {
    const closed = entry.closed === true;
    if (closed === (entry.intervals !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        message: closed
          ? 'give either "closed": true or "intervals", not both'
          : 'give either "closed": true or "intervals" for this date',
      });
    }
  })
  .meta({ title: 'Exception' });

export const openingHoursSection = z
  .strictObject({
    timeZone: timeZone.meta({ description: 'IANA time zone of the store, e.g. "Europe/Berlin".' }),
    week,
    exceptions: z
      .array(exceptionEntry)
      .superRefine((entries, ctx) => {
        const seen = new Map<string, number>();
        entries.forEach((entry, index) => {
          const first = seen.get(entry.date);
          if (first === undefined) seen.set(entry.date, index);
          else {
            ctx.addIssue({
              code: 'custom',
              path: [index, 'date'],
              message: `${entry.date} is already listed at exceptions[${String(first)}]`,
            });
          }
        });
      })
      .default(() => [])
      .meta({ description: 'Days that differ from the week: holidays, late openings.' }),
  })
  .meta({
    title: 'Opening hours',
    description: 'When the store is open; outside these hours a window shows its closed-shop content.',
  });
