/**
 * Value rules for single Merchant Center attributes, shared by the product and the local
 * inventory feeds. Each returns a value or an error message that quotes the offending text;
 * the caller adds the line and the attribute name.
 */
import { toGtin14 } from '../../barcode/gtin.js';
import type { Availability } from '../types.js';

export type FieldResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Product data specification, `availability`. */
export const PRODUCT_AVAILABILITY: readonly Availability[] = [
  'in_stock',
  'out_of_stock',
  'preorder',
  'backorder',
];
/** Local inventory data specification, `availability`. */
export const LOCAL_AVAILABILITY: readonly Availability[] = [
  'in_stock',
  'limited_availability',
  'on_display_to_order',
  'out_of_stock',
];

/** Accepts the spec's values in either spelling Google documents: `in_stock` or `in stock`. */
export function parseAvailability(text: string, allowed: readonly Availability[]): FieldResult<Availability> {
  const normalized = text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  const match = allowed.find((value) => value === normalized);
  if (match !== undefined) return { ok: true, value: match };
  return { ok: false, error: `"${text}" is not one of ${allowed.join(', ')}` };
}

/** Values of an attribute that may be comma-separated in TSV and repeated in XML. */
export function splitList(values: readonly string[] | undefined): string[] {
  const items: string[] = [];
  if (values === undefined) return items;
  for (const value of values) {
    for (const part of value.split(',')) {
      const trimmed = part.trim();
      if (trimmed !== '') items.push(trimmed);
    }
  }
  return items;
}

/** Every GTIN normalized to GTIN-14 (shared/barcode), duplicates dropped; one bad GTIN fails all. */
export function parseGtins(codes: readonly string[]): FieldResult<string[]> {
  const gtins: string[] = [];
  for (const code of codes) {
    const result = toGtin14(code);
    if (!result.ok) return { ok: false, error: result.error };
    if (!gtins.includes(result.gtin)) gtins.push(result.gtin);
  }
  return { ok: true, value: gtins };
}

/**
 * `Apparel > Shoes > Sneakers` → ["Apparel", "Shoes", "Sneakers"] (`product_type`, and the text
 * form of `google_product_category`). A numeric Google category id yields nothing: the taxonomy
 * is not shipped with Vitrine.
 */
export function parseCategoryPath(text: string | undefined): string[] {
  if (text === undefined || /^\d+$/.test(text.trim())) return [];
  return text
    .split('>')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

const HTTP_URL = /^https?:\/\/[^\s/?#]+[^\s]*$/i;

/** Links and image links must be absolute http(s) URLs (product data specification, `link`). */
export function parseUrl(text: string): FieldResult<string> {
  if (HTTP_URL.test(text)) return { ok: true, value: text };
  return { ok: false, error: `"${text}" is not an absolute http(s) URL` };
}

/** A count of items: an integer, 0 or more (local inventory data specification, `quantity`). */
export function parseQuantity(text: string): FieldResult<number> {
  const trimmed = text.trim();
  if (/^-\d+$/.test(trimmed))
    return { ok: false, error: `"${trimmed}" is negative; a quantity is 0 or more` };
  if (!/^\d+$/.test(trimmed)) return { ok: false, error: `"${trimmed}" is not a whole number of items` };
  const value = Number(trimmed);
  if (!Number.isSafeInteger(value)) return { ok: false, error: `"${trimmed}" is too large` };
  return { ok: true, value };
}
