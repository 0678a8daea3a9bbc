/**
 * Store prices and stock that arrive through sync before the catalog change that creates their
 * SKU (the two live in different scopes with their own cursors). The store's cursor has already
 * moved past them, so dropping them would lose them for good; they wait here and are applied
 * when the variant appears.
 */
export const sql = /* sql */ `
CREATE TABLE pending_store_rows (
  sku        TEXT NOT NULL,
  store_code TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('price', 'stock')),
  body       TEXT NOT NULL,
  PRIMARY KEY (sku, store_code, kind)
) STRICT, WITHOUT ROWID;
CREATE INDEX pending_store_rows_store ON pending_store_rows(store_code);
`;
