/**
 * The device catalog. Money in minor units; a price row with store_code '' is the default
 * (product feed) price, others are a store's own (local inventory feed). GTINs are stored as
 * GTIN-14 in variant_codes so any scanned form finds its variant through one index.
 */
export const sql = /* sql */ `
CREATE TABLE stores (
  code        TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  address     TEXT,
  city        TEXT,
  postal_code TEXT,
  country     TEXT,
  lat         REAL,
  lon         REAL,
  time_zone   TEXT,
  phone       TEXT,
  hours_json  TEXT
) STRICT;

CREATE TABLE categories (
  id        INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES categories(id),
  name      TEXT NOT NULL,
  path      TEXT NOT NULL UNIQUE COLLATE NOCASE
) STRICT;

CREATE TABLE products (
  rowid       INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  title       TEXT NOT NULL,
  description TEXT,
  brand       TEXT,
  category_id INTEGER REFERENCES categories(id),
  gender      TEXT,
  material    TEXT,
  link        TEXT
) STRICT;
CREATE INDEX products_category ON products(category_id);

CREATE TABLE variants (
  rowid         INTEGER PRIMARY KEY,
  sku           TEXT NOT NULL UNIQUE,
  product_rowid INTEGER NOT NULL REFERENCES products(rowid) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  size          TEXT COLLATE NOCASE,
  color         TEXT COLLATE NOCASE,
  title         TEXT
) STRICT;
CREATE INDEX variants_product ON variants(product_rowid);

CREATE TABLE variant_codes (
  code          TEXT PRIMARY KEY,
  variant_rowid INTEGER NOT NULL REFERENCES variants(rowid) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
CREATE INDEX variant_codes_variant ON variant_codes(variant_rowid);

CREATE TABLE prices (
  variant_rowid INTEGER NOT NULL REFERENCES variants(rowid) ON DELETE CASCADE,
  store_code    TEXT NOT NULL,
  currency      TEXT NOT NULL,
  regular       INTEGER NOT NULL,
  sale          INTEGER,
  sale_from     TEXT,
  sale_until    TEXT,
  member        INTEGER,
  PRIMARY KEY (variant_rowid, store_code)
) STRICT, WITHOUT ROWID;

CREATE TABLE stock (
  variant_rowid INTEGER NOT NULL REFERENCES variants(rowid) ON DELETE CASCADE,
  store_code    TEXT NOT NULL,
  quantity      INTEGER NOT NULL,
  availability  TEXT,
  PRIMARY KEY (variant_rowid, store_code)
) STRICT, WITHOUT ROWID;
CREATE INDEX stock_by_store ON stock(store_code, variant_rowid) WHERE quantity > 0;

CREATE TABLE media (
  id            INTEGER PRIMARY KEY,
  product_rowid INTEGER NOT NULL REFERENCES products(rowid) ON DELETE CASCADE,
  variant_rowid INTEGER REFERENCES variants(rowid) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('image', 'video', 'model')),
  url           TEXT NOT NULL,
  alt           TEXT,
  sha256        TEXT,
  cache_path    TEXT
) STRICT;
CREATE INDEX media_product ON media(product_rowid, position);
CREATE INDEX media_variant ON media(variant_rowid) WHERE variant_rowid IS NOT NULL;

CREATE TABLE recommendations (
  product_rowid INTEGER NOT NULL REFERENCES products(rowid) ON DELETE CASCADE,
  kind          TEXT NOT NULL CHECK (kind IN ('cross-sell', 'up-sell')),
  position      INTEGER NOT NULL,
  related_id    TEXT NOT NULL,
  PRIMARY KEY (product_rowid, kind, related_id)
) STRICT, WITHOUT ROWID;

-- Where this device is in each sync scope (issue: hub sync). Scope 'catalog', 'store:<code>'.
CREATE TABLE sync_cursor (
  scope  TEXT PRIMARY KEY,
  cursor INTEGER NOT NULL
) STRICT;

-- Full-text index. Contentless (the text lives in products) with delete support, so an updated
-- product is deleted and re-inserted by rowid. Prefix indexes make 2- and 3-letter as-you-type
-- queries index lookups instead of scans.
CREATE VIRTUAL TABLE products_fts USING fts5(
  title, brand, category, colors, description,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
CREATE VIRTUAL TABLE products_vocab USING fts5vocab(products_fts, 'row');

-- Typo tolerance by symmetric deletion (SymSpell): every indexed word of 4+ letters is stored
-- under itself and each of its one-letter deletions. A query word and its deletions meet a
-- word within one edit (insertion, deletion, substitution, transposition) through this index.
CREATE TABLE spell_terms (
  term TEXT PRIMARY KEY
) STRICT, WITHOUT ROWID;
CREATE TABLE spell_deletes (
  del  TEXT NOT NULL,
  term TEXT NOT NULL,
  PRIMARY KEY (del, term)
) STRICT, WITHOUT ROWID;
`;
