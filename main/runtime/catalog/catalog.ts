import type { BarcodeOptions } from '../../../shared/barcode/index.js';
import type { CatalogBatch, MediaRecord } from '../../../shared/catalog/types.js';
import type {
  CatalogCounts,
  NearbyStock,
  ProductView,
  SearchQuery,
  SearchResult,
} from '../../../shared/catalog/views.js';
import { openDatabase, type Db } from './database.js';
import { CatalogLookup, type LookupOutcome } from './lookup.js';
import { NearbyStockQuery, type NearbyOptions } from './nearby.js';
import { ProductViews } from './product-view.js';
import { CatalogSearch } from './search.js';
import { createCatalogSync, type CatalogSync } from './sync-store.js';
import { CatalogWriter, type ApplySummary } from './writer.js';

export interface CatalogOptions {
  /** Clock for sale windows; tests freeze it. */
  now?: () => Date;
  /** Store-internal barcode rules from the device config. */
  barcodes?: BarcodeOptions;
}

/**
 * The read side of the catalog. Read-only code gets this type and so cannot write (the same
 * split Signal Desktop makes); it runs on its own connection, so it keeps answering while a
 * writer applies a sync in WAL mode.
 */
export interface CatalogReader {
  search(query: SearchQuery): SearchResult;
  /** `locale`: the shopper's language; titles and descriptions in it where the feed has them. */
  lookup(code: string, storeCode?: string, locale?: string): LookupOutcome;
  product(id: string, storeCode?: string, locale?: string): ProductView | undefined;
  nearby(sku: string, fromStore: string, options?: NearbyOptions): NearbyStock[];
  counts(): CatalogCounts;
  categories(): { path: string; name: string; products: number }[];
  stores(): { code: string; name: string; city?: string; address?: string }[];
  /** Every size and colour the catalog's variants have (unordered), for search filters. */
  facets(): { sizes: string[]; colors: string[] };
  /** The catalog's distinct 3D models (at most 5,000), for the media cache to fetch ahead. */
  models(): MediaRecord[];
}

/** Reader.models: answered from the partial index media_models (migration 0060), not a scan of media. */
export const MODELS_QUERY = "SELECT DISTINCT url, sha256 FROM media WHERE kind = 'model' LIMIT 5000";

interface StoreRow {
  code: string;
  name: string;
  city: string | null;
  address: string | null;
}

export interface Catalog {
  readonly reader: CatalogReader;
  apply(batch: CatalogBatch): ApplySummary;
  /** Hub sync: cursors, deltas and snapshots, on the writer connection. */
  readonly sync: CatalogSync;
  close(): void;
}

class Reader implements CatalogReader {
  private readonly views: ProductViews;
  private readonly searcher: CatalogSearch;
  private readonly finder: CatalogLookup;
  private readonly nearbyQuery: NearbyStockQuery;
  private readonly s;

  private readonly snapshot: <T>(read: () => T) => T;

  constructor(db: Db, options: CatalogOptions) {
    this.snapshot = <T>(read: () => T): T => db.transaction(read)();
    const now = options.now ?? (() => new Date());
    this.views = new ProductViews(db, now);
    this.searcher = new CatalogSearch(db, this.views, now);
    this.finder = new CatalogLookup(db, this.views, options.barcodes);
    this.nearbyQuery = new NearbyStockQuery(db);
    this.s = {
      counts:
        db.prepare(`SELECT (SELECT count(*) FROM stores) AS stores, (SELECT count(*) FROM categories) AS categories,
        (SELECT count(*) FROM products) AS products, (SELECT count(*) FROM variants) AS variants`),
      categories:
        db.prepare(`SELECT c.path, c.name, (SELECT count(*) FROM products p JOIN categories d ON d.id = p.category_id
          WHERE d.path = c.path OR d.path LIKE c.path || ' > %') AS products
        FROM categories c ORDER BY c.path`),
      stores: db.prepare('SELECT code, name, city, address FROM stores ORDER BY name'),
      sizes: db.prepare('SELECT DISTINCT size FROM variants WHERE size IS NOT NULL LIMIT 500').pluck(),
      colors: db.prepare('SELECT DISTINCT color FROM variants WHERE color IS NOT NULL LIMIT 500').pluck(),
      models: db.prepare(MODELS_QUERY),
    };
  }

  // Each answer is read in one transaction: its several statements see one snapshot of the
  // catalog even while a sync commits on the writer connection (WAL).
  search(query: SearchQuery): SearchResult {
    return this.snapshot(() => this.searcher.search(query));
  }
  lookup(code: string, storeCode?: string, locale?: string): LookupOutcome {
    return this.snapshot(() => this.finder.lookup(code, storeCode, locale));
  }
  product(id: string, storeCode?: string, locale?: string): ProductView | undefined {
    return this.snapshot(() => {
      const rowid = this.views.rowidOf(id);
      return rowid === undefined ? undefined : this.views.product(rowid, storeCode, locale);
    });
  }
  nearby(sku: string, fromStore: string, options?: NearbyOptions): NearbyStock[] {
    return this.nearbyQuery.find(sku, fromStore, options);
  }
  counts(): CatalogCounts {
    return this.s.counts.get() as CatalogCounts;
  }
  categories(): { path: string; name: string; products: number }[] {
    return this.s.categories.all() as { path: string; name: string; products: number }[];
  }
  stores(): { code: string; name: string; city?: string; address?: string }[] {
    return (this.s.stores.all() as StoreRow[]).map((s) => ({
      code: s.code,
      name: s.name,
      ...(s.city === null ? {} : { city: s.city }),
      ...(s.address === null ? {} : { address: s.address }),
    }));
  }
  models(): MediaRecord[] {
    return (this.s.models.all() as { url: string; sha256: string | null }[]).map((row) => ({
      kind: 'model',
      url: row.url,
      ...(row.sha256 === null ? {} : { sha256: row.sha256 }),
    }));
  }
  facets(): { sizes: string[]; colors: string[] } {
    return this.snapshot(() => ({
      sizes: this.s.sizes.all() as string[],
      colors: this.s.colors.all() as string[],
    }));
  }
}

/**
 * Opens the catalog file (creating and migrating it if needed) with one connection for writes
 * and one for reads.
 */
export function openCatalog(path: string, options: CatalogOptions = {}): Catalog {
  const writeDb = openDatabase(path);
  let readDb: Db;
  try {
    readDb = openDatabase(path, { readonly: true });
  } catch (error) {
    writeDb.close();
    throw error;
  }
  const writer = new CatalogWriter(writeDb);
  return {
    reader: new Reader(readDb, options),
    apply: (batch) => writer.apply(batch),
    sync: createCatalogSync(writeDb, writer),
    close: () => {
      readDb.close();
      writeDb.close();
    },
  };
}
