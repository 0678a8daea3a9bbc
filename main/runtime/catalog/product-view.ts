import type {
  Availability,
  MediaKind,
  MediaRecord,
  RecommendationKind,
} from '../../../shared/catalog/types.js';
import type { PriceView, ProductView, SearchHit, VariantView } from '../../../shared/catalog/views.js';
import type { Db } from './database.js';
import { categorySeparator } from './writer.js';
import { effectivePrice, lowestPrice, type PriceRow } from './pricing.js';
import { ProductTextReader } from './product-texts.js';

interface ProductRow {
  rowid: number;
  id: string;
  title: string;
  description: string | null;
  brand: string | null;
  gender: string | null;
  material: string | null;
  link: string | null;
  category: string | null;
}
interface VariantRow {
  rowid: number;
  sku: string;
  size: string | null;
  color: string | null;
  title: string | null;
}
interface MediaRow {
  variant_rowid: number | null;
  kind: MediaKind;
  url: string;
  alt: string | null;
  sha256: string | null;
}
interface PriceRowWithVariant extends PriceRow {
  variant_rowid: number;
}
interface StockRow {
  variant_rowid: number;
  quantity: number;
  availability: Availability | null;
}

/** Builds the read models of products from their rows; one prepared statement per question. */
export class ProductViews {
  private readonly s;
  private readonly texts;

  constructor(
    db: Db,
    private readonly now: () => Date,
  ) {
    this.texts = new ProductTextReader(db);
    const p = (sql: string) => db.prepare(sql);
    const productColumns = `p.rowid, p.id, p.title, p.description, p.brand, p.gender, p.material, p.link, c.path AS category
      FROM products p LEFT JOIN categories c ON c.id = p.category_id`;
    this.s = {
      productByRowid: p(`SELECT ${productColumns} WHERE p.rowid = ?`),
      productById: p(`SELECT ${productColumns} WHERE p.id = ?`),
      variants: p(
        'SELECT rowid, sku, size, color, title FROM variants WHERE product_rowid = ? ORDER BY position',
      ),
      codes:
        p(`SELECT vc.variant_rowid, vc.code FROM variant_codes vc JOIN variants v ON v.rowid = vc.variant_rowid
        WHERE v.product_rowid = ? ORDER BY vc.code`),
      media: p(
        'SELECT variant_rowid, kind, url, alt, sha256 FROM media WHERE product_rowid = ? ORDER BY position',
      ),
      prices:
        p(`SELECT pr.variant_rowid, pr.store_code, pr.currency, pr.regular, pr.sale, pr.sale_from, pr.sale_until, pr.member
        FROM prices pr JOIN variants v ON v.rowid = pr.variant_rowid
        WHERE v.product_rowid = ? AND pr.store_code IN ('', ?)`),
      stock:
        p(`SELECT s.variant_rowid, s.quantity, s.availability FROM stock s JOIN variants v ON v.rowid = s.variant_rowid
        WHERE v.product_rowid = ? AND s.store_code = ?`),
      recommendations: p(`SELECT r.kind, p.rowid AS related_rowid FROM recommendations r
        JOIN products p ON p.id = r.related_id WHERE r.product_rowid = ? ORDER BY r.kind, r.position`),
      // Result cards for a whole page at once: five set-based queries instead of five per card.
      cardProducts: p(`SELECT ${productColumns} WHERE p.rowid IN (SELECT value FROM json_each(?))`),
      cardVariants: p(`SELECT product_rowid, rowid, size, color FROM variants
        WHERE product_rowid IN (SELECT value FROM json_each(?)) ORDER BY product_rowid, position`),
      cardImages: p(`SELECT product_rowid, url FROM media
        WHERE product_rowid IN (SELECT value FROM json_each(?)) AND kind = 'image' ORDER BY product_rowid, position`),
      cardPrices:
        p(`SELECT v.product_rowid, pr.variant_rowid, pr.store_code, pr.currency, pr.regular, pr.sale, pr.sale_from,
          pr.sale_until, pr.member
        FROM prices pr JOIN variants v ON v.rowid = pr.variant_rowid
        WHERE v.product_rowid IN (SELECT value FROM json_each(?)) AND pr.store_code IN ('', ?)`),
      cardStock:
        p(`SELECT v.product_rowid, sum(s.quantity) AS units FROM stock s JOIN variants v ON v.rowid = s.variant_rowid
        WHERE v.product_rowid IN (SELECT value FROM json_each(?)) AND s.store_code = ? GROUP BY v.product_rowid`),
    };
  }

  rowidOf(productId: string): number | undefined {
    return (this.s.productById.get(productId) as ProductRow | undefined)?.rowid;
  }

  /**
   * The full product page model, prices and stock as seen from `storeCode`, title and
   * description in `locale` where the feed has them (product-texts.ts).
   */
  product(
    rowid: number,
    storeCode: string | undefined,
    locale?: string,
    withRecommendations = true,
  ): ProductView | undefined {
    const row = this.s.productByRowid.get(rowid) as ProductRow | undefined;
    if (row === undefined) return undefined;
    const variants = this.s.variants.all(rowid) as VariantRow[];
    const codes = this.s.codes.all(rowid) as { variant_rowid: number; code: string }[];
    const media = this.s.media.all(rowid) as MediaRow[];
    const prices = this.pricesByVariant(rowid, storeCode);
    const stock = this.stockByVariant(rowid, storeCode);
    const view: ProductView = {
      id: row.id,
      title: row.title,
      categoryPath: row.category === null ? [] : row.category.split(categorySeparator),
      media: media.filter((m) => m.variant_rowid === null).map(toMedia),
      variants: variants.map((v): VariantView => {
        const variant: VariantView = {
          sku: v.sku,
          gtins: codes.filter((c) => c.variant_rowid === v.rowid).map((c) => c.code),
          media: media.filter((m) => m.variant_rowid === v.rowid).map(toMedia),
        };
        if (v.size !== null) variant.size = v.size;
        if (v.color !== null) variant.color = v.color;
        if (v.title !== null) variant.title = v.title;
        const price = prices.get(v.rowid);
        if (price !== undefined) variant.price = price;
        if (storeCode !== undefined) {
          const here = stock.get(v.rowid);
          variant.stockHere = here?.quantity ?? 0;
          if (here?.availability) variant.availabilityHere = here.availability;
        }
        return variant;
      }),
      recommendations: [],
    };
    if (row.description !== null) view.description = row.description;
    if (row.brand !== null) view.brand = row.brand;
    if (row.gender !== null) view.gender = row.gender;
    if (row.material !== null) view.material = row.material;
    if (row.link !== null) view.link = row.link;
    if (withRecommendations) view.recommendations = this.recommendations(rowid, storeCode, locale);
    const texts = this.texts.forProducts([rowid], locale).get(rowid);
    if (texts?.title !== undefined) view.title = texts.title;
    if (texts?.description !== undefined) view.description = texts.description;
    return view;
  }

  /** Result cards for products, in the order given; `corrected` marks hits found through a corrected word. */
  hits(
    rowids: readonly number[],
    storeCode: string | undefined,
    corrected: ReadonlySet<number> = new Set(),
    locale?: string,
  ): SearchHit[] {
    const cards = this.cards(rowids, storeCode, corrected, locale);
    return rowids.flatMap((rowid) => cards.get(rowid) ?? []);
  }

  /** Result cards keyed by product rowid; rowids that no longer exist are left out. */
  private cards(
    rowids: readonly number[],
    storeCode: string | undefined,
    corrected: ReadonlySet<number> = new Set(),
    locale?: string,
  ): Map<number, SearchHit> {
    const out = new Map<number, SearchHit>();
    if (rowids.length === 0) return out;
    const ids = JSON.stringify(rowids);
    const products = new Map((this.s.cardProducts.all(ids) as ProductRow[]).map((r) => [r.rowid, r]));
    const variants = groupBy(this.s.cardVariants.all(ids) as (VariantRow & { product_rowid: number })[]);
    const images = new Map<number, string>();
    for (const row of this.s.cardImages.all(ids) as { product_rowid: number; url: string }[]) {
      if (!images.has(row.product_rowid)) images.set(row.product_rowid, row.url);
    }
    const prices = groupBy(
      this.s.cardPrices.all(ids, storeCode ?? '') as (PriceRowWithVariant & { product_rowid: number })[],
    );
    const units =
      storeCode === undefined
        ? undefined
        : new Map(
            (this.s.cardStock.all(ids, storeCode) as { product_rowid: number; units: number }[]).map((r) => [
              r.product_rowid,
              r.units,
            ]),
          );
    const texts = this.texts.forProducts(rowids, locale);
    const now = this.now();
    for (const rowid of rowids) {
      const row = products.get(rowid);
      if (row === undefined) continue;
      const productVariants = variants.get(rowid) ?? [];
      const hit: SearchHit = {
        id: row.id,
        title: texts.get(rowid)?.title ?? row.title,
        colors: unique(productVariants.map((v) => v.color)),
        sizes: unique(productVariants.map((v) => v.size)),
        corrected: corrected.has(rowid),
      };
      if (row.brand !== null) hit.brand = row.brand;
      if (row.category !== null) hit.category = row.category;
      const image = images.get(rowid);
      if (image !== undefined) hit.image = image;
      const price = lowestPrice(
        [...groupBy(prices.get(rowid) ?? [], (p) => p.variant_rowid).values()].map((rows) =>
          effectivePrice(rows, storeCode, now),
        ),
      );
      if (price !== undefined) hit.price = price;
      if (units !== undefined) hit.stockHere = units.get(rowid) ?? 0;
      out.set(rowid, hit);
    }
    return out;
  }

  private recommendations(
    rowid: number,
    storeCode: string | undefined,
    locale: string | undefined,
  ): ProductView['recommendations'] {
    // Related products that are not (yet) in this catalog drop out through the join.
    const recs = this.s.recommendations.all(rowid) as {
      kind: RecommendationKind;
      related_rowid: number;
    }[];
    const cards = this.cards(
      recs.map((r) => r.related_rowid),
      storeCode,
      new Set(),
      locale,
    );
    return recs.flatMap((rec) => {
      const hit = cards.get(rec.related_rowid);
      if (hit === undefined) return [];
      const item: ProductView['recommendations'][number] = { kind: rec.kind, id: hit.id, title: hit.title };
      if (hit.image !== undefined) item.image = hit.image;
      if (hit.price !== undefined) item.price = hit.price;
      return [item];
    });
  }

  private pricesByVariant(rowid: number, storeCode: string | undefined): Map<number, PriceView> {
    const rows = this.s.prices.all(rowid, storeCode ?? '') as PriceRowWithVariant[];
    const byVariant = new Map<number, PriceRow[]>();
    for (const row of rows)
      byVariant.set(row.variant_rowid, [...(byVariant.get(row.variant_rowid) ?? []), row]);
    const now = this.now();
    const out = new Map<number, PriceView>();
    for (const [variant, variantRows] of byVariant) {
      const price = effectivePrice(variantRows, storeCode, now);
      if (price !== undefined) out.set(variant, price);
    }
    return out;
  }

  private stockByVariant(rowid: number, storeCode: string | undefined): Map<number, StockRow> {
    if (storeCode === undefined) return new Map();
    const rows = this.s.stock.all(rowid, storeCode) as StockRow[];
    return new Map(rows.map((r) => [r.variant_rowid, r]));
  }
}

function toMedia(row: MediaRow): MediaRecord {
  const media: MediaRecord = { kind: row.kind, url: row.url };
  if (row.alt !== null) media.alt = row.alt;
  if (row.sha256 !== null) media.sha256 = row.sha256;
  return media;
}

function groupBy<T extends { product_rowid: number }>(rows: readonly T[]): Map<number, T[]>;
function groupBy<T>(rows: readonly T[], key: (row: T) => number): Map<number, T[]>;
function groupBy<T>(rows: readonly T[], key?: (row: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const row of rows) {
    const k = key === undefined ? (row as { product_rowid: number }).product_rowid : key(row);
    const list = out.get(k);
    if (list === undefined) out.set(k, [row]);
    else list.push(row);
  }
  return out;
}

function unique(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== null))];
}
