/**
 * The analytics report for a filter: the store's raw counts turned into what people read —
 * sessions by local hour, product titles beside ids, conversion rates. The JSON API returns it
 * as it is; the dashboard draws it.
 *
 * Local hours: each session in its own store's time zone (UTC for a store whose feed gave none),
 * so "10:00" means ten in the morning wherever the kiosk stands. `timeZone` says which applies.
 */
import type { HubStore } from '../storage/hub-store.js';
import type { CountRow, SearchTermRow } from './analytics-store.js';
import type { ResolvedQuery } from './query.js';
import { zoneOfStore } from './query.js';
import { localClock } from './time-zones.js';

/** Rows in each top list. */
export const TOP = 10;
const QUARTER_MS = 900_000;

export interface ProductCount {
  productId: string;
  /** The product's title on the hub now; null when the catalog no longer has it. */
  title: string | null;
  count: number;
}

export interface AnalyticsReport {
  filter: { store: string | null; device: string | null; from: string; to: string };
  /** The zone local hours are in: one IANA name, or "each store's local time" across zones. */
  timeZone: string;
  /** The dates shown (local, `to` inclusive), for the dashboard's form. */
  dates: { from: string; to: string };
  totals: {
    sessions: number;
    /** Mean seconds of the sessions that ended (an idle ending includes the timeout). */
    meanSessionSeconds: number | null;
    scans: number;
    searches: number;
    noResultSearches: number;
    productViews: number;
    reservations: number;
    handoffs: number;
    attractImpressions: number;
    rejectedEvents: number;
  };
  sessionsPerHour: {
    /** Sessions started in each local hour of the day, 0-23, summed over the range. */
    byHourOfDay: number[];
    /** Each local hour with sessions: `2026-03-02T10` (wall clock), oldest first. */
    series: { hour: string; sessions: number }[];
  };
  /** Sessions → with a product view → reserved / sent to phone (in the same session). */
  funnel: {
    sessions: number;
    viewedProduct: number;
    viewedAndReserved: number;
    viewedAndHandedOff: number;
    reserved: number;
    handedOff: number;
    searched: number;
    scanned: number;
  };
  events: Record<string, number>;
  topScanned: ProductCount[];
  topViewed: ProductCount[];
  topFromSearch: ProductCount[];
  topSearches: { query: string; searches: number; noResult: number }[];
  noResultSearches: { query: string; searches: number; lastAt: string }[];
  redactedSearches: number;
  unknownCodes: { gtin: string; scans: number }[];
  attract: {
    itemKind: string;
    itemRef: string;
    /** The product's title, for a product spotlight the catalog still has. */
    title: string | null;
    impressions: number;
    seconds: number;
    touches: number;
  }[];
  rejected: {
    total: number;
    latest: { deviceId: string; itemId: string; name: string; reason: string; receivedAt: string }[];
  };
}

export async function buildReport(store: HubStore, query: ResolvedQuery): Promise<AnalyticsReport> {
  const { filter } = query;
  const [read, stores] = await Promise.all([store.analytics.read(filter, TOP), store.listStores()]);
  const zones = new Map(stores.map((s) => [s.code, zoneOfStore(s)]));
  const zoneOf = (code: string): string => zones.get(code) ?? 'UTC';

  // Stores share zones: quarters are summed per zone first, then mapped to local hours.
  const perZone = new Map<string, Map<number, number>>();
  for (const bucket of read.sessionBuckets) {
    const zone = zoneOf(bucket.storeCode);
    let quarters = perZone.get(zone);
    if (quarters === undefined) perZone.set(zone, (quarters = new Map<number, number>()));
    quarters.set(bucket.quarter, (quarters.get(bucket.quarter) ?? 0) + bucket.sessions);
  }
  const byHourOfDay = new Array<number>(24).fill(0);
  const series = new Map<string, number>();
  const zonesSeen = new Set(perZone.keys());
  for (const [zone, quarters] of perZone) {
    const clock = localClock(zone);
    for (const [quarter, sessions] of quarters) {
      const local = clock(quarter * QUARTER_MS);
      byHourOfDay[local.hour] = (byHourOfDay[local.hour] ?? 0) + sessions;
      const hour = `${local.date}T${String(local.hour).padStart(2, '0')}`;
      series.set(hour, (series.get(hour) ?? 0) + sessions);
    }
  }
  const scopeZones =
    filter.storeCode !== undefined || filter.deviceId !== undefined
      ? new Set([query.timeZone])
      : zonesSeen.size > 0
        ? zonesSeen
        : new Set(stores.map((s) => zoneOf(s.code)));
  const timeZone = scopeZones.size === 1 ? ([...scopeZones][0] ?? 'UTC') : "each store's local time";

  const spotlights = read.impressions
    .filter((row) => row.itemKind === 'product')
    .map((row) => ({ key: row.itemRef, count: 0 }));
  const titles = await titlesOf(store, [
    ...read.topScanned,
    ...read.topViewed,
    ...read.topFromSearch,
    ...spotlights,
  ]);
  const products = (rows: CountRow[]): ProductCount[] =>
    rows.map((row) => ({ productId: row.key, title: titles.get(row.key) ?? null, count: row.count }));
  const events = Object.fromEntries(read.events.map((row) => [row.key, row.count]));
  const count = (name: string): number => events[name] ?? 0;
  const s = read.sessions;

  return {
    filter: {
      store: filter.storeCode ?? null,
      device: filter.deviceId ?? null,
      from: new Date(filter.fromMs).toISOString(),
      to: new Date(filter.toMs).toISOString(),
    },
    timeZone,
    dates: { from: query.fromDate, to: query.toDate },
    totals: {
      sessions: s.sessions,
      meanSessionSeconds: s.meanDurationMs === null ? null : Math.round(s.meanDurationMs / 1000),
      scans: count('scan'),
      searches: read.searches.total,
      noResultSearches: read.searches.noResult,
      productViews: count('product.view'),
      reservations: count('reservation'),
      handoffs: count('handoff'),
      attractImpressions: count('attract.impression'),
      rejectedEvents: read.rejected.total,
    },
    sessionsPerHour: {
      byHourOfDay,
      series: [...series].sort(([a], [b]) => a.localeCompare(b)).map(([hour, n]) => ({ hour, sessions: n })),
    },
    funnel: {
      sessions: s.sessions,
      viewedProduct: s.viewed,
      viewedAndReserved: s.viewedAndReserved,
      viewedAndHandedOff: s.viewedAndHandedOff,
      reserved: s.reserved,
      handedOff: s.handedOff,
      searched: s.searched,
      scanned: s.scanned,
    },
    events,
    topScanned: products(read.topScanned),
    topViewed: products(read.topViewed),
    topFromSearch: products(read.topFromSearch),
    topSearches: read.topTerms.map((row) => ({
      query: row.term,
      searches: row.searches,
      noResult: row.noResult,
    })),
    noResultSearches: read.noResultTerms.map((row: SearchTermRow) => ({
      query: row.term,
      searches: row.noResult,
      lastAt: new Date(row.lastAtMs).toISOString(),
    })),
    redactedSearches: read.searches.redacted,
    unknownCodes: read.unknownCodes.map((row) => ({ gtin: row.key, scans: row.count })),
    attract: read.impressions.map((row) => ({
      itemKind: row.itemKind,
      itemRef: row.itemRef,
      title: row.itemKind === 'product' ? (titles.get(row.itemRef) ?? null) : null,
      impressions: row.impressions,
      seconds: Math.round(row.totalMs / 1000),
      touches: row.touches,
    })),
    rejected: read.rejected,
  };
}

async function titlesOf(store: HubStore, rows: readonly CountRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((row) => row.key))];
  const products = await Promise.all(ids.map((id) => store.getProduct(id)));
  const titles = new Map<string, string>();
  for (const product of products) if (product !== null) titles.set(product.id, product.title);
  return titles;
}
