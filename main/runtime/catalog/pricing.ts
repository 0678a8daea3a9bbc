import type { PriceView } from '../../../shared/catalog/views.js';

/** A price row as stored: '' is the default price's store code. */
export interface PriceRow {
  store_code: string;
  currency: string;
  regular: number;
  sale: number | null;
  sale_from: string | null;
  sale_until: string | null;
  member: number | null;
}

/**
 * The price a shopper sees at a store: the store's own price when the local inventory feed gave
 * one, else the default. A sale price counts only inside its effective window (Merchant Center
 * `sale_price_effective_date`), judged at `now`.
 */
export function effectivePrice(
  rows: readonly PriceRow[],
  storeCode: string | undefined,
  now: Date,
): PriceView | undefined {
  const row =
    (storeCode === undefined ? undefined : rows.find((r) => r.store_code === storeCode)) ??
    rows.find((r) => r.store_code === '');
  if (row === undefined) return undefined;
  const saleRunning =
    row.sale !== null &&
    (row.sale_from === null || Date.parse(row.sale_from) <= now.getTime()) &&
    (row.sale_until === null || now.getTime() < Date.parse(row.sale_until));
  const view: PriceView = {
    currency: row.currency,
    regular: row.regular,
    current: saleRunning && row.sale !== null ? Math.min(row.sale, row.regular) : row.regular,
    storeCode: row.store_code === '' ? null : row.store_code,
  };
  if (saleRunning && row.sale !== null) view.sale = row.sale;
  if (row.member !== null) view.member = row.member;
  return view;
}

/** The lowest current price of several variants' prices (for "from €59.95" on a result card). */
export function lowestPrice(prices: readonly (PriceView | undefined)[]): PriceView | undefined {
  let best: PriceView | undefined;
  for (const price of prices) {
    if (price !== undefined && (best === undefined || price.current < best.current)) best = price;
  }
  return best;
}
