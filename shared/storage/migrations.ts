/**
 * The migration rule both SQLite stores (device catalog, hub) follow (STYLE.md §5): numbered,
 * append-only migrations; `PRAGMA user_version` holds the number of the last one applied; a
 * database from a newer version is refused before anything is written to it.
 *
 * Typed against the few calls it needs rather than better-sqlite3, so this layer stays free of
 * platform imports; better-sqlite3's Database satisfies it.
 */

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export interface MigratableDatabase {
  pragma(source: string, options: { simple: true }): unknown;
  exec(source: string): unknown;
  transaction(fn: () => void): () => void;
}

export function latestVersionOf(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

/**
 * Brings the database to the latest version; each migration and its version bump commit
 * together, so a crash mid-way leaves the previous version intact. `tooNew` builds the store's
 * own error for a database written by a newer version.
 */
export function migrate(
  db: MigratableDatabase,
  migrations: readonly Migration[],
  tooNew: (found: number, supported: number) => Error,
): { from: number; to: number } {
  const latest = latestVersionOf(migrations);
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > latest) throw tooNew(from, latest);
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${String(migration.version)}`, { simple: true });
    })();
  }
  return { from, to: latest };
}
