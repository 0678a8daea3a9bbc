/**
 * Catalog images: a whole catalog scope as a ready SQLite file in this very schema. The hub builds
 * one per catalog head by running this module's own sync code on a fresh file
 * (server/catalog/images.ts), so a device taking a snapshot of the catalog downloads the file and
 * copies its tables in, instead of receiving a hundred thousand products as JSON and indexing
 * each of them itself. At 100,000 products that is the difference between half a minute and a
 * few seconds (`npm run bench -- sync`).
 *
 * The copy is `INSERT INTO t SELECT * FROM image.t` into emptied tables of the same schema, which
 * SQLite runs as its transfer optimization: rows and index entries are copied in order, without
 * being parsed or looked up again. The full-text index is copied the same way, through its shadow
 * tables (`products_fts_data` and the rest): the index the hub built for the same rows, under the
 * same tokenizer, is byte for byte the one this device would build.
 *
 * Invariant, as for the paged snapshot: the catalog is the old one or the new one, whole. The
 * copy, the store rows moved over to the new variants, and the cursor commit in one transaction.
 */
import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Db } from './database.js';
import { latestVersion } from './migrations/index.js';
import { SyncApplyError } from './sync-errors.js';

/** The tables of the catalog scope, copied whole; `prices` holds only default prices in an image. */
const imageTables = [
  'stores',
  'categories',
  'products',
  'variants',
  'variant_codes',
  'prices',
  'media',
  'recommendations',
  'product_texts',
  'spell_terms',
  'spell_deletes',
  'products_fts_data',
  'products_fts_idx',
  'products_fts_docsize',
  'products_fts_config',
] as const;

/**
 * What lives only on a device and never travels in an image. Default prices waiting for their
 * variant (pending_store_rows of store '') are the catalog scope's own and do travel.
 */
const deviceLocal = [
  'DELETE FROM sync_cursor',
  'DELETE FROM snapshot_progress',
  'DELETE FROM snapshot_pages',
  "DELETE FROM pending_store_rows WHERE store_code <> ''",
] as const;

export interface ImageSwapCounts {
  products: number;
  variants: number;
  /** Store prices and stock carried over to the new catalog's variants. */
  storeRows: number;
  /** Store rows whose SKU the new catalog no longer has (dropped, as a snapshot drops them). */
  dropped: number;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The staging tables a store scope's image carries: its snapshot, staged whole (sync-store.ts). */
const stagingTables = ['snapshot_progress', 'snapshot_pages'] as const;

/** The schema text of these tables and their indexes, to compare an image with this file. */
function schemaOf(db: Db, schema: 'main' | 'image', tables: readonly string[]): string[] {
  const names = tables.map((t) => `'${t}'`).join(', ');
  return (
    db
      .prepare(
        `SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM ${schema}.sqlite_schema
        WHERE tbl_name IN (${names}) AND name NOT LIKE 'sqlite_autoindex%' ORDER BY name`,
      )
      .pluck()
      .all() as string[]
  ).map((s) => s.replace(/\s+/g, ' '));
}

/**
 * Writes the catalog held by `db` to `dest` as an image: compacted (VACUUM INTO), without the
 * device-local sync state, as one self-contained file (rollback journal, not WAL).
 */
export function exportImage(db: Db, dest: string, options: { staged?: boolean } = {}): { bytes: number } {
  db.prepare('VACUUM INTO ?').run(dest);
  const out = new Database(dest);
  try {
    out.pragma('journal_mode = DELETE');
    out.transaction(() => {
      // A store scope's image is its staged snapshot: that much of the sync state travels.
      for (const statement of deviceLocal) {
        if (options.staged !== true || !statement.includes('snapshot_')) out.exec(statement);
      }
    })();
    out.exec('VACUUM');
  } finally {
    out.close();
  }
  return { bytes: statSync(dest).size };
}

/**
 * Checks that the file at `path` is an image of this schema version with these very tables.
 * Throws SyncApplyError (the caller takes the paged snapshot instead) when it is not.
 */
function checkImage(db: Db, path: string, tables: readonly string[]): void {
  let version: number;
  try {
    version = db.pragma('image.user_version', { simple: true }) as number;
  } catch (error) {
    throw new SyncApplyError(`catalog image ${path}: not a readable SQLite file (${messageOf(error)})`);
  }
  if (version !== latestVersion) {
    throw new SyncApplyError(
      `catalog image ${path}: schema version ${String(version)}, this device has ${String(latestVersion)}`,
    );
  }
  const ours = schemaOf(db, 'main', tables);
  const theirs = schemaOf(db, 'image', tables);
  const differs =
    ours.find((line, i) => theirs[i] !== line) ?? (theirs.length !== ours.length ? 'count' : undefined);
  if (differs !== undefined) {
    throw new SyncApplyError(
      `catalog image ${path}: its tables differ from this device's (${differs.slice(0, 120)})`,
    );
  }
  // No quick_check: it reads every page and index of the file, 14 s for a 240 MB image. The
  // file's SHA-256 was checked against the hub's offer (image-download.ts), and the hub wrote it
  // with this module's own code; a file that still fails to read aborts the copy, rolled back.
}

/**
 * Replaces the catalog scope with the image at `path` (inside no transaction: this opens its own).
 * `inTransaction` runs last, inside it (the caller moves the cursor there).
 *
 * Store prices and stock (other scopes) name variants by rowid, and the image brings rowids of
 * its own: they are set aside by SKU and put back onto the new variants, in the same transaction.
 */
export function swapInImage(db: Db, path: string, inTransaction: () => void): ImageSwapCounts {
  // ATTACH cannot run inside a transaction, and both pragmas below are no-ops inside one.
  try {
    db.prepare('ATTACH DATABASE ? AS image').run(path);
  } catch (error) {
    throw new SyncApplyError(`catalog image ${path}: cannot be opened (${messageOf(error)})`);
  }
  // The transfer optimization is off while foreign keys are enforced; every row copied comes
  // from a file whose keys held when the hub built it (its SHA-256 vouches for the file).
  db.pragma('foreign_keys = OFF');
  // Defensive mode (better-sqlite3's default) forbids writing FTS5 shadow tables; allowed only
  // for this copy, and only of tables whose schema was checked to be ours.
  db.unsafeMode(true);
  try {
    checkImage(db, path, [...imageTables, 'products_fts']);
    return db
      .transaction((): ImageSwapCounts => {
        db.exec(`
        CREATE TEMP TABLE IF NOT EXISTS kept_prices (
          sku TEXT NOT NULL, store_code TEXT NOT NULL, currency TEXT NOT NULL, regular INTEGER NOT NULL,
          sale INTEGER, sale_from TEXT, sale_until TEXT, member INTEGER);
        CREATE TEMP TABLE IF NOT EXISTS kept_stock (
          sku TEXT NOT NULL, store_code TEXT NOT NULL, quantity INTEGER NOT NULL, availability TEXT);
        DELETE FROM temp.kept_prices; DELETE FROM temp.kept_stock;
        INSERT INTO temp.kept_prices SELECT v.sku, p.store_code, p.currency, p.regular, p.sale, p.sale_from,
          p.sale_until, p.member FROM main.prices p JOIN main.variants v ON v.rowid = p.variant_rowid
          WHERE p.store_code <> '';
        INSERT INTO temp.kept_stock SELECT v.sku, k.store_code, k.quantity, k.availability
          FROM main.stock k JOIN main.variants v ON v.rowid = k.variant_rowid;
        DELETE FROM main.stock;`);
        for (const table of imageTables) {
          db.exec(`DELETE FROM main.${table}; INSERT INTO main.${table} SELECT * FROM image.${table};`);
        }
        const kept = db
          .prepare('SELECT (SELECT count(*) FROM temp.kept_prices) + (SELECT count(*) FROM temp.kept_stock)')
          .pluck()
          .get() as number;
        const storeRows =
          db
            .prepare(
              `INSERT INTO main.prices SELECT v.rowid, k.store_code, k.currency, k.regular, k.sale, k.sale_from,
            k.sale_until, k.member FROM temp.kept_prices k JOIN main.variants v ON v.sku = k.sku`,
            )
            .run().changes +
          db
            .prepare(
              `INSERT INTO main.stock SELECT v.rowid, k.store_code, k.quantity, k.availability
            FROM temp.kept_stock k JOIN main.variants v ON v.sku = k.sku`,
            )
            .run().changes;
        // Default prices waiting for their variant belong to the catalog scope: the image's replace ours.
        db.exec(`DELETE FROM main.pending_store_rows WHERE store_code = '';
        INSERT INTO main.pending_store_rows SELECT * FROM image.pending_store_rows WHERE store_code = '';
        DELETE FROM temp.kept_prices; DELETE FROM temp.kept_stock;`);
        inTransaction();
        const count = (table: string) =>
          db.prepare(`SELECT count(*) FROM main.${table}`).pluck().get() as number;
        return {
          products: count('products'),
          variants: count('variants'),
          storeRows,
          dropped: kept - storeRows,
        };
      })
      .immediate();
  } finally {
    db.unsafeMode(false);
    db.pragma('foreign_keys = ON');
    db.exec('DETACH DATABASE image');
  }
}

/**
 * Stages the snapshot a store scope's image carries (its pages, as this device would have staged
 * them from the hub's messages) in place of anything staged for the scope, in one transaction.
 * The caller then swaps it in like any staged snapshot; a crash between the two leaves a whole
 * staged snapshot, which the next start swaps in.
 */
export function stageImage(db: Db, path: string, scope: string): void {
  try {
    db.prepare('ATTACH DATABASE ? AS image').run(path);
  } catch (error) {
    throw new SyncApplyError(`catalog image ${path}: cannot be opened (${messageOf(error)})`);
  }
  try {
    checkImage(db, path, stagingTables);
    db.transaction(() => {
      db.prepare('DELETE FROM main.snapshot_pages WHERE scope = ?').run(scope);
      db.prepare('DELETE FROM main.snapshot_progress WHERE scope = ?').run(scope);
      const staged = db
        .prepare(
          'INSERT INTO main.snapshot_progress SELECT * FROM image.snapshot_progress WHERE scope = ? AND finished = 0 AND next_page = pages',
        )
        .run(scope).changes;
      if (staged !== 1)
        throw new SyncApplyError(`catalog image ${path}: holds no whole snapshot of ${scope}`);
      const pages = db
        .prepare('INSERT INTO main.snapshot_pages SELECT * FROM image.snapshot_pages WHERE scope = ?')
        .run(scope).changes;
      const expected = db
        .prepare('SELECT pages FROM main.snapshot_progress WHERE scope = ?')
        .pluck()
        .get(scope) as number;
      if (pages !== expected) {
        throw new SyncApplyError(
          `catalog image ${path}: ${String(pages)} of the ${String(expected)} pages of ${scope}`,
        );
      }
    }).immediate();
  } finally {
    db.exec('DETACH DATABASE image');
  }
}
