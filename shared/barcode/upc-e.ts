/**
 * UPC-E zero suppression (GS1 General Specifications §5.2, EAN/UPC symbology, UPC-E): a UPC-E
 * symbol carries a UPC-A (GTIN-12) with a run of zeros left out. Its eight digits are the number
 * system (0; 1 is seen in the wild), six data digits d1..d6 and the check digit of the full
 * UPC-A. d6 says where the zeros were taken from: the shorter the manufacturer number, the longer
 * the item number may be. Example: 0 593663 -> 0 59300 00066 (d6 = 3).
 */

/**
 * Expands an 8-digit UPC-E to its 12-digit UPC-A, keeping the UPC-E's last digit as the check
 * digit (the caller verifies it). Undefined when the text cannot be a UPC-E.
 */
export function expandUpcE(upcE: string): string | undefined {
  if (!/^[01]\d{7}$/.test(upcE)) return undefined;
  const system = upcE.slice(0, 1);
  const d = upcE.slice(1, 7);
  const check = upcE.slice(7);
  const last = Number(d.slice(5));
  let body: string;
  if (last <= 2) {
    // d6 0-2: manufacturer d1 d2 d6 0 0, item 0 0 d3 d4 d5.
    body = `${d.slice(0, 2)}${d.slice(5)}0000${d.slice(2, 5)}`;
  } else if (last === 3) {
    // d6 3: manufacturer d1 d2 d3 0 0, item 0 0 0 d4 d5.
    body = `${d.slice(0, 3)}00000${d.slice(3, 5)}`;
  } else if (last === 4) {
    // d6 4: manufacturer d1 d2 d3 d4 0, item 0 0 0 0 d5.
    body = `${d.slice(0, 4)}00000${d.slice(4, 5)}`;
  } else {
    // d6 5-9: manufacturer d1..d5, item 0 0 0 0 d6.
    body = `${d.slice(0, 5)}0000${d.slice(5)}`;
  }
  return `${system}${body}${check}`;
}
