/**
 * Analytics (server/analytics): each event a device sent, in columns the dashboard groups by,
 * beside the raw item that outbox_items keeps once per (device, id). Instants are epoch ms of the
 * device's clock (when it happened, not when an offline kiosk got round to sending it), so ranges
 * are integer comparisons. Every query filters on the event name and a time range, by all stores,
 * one store or one device: one index for each, with the range last but one.
 *
 * analytics_sessions is rolled up as events arrive (one row per session, counters per kind of
 * step), so sessions per hour and the conversion funnel read one row per session instead of
 * grouping millions of events. Rows can be made by any event of the session, in any order;
 * started_ms stays NULL until its session.start arrives, and only started sessions are counted.
 *
 * analytics_rejected keeps what the catalogue refused, with the reason, once per (device, id), so
 * an operator can see which kiosk sends what; nothing in it is ever counted.
 */
export const sql = /* sql */ `
-- Rows arrive roughly in time order (kiosks push as they go), so rowid order is close to time
-- order and reading rows through the time indexes stays near-sequential. Each index ends with
-- product_id, so the top product lists and the counts by name read an index alone. The raw item
-- (props and all) stays in outbox_items under (device_id, item_id).
CREATE TABLE analytics_events (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  at_ms      INTEGER NOT NULL,
  device_id  TEXT NOT NULL,
  item_id    TEXT NOT NULL,
  store_code TEXT NOT NULL,
  session_id TEXT,
  product_id TEXT,
  -- search and search.select: the query; scan: a GTIN the catalog lacks; attract: the item.
  term       TEXT,
  -- scan outcome, reservation or hand-off status, screen, card kind, attract item kind, end reason.
  outcome    TEXT,
  -- search: results; search.select: position; attract: ms on screen; session.end: duration.
  amount     INTEGER
) STRICT;
CREATE INDEX analytics_events_name ON analytics_events(name, at_ms, product_id);
CREATE INDEX analytics_events_store ON analytics_events(store_code, name, at_ms, product_id);
CREATE INDEX analytics_events_device ON analytics_events(device_id, name, at_ms, product_id);
-- Fleet-wide search terms and proof of play, read from these alone (partial: only their rows).
CREATE INDEX analytics_events_searches ON analytics_events(at_ms, term, amount, outcome)
  WHERE name = 'search';
CREATE INDEX analytics_events_impressions ON analytics_events(at_ms, outcome, term, amount, session_id)
  WHERE name = 'attract.impression';

CREATE TABLE analytics_sessions (
  device_id    TEXT NOT NULL,
  session_id   TEXT NOT NULL,
  store_code   TEXT NOT NULL,
  started_ms   INTEGER,
  ended_ms     INTEGER,
  end_reason   TEXT,
  duration_ms  INTEGER,
  scans        INTEGER NOT NULL DEFAULT 0,
  searches     INTEGER NOT NULL DEFAULT 0,
  views        INTEGER NOT NULL DEFAULT 0,
  reservations INTEGER NOT NULL DEFAULT 0,
  handoffs     INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (device_id, session_id)
) STRICT, WITHOUT ROWID;
-- Covering: sessions per hour and the funnel read these indexes alone, never the table.
CREATE INDEX analytics_sessions_started ON analytics_sessions(started_ms, store_code, views, reservations,
  handoffs, searches, scans, ended_ms, duration_ms) WHERE started_ms IS NOT NULL;
CREATE INDEX analytics_sessions_store ON analytics_sessions(store_code, started_ms, views, reservations,
  handoffs, searches, scans, ended_ms, duration_ms) WHERE started_ms IS NOT NULL;
CREATE INDEX analytics_sessions_device ON analytics_sessions(device_id, started_ms, store_code, views,
  reservations, handoffs, searches, scans, ended_ms, duration_ms) WHERE started_ms IS NOT NULL;

CREATE TABLE analytics_rejected (
  device_id   TEXT NOT NULL,
  item_id     TEXT NOT NULL,
  store_code  TEXT NOT NULL,
  name        TEXT NOT NULL,
  reason      TEXT NOT NULL,
  body        TEXT NOT NULL,
  received_at TEXT NOT NULL,
  PRIMARY KEY (device_id, item_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX analytics_rejected_received ON analytics_rejected(received_at);
`;
