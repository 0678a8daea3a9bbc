import type { Database } from 'better-sqlite3';
import {
  latestVersionOf,
  migrate as runMigrations,
  type Migration,
} from '../../../../shared/storage/migrations.js';
import { sql as m0010 } from './0010-hub.js';
import { sql as m0020 } from './0020-commands.js';
import { sql as m0030 } from './0030-hold-release.js';
import { sql as m0040 } from './0040-pickup-from.js';
import { sql as m0050 } from './0050-members.js';
import { sql as m0060 } from './0060-analytics.js';

/**
 * Append-only, statically imported migrations (STYLE.md §5). A migration's number is the
 * `PRAGMA user_version` it leaves behind; never edit one that has shipped, add the next.
 */
export const migrations: readonly Migration[] = [
  { version: 10, name: '0010-hub', sql: m0010 },
  { version: 20, name: '0020-commands', sql: m0020 },
  { version: 30, name: '0030-hold-release', sql: m0030 },
  { version: 40, name: '0040-pickup-from', sql: m0040 },
  { version: 50, name: '0050-members', sql: m0050 },
  { version: 60, name: '0060-analytics', sql: m0060 },
];

export const latestVersion = latestVersionOf(migrations);

/** The database was written by a newer hub; opening it could corrupt what that version wrote. */
export class HubDatabaseFromFutureError extends Error {
  override readonly name = 'HubDatabaseFromFutureError';
  constructor(
    readonly path: string,
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `${path}: hub database is at schema version ${String(found)}, newer than this hub supports (${String(supported)}); update Vitrine`,
    );
  }
}

/** Brings the database to the latest version (see shared/storage/migrations.ts). */
export function migrate(db: Database, path: string): { from: number; to: number } {
  return runMigrations(
    db,
    migrations,
    (found, supported) => new HubDatabaseFromFutureError(path, found, supported),
  );
}
