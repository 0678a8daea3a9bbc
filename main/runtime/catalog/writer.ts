import type {
  CatalogBatch,
  FeedProblem,
  MediaRecord,
  PriceRecord,
  ProductRecord,
  StockRecord,
  StoreRecord,
} from '../../../shared/catalog/types.js';
import type { ChangeBody } from '../../../shared/protocol/index.js';
import type { Db } from './database.js';
import { ProductTextWriter, searchTitle } from './product-texts.js';
import { refreshSpellIndex } from './spell.js';
import { stagedProducts } from './staged-products.js';
import { stagedStoreRows, utcInstant } from './staged-store-rows.js';

export interface ApplySummary {
  stores: number;
  products: number;
  variants: number;
  prices: number;
  stock: number;
  /** Rows the batch could not apply (stock or a price for a SKU the catalog does not have). */
  problems: FeedProblem[];
  /** Synced store rows kept until the catalog change creating their SKU arrives (migration 0030). */
  deferred: number;
}

export interface BulkOptions {
  /** `clearProductDetails` ran in this transaction: skip the per-product deletes it made moot. */
  detailsCleared?: boolean;
  /** The caller refreshes the typo index once at the end (many pages in one transaction). */
  deferSpellIndex?: boolean;
}

export function emptySummary(): ApplySummary {
  return { stores: 0, products: 0, variants: 0, prices: 0, stock: 0, problems: [], deferred: 0 };
}

/** Separator of category paths as stored and as used in filters, the Merchant Center form. */
export const categorySeparator = ' > ';

/**
 * Applies parsed feed batches to the catalog. The write side of the store: only this class
 * changes catalog rows, and every change it makes is one transaction.
 */
export class CatalogWriter {
  private readonly s;
  private readonly staged;
  private readonly stagedProducts;
  private readonly texts;
  private readonly categoryIds = new Map<string, number>();

  constructor(private readonly db: Db) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      upsertStore:
        p(`INSERT INTO stores (code, name, address, city, postal_code, country, lat, lon, time_zone, phone, hours_json)
        VALUES (@code, @name, @address, @city, @postalCode, @country, @lat, @lon, @timeZone, @phone, @hours)
        ON CONFLICT (code) DO UPDATE SET name = excluded.name, address = excluded.address, city = excluded.city,
          postal_code = excluded.postal_code, country = excluded.country, lat = excluded.lat, lon = excluded.lon,
          time_zone = excluded.time_zone, phone = excluded.phone, hours_json = excluded.hours_json`),
      findCategory: p('SELECT id FROM categories WHERE path = ?').pluck(),
      insertCategory: p('INSERT INTO categories (parent_id, name, path) VALUES (?, ?, ?)'),
      findProduct: p('SELECT rowid FROM products WHERE id = ?').pluck(),
      upsertProduct:
        p(`INSERT INTO products (id, title, description, brand, category_id, gender, material, link)
        VALUES (@id, @title, @description, @brand, @categoryId, @gender, @material, @link)
        ON CONFLICT (id) DO UPDATE SET title = excluded.title, description = excluded.description, brand = excluded.brand,
          category_id = excluded.category_id, gender = excluded.gender, material = excluded.material, link = excluded.link
        RETURNING rowid`).pluck(),
      variantSkusOf: p('SELECT rowid, sku FROM variants WHERE product_rowid = ?'),
      deleteVariant: p('DELETE FROM variants WHERE rowid = ?'),
      upsertVariant: p(`INSERT INTO variants (sku, product_rowid, position, size, color, title)
        VALUES (@sku, @productRowid, @position, @size, @color, @title)
        ON CONFLICT (sku) DO UPDATE SET product_rowid = excluded.product_rowid, position = excluded.position,
          size = excluded.size, color = excluded.color, title = excluded.title
        RETURNING rowid`).pluck(),
      deleteCodes: p('DELETE FROM variant_codes WHERE variant_rowid = ?'),
      // A GTIN moves with its goods: when a feed reassigns it, the newer row wins.
      upsertCode: p('INSERT OR REPLACE INTO variant_codes (code, variant_rowid) VALUES (?, ?)'),
      deleteMedia: p('DELETE FROM media WHERE product_rowid = ?'),
      insertMedia: p(`INSERT INTO media (product_rowid, variant_rowid, position, kind, url, alt, sha256)
        VALUES (?, ?, ?, ?, ?, ?, ?)`),
      deleteRecommendations: p('DELETE FROM recommendations WHERE product_rowid = ?'),
      insertRecommendation:
        p(`INSERT OR IGNORE INTO recommendations (product_rowid, kind, position, related_id)
        VALUES (?, ?, ?, ?)`),
      deleteFts: p('DELETE FROM products_fts WHERE rowid = ?'),
      insertFts: p(`INSERT INTO products_fts (rowid, title, brand, category, colors, description)
        VALUES (?, ?, ?, ?, ?, ?)`),
      variantBySku: p('SELECT rowid FROM variants WHERE sku = ?').pluck(),
      upsertPrice:
        p(`INSERT INTO prices (variant_rowid, store_code, currency, regular, sale, sale_from, sale_until, member)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (variant_rowid, store_code) DO UPDATE SET currency = excluded.currency, regular = excluded.regular,
          sale = excluded.sale, sale_from = excluded.sale_from, sale_until = excluded.sale_until, member = excluded.member`),
      upsertStock:
        p(`INSERT INTO stock (variant_rowid, store_code, quantity, availability) VALUES (?, ?, ?, ?)
        ON CONFLICT (variant_rowid, store_code) DO UPDATE SET quantity = excluded.quantity, availability = excluded.availability`),
      allProducts: p('SELECT rowid, id FROM products'),
      deleteProduct: p('DELETE FROM products WHERE rowid = ?'),
      clearStores: p('DELETE FROM stores'),
      clearStorePrices: p('DELETE FROM prices WHERE store_code = ?'),
      clearStoreStock: p('DELETE FROM stock WHERE store_code = ?'),
      anyPending: p('SELECT EXISTS (SELECT 1 FROM pending_store_rows)').pluck(),
      insertPending: p(
        'INSERT OR REPLACE INTO pending_store_rows (sku, store_code, kind, body) VALUES (?, ?, ?, ?)',
      ),
      pendingFor: p('SELECT kind, body FROM pending_store_rows WHERE sku = ? ORDER BY kind'),
      deletePendingFor: p('DELETE FROM pending_store_rows WHERE sku = ?'),
      clearPendingStore: p('DELETE FROM pending_store_rows WHERE store_code = ?'),
      // A category stays while any product sits in it or below it (children go with parents:
      // a parent's subtree contains the child's).
      deleteEmptyCategories: p(`DELETE FROM categories WHERE NOT EXISTS (
          SELECT 1 FROM products p JOIN categories d ON d.id = p.category_id
          WHERE d.path = categories.path OR substr(d.path, 1, length(categories.path) + 3) = categories.path || ' > ')`),
    };
    this.staged = stagedStoreRows(db);
    this.stagedProducts = stagedProducts(db);
    this.texts = new ProductTextWriter(db);
  }

  /**
   * Applies a batch in one transaction: a failure anywhere (a constraint, a full disk, a crash)
   * leaves the catalog exactly as it was, and readers on other connections see either the old
   * or the new catalog, never half of a feed. Products are upserted whole: their variants,
   * media and recommendations are replaced by the batch's.
   */
  apply(batch: CatalogBatch): ApplySummary {
    const summary = this.transaction((): ApplySummary => {
      const summary = emptySummary();
      this.pendingMaybe = this.s.anyPending.get() === 1;
      for (const store of batch.stores) this.upsertStore(store, summary);
      for (const product of batch.products) this.upsertProduct(product, summary);
      for (const price of batch.prices) this.upsertPrice(price, summary);
      for (const row of batch.stock) this.upsertStock(row, summary);
      // The typo index must describe the same vocabulary the FTS index holds, so it moves in
      // the same transaction.
      if (batch.products.length > 0) refreshSpellIndex(this.db);
      return summary;
    });
    this.optimizeAfter(batch.products.length);
    return summary;
  }

  /**
   * Runs `work` in one IMMEDIATE transaction (the write lock is taken up front, so a busy
   * database fails before any work rather than at the first write).
   */
  transaction<T>(work: () => T): T {
    try {
      return this.db.transaction(work).immediate();
    } catch (error) {
      // Rolled back: category ids cached during the transaction may no longer exist.
      this.categoryIds.clear();
      throw error;
    }
  }

  /**
   * Applies hub changes in order. Call inside `transaction`: the caller moves the sync cursor
   * in the same one. A price or stock row for an unknown SKU is skipped and reported.
   */
  applyChanges(
    changes: readonly ChangeBody[],
    summary: ApplySummary = emptySummary(),
    options: BulkOptions = {},
  ): ApplySummary {
    let productsChanged = false;
    this.pendingMaybe = this.s.anyPending.get() === 1;
    for (const change of changes) {
      switch (change.op) {
        case 'product.upsert':
          this.upsertProduct(change.product, summary, options.detailsCleared === true);
          productsChanged = true;
          break;
        case 'product.delete':
          this.deleteProduct(change.id);
          productsChanged = true;
          break;
        case 'store.upsert':
          this.upsertStore(change.store, summary);
          break;
        case 'price.upsert':
          this.upsertPrice(change.price, summary, true);
          break;
        case 'stock.upsert':
          this.upsertStock(change.stock, summary, true);
          break;
      }
    }
    // Same transaction as the FTS change, for the reason given in apply().
    if (productsChanged && options.deferSpellIndex !== true) refreshSpellIndex(this.db);
    return summary;
  }

  /**
   * Before a whole-catalog snapshot is applied (inside `transaction`): drops every product's
   * search row, media, recommendations, barcodes and texts in bulk, so each product of the
   * snapshot is written like a new one instead of having each of those deleted row by row (2-3x
   * faster). Products and variants themselves stay, keeping their rowids and so the store
   * prices and stock (other scopes) attached to variants the snapshot still has.
   */
  clearProductDetails(): void {
    this.db.exec(`INSERT INTO products_fts (products_fts) VALUES ('delete-all');
      DELETE FROM media; DELETE FROM recommendations; DELETE FROM variant_codes; DELETE FROM product_texts;`);
  }

  /**
   * Applies the products of a staged catalog snapshot set-based (inside `transaction`, after
   * clearProductDetails); returns the ids applied, or undefined when the snapshot has to go row
   * by row (staged-products.ts) and nothing was written.
   */
  applyStagedProducts(summary: ApplySummary): string[] | undefined {
    const counts = this.stagedProducts.apply((path) => this.categoryId(path));
    if (counts === undefined) return undefined;
    summary.products += counts.products;
    summary.variants += counts.variants;
    if (this.s.anyPending.get() === 1) {
      for (const sku of this.stagedProducts.pendingWithVariant()) this.applyPending(sku, summary);
    }
    return this.stagedProducts.ids();
  }

  /**
   * Applies the staged prices and stock of `scope` (inside `transaction`, after its products),
   * set-based in SQL. Rows of unknown SKUs are kept for when their variant arrives, as from
   * applyChanges.
   */
  applyStagedStoreRows(scope: string, summary: ApplySummary): void {
    const counts = this.staged.apply(scope, scope === 'catalog' ? '' : scope.slice('store:'.length));
    summary.prices += counts.prices;
    summary.stock += counts.stock;
    summary.deferred += counts.deferred;
    if (counts.deferred > 0) this.pendingMaybe = true;
  }

  /**
   * After the catalog tables were replaced under this writer by an image (image.ts, inside the
   * same transaction): cached category ids name rows that are gone, and store rows waiting for a
   * SKU the image brought are applied now.
   */
  afterImage(summary: ApplySummary): void {
    this.categoryIds.clear();
    if (this.s.anyPending.get() === 1) {
      for (const sku of this.stagedProducts.pendingWithVariant()) this.applyPending(sku, summary);
    }
  }

  /** Brings the typo index in line after changes applied with `deferSpellIndex`. */
  refreshSpellIndex(): void {
    refreshSpellIndex(this.db);
  }

  /**
   * Clears what a sync scope holds, before a snapshot of it is applied (inside `transaction`).
   * Scope `catalog` keeps its products for now: sweepProducts removes the ones the snapshot
   * does not have, so store prices and stock of the variants that stay (their own scopes) are
   * kept rather than cascaded away.
   */
  clearScope(scope: string): void {
    if (scope === 'catalog') {
      this.s.clearStores.run();
      this.s.clearStorePrices.run('');
      this.s.clearPendingStore.run('');
      return;
    }
    const storeCode = scope.slice('store:'.length);
    this.s.clearStorePrices.run(storeCode);
    this.s.clearStoreStock.run(storeCode);
    this.s.clearPendingStore.run(storeCode);
  }

  /** Deletes every product not in `keep`, and categories left empty (inside `transaction`). */
  sweepProducts(keep: ReadonlySet<string>, detailsCleared = false): number {
    let removed = 0;
    for (const row of this.s.allProducts.all() as { rowid: number; id: string }[]) {
      if (keep.has(row.id)) continue;
      // After clearProductDetails the product has no search row left to delete.
      if (!detailsCleared) this.s.deleteFts.run(row.rowid);
      this.s.deleteProduct.run(row.rowid);
      removed++;
    }
    if (removed > 0) {
      this.s.deleteEmptyCategories.run();
      this.categoryIds.clear();
      refreshSpellIndex(this.db);
    }
    return removed;
  }

  /** Large writes leave many FTS segments; merging them keeps query latency flat. */
  optimizeAfter(products: number): void {
    if (products >= 1000) this.db.exec("INSERT INTO products_fts (products_fts) VALUES ('optimize')");
  }

  /**
   * Removes a product with everything hanging off it: variants, codes, media, recommendations,
   * prices and stock go by ON DELETE CASCADE; the contentless FTS row has to go by hand.
   */
  private deleteProduct(id: string): void {
    const rowid = this.s.findProduct.get(id) as number | undefined;
    if (rowid === undefined) return;
    this.s.deleteFts.run(rowid);
    this.s.deleteProduct.run(rowid);
  }

  private upsertStore(store: StoreRecord, summary: ApplySummary): void {
    this.s.upsertStore.run({
      code: store.code,
      name: store.name,
      address: store.address ?? null,
      city: store.city ?? null,
      postalCode: store.postalCode ?? null,
      country: store.country ?? null,
      lat: store.location?.lat ?? null,
      lon: store.location?.lon ?? null,
      timeZone: store.timeZone ?? null,
      phone: store.phone ?? null,
      hours: store.hours === undefined ? null : JSON.stringify(store.hours),
    });
    summary.stores++;
  }

  /**
   * A price for a SKU the catalog does not have is a problem in a feed import; from sync
   * (`defer`), it is kept until the variant arrives, because the store's cursor has moved on.
   */
  private upsertPrice(price: PriceRecord, summary: ApplySummary, defer = false): void {
    const variant = this.s.variantBySku.get(price.sku) as number | undefined;
    if (variant === undefined) {
      if (defer) this.defer(price.sku, price.storeCode ?? '', 'price', price, summary);
      else
        summary.problems.push({ line: null, field: 'sku', message: `price for unknown SKU "${price.sku}"` });
      return;
    }
    this.s.upsertPrice.run(
      variant,
      price.storeCode ?? '',
      price.currency,
      price.regular,
      price.sale ?? null,
      utcInstant(price.saleFrom),
      utcInstant(price.saleUntil),
      price.member ?? null,
    );
    summary.prices++;
  }

  private upsertStock(row: StockRecord, summary: ApplySummary, defer = false): void {
    const variant = this.s.variantBySku.get(row.sku) as number | undefined;
    if (variant === undefined) {
      if (defer) this.defer(row.sku, row.storeCode, 'stock', row, summary);
      else {
        summary.problems.push({
          line: null,
          field: 'sku',
          message: `stock for unknown SKU "${row.sku}" (store ${row.storeCode})`,
        });
      }
      return;
    }
    this.s.upsertStock.run(variant, row.storeCode, row.quantity, row.availability ?? null);
    summary.stock++;
  }

  /** True while pending_store_rows may hold rows: skips a lookup per variant when it cannot. */
  private pendingMaybe = true;

  private defer(
    sku: string,
    storeCode: string,
    kind: 'price' | 'stock',
    record: unknown,
    summary: ApplySummary,
  ): void {
    this.s.insertPending.run(sku, storeCode, kind, JSON.stringify(record));
    this.pendingMaybe = true;
    summary.deferred++;
  }

  /** Applies the store rows that were waiting for this SKU. */
  private applyPending(sku: string, summary: ApplySummary): void {
    const rows = this.s.pendingFor.all(sku) as { kind: 'price' | 'stock'; body: string }[];
    if (rows.length === 0) return;
    for (const row of rows) {
      // Written by `defer` from records already parsed with the protocol's schemas.
      if (row.kind === 'price') this.upsertPrice(JSON.parse(row.body) as PriceRecord, summary);
      else this.upsertStock(JSON.parse(row.body) as StockRecord, summary);
    }
    this.s.deletePendingFor.run(sku);
  }

  private upsertProduct(product: ProductRecord, summary: ApplySummary, detailsCleared = false): void {
    const existing = this.s.findProduct.get(product.id) as number | undefined;
    const rowid = this.s.upsertProduct.get({
      id: product.id,
      title: product.title,
      description: product.description ?? null,
      brand: product.brand ?? null,
      categoryId: this.categoryId(product.categoryPath),
      gender: product.gender ?? null,
      material: product.material ?? null,
      link: product.link ?? null,
    }) as number;
    if (existing !== undefined) {
      if (!detailsCleared) {
        this.s.deleteFts.run(rowid);
        this.s.deleteMedia.run(rowid);
        this.s.deleteRecommendations.run(rowid);
      }
      const keep = new Set(product.variants.map((v) => v.sku));
      for (const old of this.s.variantSkusOf.all(rowid) as { rowid: number; sku: string }[]) {
        if (!keep.has(old.sku)) this.s.deleteVariant.run(old.rowid);
      }
    }
    let position = 0;
    for (const media of product.media) this.insertMedia(rowid, null, position++, media);
    const colors = new Set<string>();
    product.variants.forEach((variant, index) => {
      const variantRowid = this.s.upsertVariant.get({
        sku: variant.sku,
        productRowid: rowid,
        position: index,
        size: variant.size ?? null,
        color: variant.color ?? null,
        title: variant.title ?? null,
      }) as number;
      if (!detailsCleared) this.s.deleteCodes.run(variantRowid);
      if (this.pendingMaybe) this.applyPending(variant.sku, summary);
      for (const gtin of variant.gtins) this.s.upsertCode.run(gtin, variantRowid);
      for (const media of variant.media ?? []) this.insertMedia(rowid, variantRowid, position++, media);
      if (variant.color !== undefined) colors.add(variant.color);
    });
    (product.recommendations ?? []).forEach((rec, index) => {
      this.s.insertRecommendation.run(rowid, rec.kind, index, rec.productId);
    });
    this.texts.write(rowid, product.translations, existing === undefined || detailsCleared);
    this.s.insertFts.run(
      rowid,
      searchTitle(product),
      product.brand ?? '',
      product.categoryPath.join(' '),
      [...colors].join(' '),
      product.description ?? '',
    );
    summary.products++;
    summary.variants += product.variants.length;
  }

  private insertMedia(
    productRowid: number,
    variantRowid: number | null,
    position: number,
    media: MediaRecord,
  ): void {
    this.s.insertMedia.run(
      productRowid,
      variantRowid,
      position,
      media.kind,
      media.url,
      media.alt ?? null,
      media.sha256 ?? null,
    );
  }

  /** The id of a category path, creating it and its ancestors as needed. */
  private categoryId(path: readonly string[]): number | null {
    let parent: number | null = null;
    for (let depth = 1; depth <= path.length; depth++) {
      const key = path.slice(0, depth).join(categorySeparator);
      let id = this.categoryIds.get(key) ?? (this.s.findCategory.get(key) as number | undefined);
      id ??= Number(this.s.insertCategory.run(parent, path[depth - 1] ?? key, key).lastInsertRowid);
      this.categoryIds.set(key, id);
      parent = id;
    }
    return parent;
  }
}
