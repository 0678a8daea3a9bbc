import { formatMinor } from '../../../shared/catalog/money.js';
import type { PriceView } from '../../../shared/catalog/views.js';

export function formatPrice(minor: number, currency: string, locale: string): string {
  try {
    return formatMinor(minor, currency, locale);
  } catch {
    // An unknown currency code from a feed: show the number rather than nothing.
    return `${(minor / 100).toFixed(2)} ${currency}`;
  }
}

/** Whole percent saved by a running sale, or null without one. */
export function saleDiscount(price: PriceView): number | null {
  if (price.sale === undefined || price.sale >= price.regular || price.regular <= 0) return null;
  return Math.round((1 - price.sale / price.regular) * 100);
}
