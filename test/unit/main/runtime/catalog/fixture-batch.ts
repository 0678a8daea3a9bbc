import type { CatalogBatch, ProductRecord } from '../../../../../shared/catalog/types.js';

/** A small, hand-checked catalog: three stores (two with locations), shoes and clothing. */
export function fixtureBatch(): CatalogBatch {
  const sneaker: ProductRecord = {
    id: 'RUN-1',
    title: 'Alpine Suede Sneaker',
    brand: 'Northfield',
    description: 'A suede sneaker with a cushioned footbed.',
    categoryPath: ['Shoes', 'Sneakers'],
    gender: 'unisex',
    media: [{ kind: 'image', url: 'https://img.example.com/run-1.jpg', alt: 'Sneaker' }],
    variants: [
      { sku: 'RUN-1-BLK-42', gtins: ['04006381333931'], size: '42', color: 'Black' },
      { sku: 'RUN-1-BLK-43', gtins: ['00012345000065'], size: '43', color: 'Black' },
      { sku: 'RUN-1-WHT-42', gtins: ['09506000134352'], size: '42', color: 'White' },
    ],
    recommendations: [
      { kind: 'cross-sell', productId: 'BOOT-1' },
      { kind: 'up-sell', productId: 'MISSING' },
    ],
  };
  const boot: ProductRecord = {
    id: 'BOOT-1',
    title: 'Heritage Leather Chelsea Boot',
    brand: 'Kestrel',
    description: 'Goes with every sneaker-free day.',
    categoryPath: ['Shoes', 'Boots'],
    media: [],
    variants: [{ sku: 'BOOT-1-BRN-44', gtins: ['04000000000013'], size: '44', color: 'Brown' }],
  };
  const parka: ProductRecord = {
    id: 'PARKA-1',
    title: 'Coastal Nylon Parka',
    brand: 'Vela',
    categoryPath: ['Clothing', 'Jackets'],
    media: [],
    variants: [
      { sku: 'PARKA-1-NAV-M', gtins: [], size: 'M', color: 'Navy' },
      { sku: 'PARKA-1-NAV-L', gtins: [], size: 'L', color: 'Navy' },
    ],
  };
  return {
    stores: [
      { code: 'BER', name: 'Berlin Mitte', city: 'Berlin', location: { lat: 52.5246, lon: 13.4021 } },
      { code: 'HAM', name: 'Hamburg', city: 'Hamburg', location: { lat: 53.5526, lon: 9.9924 } },
      { code: 'MUC', name: 'München', city: 'München', location: { lat: 48.1371, lon: 11.5714 } },
      { code: 'POP', name: 'Pop-up' },
    ],
    products: [sneaker, boot, parka],
    prices: [
      { storeCode: null, sku: 'RUN-1-BLK-42', currency: 'EUR', regular: 12995, member: 11995 },
      { storeCode: null, sku: 'RUN-1-BLK-43', currency: 'EUR', regular: 12995 },
      {
        storeCode: null,
        sku: 'RUN-1-WHT-42',
        currency: 'EUR',
        regular: 12995,
        sale: 8995,
        saleFrom: '2026-11-01T00:00:00+01:00',
        saleUntil: '2026-12-01T00:00:00+01:00',
      },
      { storeCode: 'HAM', sku: 'RUN-1-BLK-42', currency: 'EUR', regular: 11995 },
      { storeCode: null, sku: 'BOOT-1-BRN-44', currency: 'EUR', regular: 19900 },
      { storeCode: null, sku: 'PARKA-1-NAV-M', currency: 'EUR', regular: 24900 },
      { storeCode: null, sku: 'PARKA-1-NAV-L', currency: 'EUR', regular: 24900 },
    ],
    stock: [
      { storeCode: 'BER', sku: 'RUN-1-BLK-42', quantity: 0, availability: 'out_of_stock' },
      { storeCode: 'BER', sku: 'RUN-1-BLK-43', quantity: 2 },
      { storeCode: 'HAM', sku: 'RUN-1-BLK-42', quantity: 3 },
      { storeCode: 'MUC', sku: 'RUN-1-BLK-42', quantity: 1 },
      { storeCode: 'POP', sku: 'RUN-1-BLK-42', quantity: 5 },
      { storeCode: 'BER', sku: 'BOOT-1-BRN-44', quantity: 4 },
      { storeCode: 'BER', sku: 'PARKA-1-NAV-M', quantity: 0 },
    ],
  };
}
