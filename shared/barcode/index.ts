/** Barcode parsing: EAN/UPC, GTIN-14, GS1 element strings, GS1 Digital Link, store-internal codes. */
export { parseBarcode } from './parse-barcode.js';
export { gtinCheckDigit, toGtin14 } from './gtin.js';
export type { GtinResult } from './gtin.js';
export { expandUpcE } from './upc-e.js';
export { formatBracketed, formatElementString } from './format-element-string.js';
export type {
  AiElement,
  BarcodeError,
  BarcodeErrorCode,
  BarcodeFormat,
  BarcodeOptions,
  BarcodeResult,
  InternalCodeRule,
  ParsedBarcode,
} from './types.js';
