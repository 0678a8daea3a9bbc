import type { Database } from 'better-sqlite3';
import {
  latestVersionOf,
  migrate as runMigrations,
  type Migration,
} from '../../../../shared/storage/migrations.js';
import { sql as m0010 } from './0010-catalog.js';
import { sql as m0020 } from './0020-sync.js';
import { sql as m0030 } from './0030-pending-store-rows.js';
import { sql as m0040 } from './0040-snapshot-store-rows.js';
import { sql as m0050 } from './0050-product-texts.js';
import { sql as m0060 } from './0060-media-models.js';

/**
 * Append-only, statically imported migrations (STYLE.md §5). A migration's number is the
 * `PRAGMA user_version` it leaves behind; never edit one that has shipped, add the next.
 */
export const migrations: readonly Migration[] = [
  { version: 10, name: '0010-catalog', sql: m0010 },
  { version: 20, name: '0020-sync', sql: m0020 },
  { version: 30, name: '0030-pending-store-rows', sql: m0030 },
  { version: 40, name: '0040-snapshot-store-rows', sql: m0040 },
  { version: 50, name: '0050-product-texts', sql: m0050 },
  { version: 60, name: '0060-media-models', sql: m0060 },
];

export const latestVersion = latestVersionOf(migrations);

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

/** Brings the database to the latest version (see shared/storage/migrations.ts). */
export function migrate(db: Database, path: string): { from: number; to: number } {
  return runMigrations(
    db,
    migrations,
    (found, supported) => new DatabaseFromFutureError(path, found, supported),
  );
}
