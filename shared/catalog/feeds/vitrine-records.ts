/**
 * Vitrine product and price records (already shape-checked) → catalog entities, with the value
 * rules the schema cannot express: amounts in the currency's minor units, GTIN check digits,
 * instants, URLs. The catalog-wide rules (what must be unique) are vitrine-collector.ts's.
 */
import { toGtin14 } from '../../barcode/gtin.js';
import { isCurrencyCode, parseAmount, parseMoney } from '../money.js';
import { canonicalLanguageTag } from '../language-tag.js';
import type {
  CatalogBatch,
  MediaRecord,
  PriceRecord,
  ProductRecord,
  ProductTexts,
  VariantRecord,
} from '../types.js';
import { parseIsoInstant } from './iso-date.js';
import type { PathError, PathSegment } from './json-path.js';
import { parseMediaUrl } from '../media-ref.js';
import { parseUrl } from './merchant-fields.js';
import type { MediaInput, PriceObjectInput, ProductInput, VariantInput } from './vitrine-schema.js';

/**
 * Appends the product, its variants' default prices and their stock to `out`, or, when any of it
 * is wrong, appends nothing and returns false. Appending directly (and truncating on failure)
 * spares two arrays per product on catalogs of 100k products.
 */
export function convertProduct(input: ProductInput, errors: PathError[], out: CatalogBatch): boolean {
  const before = errors.length;
  const pricesBefore = out.prices.length;
  const stockBefore = out.stock.length;
  const media = convertMedia(input.media, ['media'], errors);
  const product: ProductRecord = {
    id: input.id,
    title: input.title,
    categoryPath: categoryPath(input.category),
    media,
    variants: [],
  };
  if (input.brand !== undefined) product.brand = input.brand;
  if (input.description !== undefined) product.description = input.description;
  if (input.gender !== undefined) product.gender = input.gender;
  if (input.material !== undefined) product.material = input.material;
  if (input.link !== undefined) {
    const link = parseUrl(input.link);
    if (link.ok) product.link = link.value;
    else errors.push({ path: ['link'], message: link.error });
  }
  // Same keys as RecommendationRecord: kept, not copied.
  if (input.recommendations !== undefined) product.recommendations = input.recommendations;
  if (input.translations !== undefined) {
    const translations = convertTranslations(input.translations, errors);
    if (translations !== undefined) product.translations = translations;
  }
  const { prices, stock } = out;
  const variants = input.variants;
  // Paths are built only when there is an error: this runs for every variant of a large catalog.
  const variantErrors: PathError[] = [];
  let i = -1;
  for (const variant of variants) {
    i++;
    variantErrors.length = 0;
    for (let j = 0; j < i; j++) {
      if (variants[j]?.sku === variant.sku) {
        variantErrors.push({ path: ['variants', i, 'sku'], message: `"${variant.sku}" is given twice` });
        break;
      }
    }
    const record = convertVariant(variant, i, variantErrors);
    const price = variant.price === undefined ? undefined : convertVariantPrice(variant, i, variantErrors);
    if (variantErrors.length > 0) {
      // One bad variant refuses its product: importing the rest would show a partial size run.
      for (const error of variantErrors) errors.push(error);
      continue;
    }
    product.variants.push(record);
    if (price !== undefined) prices.push(price);
    const quantities = variant.stock;
    if (quantities !== undefined) {
      for (const storeCode in quantities) {
        const quantity = quantities[storeCode];
        if (quantity !== undefined) stock.push({ storeCode, sku: variant.sku, quantity });
      }
    }
  }
  if (errors.length > before) {
    prices.length = pricesBefore;
    stock.length = stockBefore;
    return false;
  }
  out.products.push(product);
  return true;
}

/** Texts per language under canonical tags ("DE" and "de" are one language, given twice). */
function convertTranslations(
  input: NonNullable<ProductInput['translations']>,
  errors: PathError[],
): Record<string, ProductTexts> | undefined {
  const out: Record<string, ProductTexts> = {};
  for (const [key, texts] of Object.entries(input)) {
    const tag = canonicalLanguageTag(key);
    if (tag === null) {
      errors.push({
        path: ['translations', key],
        message: `"${key}" is not a language tag like "de" or "fr-CA"`,
      });
    } else if (Object.hasOwn(out, tag)) {
      errors.push({ path: ['translations', key], message: `language "${tag}" is given twice` });
    } else if (texts.title === undefined && texts.description === undefined) {
      errors.push({ path: ['translations', key], message: 'give a "title", a "description" or both' });
    } else {
      const entry: ProductTexts = {};
      if (texts.title !== undefined) entry.title = texts.title;
      if (texts.description !== undefined) entry.description = texts.description;
      out[tag] = entry;
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function convertVariant(input: VariantInput, index: number, errors: PathError[]): VariantRecord {
  const gtins: string[] = [];
  if (input.gtin !== undefined) addGtin(gtins, input.gtin, errors, index, 'gtin');
  if (input.gtins !== undefined) {
    let i = 0;
    for (const code of input.gtins) addGtin(gtins, code, errors, index, 'gtins', i++);
  }
  const variant: VariantRecord = { sku: input.sku, gtins };
  if (input.size !== undefined) variant.size = input.size;
  if (input.color !== undefined) variant.color = input.color;
  if (input.title !== undefined) variant.title = input.title;
  if (input.media !== undefined)
    variant.media = convertMedia(input.media, ['variants', index, 'media'], errors);
  return variant;
}

function addGtin(
  gtins: string[],
  code: string,
  errors: PathError[],
  variant: number,
  key: string,
  item?: number,
): void {
  const result = toGtin14(code);
  if (!result.ok) {
    const path: PathSegment[] = ['variants', variant, key];
    if (item !== undefined) path.push(item);
    errors.push({ path, message: result.error });
  } else if (!gtins.includes(result.gtin)) gtins.push(result.gtin);
}

function convertVariantPrice(
  input: VariantInput,
  index: number,
  errors: PathError[],
): PriceRecord | undefined {
  if (typeof input.price === 'string') {
    const money = parseMoney(input.price);
    if (!money.ok) {
      errors.push({ path: ['variants', index, 'price'], message: money.error });
      return undefined;
    }
    return { storeCode: null, sku: input.sku, currency: money.money.currency, regular: money.money.minor };
  }
  if (input.price === undefined) return undefined;
  return convertPrice(input.price, null, input.sku, index, errors);
}

/**
 * A variant's price object (`variant` is its index) or a store price record (`variant` null):
 * amounts in `currency`, the sale below the regular amount, sale dates only with a sale.
 */
export function convertPrice(
  input: PriceObjectInput,
  storeCode: string | null,
  sku: string,
  variant: number | null,
  errors: PathError[],
): PriceRecord | undefined {
  const before = errors.length;
  const currency = input.currency;
  if (!isCurrencyCode(currency)) {
    priceError(errors, variant, 'currency', `"${currency}" is not an ISO 4217 currency code`);
    return undefined;
  }
  const regular = amount(input.regular, currency, errors, variant, 'regular');
  const sale = input.sale === undefined ? undefined : amount(input.sale, currency, errors, variant, 'sale');
  const member =
    input.member === undefined ? undefined : amount(input.member, currency, errors, variant, 'member');
  const saleFrom =
    input.saleFrom === undefined ? undefined : instant(input.saleFrom, errors, variant, 'saleFrom');
  const saleUntil =
    input.saleUntil === undefined ? undefined : instant(input.saleUntil, errors, variant, 'saleUntil');
  if (regular === undefined || errors.length > before) return undefined;
  if (sale !== undefined && sale >= regular) {
    priceError(
      errors,
      variant,
      'sale',
      `${String(input.sale)} is not below regular ${String(input.regular)}`,
    );
  }
  if ((saleFrom !== undefined || saleUntil !== undefined) && sale === undefined) {
    priceError(
      errors,
      variant,
      saleFrom === undefined ? 'saleUntil' : 'saleFrom',
      'is given without a sale amount',
    );
  }
  if (saleFrom !== undefined && saleUntil !== undefined && saleUntil <= saleFrom) {
    priceError(errors, variant, 'saleUntil', `"${String(input.saleUntil)}" is not after saleFrom`);
  }
  if (errors.length > before) return undefined;
  const record: PriceRecord = { storeCode, sku, currency, regular };
  if (sale !== undefined) record.sale = sale;
  if (member !== undefined) record.member = member;
  if (saleFrom !== undefined) record.saleFrom = saleFrom;
  if (saleUntil !== undefined) record.saleUntil = saleUntil;
  return record;
}

function priceError(errors: PathError[], variant: number | null, key: string, message: string): void {
  errors.push({ path: variant === null ? [key] : ['variants', variant, 'price', key], message });
}

function amount(
  value: string | number,
  currency: string,
  errors: PathError[],
  variant: number | null,
  key: string,
): number | undefined {
  const result = parseAmount(value, currency);
  if (result.ok) return result.minor;
  priceError(errors, variant, key, result.error);
  return undefined;
}

function instant(
  value: string,
  errors: PathError[],
  variant: number | null,
  key: string,
): string | undefined {
  const result = parseIsoInstant(value);
  if (result.ok) return result.instant;
  priceError(errors, variant, key, result.error);
  return undefined;
}

/** Media inputs have exactly MediaRecord's keys, so valid ones are kept as they are, not copied. */
function convertMedia(
  inputs: readonly MediaInput[] | undefined,
  path: PathSegment[],
  errors: PathError[],
): MediaRecord[] {
  if (inputs === undefined) return [];
  let i = 0;
  for (const input of inputs) {
    const url = parseMediaUrl(input.url);
    if (!url.ok) errors.push({ path: [...path, i, 'url'], message: url.error });
    i++;
  }
  return inputs as MediaRecord[];
}

function categoryPath(category: string | string[] | undefined): string[] {
  if (category === undefined) return [];
  const parts = typeof category === 'string' ? category.split('>') : category;
  // Usually already clean (["Shoes", "Sneakers"]): keep the array rather than copy it twice.
  if (typeof category !== 'string' && parts.every((part) => part !== '' && part.trim() === part))
    return parts;
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}
