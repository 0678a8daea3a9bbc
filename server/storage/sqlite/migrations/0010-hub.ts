/**
 * The hub's first schema. Catalog records are kept as canonical JSON (sorted keys) so an import
 * compares text to find real changes; the key columns beside them serve lookups and stable
 * snapshot order. Prices use store_code '' for the default (product feed) price, so the primary
 * key can hold it (NULL is never equal to NULL in SQL).
 */
export const sql = /* sql */ `
CREATE TABLE stores (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  body TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE products (
  id   TEXT PRIMARY KEY,
  body TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE prices (
  store_code TEXT NOT NULL,
  sku        TEXT NOT NULL,
  body       TEXT NOT NULL,
  PRIMARY KEY (store_code, sku)
) STRICT, WITHOUT ROWID;

CREATE TABLE stock (
  store_code TEXT NOT NULL,
  sku        TEXT NOT NULL,
  quantity   INTEGER NOT NULL,
  body       TEXT NOT NULL,
  PRIMARY KEY (store_code, sku)
) STRICT, WITHOUT ROWID;
CREATE INDEX stock_sku ON stock(sku);

-- One row per scope: head is the newest seq appended, floor the newest seq compacted away
-- (changes floor+1..head are in change_log).
CREATE TABLE scopes (
  scope TEXT PRIMARY KEY,
  head  INTEGER NOT NULL DEFAULT 0,
  floor INTEGER NOT NULL DEFAULT 0,
  CHECK (floor <= head)
) STRICT, WITHOUT ROWID;
INSERT INTO scopes (scope) VALUES ('catalog');

CREATE TABLE change_log (
  scope TEXT NOT NULL,
  seq   INTEGER NOT NULL,
  body  TEXT NOT NULL,
  PRIMARY KEY (scope, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE devices (
  id              TEXT PRIMARY KEY,
  name            TEXT NOT NULL,
  store_code      TEXT NOT NULL,
  enrollment_hash TEXT NOT NULL UNIQUE,
  token_hash      TEXT,
  created_at      TEXT NOT NULL,
  enrolled_at     TEXT,
  revoked_at      TEXT,
  last_seen_at    TEXT,
  app_version     TEXT,
  cursors_json    TEXT,
  hardware_json   TEXT,
  uptime_seconds  REAL,
  memory_mb       REAL
) STRICT;

-- Every outbox item a device sent, once: the primary key is what makes retries harmless.
CREATE TABLE outbox_items (
  device_id   TEXT NOT NULL,
  item_id     TEXT NOT NULL,
  kind        TEXT NOT NULL,
  body        TEXT NOT NULL,
  result_json TEXT,
  received_at TEXT NOT NULL,
  PRIMARY KEY (device_id, item_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE reservations (
  id           INTEGER PRIMARY KEY,
  device_id    TEXT NOT NULL,
  item_id      TEXT NOT NULL,
  sku          TEXT NOT NULL,
  store_code   TEXT NOT NULL,
  quantity     INTEGER NOT NULL,
  name         TEXT NOT NULL,
  contact_json TEXT NOT NULL,
  pickup_code  TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  expires_at   TEXT NOT NULL
) STRICT;
CREATE INDEX reservations_hold ON reservations(store_code, sku, expires_at);
CREATE INDEX reservations_pickup ON reservations(pickup_code, expires_at);

-- Hand-off tokens are random and short-lived and open only a public product page, so they are
-- stored as they are (unlike device tokens, which grant access).
CREATE TABLE handoffs (
  token      TEXT PRIMARY KEY,
  device_id  TEXT NOT NULL,
  product_id TEXT NOT NULL,
  sku        TEXT,
  store_code TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
`;
