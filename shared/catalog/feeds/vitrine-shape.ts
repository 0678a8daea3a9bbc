/**
 * Hand-written shape checks for the records that come by the hundred thousand (products, store
 * prices, stock), mirroring vitrine-schema.ts exactly. They answer only "is this well-formed?",
 * allocate nothing, and let a well-formed record skip zod; zod runs only when one says no, to
 * say why. Measured on `vitrine catalog generate`'s 100k-product catalog (430k variants, 2.4M
 * stock entries; 2-core EPYC, Node 20): the whole .jsonl parse took 5.4 s with zod per record,
 * 3.4 s with these checks, against 1.5 s for JSON.parse of the lines alone. A property test
 * (test/unit/shared/catalog/vitrine-shape.test.ts) holds them to the schemas.
 */
import type { ProductInput, StockInput, StorePriceInput } from './vitrine-schema.js';

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function isAmount(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'number';
}

function isCount(value: unknown): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

const MEDIA_KINDS = new Set(['image', 'video', 'model']);
const RECOMMENDATION_KINDS = new Set(['cross-sell', 'up-sell']);
const AVAILABILITIES = new Set([
  'in_stock',
  'limited_availability',
  'out_of_stock',
  'on_display_to_order',
  'preorder',
  'backorder',
]);
const SHA256 = /^[0-9a-f]{64}$/;

function isMediaList(value: unknown): boolean {
  if (value === undefined) return true;
  if (!Array.isArray(value)) return false;
  for (const item of value as unknown[]) {
    if (!isObject(item)) return false;
    for (const key in item) {
      const field = item[key];
      switch (key) {
        case 'kind':
          if (typeof field !== 'string' || !MEDIA_KINDS.has(field)) return false;
          break;
        case 'url':
          if (!isText(field)) return false;
          break;
        case 'alt':
          if (typeof field !== 'string') return false;
          break;
        case 'sha256':
          if (typeof field !== 'string' || !SHA256.test(field)) return false;
          break;
        default:
          return false;
      }
    }
    if (item.kind === undefined || item.url === undefined) return false;
  }
  return true;
}

function isStringList(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (const item of value as unknown[]) if (typeof item !== 'string') return false;
  return true;
}

function isPriceObject(value: Obj): boolean {
  for (const key in value) {
    const field = value[key];
    switch (key) {
      case 'currency':
        if (!isText(field)) return false;
        break;
      case 'regular':
      case 'sale':
      case 'member':
        if (!isAmount(field)) return false;
        break;
      case 'saleFrom':
      case 'saleUntil':
        if (typeof field !== 'string') return false;
        break;
      default:
        return false;
    }
  }
  return value.currency !== undefined && value.regular !== undefined;
}

function isVariant(value: unknown): boolean {
  if (!isObject(value)) return false;
  for (const key in value) {
    const field = value[key];
    switch (key) {
      case 'sku':
        if (!isText(field)) return false;
        break;
      case 'gtin':
      case 'size':
      case 'color':
      case 'title':
        if (typeof field !== 'string') return false;
        break;
      case 'gtins':
        if (!isStringList(field)) return false;
        break;
      case 'media':
        if (!isMediaList(field)) return false;
        break;
      case 'price':
        if (typeof field !== 'string' && !(isObject(field) && isPriceObject(field))) return false;
        break;
      case 'stock':
        if (!isObject(field)) return false;
        for (const store in field) if (!isCount(field[store])) return false;
        break;
      default:
        return false;
    }
  }
  return value.sku !== undefined;
}

/** `{ "de": { "title": "…", "description": "…" } }`: each language's texts, shape only (tags are checked on conversion). */
function isTranslations(value: unknown): boolean {
  if (!isObject(value)) return false;
  for (const language in value) {
    const texts = value[language];
    if (!isObject(texts)) return false;
    for (const key in texts) {
      const field = texts[key];
      if (key === 'title') {
        if (!isText(field)) return false;
      } else if (key !== 'description' || typeof field !== 'string') return false;
    }
  }
  return true;
}

/** True exactly when productSchema would accept the value (then it is a ProductInput as is). */
export function isProductShape(value: unknown): value is ProductInput {
  if (!isObject(value)) return false;
  for (const key in value) {
    const field = value[key];
    switch (key) {
      case 'type':
        if (field !== 'product') return false;
        break;
      case 'id':
      case 'title':
        if (!isText(field)) return false;
        break;
      case 'brand':
      case 'description':
      case 'gender':
      case 'material':
      case 'link':
        if (typeof field !== 'string') return false;
        break;
      case 'category':
        if (typeof field !== 'string' && !isStringList(field)) return false;
        break;
      case 'media':
        if (!isMediaList(field)) return false;
        break;
      case 'variants':
        if (!Array.isArray(field) || field.length === 0) return false;
        for (const variant of field as unknown[]) if (!isVariant(variant)) return false;
        break;
      case 'translations':
        if (!isTranslations(field)) return false;
        break;
      case 'recommendations':
        if (!Array.isArray(field)) return false;
        for (const item of field as unknown[]) {
          if (!isObject(item)) return false;
          for (const k in item) if (k !== 'kind' && k !== 'productId') return false;
          const kind = item.kind;
          if (typeof kind !== 'string' || !RECOMMENDATION_KINDS.has(kind) || !isText(item.productId))
            return false;
        }
        break;
      default:
        return false;
    }
  }
  return value.id !== undefined && value.title !== undefined && value.variants !== undefined;
}

/** True exactly when storePriceSchema would accept the value. */
export function isStorePriceShape(value: unknown): value is StorePriceInput {
  if (!isObject(value)) return false;
  for (const key in value) {
    const field = value[key];
    switch (key) {
      case 'type':
        if (field !== 'price') return false;
        break;
      case 'store':
      case 'sku':
      case 'currency':
        if (!isText(field)) return false;
        break;
      case 'regular':
      case 'sale':
      case 'member':
        if (!isAmount(field)) return false;
        break;
      case 'saleFrom':
      case 'saleUntil':
        if (typeof field !== 'string') return false;
        break;
      default:
        return false;
    }
  }
  return (
    value.store !== undefined &&
    value.sku !== undefined &&
    value.currency !== undefined &&
    value.regular !== undefined
  );
}

/** True exactly when stockSchema would accept the value. */
export function isStockShape(value: unknown): value is StockInput {
  if (!isObject(value)) return false;
  for (const key in value) {
    const field = value[key];
    switch (key) {
      case 'type':
        if (field !== 'stock') return false;
        break;
      case 'store':
      case 'sku':
        if (!isText(field)) return false;
        break;
      case 'quantity':
        if (!isCount(field)) return false;
        break;
      case 'availability':
        if (typeof field !== 'string' || !AVAILABILITIES.has(field)) return false;
        break;
      default:
        return false;
    }
  }
  return value.store !== undefined && value.sku !== undefined && value.quantity !== undefined;
}
