/** Colour and size choice over a product's variants, which need not cover every combination. */
import type { TFunction } from 'i18next';
import type { MediaRecord } from '../../../shared/catalog/types.js';
import type { ProductView, VariantView } from '../../../shared/catalog/views.js';

export interface Selection {
  color: string | undefined;
  size: string | undefined;
}

function unique(values: (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== undefined && v !== ''))];
}

export function colorsOf(product: ProductView): string[] {
  return unique(product.variants.map((v) => v.color));
}

/** The variants of one colour (all of them when the product has no colours), one per size. */
export function sizeVariants(product: ProductView, color: string | undefined): VariantView[] {
  const seen = new Set<string>();
  const out: VariantView[] = [];
  for (const v of product.variants) {
    if (color !== undefined && v.color !== color) continue;
    if (v.size === undefined || seen.has(v.size)) continue;
    seen.add(v.size);
    out.push(v);
  }
  return out;
}

export function findVariant(product: ProductView, selection: Selection): VariantView | undefined {
  const colors = colorsOf(product);
  const sized = product.variants.some((v) => v.size !== undefined);
  if (colors.length > 0 && selection.color === undefined) return undefined;
  if (sized && selection.size === undefined) return undefined;
  return product.variants.find(
    (v) => (colors.length === 0 || v.color === selection.color) && (!sized || v.size === selection.size),
  );
}

/**
 * Where the product screen starts: the scanned variant; else the first colour with stock here,
 * with the size chosen only when there is just one (choosing a size is the shopper's decision).
 */
export function initialSelection(product: ProductView, variantSku: string | null | undefined): Selection {
  const scanned = product.variants.find((v) => v.sku === variantSku);
  if (scanned !== undefined) return { color: scanned.color, size: scanned.size };
  const inStock = product.variants.find((v) => (v.stockHere ?? 0) > 0);
  const color = (inStock ?? product.variants[0])?.color;
  const sizes = sizeVariants(product, color);
  return { color, size: sizes.length === 1 ? sizes[0]?.size : undefined };
}

/** Keeps the size when the new colour has it, so switching colours doesn't lose the shopper's size. */
export function withColor(product: ProductView, selection: Selection, color: string): Selection {
  const sizes = sizeVariants(product, color);
  const keep = sizes.some((v) => v.size === selection.size);
  return { color, size: keep ? selection.size : sizes.length === 1 ? sizes[0]?.size : undefined };
}

/** Photos to show: the chosen variant's (or its colour's) first, then the product's own. */
export function galleryMedia(
  product: ProductView,
  variant: VariantView | undefined,
  color: string | undefined,
): MediaRecord[] {
  const source = variant ?? product.variants.find((v) => v.color === color);
  const seen = new Set<string>();
  return [...(source?.media ?? []), ...product.media].filter((m) => {
    if (m.kind !== 'image' || seen.has(m.url)) return false;
    seen.add(m.url);
    return true;
  });
}

/** Units of a colour in this store, over its sizes. */
export function colorStockHere(product: ProductView, color: string | undefined): number | undefined {
  const variants = product.variants.filter((v) => color === undefined || v.color === color);
  if (variants.every((v) => v.stockHere === undefined)) return undefined;
  return variants.reduce((n, v) => n + Math.max(0, v.stockHere ?? 0), 0);
}

/** "Blue · Size 80": what the shopper chose, as summaries show it. */
export function variantLabel(t: TFunction, variant: Pick<VariantView, 'color' | 'size'> | undefined): string {
  return [variant?.color, variant?.size !== undefined ? t('common:size', { size: variant.size }) : undefined]
    .filter((part) => part !== undefined && part !== '')
    .join(' · ');
}
