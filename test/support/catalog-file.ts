/**
 * Reads a device's catalog file directly (after its process died) and reduces its products to a
 * fingerprint that can be compared with the records a catalog was made from: which product ids,
 * with which titles and which variant SKUs. Two catalogs built from different seeds share ids but
 * not titles or SKUs, so a catalog that mixes them matches neither fingerprint.
 */
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

export interface CatalogContent {
  products: number;
  /** sha256 over "id \t title \t sorted SKUs", one line per product, sorted by id. */
  fingerprint: string;
  titles: ReadonlyMap<string, string>;
  skus: ReadonlySet<string>;
}

export interface StagedSnapshot {
  scope: string;
  snapshotId: string;
  pages: number;
  nextPage: number;
  /** Rows in snapshot_pages for the scope: must equal nextPage (pages 0..nextPage-1). */
  stagedPages: number;
}

export interface CatalogFileState extends CatalogContent {
  integrity: string;
  /** "store \t sku \t quantity", sorted. */
  stock: string[];
  cursors: Record<string, number>;
  staged: StagedSnapshot[];
}

function content(products: Iterable<{ id: string; title: string; skus: string[] }>): CatalogContent {
  const sorted = [...products].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const hash = createHash('sha256');
  for (const p of sorted) hash.update(`${p.id}\t${p.title}\t${[...p.skus].sort().join(',')}\n`);
  return {
    products: sorted.length,
    fingerprint: hash.digest('hex'),
    titles: new Map(sorted.map((p) => [p.id, p.title])),
    skus: new Set(sorted.flatMap((p) => p.skus)),
  };
}

/** What a catalog made from these Vitrine JSON Lines records holds (products only). */
export function expectedContent(records: Iterable<Record<string, unknown>>): CatalogContent {
  const products = new Map<string, { id: string; title: string; skus: string[] }>();
  for (const record of records) {
    if (record.type !== 'product') continue;
    const { id, title, variants } = record as { id: string; title: string; variants: { sku: string }[] };
    products.set(id, { id, title, skus: variants.map((v) => v.sku) }); // a later record wins, as on the hub
  }
  return content(products.values());
}

/**
 * Opens the file read-only (a dead writer's WAL is read as the next opener would see it) and
 * reads integrity, products, cursors and staged snapshots.
 */
export function inspectCatalogFile(path: string): CatalogFileState {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[])
      .map((row) => row.integrity_check)
      .join('; ');
    const products = new Map<string, { id: string; title: string; skus: string[] }>();
    for (const row of db.prepare('SELECT id, title FROM products').all() as { id: string; title: string }[])
      products.set(row.id, { ...row, skus: [] });
    const variants = db
      .prepare('SELECT p.id, v.sku FROM variants v JOIN products p ON p.rowid = v.product_rowid')
      .all() as { id: string; sku: string }[];
    for (const { id, sku } of variants) products.get(id)?.skus.push(sku);
    const cursors = Object.fromEntries(
      (db.prepare('SELECT scope, cursor FROM sync_cursor').all() as { scope: string; cursor: number }[]).map(
        (r) => [r.scope, r.cursor],
      ),
    );
    const staged = db
      .prepare(
        `SELECT s.scope, s.snapshot_id AS snapshotId, s.pages, s.next_page AS nextPage,
           (SELECT count(*) FROM snapshot_pages p WHERE p.scope = s.scope) AS stagedPages
         FROM snapshot_progress s WHERE s.finished = 0 ORDER BY s.scope`,
      )
      .all() as StagedSnapshot[];
    const stock = (
      db
        .prepare(
          'SELECT s.store_code AS store, v.sku, s.quantity FROM stock s JOIN variants v ON v.rowid = s.variant_rowid',
        )
        .all() as { store: string; sku: string; quantity: number }[]
    )
      .map((r) => `${r.store}\t${r.sku}\t${String(r.quantity)}`)
      .sort();
    return { integrity, cursors, staged, stock, ...content(products.values()) };
  } finally {
    db.close();
  }
}

/** How many of `state`'s titles agree with each expected catalog: a readable diagnosis. */
export function describeContent(state: CatalogContent, expected: Record<string, CatalogContent>): string {
  const parts = Object.entries(expected).map(([name, want]) => {
    let same = 0;
    for (const [id, title] of state.titles) if (want.titles.get(id) === title) same++;
    return `${String(same)} titles as in ${name}`;
  });
  return `${String(state.products)} products, ${parts.join(', ')}`;
}
