import { describe, expect, it } from 'vitest';
import {
  currencyExponent,
  formatMinor,
  minorToDecimal,
  parseAmount,
  parseMoney,
} from '../../../../shared/catalog/index.js';

describe('parseMoney', () => {
  it.each([
    ['19.99 EUR', 'EUR', 1999],
    ['EUR 19.99', 'EUR', 1999],
    ['19.9 EUR', 'EUR', 1990],
    ['19 EUR', 'EUR', 1900],
    ['1,299.00 USD', 'USD', 129900],
    ['  0.50 eur ', 'EUR', 50],
    ['19.99EUR', 'EUR', 1999],
    ['1200 JPY', 'JPY', 1200],
    ['1,200 JPY', 'JPY', 1200],
    ['1.234 KWD', 'KWD', 1234],
    ['0 EUR', 'EUR', 0],
  ])('%s → %s %d', (text, currency, minor) => {
    expect(parseMoney(text)).toEqual({ ok: true, money: { currency, minor } });
  });

  it('uses the default currency only for a bare number', () => {
    expect(parseMoney('19.99', { defaultCurrency: 'EUR' })).toEqual({
      ok: true,
      money: { currency: 'EUR', minor: 1999 },
    });
    expect(parseMoney('19.99 USD', { defaultCurrency: 'EUR' })).toEqual({
      ok: true,
      money: { currency: 'USD', minor: 1999 },
    });
  });

  it.each([
    ['19,99 EUR', '"19,99 EUR" is not a price like "19.99 EUR" (the decimal separator is ".")'],
    ['19,99', '"19,99" is not a price like "19.99 EUR" (the decimal separator is ".")'],
    ['19.99', '"19.99" has no currency: write it like "19.99 EUR" (ISO 4217 code)'],
    ['€19.99', '"€19.99" is not a price like "19.99 EUR" (write the ISO 4217 code, e.g. EUR, not a symbol)'],
    ['19.99 XYZ', '"19.99 XYZ": "XYZ" is not an ISO 4217 currency code'],
    ['19.999 EUR', '"19.999 EUR" has 3 decimals; EUR allows at most 2 decimals'],
    ['1200.5 JPY', '"1200.5 JPY" has 1 decimal; JPY allows no decimals'],
    ['-5.00 EUR', '"-5.00 EUR" is negative; prices must be 0 or more'],
    ['12,34,56 EUR', '"12,34,56 EUR" is not a price like "19.99 EUR"'],
    ['', 'is empty, expected a price like "19.99 EUR"'],
    ['free', '"free" is not a price like "19.99 EUR"'],
    ['99999999999999999 EUR', '"99999999999999999 EUR" is too large'],
  ])('refuses %j', (text, error) => {
    expect(parseMoney(text)).toEqual({ ok: false, error });
  });
});

describe('parseAmount', () => {
  it('reads decimal strings and numbers in the currency’s minor units', () => {
    expect(parseAmount('59.95', 'EUR')).toEqual({ ok: true, minor: 5995 });
    expect(parseAmount(59.95, 'EUR')).toEqual({ ok: true, minor: 5995 });
    expect(parseAmount(1200, 'JPY')).toEqual({ ok: true, minor: 1200 });
    expect(parseAmount('1.5', 'KWD')).toEqual({ ok: true, minor: 1500 });
  });

  it('refuses float noise instead of rounding it', () => {
    expect(parseAmount(0.1 + 0.2, 'EUR')).toEqual({
      ok: false,
      error: '"0.30000000000000004" has 17 decimals; EUR allows at most 2 decimals',
    });
  });

  it('refuses negative, exponent and unknown-currency amounts', () => {
    expect(parseAmount(-1, 'EUR').ok).toBe(false);
    expect(parseAmount(1e21, 'EUR').ok).toBe(false);
    expect(parseAmount(Number.NaN, 'EUR').ok).toBe(false);
    expect(parseAmount('10', 'EURO')).toEqual({
      ok: false,
      error: '"EURO" is not an ISO 4217 currency code',
    });
  });
});

describe('currency exponents and formatting', () => {
  it('takes minor units from ISO 4217 via Intl', () => {
    expect(currencyExponent('EUR')).toBe(2);
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('KWD')).toBe(3);
  });

  it('formats minor units for a locale', () => {
    expect(formatMinor(129950, 'EUR', 'de-DE')).toBe('1.299,50\u00a0€');
    expect(formatMinor(1999, 'USD', 'en-US')).toBe('$19.99');
    expect(formatMinor(1200, 'JPY', 'ja-JP')).toBe('￥1,200');
  });

  it('writes minor units back as a decimal string', () => {
    expect(minorToDecimal(5995, 'EUR')).toBe('59.95');
    expect(minorToDecimal(5, 'EUR')).toBe('0.05');
    expect(minorToDecimal(1200, 'JPY')).toBe('1200');
    expect(minorToDecimal(1500, 'KWD')).toBe('1.500');
  });
});
