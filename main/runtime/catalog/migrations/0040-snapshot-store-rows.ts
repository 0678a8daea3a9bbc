/**
 * A staged snapshot page keeps its records by kind, so the swap applies each set-based with
 * INSERT ... SELECT over `json_each`: product records (unwrapped) in records_json
 * (staged-products.ts), prices and stock as compact JSON arrays (staged-store-rows.ts), and the
 * rest (stores: a handful) in others_json, applied row by row. A finished snapshot's pages are
 * deleted after the swap, a few at a time. A snapshot staged by the previous version kept
 * everything in records_json; it is dropped here and the device takes that snapshot again from
 * page 0 (the catalog itself is untouched).
 */
export const sql = /* sql */ `
DELETE FROM snapshot_pages;
DELETE FROM snapshot_progress;
ALTER TABLE snapshot_pages ADD COLUMN prices_json TEXT NOT NULL DEFAULT '[]';
ALTER TABLE snapshot_pages ADD COLUMN stock_json TEXT NOT NULL DEFAULT '[]';
ALTER TABLE snapshot_pages ADD COLUMN store_rows INTEGER NOT NULL DEFAULT 0;
ALTER TABLE snapshot_pages ADD COLUMN others_json TEXT NOT NULL DEFAULT '[]';
-- A swapped-in snapshot is marked finished and its pages deleted afterwards, a few at a time
-- (CatalogSync.cleanUpSnapshots), rather than inside the swap's transaction.
ALTER TABLE snapshot_progress ADD COLUMN finished INTEGER NOT NULL DEFAULT 0;
-- Rows of the whole snapshot (as the hub announced it; 0 when unknown) and rows staged so far:
-- the progress a UI shows ("1.2 million of 1.5 million").
ALTER TABLE snapshot_progress ADD COLUMN records INTEGER NOT NULL DEFAULT 0;
ALTER TABLE snapshot_progress ADD COLUMN rows_done INTEGER NOT NULL DEFAULT 0;
`;
