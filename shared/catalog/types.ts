/**
 * The catalog's entities as every part agrees on them: feed parsers produce them, the device's
 * SQLite store and the hub store them, the bridge and the protocol carry them.
 *
 * Money is held in minor units (integer cents, or yen) with an ISO 4217 currency code, so sums
 * and comparisons are exact; `parseMoney` and `formatMinor` (money.ts) convert at the edges.
 */

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** One opening interval, local time of the store, `HH:MM` 24-hour. `close` may be `24:00`. */
export interface OpeningInterval {
  open: string;
  close: string;
}

export interface GeoPoint {
  lat: number;
  lon: number;
}

export interface StoreRecord {
  code: string;
  name: string;
  address?: string;
  city?: string;
  postalCode?: string;
  country?: string;
  location?: GeoPoint;
  timeZone?: string;
  phone?: string;
  hours?: Partial<Record<Weekday, OpeningInterval[]>>;
}

export type MediaKind = 'image' | 'video' | 'model';

export interface MediaRecord {
  kind: MediaKind;
  url: string;
  alt?: string;
  /** Content hash (hex sha-256) when the feed or the hub knows it; the media cache keys on it. */
  sha256?: string;
}

export interface VariantRecord {
  /** The variant's id in the retailer's systems (Merchant Center `id`). Unique across the catalog. */
  sku: string;
  /** Normalized GTIN-14s (see shared/barcode). A variant may carry several (EAN and UPC). */
  gtins: string[];
  size?: string;
  color?: string;
  title?: string;
  media?: MediaRecord[];
}

export type RecommendationKind = 'cross-sell' | 'up-sell';

/** A product's texts in one language, from a feed that has them; what is left out stays the default. */
export interface ProductTexts {
  title?: string;
  description?: string;
}

export interface RecommendationRecord {
  kind: RecommendationKind;
  productId: string;
}

export interface ProductRecord {
  /** Merchant Center `item_group_id` when variants are grouped, else the single variant's id. */
  id: string;
  title: string;
  description?: string;
  brand?: string;
  /** Category from the most general to the most specific, e.g. ["Shoes", "Sneakers"]. */
  categoryPath: string[];
  gender?: string;
  material?: string;
  link?: string;
  media: MediaRecord[];
  variants: VariantRecord[];
  recommendations?: RecommendationRecord[];
  /**
   * Title and description per language, keyed by canonical BCP 47 tag ("de", "fr-CA"), for
   * shoppers who pick that language; `title` and `description` above are the default.
   */
  translations?: Record<string, ProductTexts>;
}

export interface PriceRecord {
  /** null: the default price (product feed); a code: that store's price (local inventory feed). */
  storeCode: string | null;
  sku: string;
  currency: string;
  /** Minor units. */
  regular: number;
  sale?: number;
  /** ISO 8601 instants bounding the sale price, when the feed says. */
  saleFrom?: string;
  saleUntil?: string;
  /** Member (loyalty) price, minor units. */
  member?: number;
}

export type Availability =
  'in_stock' | 'limited_availability' | 'out_of_stock' | 'on_display_to_order' | 'preorder' | 'backorder';

export interface StockRecord {
  storeCode: string;
  sku: string;
  quantity: number;
  availability?: Availability;
}

/** What one feed file yields: the rows that parsed, ready to be applied in one transaction. */
export interface CatalogBatch {
  stores: StoreRecord[];
  products: ProductRecord[];
  prices: PriceRecord[];
  stock: StockRecord[];
}

export type FeedFormat =
  | 'merchant-tsv'
  | 'merchant-xml'
  | 'local-inventory-tsv'
  | 'local-inventory-xml'
  | 'vitrine-json'
  | 'vitrine-jsonl';

/** A row that was refused, and why. `line` is 1-based in the file; `field` names the column, tag or JSON path. */
export interface FeedProblem {
  line: number | null;
  field?: string;
  message: string;
}

export interface FeedResult {
  format: FeedFormat;
  batch: CatalogBatch;
  problems: FeedProblem[];
  /** Data rows (or items, or records) seen, and how many were accepted. */
  rowsRead: number;
  rowsAccepted: number;
}

export function emptyBatch(): CatalogBatch {
  return { stores: [], products: [], prices: [], stock: [] };
}
