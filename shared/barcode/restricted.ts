/**
 * GS1 restricted circulation numbers (RCNs; GS1 General Specifications, GS1 Prefix allocation:
 * Prefixes 02, 04 and 20-29, and GS1-8 Prefixes 0 and 2 for RCN-8): numbers a company or a GS1
 * Member Organisation hands out for use inside one store chain or one country, typically
 * variable-measure items whose label embeds a price or weight. They are valid barcodes but not
 * global product identities, so the kiosk must resolve them against local data. We flag them
 * instead of failing them.
 */

/**
 * True when a GTIN-14 holds an RCN:
 * - RCN-8: a GTIN-8 whose first digit is 0 or 2;
 * - RCN-12/13: GS1 Prefixes 02 (UPC number system 2, variable measure), 04 (in-store, UPC number
 *   system 4) and 20-29 (defined by each Member Organisation for its region).
 */
export function isRestrictedCirculation(gtin14: string): boolean {
  if (gtin14.startsWith('000000')) {
    const first = gtin14.charAt(6);
    return first === '0' || first === '2';
  }
  // Only indicator digit 0 (a GTIN-12/13 in 14-digit form): RCNs are not packed into GTIN-14s.
  if (!gtin14.startsWith('0')) return false;
  const prefix = gtin14.slice(1, 3);
  return prefix === '02' || prefix === '04' || prefix.startsWith('2');
}
