import type { TFunction } from 'i18next';
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
export function sizeStockLabel(t: TFunction, quantity: number | undefined): string {
  if (quantity === undefined) return t('common:stock.notSoldHere');
  if (quantity <= 0) return t('common:stock.soldOutHere');
  return quantity <= LOW_STOCK ? t('common:stock.left', { count: quantity }) : t('common:stock.inStock');
}

/** A product card's line: units of all its variants in this store. */
export function cardStockLabel(t: TFunction, quantity: number | undefined): string | null {
  if (quantity === undefined) return null;
  return quantity > 0 ? t('common:card.inStock', { count: quantity }) : t('common:card.notInStock');
}

/** What a store's feed says of a size it has none of (the local inventory feed's words). */
const availabilityKeys: Record<Availability, string> = {
  in_stock: 'common:stock.availability.inStock',
  limited_availability: 'common:stock.availability.limited',
  out_of_stock: 'common:stock.availability.outOfStock',
  on_display_to_order: 'common:stock.availability.onDisplay',
  preorder: 'common:stock.availability.preorder',
  backorder: 'common:stock.availability.backorder',
};

export function nearbyStockLabel(
  t: TFunction,
  quantity: number,
  availability: Availability | undefined,
): string {
  if (quantity > 0)
    return quantity <= LOW_STOCK
      ? t('common:stock.left', { count: quantity })
      : t('common:stock.count', { count: quantity });
  if (availability !== undefined && availability !== 'in_stock') return t(availabilityKeys[availability]);
  return t('common:stock.availability.outOfStock');
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
