import { parseMoney } from '../money.js';
import type { PriceRecord } from '../types.js';
import { parseIsoInterval } from './iso-date.js';
import type { MerchantRow } from './merchant-row.js';
import { first } from './merchant-row.js';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * `price`, `sale_price` and `sale_price_effective_date` of one row (product data specification;
 * the local inventory feed uses the same three for a store's price). Returns undefined without
 * errors when the row has no price at all; the caller decides whether that is allowed.
 */
export function readRowPrice(
  row: MerchantRow,
  storeCode: string | null,
  sku: string,
  errors: FieldError[],
): PriceRecord | undefined {
  const priceText = first(row, 'price');
  const saleText = first(row, 'sale_price');
  const datesText = first(row, 'sale_price_effective_date');
  if (priceText === undefined) {
    if (saleText !== undefined) errors.push({ field: 'sale_price', message: 'is given without a price' });
    return undefined;
  }
  const before = errors.length;
  const regular = parseMoney(priceText);
  if (!regular.ok) errors.push({ field: 'price', message: regular.error });
  const sale = saleText === undefined ? undefined : parseMoney(saleText);
  if (sale !== undefined && !sale.ok) errors.push({ field: 'sale_price', message: sale.error });
  const dates = datesText === undefined ? undefined : parseIsoInterval(datesText);
  if (dates !== undefined && !dates.ok)
    errors.push({ field: 'sale_price_effective_date', message: dates.error });
  if (!regular.ok || errors.length > before) return undefined;

  const record: PriceRecord = {
    storeCode,
    sku,
    currency: regular.money.currency,
    regular: regular.money.minor,
  };
  if (sale?.ok) {
    if (sale.money.currency !== regular.money.currency) {
      errors.push({
        field: 'sale_price',
        message: `"${saleText ?? ''}" is in ${sale.money.currency} but price is in ${regular.money.currency}`,
      });
      return undefined;
    }
    if (sale.money.minor >= regular.money.minor) {
      // Merchant Center refuses a sale price that is not below the regular price.
      errors.push({ field: 'sale_price', message: `"${saleText ?? ''}" is not below price "${priceText}"` });
      return undefined;
    }
    record.sale = sale.money.minor;
  }
  if (dates?.ok) {
    if (record.sale === undefined) {
      errors.push({ field: 'sale_price_effective_date', message: 'is given without a sale_price' });
      return undefined;
    }
    record.saleFrom = dates.from;
    record.saleUntil = dates.until;
  }
  return record;
}
