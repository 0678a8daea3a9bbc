/**
 * AnalyticsStore on the hub's SQLite file (tables of migration 0060-analytics). `ingest` runs
 * inside the outbox's transaction (outbox-tables.ts), so an event is counted if and only if its
 * outbox item is recorded: a retry after a lost ack finds the item and adds nothing.
 */
import { analyticsEvents } from '../../shared/analytics/index.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../storage/sqlite/database.js';
import type {
  AnalyticsFilter,
  AnalyticsRead,
  AnalyticsStore,
  CountRow,
  ImpressionRow,
  RejectedRow,
  SearchTermRow,
  SessionBucket,
  SessionTotals,
} from './analytics-store.js';
import { eventRowOf, sessionDeltaOf, type EventItem } from './ingest.js';

/** Raw bodies of refused events are kept for a look, not whole: a malformed item can be large. */
const MAX_REJECTED_BODY = 4000;
const QUARTER_MS = 900_000;
type Params = Record<string, string | number>;

function settle<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/** The filter as SQL over a table with device_id, store_code and a time column. */
function where(filter: AnalyticsFilter, time: string): { sql: string; params: Params } {
  const parts = [`${time} >= @fromMs`, `${time} < @toMs`];
  const params: Params = { fromMs: filter.fromMs, toMs: filter.toMs };
  if (filter.storeCode !== undefined) {
    parts.push('store_code = @storeCode');
    params.storeCode = filter.storeCode;
  }
  if (filter.deviceId !== undefined) {
    parts.push('device_id = @deviceId');
    params.deviceId = filter.deviceId;
  }
  return { sql: parts.join(' AND '), params };
}

export class SqliteAnalytics implements AnalyticsStore {
  /** Statements by SQL text; each read comes in four shapes (all, store, device, both). */
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  /** Prepared once per SQL text (preparing costs more than running these statements). */
  private statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private all<T>(sql: string, params: Params): T[] {
    return this.statement(sql).all(params) as T[];
  }

  /**
   * Stores a device's event, or the catalogue's reason to refuse it (kept in analytics_rejected).
   * Synchronous: the caller's transaction holds it together with the outbox item.
   */
  ingest(
    deviceId: string,
    storeCode: string,
    item: EventItem,
    receivedAt: string,
  ): { ok: true } | { ok: false; error: string } {
    const parsed = eventRowOf(item);
    if (!parsed.ok) {
      this.rejectNow({
        deviceId,
        itemId: item.id,
        storeCode,
        name: item.name,
        reason: parsed.error,
        body: JSON.stringify(item),
        receivedAt,
      });
      return { ok: false, error: parsed.error };
    }
    const row = parsed.value;
    this.statement(
      `INSERT INTO analytics_events (name, at_ms, device_id, item_id, store_code, session_id, product_id,
         term, outcome, amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      row.name,
      row.atMs,
      deviceId,
      item.id,
      storeCode,
      row.sessionId,
      row.productId,
      row.term,
      row.outcome,
      row.amount,
    );
    const delta = sessionDeltaOf(row);
    if (delta !== null && row.sessionId !== null) {
      this.statement(
        `INSERT INTO analytics_sessions (device_id, session_id, store_code, started_ms, ended_ms, end_reason,
             duration_ms, scans, searches, views, reservations, handoffs)
           VALUES (@deviceId, @sessionId, @storeCode, @startedMs, @endedMs, @endReason, @durationMs,
             @scans, @searches, @views, @reservations, @handoffs)
           ON CONFLICT (device_id, session_id) DO UPDATE SET
             started_ms = coalesce(excluded.started_ms, started_ms),
             ended_ms = coalesce(excluded.ended_ms, ended_ms),
             end_reason = coalesce(excluded.end_reason, end_reason),
             duration_ms = coalesce(excluded.duration_ms, duration_ms),
             scans = scans + excluded.scans,
             searches = searches + excluded.searches,
             views = views + excluded.views,
             reservations = reservations + excluded.reservations,
             handoffs = handoffs + excluded.handoffs`,
      ).run({
        deviceId,
        sessionId: row.sessionId,
        storeCode,
        startedMs: delta.startedMs,
        endedMs: delta.end?.atMs ?? null,
        endReason: delta.end?.reason ?? null,
        durationMs: delta.end?.durationMs ?? null,
        scans: delta.scans,
        searches: delta.searches,
        views: delta.views,
        reservations: delta.reservations,
        handoffs: delta.handoffs,
      });
    }
    return { ok: true };
  }

  private rejectNow(rejection: Parameters<AnalyticsStore['reject']>[0]): void {
    this.statement(
      `INSERT OR IGNORE INTO analytics_rejected (device_id, item_id, store_code, name, reason, body, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      rejection.deviceId,
      rejection.itemId,
      rejection.storeCode,
      rejection.name.slice(0, 200),
      rejection.reason.slice(0, 2000),
      rejection.body.slice(0, MAX_REJECTED_BODY),
      rejection.receivedAt,
    );
  }

  reject(rejection: Parameters<AnalyticsStore['reject']>[0]): Promise<void> {
    return settle(() => {
      this.rejectNow(rejection);
    });
  }

  read(filter: AnalyticsFilter, top: number): Promise<AnalyticsRead> {
    // One read transaction: every figure on the page describes the same moment.
    return settle(() => this.db.transaction(() => this.readNow(filter, top)).deferred());
  }

  private readNow(filter: AnalyticsFilter, top: number): AnalyticsRead {
    // The index for the filter's shape, named: with a range on the time and a GROUP BY, SQLite
    // may otherwise walk a whole index in group order rather than the range (seen with ANALYZE).
    const shape = filter.deviceId !== undefined ? 'device' : filter.storeCode !== undefined ? 'store' : null;
    const eventsFrom = `analytics_events INDEXED BY analytics_events_${shape ?? 'name'}`;
    const from = (fleetIndex: string): string =>
      shape === null ? `analytics_events INDEXED BY analytics_events_${fleetIndex}` : eventsFrom;
    const sessionsFrom = `analytics_sessions INDEXED BY analytics_sessions_${shape ?? 'started'}`;
    const sessions = where(filter, 'started_ms');
    const events = where(filter, 'at_ms');
    const p = events.params;

    const sessionBuckets = this.all<SessionBucket>(
      `SELECT store_code AS storeCode, started_ms / ${String(QUARTER_MS)} AS quarter, count(*) AS sessions
         FROM ${sessionsFrom} WHERE ${sessions.sql} GROUP BY store_code, quarter ORDER BY quarter`,
      sessions.params,
    );
    const totals = this.all<SessionTotals>(
      `SELECT count(*) AS sessions,
              count(ended_ms) AS ended,
              avg(duration_ms) AS meanDurationMs,
              coalesce(sum(scans > 0), 0) AS scanned,
              coalesce(sum(searches > 0), 0) AS searched,
              coalesce(sum(views > 0), 0) AS viewed,
              coalesce(sum(reservations > 0), 0) AS reserved,
              coalesce(sum(handoffs > 0), 0) AS handedOff,
              coalesce(sum(views > 0 AND reservations > 0), 0) AS viewedAndReserved,
              coalesce(sum(views > 0 AND handoffs > 0), 0) AS viewedAndHandedOff
         FROM ${sessionsFrom} WHERE ${sessions.sql}`,
      sessions.params,
    )[0];
    // Counts by name, and every product of the three product lists, each from the index alone.
    const counts = this.all<CountRow>(
      `SELECT name AS key, count(*) AS count FROM ${eventsFrom} WHERE name IN (${eventNames()})
         AND ${events.sql} GROUP BY name ORDER BY count DESC, key`,
      p,
    );
    const products = this.all<CountRow & { name: string }>(
      `SELECT name, product_id AS key, count(*) AS count FROM ${eventsFrom}
         WHERE name IN ('scan', 'product.view', 'search.select') AND ${events.sql} AND product_id IS NOT NULL
         GROUP BY name, product_id`,
      p,
    );
    const topOf = (name: string): CountRow[] =>
      products
        .filter((row) => row.name === name)
        .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
        .slice(0, top)
        .map(({ key, count }) => ({ key, count }));
    // Every search term once: the top list, the no-result list and the totals all come from it.
    const terms = this.all<SearchTermRow & { noResultAtMs: number | null; redacted: number }>(
      `SELECT term, count(*) AS searches, sum(amount = 0) AS noResult, max(at_ms) AS lastAtMs,
              max(CASE WHEN amount = 0 THEN at_ms END) AS noResultAtMs, sum(outcome = 'redacted') AS redacted
         FROM ${from('searches')} WHERE name = 'search' AND ${events.sql} GROUP BY term`,
      p,
    );
    const named = terms.filter((row) => row.term !== '');
    const bySearches = (a: SearchTermRow, b: SearchTermRow) =>
      b.searches - a.searches || a.term.localeCompare(b.term);
    const termRow = (row: SearchTermRow): SearchTermRow => ({
      term: row.term,
      searches: row.searches,
      noResult: row.noResult,
      lastAtMs: row.lastAtMs,
    });
    return {
      sessionBuckets,
      sessions: totals ?? emptyTotals(),
      events: counts,
      searches: {
        total: terms.reduce((n, row) => n + row.searches, 0),
        noResult: terms.reduce((n, row) => n + row.noResult, 0),
        redacted: terms.reduce((n, row) => n + row.redacted, 0),
      },
      topScanned: topOf('scan'),
      topViewed: topOf('product.view'),
      topFromSearch: topOf('search.select'),
      topTerms: [...named].sort(bySearches).slice(0, top).map(termRow),
      noResultTerms: named
        .filter((row) => row.noResult > 0)
        .map((row) => ({ ...row, searches: row.noResult, lastAtMs: row.noResultAtMs ?? row.lastAtMs }))
        .sort(bySearches)
        .slice(0, top)
        .map(termRow),
      // Only GTINs the catalog lacks have no product: the index narrows the rows to read to those.
      unknownCodes: this.all<CountRow>(
        `SELECT term AS key, count(*) AS count FROM ${eventsFrom}
           WHERE name = 'scan' AND ${events.sql} AND product_id IS NULL AND outcome = 'not-found'
             AND term IS NOT NULL
           GROUP BY term ORDER BY count DESC, key LIMIT @top`,
        { ...p, top },
      ),
      impressions: this.all<ImpressionRow>(
        `SELECT outcome AS itemKind, term AS itemRef, count(*) AS impressions, sum(amount) AS totalMs,
                count(session_id) AS touches
           FROM ${from('impressions')} WHERE name = 'attract.impression' AND ${events.sql}
           GROUP BY outcome, term ORDER BY impressions DESC, itemRef LIMIT @top`,
        { ...p, top },
      ),
      rejected: this.rejected(filter),
    };
  }

  /** Refused events received in the range (receive time: a refused event's own time may be junk). */
  private rejected(filter: AnalyticsFilter): AnalyticsRead['rejected'] {
    const range = where(filter, 'received_at');
    const params = {
      ...range.params,
      fromMs: new Date(filter.fromMs).toISOString(),
      toMs: new Date(filter.toMs).toISOString(),
    };
    const total = this.all<{ n: number }>(
      `SELECT count(*) AS n FROM analytics_rejected WHERE ${range.sql}`,
      params,
    )[0];
    const latest = this.all<RejectedRow>(
      `SELECT device_id AS deviceId, item_id AS itemId, name, reason, received_at AS receivedAt
         FROM analytics_rejected WHERE ${range.sql} ORDER BY received_at DESC, item_id LIMIT 10`,
      params,
    );
    return { total: total?.n ?? 0, latest };
  }
}

/** The catalogue's names as an SQL list, so the name index serves the count by name. */
function eventNames(): string {
  return Object.keys(analyticsEvents)
    .map((name) => `'${name}'`)
    .join(', ');
}

function emptyTotals(): SessionTotals {
  return {
    sessions: 0,
    ended: 0,
    meanDurationMs: null,
    scanned: 0,
    searched: 0,
    viewed: 0,
    reserved: 0,
    handedOff: 0,
    viewedAndReserved: 0,
    viewedAndHandedOff: 0,
  };
}
