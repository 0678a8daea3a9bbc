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

/** A whole amount for a price band (`€50`, `50 €`, `50 €` in Arabic digits where the locale has them). */
export function formatWholePrice(major: number, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: 0,
      maximumFractionDigits: 0,
    }).format(major);
  } catch {
    return `${formatCount(major, locale)} ${currency}`;
  }
}

/** `-30%` (`-30 %` in German and French): a whole percent with its sign, the locale's way. */
export function formatPercent(percent: number, locale: string): string {
  const options: Intl.NumberFormatOptions = { style: 'percent', signDisplay: 'exceptZero' };
  try {
    return new Intl.NumberFormat(locale, options).format(percent / 100);
  } catch {
    return new Intl.NumberFormat(undefined, options).format(percent / 100);
  }
}

/** A count with the locale's digits and grouping (`12,480`, `12.480`, `١٢٬٤٨٠`). */
export function formatCount(value: number, locale: string): string {
  try {
    return new Intl.NumberFormat(locale).format(value);
  } catch {
    return String(value);
  }
}

/** Whole percent saved by a running sale, or null without one. */
export function saleDiscount(price: PriceView): number | null {
  if (price.sale === undefined || price.sale >= price.regular || price.regular <= 0) return null;
  return Math.round((1 - price.sale / price.regular) * 100);
}
