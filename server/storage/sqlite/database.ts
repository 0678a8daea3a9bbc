import Database from 'better-sqlite3';
import { migrate } from './migrations/index.js';

export type Db = Database.Database;

/**
 * Opens (creating and migrating) the hub database. WAL lets socket handlers read while an import
 * writes. synchronous=FULL: an acknowledged outbox item (a reservation with its pickup code) must
 * survive a power cut, because the device deletes it from its outbox once acked.
 */
export function openHubDatabase(path: string): Db {
  const db = new Database(path);
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db, path);
    db.pragma('cache_size = -64000');
    db.pragma('temp_store = MEMORY');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
