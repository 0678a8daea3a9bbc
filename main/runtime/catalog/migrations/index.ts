import type { Database } from 'better-sqlite3';
import { sql as m0010 } from './0010-catalog.js';
import { sql as m0020 } from './0020-sync.js';
import { sql as m0030 } from './0030-pending-store-rows.js';

/**
 * Append-only, statically imported migrations (STYLE.md §5). A migration's number is the
 * `PRAGMA user_version` it leaves behind; never edit one that has shipped, add the next.
 */
export const migrations: readonly { version: number; name: string; sql: string }[] = [
  { version: 10, name: '0010-catalog', sql: m0010 },
  { version: 20, name: '0020-sync', sql: m0020 },
  { version: 30, name: '0030-pending-store-rows', sql: m0030 },
];

export const latestVersion = migrations.at(-1)?.version ?? 0;

/** The database was written by a newer Vitrine; opening it could corrupt what that version wrote. */
export class DatabaseFromFutureError extends Error {
  override readonly name = 'DatabaseFromFutureError';
  constructor(
    readonly path: string,
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `${path}: catalog database is at schema version ${String(found)}, newer than this app supports (${String(supported)}); update Vitrine or remove the file to resync`,
    );
  }
}

/** Brings the database to the latest version; each migration and its version bump commit together. */
export function migrate(db: Database, path: string): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > latestVersion) throw new DatabaseFromFutureError(path, from, latestVersion);
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    // One transaction per migration: a crash mid-way leaves the previous version intact.
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${String(migration.version)}`);
    })();
  }
  return { from, to: latestVersion };
}
