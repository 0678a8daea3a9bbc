/**
 * A staged snapshot page keeps its prices and stock apart from its other records, as compact
 * JSON arrays, so the swap applies them set-based: one INSERT ... SELECT over `json_each`, joined
 * to variants inside SQLite (staged-store-rows.ts). A snapshot staged by the previous version
 * kept them among its records; it is dropped here and the device takes that snapshot again from
 * page 0 (the catalog itself is untouched).
 */
export const sql = /* sql */ `
DELETE FROM snapshot_pages;
DELETE FROM snapshot_progress;
ALTER TABLE snapshot_pages ADD COLUMN prices_json TEXT NOT NULL DEFAULT '[]';
ALTER TABLE snapshot_pages ADD COLUMN stock_json TEXT NOT NULL DEFAULT '[]';
ALTER TABLE snapshot_pages ADD COLUMN store_rows INTEGER NOT NULL DEFAULT 0;
`;
