/**
 * zod schemas of the normalized catalog records (shared/catalog/types.ts) as they cross the
 * network between hub and device. Each schema is typed against its interface, so the compiler
 * keeps the two in step; unknown keys are refused, so nothing unchecked reaches a database.
 */
import { z } from 'zod';
import type {
  Availability,
  MediaRecord,
  OpeningInterval,
  PriceRecord,
  ProductRecord,
  ProductTexts,
  StockRecord,
  StoreRecord,
  VariantRecord,
} from '../catalog/types.js';
import { LANGUAGE_TAG } from '../catalog/language-tag.js';

const id = z.string().min(1).max(200);
const label = z.string().max(500);
const minor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const instant = z.iso.datetime({ offset: true });
const gtin14 = z.string().regex(/^\d{14}$/, 'expected a GTIN-14 (14 digits)');
const clock = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:MM');

const interval: z.ZodType<OpeningInterval> = z.strictObject({ open: clock, close: clock });
const day = z.array(interval).max(8).optional();

export const storeRecordSchema: z.ZodType<StoreRecord> = z.strictObject({
  code: id,
  name: label.min(1),
  address: label.optional(),
  city: label.optional(),
  postalCode: label.optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  location: z
    .strictObject({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) })
    .optional(),
  timeZone: z.string().max(64).optional(),
  phone: label.optional(),
  hours: z.strictObject({ mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day }).optional(),
});

export const mediaRecordSchema: z.ZodType<MediaRecord> = z.strictObject({
  kind: z.enum(['image', 'video', 'model']),
  url: z.string().min(1).max(2000),
  alt: label.optional(),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});

export const variantRecordSchema: z.ZodType<VariantRecord> = z.strictObject({
  sku: id,
  gtins: z.array(gtin14).max(20),
  size: label.optional(),
  color: label.optional(),
  title: label.optional(),
  media: z.array(mediaRecordSchema).max(50).optional(),
});

/** A canonical BCP 47 tag as feeds write one for a language: "de", "fr-CA", "zh-Hant". */
const languageTag = z.string().max(35).regex(LANGUAGE_TAG, 'expected a language tag like "de" or "fr-CA"');

const productTexts: z.ZodType<ProductTexts> = z.strictObject({
  title: label.min(1).optional(),
  description: z.string().max(20_000).optional(),
});

export const productRecordSchema: z.ZodType<ProductRecord> = z.strictObject({
  id,
  title: label.min(1),
  description: z.string().max(20_000).optional(),
  brand: label.optional(),
  categoryPath: z.array(label.min(1)).max(10),
  gender: label.optional(),
  material: label.optional(),
  link: z.string().max(2000).optional(),
  media: z.array(mediaRecordSchema).max(50),
  variants: z.array(variantRecordSchema).min(1).max(500),
  recommendations: z
    .array(z.strictObject({ kind: z.enum(['cross-sell', 'up-sell']), productId: id }))
    .max(50)
    .optional(),
  translations: z
    .record(languageTag, productTexts)
    .refine((texts) => Object.keys(texts).length <= 30, 'at most 30 languages')
    .optional(),
});

export const priceRecordSchema: z.ZodType<PriceRecord> = z.strictObject({
  storeCode: id.nullable(),
  sku: id,
  currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code'),
  regular: minor,
  sale: minor.optional(),
  saleFrom: instant.optional(),
  saleUntil: instant.optional(),
  member: minor.optional(),
});

const availability: z.ZodType<Availability> = z.enum([
  'in_stock',
  'limited_availability',
  'out_of_stock',
  'on_display_to_order',
  'preorder',
  'backorder',
]);

export const stockRecordSchema: z.ZodType<StockRecord> = z.strictObject({
  storeCode: id,
  sku: id,
  quantity: z.number().int().min(0).max(1_000_000_000),
  availability: availability.optional(),
});
