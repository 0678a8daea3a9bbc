/**
 * AIM symbology identifiers (ISO/IEC 15424): scanners configured to send them prefix each scan
 * with `]` + a symbology letter + a modifier, which tells us what was printed. That matters
 * because the same digits mean different things in different symbols (an 8-digit UPC-E vs an
 * EAN-8), and because GS1 symbols drop their leading FNC1 in favour of the identifier.
 */

/** `]` + symbology code + modifier; the modifier may be a digit or a letter. */
const AIM_ID = /^\][A-Za-z][0-9A-Za-z]/;

export function splitSymbology(text: string): { symbology?: string; data: string } {
  const match = AIM_ID.exec(text);
  return match ? { symbology: match[0], data: text.slice(match[0].length) } : { data: text };
}

/**
 * Identifiers whose data is a GS1 element string (the symbol starts with FNC1): GS1-128 (]C1),
 * GS1 DataMatrix (]d2), GS1 QR Code (]Q3) and the GS1 DataBar family (]e0).
 */
const GS1_SYMBOLOGIES = new Set([']C1', ']d2', ']Q3', ']e0']);

export function isGs1Symbology(symbology: string | undefined): boolean {
  return symbology !== undefined && GS1_SYMBOLOGIES.has(symbology);
}

/**
 * What an EAN/UPC identifier (ISO/IEC 15420 Annex on symbology identifiers) says about the data:
 * ]E0 is EAN-13, UPC-A or UPC-E (in principle sent as 13 digits, though many scanners send UPC-E
 * as its 8 digits and UPC-A as 12), ]E4 is EAN-8, ]E3 is EAN-13/UPC with its add-on appended.
 */
export type EanUpcHint = 'ean-13-family' | 'ean-8' | 'with-add-on';

export function eanUpcHint(symbology: string | undefined): EanUpcHint | undefined {
  if (symbology === ']E0') return 'ean-13-family';
  if (symbology === ']E4') return 'ean-8';
  if (symbology === ']E3') return 'with-add-on';
  return undefined;
}
