import type { BarcodeError, BarcodeResult, ParsedBarcode } from '../../../../shared/barcode/index.js';

/** The parsed barcode, or a test failure that says why it was refused. */
export function valid(result: BarcodeResult): ParsedBarcode {
  if (!result.ok)
    throw new Error(`expected a valid barcode, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The error, or a test failure naming the format that was accepted. */
export function invalid(result: BarcodeResult): BarcodeError {
  if (result.ok) throw new Error(`expected an invalid barcode, got ${result.value.format}`);
  return result.error;
}
