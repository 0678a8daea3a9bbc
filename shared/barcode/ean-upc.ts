/**
 * Plain GTIN carriers: EAN-13, EAN-8, UPC-A, UPC-E (GS1 General Specifications §5.2) and a bare
 * GTIN-14 (as from ITF-14). Each is digits ending in a mod-10 check digit (§7.9).
 */
import { gtinCheckDigit } from './gtin.js';
import type { EanUpcHint } from './symbology.js';
import { fail, quote } from './step.js';
import type { Step } from './step.js';
import { expandUpcE } from './upc-e.js';

export type EanUpcFormat = 'ean-13' | 'ean-8' | 'upc-a' | 'upc-e' | 'gtin-14';
export interface EanUpc {
  format: EanUpcFormat;
  gtin: string;
  addOn?: string;
}

const NAMES: Record<EanUpcFormat, string> = {
  'ean-13': 'EAN-13',
  'ean-8': 'EAN-8',
  'upc-a': 'UPC-A',
  'upc-e': 'UPC-E',
  'gtin-14': 'GTIN-14',
};

interface Check {
  expected: number;
  actual: number;
}

function checkOf(format: EanUpcFormat, digits: string): Check {
  const actual = Number(digits.slice(-1));
  if (format === 'upc-e') {
    const upcA = expandUpcE(digits) ?? '';
    return { expected: gtinCheckDigit(upcA.slice(0, 11)), actual };
  }
  return { expected: gtinCheckDigit(digits.slice(0, -1)), actual };
}

function gtinOf(format: EanUpcFormat, digits: string): string {
  return format === 'upc-e' ? `00${expandUpcE(digits) ?? ''}` : digits.padStart(14, '0');
}

function checkMessage(format: EanUpcFormat, digits: string, check: Check): string {
  const base = `${NAMES[format]} ${quote(digits)} has check digit ${String(check.actual)}, expected ${String(check.expected)}`;
  if (format !== 'upc-e') return base;
  const upcA = `${(expandUpcE(digits) ?? '').slice(0, 11)}${String(check.expected)}`;
  return `${base} (it expands to UPC-A ${upcA})`;
}

function checked(format: EanUpcFormat, digits: string, at: number): Step<EanUpc> {
  const check = checkOf(format, digits);
  if (check.expected !== check.actual) {
    return fail('bad-check-digit', checkMessage(format, digits, check), at + digits.length - 1);
  }
  return { ok: true, value: { format, gtin: gtinOf(format, digits) } };
}

/**
 * Eight digits with no symbology identifier are ambiguous: EAN-8 and UPC-E share the length, and
 * about one 8-digit string in ten passes both checks (01234565 is a valid EAN-8 and a valid UPC-E).
 * - Leading 0: UPC-E first. UPC-E is everywhere on small North American packs, while an EAN-8
 *   starting with 0 is an RCN-8, a number for use inside one company.
 * - Leading 1: EAN-8 first (these are globally assigned GTIN-8s; UPC-E number system 1 is not
 *   GS1-standard), UPC-E if only that check digit fits.
 * - Leading 2-9: EAN-8 only; UPC-E needs number system 0 or 1.
 * Scanners that send AIM identifiers (]E0 / ]E4) remove the guess; enabling them is advised.
 */
function eightDigits(digits: string, at: number): Step<EanUpc> {
  const order: EanUpcFormat[] = digits.startsWith('0')
    ? ['upc-e', 'ean-8']
    : digits.startsWith('1')
      ? ['ean-8', 'upc-e']
      : ['ean-8'];
  for (const format of order) {
    const check = checkOf(format, digits);
    if (check.expected === check.actual) return { ok: true, value: { format, gtin: gtinOf(format, digits) } };
  }
  const [first, second] = order;
  if (first === undefined) return fail('unknown-format', `${quote(digits)} is not a barcode`);
  let message = checkMessage(first, digits, checkOf(first, digits));
  if (second !== undefined) {
    message += `; read as ${NAMES[second]}, expected ${String(checkOf(second, digits).expected)}`;
  }
  return fail('bad-check-digit', message, at + 7);
}

function badLength(what: string, digits: string, allowed: string, at: number): Step<EanUpc> {
  return fail(
    'bad-length',
    `${what} ${quote(digits)} has ${String(digits.length)} digits; expected ${allowed}`,
    at,
  );
}

/**
 * Reads digits as an EAN/UPC/GTIN-14, guided by the AIM identifier when there is one. `at` is the
 * offset of `digits` in the scan, for error positions.
 */
export function parseEanUpc(digits: string, hint: EanUpcHint | undefined, at: number): Step<EanUpc> {
  const bad = /\D/.exec(digits);
  if (bad) {
    return fail(
      'bad-character',
      `EAN/UPC data ${quote(digits)} contains ${quote(bad[0])} at position ${String(at + bad.index)}; only digits are allowed`,
      at + bad.index,
    );
  }
  switch (hint) {
    case 'ean-8':
      return digits.length === 8 ? checked('ean-8', digits, at) : badLength('EAN-8 (]E4)', digits, '8', at);
    case 'ean-13-family':
      if (digits.length === 13) return checked('ean-13', digits, at);
      if (digits.length === 12) return checked('upc-a', digits, at);
      if (digits.length === 8) {
        return expandUpcE(digits)
          ? checked('upc-e', digits, at)
          : fail('bad-character', `UPC-E ${quote(digits)} must start with number system 0 or 1`, at);
      }
      return badLength('EAN-13/UPC (]E0)', digits, '13, 12 (UPC-A) or 8 (UPC-E)', at);
    case 'with-add-on': {
      // ]E3: the 13-digit main symbol with its 2- or 5-digit add-on appended.
      if (digits.length !== 15 && digits.length !== 18) {
        return badLength('EAN/UPC with add-on (]E3)', digits, '15 or 18 (13 + add-on of 2 or 5)', at);
      }
      const main = checked('ean-13', digits.slice(0, 13), at);
      if (!main.ok) return main;
      return { ok: true, value: { ...main.value, addOn: digits.slice(13) } };
    }
    case undefined:
      break;
  }
  switch (digits.length) {
    case 8:
      return eightDigits(digits, at);
    case 12:
      return checked('upc-a', digits, at);
    case 13:
      return checked('ean-13', digits, at);
    case 14:
      return checked('gtin-14', digits, at);
    default:
      return badLength('barcode', digits, '8 (EAN-8/UPC-E), 12 (UPC-A), 13 (EAN-13) or 14 (GTIN-14)', at);
  }
}
