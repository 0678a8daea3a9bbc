/**
 * GTIN check digits and normalization (GS1 General Specifications §7.9: mod-10 with weights 3,1
 * alternating from the rightmost data digit). Every GTIN form (GTIN-8, -12, -13, -14) is stored
 * and compared as a right-aligned, zero-padded GTIN-14.
 */

export type GtinResult = { ok: true; gtin: string } | { ok: false; error: string };

/** The check digit for a string of data digits (a GTIN without its last digit). */
export function gtinCheckDigit(dataDigits: string): number {
  let sum = 0;
  for (let i = 0; i < dataDigits.length; i++) {
    const digit = dataDigits.charCodeAt(dataDigits.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Normalizes a GTIN-8, GTIN-12 (UPC-A), GTIN-13 (EAN-13) or GTIN-14 to GTIN-14, checking the
 * check digit. UPC-E is not accepted here (its 8 digits read as GTIN-8); use parseBarcode for
 * scanner input, where the symbology tells them apart.
 */
export function toGtin14(code: string): GtinResult {
  const text = code.trim();
  if (!/^\d+$/.test(text)) return { ok: false, error: `"${text}" is not a GTIN: only digits are allowed` };
  if (text.length !== 8 && text.length !== 12 && text.length !== 13 && text.length !== 14) {
    return {
      ok: false,
      error: `"${text}" is not a GTIN: ${String(text.length)} digits (expected 8, 12, 13 or 14)`,
    };
  }
  const expected = gtinCheckDigit(text.slice(0, -1));
  const actual = Number(text.slice(-1));
  if (expected !== actual) {
    return { ok: false, error: `"${text}" has check digit ${String(actual)}, expected ${String(expected)}` };
  }
  return { ok: true, gtin: text.padStart(14, '0') };
}
