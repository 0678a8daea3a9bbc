/**
 * The analytics filter as HTTP carries it (`?store=&device=&from=&to=`, from the JSON API and the
 * dashboard's form alike), checked with a precise message per field, and resolved against the
 * hub's stores and devices into a time range.
 *
 * Dates (YYYY-MM-DD) are days in the report's time zone: the store's when one store (or one
 * device) is chosen and its feed gave a time zone, else the one zone all stores share, else UTC.
 * `to` as a date includes that whole day. Without `from` and `to`: the last 7 days, today included.
 */
import { z } from 'zod';
import type { StoreRecord } from '../../shared/catalog/types.js';
import { parseMessage, type Parsed } from '../../shared/protocol/index.js';
import type { DeviceRow } from '../storage/hub-store.js';
import type { AnalyticsFilter } from './analytics-store.js';
import { addDays, isTimeZone, localTime, startOfLocalDay } from './time-zones.js';

export const MAX_RANGE_DAYS = 366;
export const DEFAULT_RANGE_DAYS = 7;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]\d{2}:[0-5]\d)$/;

/** A real calendar day: Date.parse would take 2026-02-30 for 2 March. */
function isCalendarDay(day: string): boolean {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === day;
}

const when = z
  .string()
  .max(40)
  .refine(
    (text) => (DAY.test(text) ? isCalendarDay(text) : isCalendarDay(INSTANT.exec(text)?.[1] ?? '')),
    'expected a date like 2026-03-02 or a date-time with offset like 2026-03-02T10:00:00Z',
  );

/** The query string; empty values (an untouched form field) count as absent. */
export const analyticsQuerySchema = z.preprocess(
  (raw) =>
    typeof raw === 'object' && raw !== null
      ? Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ''))
      : raw,
  z.strictObject(
    {
      store: z.string().max(200).optional(),
      device: z.string().max(200).optional(),
      from: when.optional(),
      to: when.optional(),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `unknown parameter ${issue.keys.map((k) => `"${k}"`).join(', ')}; known: store, device, from, to`
          : undefined,
    },
  ),
);
export type AnalyticsQuery = z.output<typeof analyticsQuerySchema>;

export interface ResolvedQuery {
  filter: AnalyticsFilter;
  /** The zone dates were read in, and the one a single store's hours are shown in. */
  timeZone: string;
  /** The range as local dates in that zone (`to` inclusive), for the dashboard's date fields. */
  fromDate: string;
  toDate: string;
}

export function zoneOfStore(store: StoreRecord | undefined): string {
  const zone = store?.timeZone;
  return zone !== undefined && isTimeZone(zone) ? zone : 'UTC';
}

/** Checks the query string and resolves it against the hub's stores and devices. */
export function resolveAnalyticsQuery(
  raw: unknown,
  context: { stores: readonly StoreRecord[]; devices: readonly DeviceRow[]; now: Date },
): Parsed<ResolvedQuery> {
  const parsed = parseMessage(analyticsQuerySchema, raw, 'analytics');
  if (!parsed.ok) return parsed;
  const query = parsed.value;
  const fail = (error: string): Parsed<ResolvedQuery> => ({ ok: false, error: `analytics: ${error}` });

  const store = query.store === undefined ? undefined : context.stores.find((s) => s.code === query.store);
  if (query.store !== undefined && store === undefined)
    return fail(`store: no store "${query.store}" on this hub`);
  const device = query.device === undefined ? undefined : context.devices.find((d) => d.id === query.device);
  if (query.device !== undefined && device === undefined)
    return fail(`device: no device "${query.device}" on this hub`);
  if (store !== undefined && device !== undefined && device.storeCode !== store.code)
    return fail(`device: "${device.id}" is in store ${device.storeCode}, not ${store.code}`);

  const scope = store ?? context.stores.find((s) => s.code === device?.storeCode);
  const zones = new Set(context.stores.map(zoneOfStore));
  const timeZone =
    scope !== undefined ? zoneOfStore(scope) : zones.size === 1 ? ([...zones][0] ?? 'UTC') : 'UTC';

  const nowMs = context.now.getTime();
  const today = localTime(nowMs, timeZone).date;
  const toMs =
    query.to === undefined
      ? nowMs
      : DAY.test(query.to)
        ? startOfLocalDay(addDays(query.to, 1), timeZone)
        : Date.parse(query.to);
  const fromMs =
    query.from === undefined
      ? query.to === undefined
        ? startOfLocalDay(addDays(today, 1 - DEFAULT_RANGE_DAYS), timeZone)
        : toMs - DEFAULT_RANGE_DAYS * 86_400_000
      : DAY.test(query.from)
        ? startOfLocalDay(query.from, timeZone)
        : Date.parse(query.from);
  if (fromMs >= toMs) return fail('to: must be after from');
  if (toMs - fromMs > MAX_RANGE_DAYS * 86_400_000)
    return fail(`from: the range may span at most ${String(MAX_RANGE_DAYS)} days`);

  const filter: AnalyticsFilter = { fromMs, toMs };
  if (store !== undefined) filter.storeCode = store.code;
  if (device !== undefined) filter.deviceId = device.id;
  return {
    ok: true,
    value: {
      filter,
      timeZone,
      fromDate: localTime(fromMs, timeZone).date,
      // The last instant inside the range names the last day shown.
      toDate: localTime(toMs - 1, timeZone).date,
    },
  };
}
