/**
 * The products of a staged catalog snapshot, applied set-based: SQLite reads them out of the
 * staged JSON pages (`json_each`) and writes products, variants, barcodes, media,
 * recommendations and search rows with one INSERT ... SELECT each, instead of a dozen statement
 * calls per product from JS. A whole-catalog snapshot is the one place a device writes tens of
 * thousands of products at once (the first sync above all), and this is 2-3x faster there
 * (`npm run bench -- sync`).
 *
 * It runs after CatalogWriter.clearProductDetails (barcodes, media, recommendations and search
 * rows are all empty) and must produce what CatalogWriter.upsertProduct would for the same
 * records; test/unit/main/runtime/sync/catalog-sync.test.ts holds the two side by side. A
 * snapshot with a product id or SKU twice is left to the row by row path, whose order of
 * application decides which one wins.
 */
import type { Db } from './database.js';

export interface StagedProductCounts {
  products: number;
  variants: number;
}

export interface StagedProducts {
  /**
   * Applies the staged products of the catalog scope (inside the swap's transaction); undefined
   * when they cannot be applied set-based (see above) and nothing was written. `categoryId`
   * makes or finds a category path, as the writer does for one product.
   */
  apply(categoryId: (path: string[]) => number | null): StagedProductCounts | undefined;
  /** SKUs of store rows waiting for a variant (pending_store_rows) that now has one. */
  pendingWithVariant(): string[];
  /** Ids of the products applied by the last `apply`. */
  ids(): string[];
}

export function stagedProducts(db: Db): StagedProducts {
  // Connection-local scratch tables: the staged products and variants, extracted once and in
  // staging order (`n`), so the statements below join plain columns rather than re-reading pages.
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS staged_products (
      n INTEGER PRIMARY KEY, id TEXT NOT NULL, json TEXT NOT NULL);
    CREATE TEMP TABLE IF NOT EXISTS staged_variants (
      n INTEGER PRIMARY KEY, sku TEXT NOT NULL, product_id TEXT NOT NULL, position INTEGER NOT NULL, json TEXT NOT NULL,
      media INTEGER NOT NULL);
    CREATE TEMP TABLE IF NOT EXISTS staged_categories (
      path_json TEXT PRIMARY KEY, id INTEGER) WITHOUT ROWID;`);
  const p = (sql: string) => db.prepare(sql);
  const s = {
    clear: [
      p('DELETE FROM temp.staged_products'),
      p('DELETE FROM temp.staged_variants'),
      p('DELETE FROM temp.staged_categories'),
    ],
    extractProducts: p(`INSERT INTO temp.staged_products (id, json)
      SELECT r.value ->> '$.id', r.value
      FROM snapshot_pages pg, json_each(pg.records_json) r
      WHERE pg.scope = 'catalog'
      ORDER BY pg.page, r.key`),
    extractVariants: p(`INSERT INTO temp.staged_variants (sku, product_id, position, json, media)
      SELECT v.value ->> '$.sku', sp.id, v.key, v.value, coalesce(json_array_length(v.value, '$.media'), 0)
      FROM temp.staged_products sp, json_each(sp.json, '$.variants') v ORDER BY sp.n, v.key`),
    duplicates: p(`SELECT (SELECT count(*) - count(DISTINCT id) FROM temp.staged_products)
      + (SELECT count(*) - count(DISTINCT sku) FROM temp.staged_variants)`).pluck(),
    counts: p(`SELECT (SELECT count(*) FROM temp.staged_products) AS products,
      (SELECT count(*) FROM temp.staged_variants) AS variants`),
    categoryPaths: p(`SELECT DISTINCT json -> '$.categoryPath' FROM temp.staged_products`).pluck(),
    setCategory: p('INSERT INTO temp.staged_categories (path_json, id) VALUES (?, ?)'),
    products: p(`INSERT INTO products (id, title, description, brand, category_id, gender, material, link)
      SELECT sp.id, sp.json ->> '$.title', sp.json ->> '$.description', sp.json ->> '$.brand', c.id,
        sp.json ->> '$.gender', sp.json ->> '$.material', sp.json ->> '$.link'
      FROM temp.staged_products sp LEFT JOIN temp.staged_categories c ON c.path_json = sp.json -> '$.categoryPath'
      WHERE true ORDER BY sp.n
      ON CONFLICT (id) DO UPDATE SET title = excluded.title, description = excluded.description, brand = excluded.brand,
        category_id = excluded.category_id, gender = excluded.gender, material = excluded.material, link = excluded.link`),
    // A product the snapshot keeps loses the variants it no longer lists (their prices and
    // stock go with them, by cascade), as upsertProduct does.
    dropVariants: p(`DELETE FROM variants WHERE product_rowid IN (
        SELECT pr.rowid FROM products pr JOIN temp.staged_products sp ON sp.id = pr.id)
      AND sku NOT IN (SELECT sku FROM temp.staged_variants)`),
    variants: p(`INSERT INTO variants (sku, product_rowid, position, size, color, title)
      SELECT sv.sku, pr.rowid, sv.position, sv.json ->> '$.size', sv.json ->> '$.color', sv.json ->> '$.title'
      FROM temp.staged_variants sv JOIN products pr ON pr.id = sv.product_id
      WHERE true ORDER BY sv.n
      ON CONFLICT (sku) DO UPDATE SET product_rowid = excluded.product_rowid, position = excluded.position,
        size = excluded.size, color = excluded.color, title = excluded.title`),
    // A GTIN moves with its goods: the later row wins, as in upsertProduct.
    codes: p(`INSERT OR REPLACE INTO variant_codes (code, variant_rowid)
      SELECT g.value, v.rowid FROM temp.staged_variants sv JOIN variants v ON v.sku = sv.sku,
        json_each(sv.json, '$.gtins') g
      ORDER BY sv.n, g.key`),
    productMedia: p(`INSERT INTO media (product_rowid, variant_rowid, position, kind, url, alt, sha256)
      SELECT pr.rowid, NULL, m.key, m.value ->> '$.kind', m.value ->> '$.url', m.value ->> '$.alt', m.value ->> '$.sha256'
      FROM temp.staged_products sp JOIN products pr ON pr.id = sp.id, json_each(sp.json, '$.media') m
      ORDER BY sp.n, m.key`),
    // Variant media number on from the product's own, in variant order (upsertProduct's counter).
    variantMedia: p(`INSERT INTO media (product_rowid, variant_rowid, position, kind, url, alt, sha256)
      SELECT pr.rowid, v.rowid,
        json_array_length(sp.json, '$.media') - 1 + row_number() OVER (PARTITION BY sp.n ORDER BY sv.n, m.key),
        m.value ->> '$.kind', m.value ->> '$.url', m.value ->> '$.alt', m.value ->> '$.sha256'
      FROM temp.staged_variants sv, json_each(sv.json, '$.media') m
        JOIN temp.staged_products sp ON sp.id = sv.product_id AND sv.media > 0
        JOIN products pr ON pr.id = sv.product_id
        JOIN variants v ON v.sku = sv.sku
      ORDER BY sp.n, sv.n, m.key`),
    recommendations: p(`INSERT OR IGNORE INTO recommendations (product_rowid, kind, position, related_id)
      SELECT pr.rowid, r.value ->> '$.kind', r.key, r.value ->> '$.productId'
      FROM temp.staged_products sp JOIN products pr ON pr.id = sp.id, json_each(sp.json, '$.recommendations') r
      ORDER BY sp.n, r.key`),
    texts: p(`INSERT INTO product_texts (product_rowid, language, title, description)
      SELECT pr.rowid, t.key, t.value ->> '$.title', t.value ->> '$.description'
      FROM temp.staged_products sp JOIN products pr ON pr.id = sp.id, json_each(sp.json, '$.translations') t
      ORDER BY sp.n, t.key`),
    // The columns upsertProduct indexes: the title and the translated titles by language tag
    // (product-texts.ts, searchTitle), the category path's names, and the variants' distinct
    // colours in order of first appearance, each joined by spaces.
    search: p(`INSERT INTO products_fts (rowid, title, brand, category, colors, description)
      SELECT pr.rowid,
        (sp.json ->> '$.title') || coalesce((SELECT ' ' || group_concat(t.value ->> '$.title', ' ' ORDER BY t.key)
          FROM json_each(sp.json, '$.translations') t WHERE t.value ->> '$.title' IS NOT NULL), ''),
        coalesce(sp.json ->> '$.brand', ''),
        coalesce((SELECT group_concat(c.value, ' ' ORDER BY c.key) FROM json_each(sp.json, '$.categoryPath') c), ''),
        coalesce((SELECT group_concat(color, ' ' ORDER BY first) FROM (
          SELECT v.value ->> '$.color' AS color, min(v.key) AS first FROM json_each(sp.json, '$.variants') v
          WHERE v.value ->> '$.color' IS NOT NULL GROUP BY 1)), ''),
        coalesce(sp.json ->> '$.description', '')
      FROM temp.staged_products sp JOIN products pr ON pr.id = sp.id
      ORDER BY sp.n`),
    pendingWithVariant: p(
      'SELECT DISTINCT w.sku FROM pending_store_rows w WHERE EXISTS (SELECT 1 FROM variants v WHERE v.sku = w.sku)',
    ).pluck(),
    ids: p('SELECT id FROM temp.staged_products ORDER BY n').pluck(),
  };

  return {
    apply(categoryId) {
      for (const clear of s.clear) clear.run();
      s.extractProducts.run();
      s.extractVariants.run();
      if ((s.duplicates.get() as number) > 0) return undefined;
      for (const pathJson of s.categoryPaths.all() as string[]) {
        // Written by stageSnapshotPage from records already parsed with the protocol's schemas.
        s.setCategory.run(pathJson, categoryId(JSON.parse(pathJson) as string[]));
      }
      s.products.run();
      s.dropVariants.run();
      s.variants.run();
      s.codes.run();
      s.productMedia.run();
      s.variantMedia.run();
      s.recommendations.run();
      s.texts.run();
      s.search.run();
      return s.counts.get() as StagedProductCounts;
    },
    pendingWithVariant: () => s.pendingWithVariant.all() as string[],
    ids: () => s.ids.all() as string[],
  };
}
