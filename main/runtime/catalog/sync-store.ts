import type { PriceRecord, ProductRecord, StockRecord } from '../../../shared/catalog/types.js';
import type { ChangeBody } from '../../../shared/protocol/index.js';
import type { Db } from './database.js';
import { exportImage, stageImage, swapInImage } from './image.js';
import { stageStoreRows } from './staged-store-rows.js';
import { SyncApplyError } from './sync-errors.js';
import { emptySummary, type ApplySummary, type CatalogWriter } from './writer.js';

/** A snapshot being staged page by page; `nextPage` is where a restarted device resumes. */
export interface SnapshotProgress {
  snapshotId: string;
  cursor: number;
  pages: number;
  nextPage: number;
  /** Rows in the whole snapshot, as the hub announced it (0 when it did not say). */
  rows: number;
  /** Rows staged so far. */
  rowsDone: number;
}

export type ApplyChangesOutcome =
  | { status: 'applied'; cursor: number; summary: ApplySummary }
  /** The batch does not start at the stored cursor; nothing was changed. */
  | { status: 'gap'; cursor: number };

/** The catalog's side of hub sync: cursors, deltas, and staged snapshots. */
export interface CatalogSync {
  /** The stored cursor of a scope; 0 when it has never synced. */
  cursor(scope: string): number;
  cursors(): Record<string, number>;
  /** Applies changes `from`+1..`to` and moves the cursor to `to`, or refuses a batch that does not start at the cursor. */
  applyChanges(scope: string, from: number, to: number, changes: readonly ChangeBody[]): ApplyChangesOutcome;
  /** Commits one snapshot page durably; page 0 of a new snapshot replaces any staged one. */
  stageSnapshotPage(
    scope: string,
    snapshotId: string,
    cursor: number,
    page: number,
    pages: number,
    records: readonly ChangeBody[],
    /** Rows in the whole snapshot, when the hub says (for progress only). */
    rows?: number,
  ): SnapshotProgress;
  /** Swaps the fully staged snapshot in and sets the cursor to its own. */
  finishSnapshot(scope: string): { cursor: number; summary: ApplySummary };
  snapshotInProgress(scope: string): SnapshotProgress | undefined;
  /**
   * Replaces the catalog scope with a hub-built image (image.ts) standing at `cursor`, and drops
   * any paged snapshot staged for it. Refuses (SyncApplyError, nothing changed) an image of
   * another schema or a damaged one; the caller then takes the paged snapshot.
   */
  swapInImage(scope: string, path: string, cursor: number): { cursor: number; summary: ApplySummary };
  /** Writes this catalog as an image to `dest` (the hub builds images this way). */
  exportImage(dest: string, options?: { staged?: boolean }): { bytes: number };
  /** Drops a staged snapshot (the hub no longer serves it). */
  abandonSnapshot(scope: string): void;
  /**
   * Deletes the staged pages of swapped-in snapshots, at most `pages` of them (each commits on
   * its own, and a few keep the write lock short); true while some remain.
   */
  cleanUpSnapshots(pages?: number): boolean;
}

export type Awaitable<T> = T | Promise<T>;

/**
 * What the sync client needs of the catalog: cheap reads it makes synchronously, and the writes,
 * which it awaits. CatalogSync (this file) does the writes in the caller's thread; the catalog
 * writer worker (writer-worker.ts) does them on another thread, so a long snapshot swap does not
 * hold up the runtime's event loop.
 */
export type SyncTarget = Pick<CatalogSync, 'cursor' | 'cursors' | 'snapshotInProgress'> & {
  [K in WriteMethod]: (...args: Parameters<CatalogSync[K]>) => Awaitable<ReturnType<CatalogSync[K]>>;
};

/** The catalog's sync writes: what the writer thread runs (writer-worker.ts). */
export type WriteMethod =
  | 'applyChanges'
  | 'stageSnapshotPage'
  | 'finishSnapshot'
  | 'abandonSnapshot'
  | 'cleanUpSnapshots'
  | 'swapInImage'
  | 'exportImage';

export { SyncApplyError };

/**
 * The scope a change belongs to: products, stores and default prices are the catalog's; a
 * store's own prices and stock are that store's (DESIGN.md, "Catalog sync").
 */
export function scopeOfChange(change: ChangeBody): string {
  switch (change.op) {
    case 'price.upsert':
      return change.price.storeCode === null ? 'catalog' : `store:${change.price.storeCode}`;
    case 'stock.upsert':
      return `store:${change.stock.storeCode}`;
    default:
      return 'catalog';
  }
}

/**
 * A change filed under the wrong scope would be wiped by the other scope's next snapshot and
 * never come back (the cursor already passed it), so it is refused up front.
 */
function checkScopes(scope: string, changes: readonly ChangeBody[]): void {
  changes.forEach((change, index) => {
    const own = scopeOfChange(change);
    if (own !== scope) {
      throw new SyncApplyError(`[${String(index)}] ${change.op}: belongs to scope "${own}", not "${scope}"`);
    }
  });
}

export function createCatalogSync(db: Db, writer: CatalogWriter): CatalogSync {
  const s = {
    cursor: db.prepare('SELECT cursor FROM sync_cursor WHERE scope = ?').pluck(),
    cursors: db.prepare('SELECT scope, cursor FROM sync_cursor ORDER BY scope'),
    setCursor: db.prepare(
      'INSERT INTO sync_cursor (scope, cursor) VALUES (?, ?) ON CONFLICT (scope) DO UPDATE SET cursor = excluded.cursor',
    ),
    progress: db.prepare(
      `SELECT snapshot_id AS snapshotId, cursor, pages, next_page AS nextPage, records AS rows, rows_done AS rowsDone
      FROM snapshot_progress WHERE scope = ? AND finished = 0`,
    ),
    startProgress: db.prepare(
      'INSERT INTO snapshot_progress (scope, snapshot_id, cursor, pages, next_page, records) VALUES (?, ?, ?, ?, 0, ?)',
    ),
    advanceProgress: db.prepare(
      'UPDATE snapshot_progress SET next_page = ?, rows_done = rows_done + ? WHERE scope = ?',
    ),
    dropProgress: db.prepare('DELETE FROM snapshot_progress WHERE scope = ?'),
    markFinished: db.prepare('UPDATE snapshot_progress SET finished = 1 WHERE scope = ?'),
    finishedPages: db.prepare(
      `SELECT p.scope, p.page FROM snapshot_pages p JOIN snapshot_progress s ON s.scope = p.scope
      WHERE s.finished = 1 ORDER BY p.scope, p.page LIMIT ?`,
    ),
    dropPage: db.prepare('DELETE FROM snapshot_pages WHERE scope = ? AND page = ?'),
    dropFinishedEmpty: db.prepare(
      'DELETE FROM snapshot_progress WHERE finished = 1 AND NOT EXISTS (SELECT 1 FROM snapshot_pages p WHERE p.scope = snapshot_progress.scope)',
    ),
    dropPages: db.prepare('DELETE FROM snapshot_pages WHERE scope = ?'),
    insertPage: db.prepare(
      'INSERT INTO snapshot_pages (scope, page, records_json, others_json, prices_json, stock_json, store_rows) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    pageNumbers: db.prepare('SELECT page FROM snapshot_pages WHERE scope = ? ORDER BY page').pluck(),
    page: db.prepare('SELECT records_json FROM snapshot_pages WHERE scope = ? AND page = ?').pluck(),
    otherRecords: db.prepare('SELECT others_json FROM snapshot_pages WHERE scope = ? ORDER BY page').pluck(),
  };
  const cursorOf = (scope: string): number => (s.cursor.get(scope) as number | undefined) ?? 0;
  const progressOf = (scope: string): SnapshotProgress | undefined =>
    s.progress.get(scope) as SnapshotProgress | undefined;
  /** The products of the staged pages through the row by row writer; returns their ids. */
  const applyProductsRowByRow = (scope: string, summary: ApplySummary): string[] => {
    const ids: string[] = [];
    // Page by page, so only one page's records are in memory at a time.
    for (const page of s.pageNumbers.all(scope) as number[]) {
      // Written by stageSnapshotPage from records already parsed with the protocol's schemas.
      const products = JSON.parse(s.page.get(scope, page) as string) as ProductRecord[];
      for (const product of products) ids.push(product.id);
      writer.applyChanges(
        products.map((product) => ({ op: 'product.upsert', product })),
        summary,
        { detailsCleared: true, deferSpellIndex: true },
      );
    }
    return ids;
  };
  const drop = (scope: string): void => {
    s.dropPages.run(scope);
    s.dropProgress.run(scope);
  };

  const sync: CatalogSync = {
    cursor: cursorOf,
    cursors: () =>
      Object.fromEntries(
        (s.cursors.all() as { scope: string; cursor: number }[]).map((r) => [r.scope, r.cursor]),
      ),

    applyChanges(scope, from, to, changes) {
      checkScopes(scope, changes);
      // Invariant: the cursor names exactly the changes the catalog holds. Applying and
      // advancing in one transaction means a crash between them cannot happen: otherwise a
      // restart would re-pull changes already applied, or (cursor first) skip ones never applied.
      // The cursor is compared inside the transaction, under the write lock, for the same reason.
      return writer.transaction((): ApplyChangesOutcome => {
        const current = cursorOf(scope);
        if (current !== from) return { status: 'gap', cursor: current };
        const summary = writer.applyChanges(changes);
        s.setCursor.run(scope, to);
        return { status: 'applied', cursor: to, summary };
      });
    },

    stageSnapshotPage(scope, snapshotId, cursor, page, pages, records, totalRows = 0) {
      checkScopes(scope, records);
      // Each page commits on its own: a crash loses at most the page in flight, and progress
      // moves with the page it describes, so a resume never skips or repeats one.
      return writer.transaction((): SnapshotProgress => {
        let progress = progressOf(scope);
        const same =
          progress?.snapshotId === snapshotId && progress.cursor === cursor && progress.pages === pages;
        if (!same) {
          if (page !== 0) {
            throw new SyncApplyError(
              `snapshot ${snapshotId} page ${String(page)}: no staged snapshot to continue (expected page 0)`,
            );
          }
          drop(scope);
          s.startProgress.run(scope, snapshotId, cursor, pages, totalRows);
          progress = { snapshotId, cursor, pages, nextPage: 0, rows: totalRows, rowsDone: 0 };
        }
        if (progress === undefined) throw new Error('unreachable: progress set above');
        if (page < progress.nextPage) return progress; // staged before a restart: nothing to add
        if (page > progress.nextPage || page >= pages) {
          throw new SyncApplyError(
            `snapshot ${snapshotId}: got page ${String(page)}, expected ${String(progress.nextPage)} of ${String(pages)}`,
          );
        }
        // Records by kind, each applied set-based at the swap (migration 0040).
        const prices: PriceRecord[] = [];
        const stock: StockRecord[] = [];
        const products: ProductRecord[] = [];
        const others: ChangeBody[] = [];
        for (const record of records) {
          if (record.op === 'price.upsert') prices.push(record.price);
          else if (record.op === 'stock.upsert') stock.push(record.stock);
          else if (record.op === 'product.upsert') products.push(record.product);
          else others.push(record);
        }
        const storeRows = stageStoreRows(prices, stock);
        s.insertPage.run(
          scope,
          page,
          JSON.stringify(products),
          JSON.stringify(others),
          storeRows.pricesJson,
          storeRows.stockJson,
          storeRows.rows,
        );
        s.advanceProgress.run(page + 1, records.length, scope);
        return { ...progress, nextPage: page + 1, rowsDone: progress.rowsDone + records.length };
      });
    },

    finishSnapshot(scope) {
      // Invariant: the catalog is either the old one or the new one, whole, with the cursor that
      // describes it. Clearing, applying every page, moving the cursor and dropping the staging
      // rows commit together; readers on their own connection see the old catalog until then (WAL).
      const result = writer.transaction(() => {
        const progress = progressOf(scope);
        if (progress === undefined) throw new SyncApplyError(`${scope}: no snapshot staged`);
        if (progress.nextPage !== progress.pages) {
          throw new SyncApplyError(
            `${scope}: snapshot ${progress.snapshotId} has ${String(progress.nextPage)} of ${String(progress.pages)} pages`,
          );
        }
        writer.clearScope(scope);
        const catalogScope = scope === 'catalog';
        if (catalogScope) writer.clearProductDetails();
        const bulk = { detailsCleared: catalogScope, deferSpellIndex: true };
        const summary = emptySummary();
        if (catalogScope) {
          // Stores (and anything but products: a handful) row by row, then the products
          // set-based; row by row if the snapshot cannot go that way (staged-products.ts).
          const others = (s.otherRecords.all(scope) as string[]).flatMap(
            (text) => JSON.parse(text) as ChangeBody[],
          );
          writer.applyChanges(others, summary, bulk);
          const ids = writer.applyStagedProducts(summary) ?? applyProductsRowByRow(scope, summary);
          writer.sweepProducts(new Set(ids), true);
          writer.refreshSpellIndex();
        }
        // Prices and stock, set-based, once the variants they belong to are in.
        writer.applyStagedStoreRows(scope, summary);
        s.setCursor.run(scope, progress.cursor);
        // The staged pages are garbage from here; deleting them is left to cleanUpSnapshots, so
        // the swap (and the write lock readers wait behind) does not also free their space.
        s.markFinished.run(scope);
        return { cursor: progress.cursor, summary };
      });
      writer.optimizeAfter(result.summary.products);
      return result;
    },

    snapshotInProgress: progressOf,

    swapInImage(scope, path, cursor) {
      if (scope !== 'catalog') {
        // A store scope's image is its snapshot's pages: staged from the file, then swapped in.
        stageImage(db, path, scope);
        const staged = progressOf(scope);
        if (staged?.cursor !== cursor) {
          throw new SyncApplyError(
            `${scope}: the image stands at ${String(staged?.cursor)}, offered at ${String(cursor)}`,
          );
        }
        return sync.finishSnapshot(scope);
      }
      const summary = emptySummary();
      const counts = swapInImage(db, path, () => {
        writer.afterImage(summary);
        drop(scope);
        s.setCursor.run(scope, cursor);
      });
      summary.products = counts.products;
      summary.variants = counts.variants;
      return { cursor, summary };
    },

    exportImage: (dest, options) => exportImage(db, dest, options),

    abandonSnapshot(scope) {
      writer.transaction(() => {
        drop(scope);
      });
    },

    cleanUpSnapshots(pages = 8) {
      return writer.transaction(() => {
        const garbage = s.finishedPages.all(pages + 1) as { scope: string; page: number }[];
        for (const { scope, page } of garbage.slice(0, pages)) s.dropPage.run(scope, page);
        if (garbage.length <= pages) s.dropFinishedEmpty.run();
        return garbage.length > pages;
      });
    },
  };
  return sync;
}
