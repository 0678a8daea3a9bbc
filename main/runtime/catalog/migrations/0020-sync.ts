/**
 * Snapshot staging for hub sync (DESIGN.md, "Catalog sync"). A snapshot arrives in pages; each
 * page is committed here as it lands, so a crash loses at most the page in flight, and the
 * whole snapshot is swapped into the catalog tables by one transaction once the last page is in.
 * One snapshot per scope at a time: starting another replaces the staged one.
 */
export const sql = /* sql */ `
CREATE TABLE snapshot_progress (
  scope       TEXT PRIMARY KEY,
  snapshot_id TEXT NOT NULL,
  cursor      INTEGER NOT NULL,
  pages       INTEGER NOT NULL CHECK (pages >= 1),
  next_page   INTEGER NOT NULL CHECK (next_page >= 0 AND next_page <= pages)
) STRICT;

-- The records of one page as the hub sent them (validated JSON array of change bodies).
CREATE TABLE snapshot_pages (
  scope        TEXT NOT NULL REFERENCES snapshot_progress(scope) ON DELETE CASCADE,
  page         INTEGER NOT NULL,
  records_json TEXT NOT NULL,
  PRIMARY KEY (scope, page)
) STRICT, WITHOUT ROWID;
`;
