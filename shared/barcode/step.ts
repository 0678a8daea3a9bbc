import type { BarcodeError, BarcodeErrorCode } from './types.js';

/** The internal result of one parsing step; parseBarcode turns the last one into a BarcodeResult. */
export type Step<T> = { ok: true; value: T } | { ok: false; error: BarcodeError };

export function fail<T>(code: BarcodeErrorCode, message: string, position?: number): Step<T> {
  return { ok: false, error: position === undefined ? { code, message } : { code, message, position } };
}

/** The ASCII group separator that scanners send for FNC1 (GS1 General Specifications §7.8.5). */
export const GS = '\x1d';

/** Shows a scan fragment in a message, with invisible separators made visible. */
export function quote(text: string): string {
  return JSON.stringify(text).replaceAll('\\u001d', '<GS>');
}
