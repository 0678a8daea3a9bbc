/**
 * The public shapes of barcode parsing. A scan is untrusted text from a scanner or a keypad, so
 * parsing never throws: it returns a BarcodeResult whose error says precisely what is wrong.
 */

/** What kind of code was read (the data structure, not always the printed symbology). */
export type BarcodeFormat =
  'ean-13' | 'ean-8' | 'upc-a' | 'upc-e' | 'gtin-14' | 'gs1' | 'digital-link' | 'internal';

export type BarcodeErrorCode =
  | 'empty'
  | 'bad-check-digit'
  | 'bad-length'
  | 'bad-character'
  | 'bad-ai'
  | 'truncated'
  | 'bad-date'
  | 'bad-link'
  | 'unknown-format';

export interface BarcodeError {
  code: BarcodeErrorCode;
  /** Human and precise, e.g. `EAN-13 "4006381333932" has check digit 2, expected 1`. */
  message: string;
  /** 0-based offset into ParsedBarcode.input (the trimmed scan), when one character is to blame. */
  position?: number;
}

/** One GS1 Application Identifier with its data (GS1 General Specifications §3). */
export interface AiElement {
  /** The AI digits, e.g. "01", "3103". */
  ai: string;
  /** The GS1 data title, e.g. "USE BY OR EXPIRY". */
  title: string;
  /** The data exactly as encoded (after percent-decoding for Digital Link). */
  raw: string;
  /**
   * Decoded data: dates as ISO `YYYY-MM-DD`, 7003 as `YYYY-MM-DDTHH:MM`, counts and measures with
   * implied decimals as numbers, GTINs padded to 14 digits, everything else as the raw string.
   */
  value: string | number;
  /** ISO 4217 numeric currency code, for amounts with currency (391n, 393n). */
  currency?: string;
}

/** A store-internal code: text starting with `prefix`, and of exactly `length` characters when given. */
export interface InternalCodeRule {
  prefix: string;
  length?: number;
  label?: string;
}

export interface BarcodeOptions {
  /** Store-internal codes (device config `barcodes.internalRules`); checked first, in order. */
  internalRules?: readonly InternalCodeRule[];
  /** Reference date for the GS1 two-digit-year window (§7.12); defaults to now. */
  now?: Date;
}

export interface ParsedBarcode {
  format: BarcodeFormat;
  /** The scan as parsed: the given text without surrounding whitespace (CR/LF suffix etc.). */
  input: string;
  /** AIM symbology identifier found at the start, e.g. "]E0", "]d2". */
  symbology?: string;
  /** The item's GTIN as a right-aligned, zero-padded GTIN-14. */
  gtin?: string;
  /**
   * The GTIN is a GS1 restricted circulation number (RCN: GS1 Prefixes 02, 04, 20-29 or an RCN-8
   * starting with 0 or 2): meaningful only inside one company or region, often with a price or
   * weight embedded, so it should be looked up locally rather than treated as a global product.
   */
  restricted?: boolean;
  /** EAN/UPC 2- or 5-digit add-on, when the scanner sent one (AIM modifier ]E3). */
  addOn?: string;
  /** GS1 AIs in the order they were found; empty for plain EAN/UPC/GTIN-14 and internal codes. */
  ais: AiElement[];
  /** AI 17 as ISO date (day 00 = last day of the month). */
  expiry?: string;
  /** AI 15. */
  bestBefore?: string;
  /** AI 11. */
  productionDate?: string;
  /** AI 13. */
  packagingDate?: string;
  /** AI 16. */
  sellBy?: string;
  /** AI 10. */
  batch?: string;
  /** AI 21. */
  serial?: string;
  /** AI 02: GTIN of the trade items contained in a logistic unit. */
  variantGtin?: string;
  /** AI 30 (variable count) or 37 (count of contained items). */
  count?: number;
  /** AI 310n, with n implied decimals. */
  netWeightKg?: number;
  /** AI 390n/391n (amount payable) or 392n/393n (amount payable, variable measure item). */
  price?: { amount: number; currency?: string };
  /** For Digital Link URIs: where the link points, minus the GS1 part. */
  link?: { host: string; pathPrefix: string };
  /** For store-internal codes: the rule that matched. */
  internal?: { prefix: string; label?: string; code: string };
}

export type BarcodeResult = { ok: true; value: ParsedBarcode } | { ok: false; error: BarcodeError };
