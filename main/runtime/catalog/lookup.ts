import { parseBarcode } from '../../../shared/barcode/index.js';
import type { BarcodeOptions, BarcodeResult } from '../../../shared/barcode/index.js';
import type { LookupMatch, LookupResult } from '../../../shared/catalog/views.js';
import type { Db } from './database.js';
import type { ProductViews } from './product-view.js';

export interface LookupOutcome {
  /** The product, or null when nothing in the catalog answers to the code. */
  result: LookupResult | null;
  /** How the code read as a barcode (kept so "not found" can say whether the scan itself was bad). */
  barcode: BarcodeResult;
}

/**
 * Finds the product behind a code of any form: a barcode in any GTIN form, GS1 element string or
 * Digital Link (by its GTIN-14), a store-internal code, a SKU, or a product id — in that order.
 */
export class CatalogLookup {
  private readonly s;

  constructor(
    db: Db,
    private readonly views: ProductViews,
    private readonly barcodeOptions: BarcodeOptions = {},
  ) {
    this.s = {
      byCode: db.prepare(
        'SELECT v.product_rowid AS product, v.sku FROM variant_codes c JOIN variants v ON v.rowid = c.variant_rowid WHERE c.code = ?',
      ),
      bySku: db.prepare('SELECT product_rowid AS product, sku FROM variants WHERE sku = ?'),
      byProductId: db.prepare('SELECT rowid AS product, NULL AS sku FROM products WHERE id = ?'),
    };
  }

  lookup(code: string, storeCode?: string, locale?: string): LookupOutcome {
    const text = code.trim();
    const barcode = parseBarcode(text, this.barcodeOptions);
    const attempts: [LookupMatch, () => unknown][] = [];
    if (barcode.ok && barcode.value.gtin !== undefined) {
      const gtin = barcode.value.gtin;
      attempts.push(['gtin', () => this.s.byCode.get(gtin)]);
    }
    if (barcode.ok && barcode.value.internal !== undefined) {
      const internal = barcode.value.internal.code;
      attempts.push(['internal', () => this.s.bySku.get(internal)]);
    }
    if (text.length > 0) {
      attempts.push(
        ['sku', () => this.s.bySku.get(text)],
        ['product-id', () => this.s.byProductId.get(text)],
      );
    }
    for (const [matchedBy, find] of attempts) {
      const row = find() as { product: number; sku: string | null } | undefined;
      if (row === undefined) continue;
      const product = this.views.product(row.product, storeCode, locale);
      if (product === undefined) continue;
      return { result: { product, variantSku: row.sku, matchedBy }, barcode };
    }
    return { result: null, barcode };
  }
}
