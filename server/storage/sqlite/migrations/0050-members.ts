/**
 * Loyalty members (issue 6, loyalty and personalization). What could identify a member outside
 * the hub is never kept as it is: loyalty numbers, loyalty barcodes and member QR tokens are
 * stored as keyed hashes (HMAC-SHA256 under the hub's member key, a file beside the database, so
 * a copy of this file alone cannot be matched against the few billion possible card numbers).
 * Session tokens are random and hashed like device tokens.
 *
 * Consent is a record per answer, with its time, device and store (GDPR Art. 7(1): the hub must
 * be able to show that a member consented); the newest record of a member is their current
 * choice. A session's own answer gates what the hub gives that kiosk (suggestions, history).
 */
export const sql = /* sql */ `
CREATE TABLE members (
  id         TEXT PRIMARY KEY,
  first_name TEXT NOT NULL,
  tier       TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- kind 'loyalty': the card's number (on its stripe, and usually its barcode too); 'barcode': a
-- loyalty barcode that differs from the number; 'qr': the member app's QR token.
CREATE TABLE member_identifiers (
  kind      TEXT NOT NULL CHECK (kind IN ('loyalty', 'barcode', 'qr')),
  hash      TEXT NOT NULL,
  member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  PRIMARY KEY (kind, hash)
) STRICT, WITHOUT ROWID;
CREATE INDEX member_identifiers_member ON member_identifiers(member_id);

-- Purchases (imported, or demo data) and product views of sessions that said yes to personalization.
CREATE TABLE member_history (
  id         INTEGER PRIMARY KEY,
  member_id  TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  product_id TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('purchase', 'view')),
  at         TEXT NOT NULL,
  store_code TEXT,
  device_id  TEXT
) STRICT;
CREATE INDEX member_history_member ON member_history(member_id, at);

-- personalization and marketing stay NULL until the shopper answers at the kiosk.
CREATE TABLE member_sessions (
  token_hash      TEXT PRIMARY KEY,
  member_id       TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  device_id       TEXT NOT NULL,
  store_code      TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  expires_at      TEXT NOT NULL,
  personalization INTEGER,
  marketing       INTEGER,
  ended_at        TEXT
) STRICT, WITHOUT ROWID;
CREATE INDEX member_sessions_expiry ON member_sessions(expires_at);

CREATE TABLE member_consents (
  id              INTEGER PRIMARY KEY,
  member_id       TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  personalization INTEGER NOT NULL,
  marketing       INTEGER NOT NULL,
  at              TEXT NOT NULL,
  device_id       TEXT NOT NULL,
  store_code      TEXT NOT NULL
) STRICT;
CREATE INDEX member_consents_member ON member_consents(member_id, at);

-- Suggestions look for products of the brands and categories a member bought from.
CREATE INDEX products_brand ON products(json_extract(body, '$.brand'));
CREATE INDEX products_category ON products(json_extract(body, '$.categoryPath'));
`;
