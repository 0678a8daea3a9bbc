/**
 * Merchant Center product rows → catalog records, the same for TSV and XML. Rows that share an
 * `item_group_id` are variants of one product (product data specification, "item_group_id":
 * variants differ by color, size, material, pattern, age group or gender); a row without one
 * is a product with a single variant. Each row's `id` becomes the variant's sku.
 */
import type {
  CatalogBatch,
  FeedProblem,
  MediaRecord,
  PriceRecord,
  ProductRecord,
  VariantRecord,
} from '../types.js';
import { emptyBatch } from '../types.js';
import type { FieldError } from './merchant-price.js';
import { readRowPrice } from './merchant-price.js';
import {
  parseAvailability,
  parseCategoryPath,
  parseGtins,
  parseUrl,
  PRODUCT_AVAILABILITY,
  splitList,
} from './merchant-fields.js';
import type { MerchantRowsResult, MerchantRow } from './merchant-row.js';
import { first } from './merchant-row.js';
import { problem } from './problems.js';

/** Product data specification: a feed without these attributes cannot describe any product. */
export const REQUIRED_PRODUCT_ATTRIBUTES = ['id', 'title', 'price'] as const;

/** One row that passed validation. */
interface ProductRow {
  line: number;
  sku: string;
  title: string;
  itemGroupId?: string;
  description?: string;
  brand?: string;
  link?: string;
  categoryPath: string[];
  gender?: string;
  material?: string;
  color?: string;
  size?: string;
  gtins: string[];
  media: MediaRecord[];
  price: PriceRecord;
}

export interface BuiltCatalog {
  batch: CatalogBatch;
  problems: FeedProblem[];
  rowsAccepted: number;
}

export function buildMerchantCatalog(read: MerchantRowsResult): BuiltCatalog {
  const problems = [...read.problems];
  const batch = emptyBatch();
  if (read.fatal) return { batch, problems, rowsAccepted: 0 };
  const missing = REQUIRED_PRODUCT_ATTRIBUTES.filter((name) => !read.columns.has(name));
  if (missing.length > 0 && read.rows.length > 0) {
    const place = read.headerLine === null ? 'no item has an element' : 'the header has no column';
    const plural = missing.length > 1 ? 's' : '';
    problems.push(
      problem(
        read.headerLine ?? read.rows[0]?.line ?? null,
        missing.join(', '),
        `${place} for the required attribute${plural} (id, title and price are required); nothing was imported`,
      ),
    );
    return { batch, problems, rowsAccepted: 0 };
  }

  // Group in first-seen order; the key keeps group ids and lone skus apart.
  const groups = new Map<string, ProductRow[]>();
  const skuLines = new Map<string, number>();
  for (const row of read.rows) {
    const parsed = validateRow(row, problems);
    if (parsed === undefined) continue;
    const seen = skuLines.get(parsed.sku);
    if (seen !== undefined) {
      problems.push(problem(row.line, 'id', `"${parsed.sku}" is already used on line ${String(seen)}`));
      continue;
    }
    skuLines.set(parsed.sku, row.line);
    const key = parsed.itemGroupId === undefined ? `s\u0000${parsed.sku}` : `g\u0000${parsed.itemGroupId}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [parsed]);
    else group.push(parsed);
  }

  let rowsAccepted = 0;
  const productLines = new Map<string, number>();
  for (const rows of groups.values()) {
    const head = rows[0];
    if (head === undefined) continue;
    const id = head.itemGroupId ?? head.sku;
    const seen = productLines.get(id);
    if (seen !== undefined) {
      for (const row of rows) {
        const field = row.itemGroupId === undefined ? 'id' : 'item_group_id';
        problems.push(
          problem(row.line, field, `"${id}" is also the id of the product on line ${String(seen)}`),
        );
      }
      continue;
    }
    productLines.set(id, head.line);
    batch.products.push(toProduct(id, head, rows));
    for (const row of rows) batch.prices.push(row.price);
    rowsAccepted += rows.length;
  }
  return { batch, problems, rowsAccepted };
}

function validateRow(row: MerchantRow, problems: FeedProblem[]): ProductRow | undefined {
  const errors: FieldError[] = [];
  const sku = first(row, 'id');
  const title = first(row, 'title');
  if (sku === undefined) errors.push({ field: 'id', message: 'is required' });
  if (title === undefined) errors.push({ field: 'title', message: 'is required' });
  if (first(row, 'price') === undefined) errors.push({ field: 'price', message: 'is required' });
  const price = readRowPrice(row, null, sku ?? '', errors);

  const availability = first(row, 'availability');
  if (availability !== undefined) {
    const result = parseAvailability(availability, PRODUCT_AVAILABILITY);
    if (!result.ok) errors.push({ field: 'availability', message: result.error });
  }
  const gtins = parseGtins(splitList(row.values.get('gtin')));
  if (!gtins.ok) errors.push({ field: 'gtin', message: gtins.error });

  const urls = (field: string, values: readonly string[]): string[] => {
    const valid: string[] = [];
    for (const value of values) {
      const result = parseUrl(value);
      if (result.ok) valid.push(result.value);
      else errors.push({ field, message: result.error });
    }
    return valid;
  };
  const link = urls('link', row.values.get('link')?.slice(0, 1) ?? [])[0];
  const media: MediaRecord[] = [];
  const addMedia = (kind: MediaRecord['kind'], field: string, values: readonly string[]): void => {
    for (const url of urls(field, values)) media.push({ kind, url });
  };
  addMedia('image', 'image_link', row.values.get('image_link')?.slice(0, 1) ?? []);
  addMedia('image', 'additional_image_link', splitList(row.values.get('additional_image_link')));
  addMedia('video', 'video_link', row.values.get('video_link') ?? []);
  addMedia('model', '3d_model_link', row.values.get('3d_model_link') ?? []);
  addMedia('model', 'virtual_model_link', row.values.get('virtual_model_link') ?? []);

  if (errors.length > 0 || sku === undefined || title === undefined || price === undefined || !gtins.ok) {
    for (const error of errors) problems.push(problem(row.line, error.field, error.message));
    return undefined;
  }
  const parsed: ProductRow = {
    line: row.line,
    sku,
    title,
    categoryPath: parseCategoryPath(first(row, 'product_type') ?? first(row, 'google_product_category')),
    gtins: gtins.value,
    media,
    price,
  };
  const optional = {
    itemGroupId: 'item_group_id',
    description: 'description',
    brand: 'brand',
    gender: 'gender',
    material: 'material',
    color: 'color',
    size: 'size',
  } as const;
  for (const [key, name] of Object.entries(optional) as [keyof typeof optional, string][]) {
    const value = first(row, name);
    if (value !== undefined) parsed[key] = value;
  }
  if (link !== undefined) parsed.link = link;
  return parsed;
}

function toProduct(id: string, head: ProductRow, rows: readonly ProductRow[]): ProductRecord {
  const grouped = rows.length > 1 || head.itemGroupId !== undefined;
  const title = grouped ? groupTitle(rows.map((row) => row.title)) : head.title;
  const pick = <K extends keyof ProductRow>(key: K): ProductRow[K] | undefined =>
    rows.find((row) => row[key] !== undefined)?.[key];

  const media: MediaRecord[] = [];
  const urls = new Set<string>();
  for (const row of rows) {
    for (const item of row.media) {
      if (urls.has(item.url)) continue;
      urls.add(item.url);
      media.push(item);
    }
  }
  const variants = rows.map((row): VariantRecord => {
    const variant: VariantRecord = { sku: row.sku, gtins: row.gtins };
    if (row.size !== undefined) variant.size = row.size;
    if (row.color !== undefined) variant.color = row.color;
    if (grouped) {
      variant.title = row.title;
      if (row.media.length > 0) variant.media = row.media;
    }
    return variant;
  });
  const product: ProductRecord = {
    id,
    title,
    categoryPath: rows.find((row) => row.categoryPath.length > 0)?.categoryPath ?? [],
    media,
    variants,
  };
  const description = pick('description');
  const brand = pick('brand');
  const gender = pick('gender');
  const material = pick('material');
  const link = pick('link');
  if (description !== undefined) product.description = description;
  if (brand !== undefined) product.brand = brand;
  if (gender !== undefined) product.gender = gender;
  if (material !== undefined) product.material = material;
  if (link !== undefined) product.link = link;
  return product;
}

/** Separators a variant title puts before its size or colour: " - ", ",", "|", "/", "(", ":". */
const TRAILING_SEPARATORS = /[\s\-–—,|/(:]+$/;
const MIN_TITLE = 3;
const WORD = /^[\p{L}\p{N}]$/u;

/**
 * The product's title from its variants' titles: their common prefix, cut back to a word
 * boundary and trimmed of separators ("Air Runner - Red / 42", "Air Runner - Blue / 43" →
 * "Air Runner"). When the titles share too little, the first variant's title is used.
 */
export function groupTitle(titles: readonly string[]): string {
  const firstTitle = titles[0] ?? '';
  if (titles.length < 2) return firstTitle;
  let length = firstTitle.length;
  for (const title of titles) {
    let i = 0;
    while (i < length && i < title.length && title.charCodeAt(i) === firstTitle.charCodeAt(i)) i++;
    length = i;
  }
  let prefix = firstTitle.slice(0, length);
  // Inside a word in some title ("Tee Red" / "Tee Rose" share "Tee R"): drop the partial word.
  const cutsWord = titles.some(
    (title) => WORD.test(title.charAt(length)) && WORD.test(title.charAt(length - 1)),
  );
  if (cutsWord) prefix = prefix.replace(/[\p{L}\p{N}]+$/u, '');
  prefix = prefix.replace(TRAILING_SEPARATORS, '');
  return prefix.length >= MIN_TITLE ? prefix : firstTitle;
}
