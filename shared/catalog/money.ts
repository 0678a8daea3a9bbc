/**
 * Money at the edges: text from feeds in, minor units out (types.ts keeps every amount as an
 * integer number of minor units plus an ISO 4217 code), and minor units back to display text.
 *
 * The text form is Google Merchant Center's (product data specification, `price`): a number with
 * "." as the decimal separator and the ISO 4217 currency code, e.g. `15.00 USD`. The code may
 * also come first (`USD 15.00`), and "," is accepted only as a thousands separator in groups of
 * three (`1,299.00 USD`), because the spec's decimal separator is always ".". Anything else is
 * refused with a message that says what was expected; amounts are never guessed.
 */

export interface Money {
  /** ISO 4217 code, upper case. */
  currency: string;
  /** Integer count of the currency's minor units (cents, or yen for JPY). */
  minor: number;
}

export type MoneyResult = { ok: true; money: Money } | { ok: false; error: string };
export type AmountResult = { ok: true; minor: number } | { ok: false; error: string };

export interface ParseMoneyOptions {
  /** Used when the text is a bare number, e.g. a feed that states its currency elsewhere. */
  defaultCurrency?: string;
}

let knownCurrencies: ReadonlySet<string> | undefined;
const exponents = new Map<string, number>();

/** Whether `code` is an ISO 4217 code this JavaScript engine knows (Intl.supportedValuesOf). */
export function isCurrencyCode(code: string): boolean {
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return knownCurrencies.has(code);
}

/**
 * The number of minor-unit digits of a currency (EUR 2, JPY 0, KWD 3), as the engine's ICU data
 * states it (ISO 4217 "minor unit"). `code` must be a known currency code.
 */
export function currencyExponent(code: string): number {
  let exponent = exponents.get(code);
  if (exponent === undefined) {
    exponent = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
      .maximumFractionDigits;
    // ICU always reports a number here for a currency style; the fallback only satisfies the type.
    exponent ??= 2;
    exponents.set(code, exponent);
  }
  return exponent;
}

const CODE_FIRST = /^([A-Za-z]{3})\s*([\d.,+-]+)$/;
const CODE_LAST = /^([\d.,+-]+)\s*([A-Za-z]{3})$/;
const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;
const GROUPED_NUMBER = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * Parses `19.99 EUR`, `EUR 19.99`, `1,299.00 USD`, `500 JPY`, or a bare number when
 * `defaultCurrency` is given.
 */
export function parseMoney(text: string, options: ParseMoneyOptions = {}): MoneyResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'is empty, expected a price like "19.99 EUR"' };
  let numberText: string;
  let code: string;
  const last = CODE_LAST.exec(trimmed);
  const first = last ? null : CODE_FIRST.exec(trimmed);
  if (last) {
    numberText = last[1] ?? '';
    code = last[2] ?? '';
  } else if (first) {
    code = first[1] ?? '';
    numberText = first[2] ?? '';
  } else if (/^[\d.,+-]+$/.test(trimmed)) {
    if (options.defaultCurrency === undefined) {
      if (!PLAIN_NUMBER.test(trimmed) && !GROUPED_NUMBER.test(trimmed)) {
        return { ok: false, error: `"${trimmed}" is not a price like "19.99 EUR"${separatorHint(trimmed)}` };
      }
      return {
        ok: false,
        error: `"${trimmed}" has no currency: write it like "${trimmed} EUR" (ISO 4217 code)`,
      };
    }
    numberText = trimmed;
    code = options.defaultCurrency;
  } else {
    const hint = /[€$£¥₹₩]/.test(trimmed) ? ' (write the ISO 4217 code, e.g. EUR, not a symbol)' : '';
    return { ok: false, error: `"${trimmed}" is not a price like "19.99 EUR"${hint}` };
  }
  const currency = code.toUpperCase();
  if (!isCurrencyCode(currency)) {
    return { ok: false, error: `"${trimmed}": "${code}" is not an ISO 4217 currency code` };
  }
  const amount = amountToMinor(numberText, currency);
  if (!amount.ok) return { ok: false, error: `"${trimmed}" ${amount.error}` };
  return { ok: true, money: { currency, minor: amount.minor } };
}

/**
 * Converts an amount given without its currency (the Vitrine JSON format's `"59.95"` or `59.95`)
 * to minor units of `currency`. Numbers are read through their shortest decimal text, so
 * `0.1 + 0.2` is refused for its 17 decimals rather than silently rounded.
 */
export function parseAmount(amount: string | number, currency: string): AmountResult {
  const code = currency.toUpperCase();
  if (!isCurrencyCode(code)) return { ok: false, error: `"${currency}" is not an ISO 4217 currency code` };
  let text: string;
  if (typeof amount === 'number') {
    if (!Number.isFinite(amount)) return { ok: false, error: `${String(amount)} is not an amount` };
    text = String(amount);
    if (text.includes('e'))
      return { ok: false, error: `${text} is not an amount in ${code} minor units range` };
  } else {
    text = amount.trim();
  }
  const result = amountToMinor(text, code);
  return result.ok ? result : { ok: false, error: `"${text}" ${result.error}` };
}

/**
 * Amounts already converted, per currency. Catalogs repeat a few hundred price points across
 * hundreds of thousands of variants, so most conversions are one lookup. Bounded: cleared when full.
 */
const converted = new Map<string, Map<string, number>>();
const CACHE_LIMIT = 4096;

/** The decimal digits of a non-negative amount to minor units; errors read after the quoted amount. */
function amountToMinor(numberText: string, currency: string): AmountResult {
  let cache = converted.get(currency);
  const hit = cache?.get(numberText);
  if (hit !== undefined) return { ok: true, minor: hit };
  const result = convertAmount(numberText, currency);
  if (result.ok) {
    if (cache === undefined) converted.set(currency, (cache = new Map<string, number>()));
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(numberText, result.minor);
  }
  return result;
}

function convertAmount(numberText: string, currency: string): AmountResult {
  const exponent = currencyExponent(currency);
  if (numberText.startsWith('-')) return { ok: false, error: 'is negative; prices must be 0 or more' };
  let digits = numberText;
  if (GROUPED_NUMBER.test(digits)) digits = digits.replaceAll(',', '');
  else if (!PLAIN_NUMBER.test(digits)) {
    return { ok: false, error: `is not a price like "${exampleAmount(currency)}"${separatorHint(digits)}` };
  }
  const dot = digits.indexOf('.');
  const whole = dot === -1 ? digits : digits.slice(0, dot);
  const fraction = dot === -1 ? '' : digits.slice(dot + 1);
  if (fraction.length > exponent) {
    const allowed = exponent === 0 ? 'no decimals' : `at most ${String(exponent)} decimals`;
    const count = `${String(fraction.length)} decimal${fraction.length === 1 ? '' : 's'}`;
    return { ok: false, error: `has ${count}; ${currency} allows ${allowed}` };
  }
  const minor = Number(whole + fraction.padEnd(exponent, '0'));
  if (!Number.isSafeInteger(minor)) return { ok: false, error: 'is too large' };
  return { ok: true, minor };
}

function separatorHint(numberText: string): string {
  return /^\d+,\d{1,2}$/.test(numberText) ? ' (the decimal separator is ".")' : '';
}

function exampleAmount(currency: string): string {
  const exponent = currencyExponent(currency);
  return exponent === 0 ? `1999 ${currency}` : `19.${'99'.padEnd(exponent, '0')} ${currency}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** Display text for an amount, e.g. `formatMinor(129950, 'EUR', 'de-DE')` → `1.299,50 €`. */
export function formatMinor(minor: number, currency: string, locale: string): string {
  const key = `${locale}\u0000${currency}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, formatter);
  }
  return formatter.format(minor / 10 ** currencyExponent(currency));
}

/** The decimal text of an amount without its currency, e.g. `(5995, 'EUR')` → `59.95`. */
export function minorToDecimal(minor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  if (exponent === 0) return String(minor);
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  const sign = minor < 0 ? '-' : '';
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
