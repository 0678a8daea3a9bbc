import Database from 'better-sqlite3';
import { DatabaseFromFutureError, latestVersion, migrate } from './migrations/index.js';

export type Db = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
}

/**
 * Opens (and for a writer, creates and migrates) the catalog database. WAL lets lookups keep
 * answering on a reader connection while a sync writes; synchronous=NORMAL is durable across a
 * process crash in WAL mode (only an OS crash can lose the last commits, which the next sync
 * pulls again). The outbox, where that is not acceptable, sets FULL on its own connection.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const readonly = options.readonly === true;
  const db = new Database(path, { readonly, fileMustExist: readonly });
  try {
    db.pragma('busy_timeout = 5000');
    if (readonly) {
      checkVersion(db, path);
    } else {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      migrate(db, path);
    }
    db.pragma('cache_size = -32000');
    db.pragma('temp_store = MEMORY');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** A read-only connection cannot migrate: it refuses a file from a newer app or an unmigrated one. */
function checkVersion(db: Db, path: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > latestVersion) throw new DatabaseFromFutureError(path, version, latestVersion);
  if (version < latestVersion) {
    throw new Error(
      `${path}: not a current Vitrine catalog (schema version ${String(version)}, expected ${String(latestVersion)}); open it once for writing`,
    );
  }
}
