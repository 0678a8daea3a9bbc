/**
 * What the catalog answers: the read models the renderer shows and the bridge carries. Money in
 * minor units with its currency (see types.ts).
 */
import type { Availability, GeoPoint, MediaRecord, RecommendationKind } from './types.js';

export interface PriceView {
  currency: string;
  regular: number;
  /** The sale price, only while the sale is running. */
  sale?: number;
  member?: number;
  /** What a shopper pays now: the running sale price, else the regular price. */
  current: number;
  /** The store whose own price this is, or null for the default price. */
  storeCode: string | null;
}

export interface SearchFilters {
  /** A category path ("Shoes > Sneakers"); its subcategories match too. */
  category?: string;
  sizes?: string[];
  colors?: string[];
  /** Bounds on the current price, minor units, inclusive. */
  minPrice?: number;
  maxPrice?: number;
  /** Only products with a variant (of the chosen size and colour) in stock at the query's store. */
  inStockHere?: boolean;
}

export interface SearchQuery {
  text: string;
  filters?: SearchFilters;
  /** The store the shopper stands in: its prices and stock. */
  storeCode?: string;
  /** The shopper's language (BCP 47): titles come from the feed's texts in it where there are some. */
  locale?: string;
  limit?: number;
  offset?: number;
}

export interface SearchHit {
  id: string;
  title: string;
  brand?: string;
  category?: string;
  image?: string;
  /** The lowest current price over the product's variants. */
  price?: PriceView;
  colors: string[];
  sizes: string[];
  /** Units of all variants in stock at the query's store; undefined without a store. */
  stockHere?: number;
  /** True when the hit matched only through a corrected word. */
  corrected: boolean;
}

export interface SearchResult {
  hits: SearchHit[];
  hasMore: boolean;
  /** The words that were corrected, e.g. { sneakres: ['sneakers'] }. */
  corrections: Record<string, string[]>;
}

export interface VariantView {
  sku: string;
  gtins: string[];
  size?: string;
  color?: string;
  title?: string;
  price?: PriceView;
  stockHere?: number;
  availabilityHere?: Availability;
  media: MediaRecord[];
}

export interface RecommendationView {
  kind: RecommendationKind;
  id: string;
  title: string;
  image?: string;
  price?: PriceView;
}

export interface ProductView {
  id: string;
  title: string;
  description?: string;
  brand?: string;
  categoryPath: string[];
  gender?: string;
  material?: string;
  link?: string;
  media: MediaRecord[];
  variants: VariantView[];
  recommendations: RecommendationView[];
}

export type LookupMatch = 'gtin' | 'sku' | 'product-id' | 'internal';

export interface LookupResult {
  product: ProductView;
  /** The scanned variant; null when the code named the product as a whole. */
  variantSku: string | null;
  matchedBy: LookupMatch;
}

export interface NearbyStock {
  store: { code: string; name: string; address?: string; city?: string; location?: GeoPoint };
  /** Great-circle distance from the asking store; null when either store has no location. */
  distanceKm: number | null;
  quantity: number;
  availability?: Availability;
}

export interface CatalogCounts {
  stores: number;
  categories: number;
  products: number;
  variants: number;
}
