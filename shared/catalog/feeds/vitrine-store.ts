/**
 * A Vitrine store record (already shape-checked) → StoreRecord, with the rules the schema
 * cannot express: a time zone the engine knows, opening intervals that close after they open.
 */
import type { StoreRecord, Weekday } from '../types.js';
import type { PathError } from './json-path.js';
import type { StoreInput } from './vitrine-schema.js';

const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const timeZones = new Map<string, boolean>();

/** Whether the engine knows an IANA time zone name (Intl throws a RangeError otherwise). */
function isTimeZone(name: string): boolean {
  let known = timeZones.get(name);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: name });
      known = true;
    } catch {
      known = false;
    }
    timeZones.set(name, known);
  }
  return known;
}

export function convertStore(input: StoreInput, errors: PathError[]): StoreRecord | undefined {
  const before = errors.length;
  const { type: _type, hours, ...fields } = input;
  const store: StoreRecord = fields;
  if (input.timeZone !== undefined && !isTimeZone(input.timeZone)) {
    errors.push({
      path: ['timeZone'],
      message: `"${input.timeZone}" is not an IANA time zone like "Europe/Berlin"`,
    });
  }
  if (hours !== undefined) {
    const converted: StoreRecord['hours'] = {};
    for (const day of WEEKDAYS) {
      const intervals = hours[day];
      if (intervals === undefined) continue;
      intervals.forEach((interval, i) => {
        if (interval.open === '24:00' || interval.close <= interval.open) {
          errors.push({
            path: ['hours', day, i],
            message: `${interval.open}-${interval.close} does not close after it opens`,
          });
        }
      });
      converted[day] = intervals.map((interval) => ({ open: interval.open, close: interval.close }));
    }
    store.hours = converted;
  }
  return errors.length > before ? undefined : store;
}
