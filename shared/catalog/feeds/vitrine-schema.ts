/**
 * The Vitrine catalog format's records as zod schemas: their shape, strictly (unknown keys are
 * refused, so a misspelt `colour` is an error, not silently lost). Value rules that need more
 * than a shape — amounts in the currency's minor units, GTIN check digits, instants, URLs — are
 * applied when the records are converted (vitrine-records.ts). shared/catalog/FORMAT.md is the
 * prose version of this file; change both together.
 */
import { z } from 'zod';

export const VITRINE_FORMAT = 'vitrine-catalog';
export const VITRINE_VERSION = 1;

const text = z.string().min(1, 'must not be empty');
/** An amount without its currency: `"59.95"` or `59.95`. */
const amount = z.union([z.string(), z.number()]);
const clock = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected a time like "09:30" (24-hour)');

export const openingIntervalSchema = z.strictObject({ open: clock, close: clock });
const intervals = z.array(openingIntervalSchema).optional();

export const storeSchema = z.strictObject({
  type: z.literal('store').optional(),
  code: text,
  name: text,
  address: z.string().optional(),
  city: z.string().optional(),
  postalCode: z.string().optional(),
  /** ISO 3166-1 alpha-2. */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code like "DE"')
    .optional(),
  location: z
    .strictObject({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) })
    .optional(),
  /** IANA time zone, e.g. "Europe/Berlin". */
  timeZone: z.string().optional(),
  phone: z.string().optional(),
  hours: z
    .strictObject({
      mon: intervals,
      tue: intervals,
      wed: intervals,
      thu: intervals,
      fri: intervals,
      sat: intervals,
      sun: intervals,
    })
    .optional(),
});

export const mediaSchema = z.strictObject({
  kind: z.enum(['image', 'video', 'model']),
  url: text,
  alt: z.string().optional(),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'expected 64 lower-case hex digits')
    .optional(),
});

export const priceObjectSchema = z.strictObject({
  currency: text,
  regular: amount,
  sale: amount.optional(),
  member: amount.optional(),
  saleFrom: z.string().optional(),
  saleUntil: z.string().optional(),
});

export const variantSchema = z.strictObject({
  sku: text,
  gtin: z.string().optional(),
  gtins: z.array(z.string()).optional(),
  size: z.string().optional(),
  color: z.string().optional(),
  title: z.string().optional(),
  media: z.array(mediaSchema).optional(),
  /** `"59.95 EUR"` or an object with the currency and the amounts. */
  price: z.union([z.string(), priceObjectSchema]).optional(),
  /** Quantity on hand per store code. */
  stock: z.record(z.string(), z.number().int().nonnegative()).optional(),
});

/** A product's title and description in one language; what is left out stays the default. */
export const productTextsSchema = z.strictObject({
  title: text.optional(),
  description: z.string().optional(),
});

export const productSchema = z.strictObject({
  type: z.literal('product').optional(),
  id: text,
  title: text,
  brand: z.string().optional(),
  /** `["Shoes", "Sneakers"]` or `"Shoes > Sneakers"`. */
  category: z.union([z.array(z.string()), z.string()]).optional(),
  description: z.string().optional(),
  gender: z.string().optional(),
  material: z.string().optional(),
  link: z.string().optional(),
  media: z.array(mediaSchema).optional(),
  variants: z.array(variantSchema).min(1, 'a product needs at least one variant'),
  recommendations: z
    .array(z.strictObject({ kind: z.enum(['cross-sell', 'up-sell']), productId: text }))
    .optional(),
  /** Texts per language, keyed by BCP 47 tag: `{ "de": { "title": "Laufschuh" } }`. */
  translations: z.record(z.string(), productTextsSchema).optional(),
});

export const storePriceSchema = z.strictObject({
  type: z.literal('price').optional(),
  store: text,
  sku: text,
  currency: text,
  regular: amount,
  sale: amount.optional(),
  member: amount.optional(),
  saleFrom: z.string().optional(),
  saleUntil: z.string().optional(),
});

export const stockSchema = z.strictObject({
  type: z.literal('stock').optional(),
  store: text,
  sku: text,
  quantity: z.number().int().nonnegative(),
  availability: z
    .enum([
      'in_stock',
      'limited_availability',
      'out_of_stock',
      'on_display_to_order',
      'preorder',
      'backorder',
    ])
    .optional(),
});

/** Line 1 of a `.jsonl` file. */
export const jsonlHeaderSchema = z.strictObject({ format: z.literal(VITRINE_FORMAT), version: z.number() });

/** A whole `.json` file; the records are checked one by one so a bad one does not hide the rest. */
export const jsonDocumentSchema = z.strictObject({
  format: z.literal(VITRINE_FORMAT),
  version: z.number(),
  stores: z.array(z.unknown()).optional(),
  products: z.array(z.unknown()).optional(),
  prices: z.array(z.unknown()).optional(),
  stock: z.array(z.unknown()).optional(),
});

export type StoreInput = z.infer<typeof storeSchema>;
export type MediaInput = z.infer<typeof mediaSchema>;
export type PriceObjectInput = z.infer<typeof priceObjectSchema>;
export type VariantInput = z.infer<typeof variantSchema>;
export type ProductInput = z.infer<typeof productSchema>;
export type StorePriceInput = z.infer<typeof storePriceSchema>;
export type StockInput = z.infer<typeof stockSchema>;
