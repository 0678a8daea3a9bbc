import type { ProductRecord } from '../../../../../shared/catalog/types.js';
import type { ChangeBody } from '../../../../../shared/protocol/index.js';

/** A one-variant product (SKU `<id>-S`) in one category, for sync tests. */
export function product(id: string, title: string, gtin?: string): ProductRecord {
  return {
    id,
    title,
    categoryPath: ['Test'],
    media: [],
    variants: [{ sku: `${id}-S`, gtins: gtin === undefined ? [] : [gtin], size: 'M' }],
  };
}

export function productChange(id: string, title: string, gtin?: string): ChangeBody {
  return { op: 'product.upsert', product: product(id, title, gtin) };
}
