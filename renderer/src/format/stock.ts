import type { Availability } from '../../../shared/catalog/types.js';

export type StockTone = 'good' | 'low' | 'none' | 'unknown';

/** Below this many units the shopper is told the exact number, which helps them decide now. */
const LOW_STOCK = 5;

export function stockTone(quantity: number | undefined): StockTone {
  if (quantity === undefined) return 'unknown';
  if (quantity <= 0) return 'none';
  return quantity <= LOW_STOCK ? 'low' : 'good';
}

/** Wording for one size's stock in this store, as the size button shows it. */
export function sizeStockLabel(quantity: number | undefined): string {
  if (quantity === undefined) return 'Not sold here';
  if (quantity <= 0) return 'Sold out here';
  return quantity <= LOW_STOCK ? `${quantity} left` : 'In stock';
}

/** A product card's line: units of all its variants in this store. */
export function cardStockLabel(quantity: number | undefined): string | null {
  if (quantity === undefined) return null;
  return quantity > 0 ? `${quantity} in stock here` : 'Not in stock here';
}

const availabilityWords: Record<Availability, string> = {
  in_stock: 'In stock',
  limited_availability: 'Limited stock',
  out_of_stock: 'Sold out',
  on_display_to_order: 'On display, order in store',
  preorder: 'Pre-order',
  backorder: 'Back-order',
};

export function nearbyStockLabel(quantity: number, availability: Availability | undefined): string {
  if (quantity > 0) return quantity <= LOW_STOCK ? `${quantity} left` : `${quantity} in stock`;
  if (availability !== undefined && availability !== 'in_stock') return availabilityWords[availability];
  return 'Sold out';
}

export function formatDistance(km: number | null, locale: string): string | null {
  if (km === null) return null;
  const unit = km < 1 ? 'meter' : 'kilometer';
  const value = km < 1 ? Math.round((km * 1000) / 10) * 10 : km;
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    maximumFractionDigits: km < 10 ? 1 : 0,
  }).format(value);
}
