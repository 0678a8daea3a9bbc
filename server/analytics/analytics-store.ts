/**
 * What the hub keeps of analytics, as one interface beside HubStore (SQLite implements it in
 * sqlite-analytics.ts; a PostgreSQL store would answer the same reads). Reads return raw counts
 * in UTC; report.ts turns them into what people read (local hours, product titles, rates).
 */

/** Events from `fromMs` (inclusive) to `toMs` (exclusive), device time; optionally one store or device. */
export interface AnalyticsFilter {
  fromMs: number;
  toMs: number;
  storeCode?: string;
  deviceId?: string;
}

/** Sessions started in one quarter hour (UTC epoch ms / 900,000) at one store. */
export interface SessionBucket {
  storeCode: string;
  quarter: number;
  sessions: number;
}

export interface SessionTotals {
  /** Sessions that started in the range. */
  sessions: number;
  /** …of which ended (the others are still running, or their end has not arrived yet). */
  ended: number;
  /** Mean duration of the ended ones, or null. */
  meanDurationMs: number | null;
  scanned: number;
  searched: number;
  viewed: number;
  reserved: number;
  handedOff: number;
  /** Sessions with a product view and then (in the same session) a reservation. */
  viewedAndReserved: number;
  viewedAndHandedOff: number;
}

export interface CountRow {
  key: string;
  count: number;
}

export interface SearchTermRow {
  term: string;
  searches: number;
  /** How many of them found nothing. */
  noResult: number;
  lastAtMs: number;
}

export interface ImpressionRow {
  itemKind: string;
  itemRef: string;
  impressions: number;
  totalMs: number;
  /** Impressions a shopper interrupted to start a session. */
  touches: number;
}

export interface RejectedRow {
  deviceId: string;
  itemId: string;
  name: string;
  reason: string;
  receivedAt: string;
}

export interface AnalyticsRead {
  sessionBuckets: SessionBucket[];
  sessions: SessionTotals;
  /** Events in the range by name. */
  events: CountRow[];
  searches: { total: number; noResult: number; redacted: number };
  topScanned: CountRow[];
  topViewed: CountRow[];
  /** Products opened from search results. */
  topFromSearch: CountRow[];
  topTerms: SearchTermRow[];
  /** Terms with no result, most frequent first. */
  noResultTerms: SearchTermRow[];
  /** GTINs scanned that the catalog did not have. */
  unknownCodes: CountRow[];
  impressions: ImpressionRow[];
  /** Events the catalogue refused, received in the range. */
  rejected: { total: number; latest: RejectedRow[] };
}

export interface AnalyticsStore {
  /** Everything the dashboard shows for a filter; top lists hold at most `top` rows. */
  read(filter: AnalyticsFilter, top: number): Promise<AnalyticsRead>;
  /** Keeps an event the hub refused (malformed, unknown), once per (device, id). */
  reject(rejection: {
    deviceId: string;
    itemId: string;
    storeCode: string;
    name: string;
    reason: string;
    body: string;
    receivedAt: string;
  }): Promise<void>;
}
