import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DatabaseFromFutureError,
  openCatalog,
  type Catalog,
} from '../../../../../main/runtime/catalog/index.js';
import type { ProductRecord } from '../../../../../shared/catalog/types.js';
import { latestVersion } from '../../../../../main/runtime/catalog/migrations/index.js';
import { useTempDir } from '../../../../support/temp.js';
import { fixtureBatch } from './fixture-batch.js';

const tempDir = useTempDir();
const frozenNow = new Date('2026-11-22T12:00:00Z');

function catalogWithFixture(now = frozenNow): { catalog: Catalog; path: string } {
  const path = join(tempDir(), 'catalog.db');
  const catalog = openCatalog(path, { now: () => now });
  catalog.apply(fixtureBatch());
  return { catalog, path };
}

describe('catalog database', () => {
  it('migrates a new file to the latest schema version', () => {
    const path = join(tempDir(), 'catalog.db');
    openCatalog(path).close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const path = join(tempDir(), 'catalog.db');
    const db = new Database(path);
    db.pragma('user_version = 999');
    db.exec('CREATE TABLE future (x)');
    db.close();
    expect(() => openCatalog(path)).toThrow(DatabaseFromFutureError);
    expect(() => openCatalog(path)).toThrow(
      `schema version 999, newer than this app supports (${String(latestVersion)})`,
    );
    const after = new Database(path, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(999);
    after.close();
  });

  it('keeps its data across a reopen', () => {
    const { catalog, path } = catalogWithFixture();
    catalog.close();
    const again = openCatalog(path);
    expect(again.reader.counts()).toEqual({ stores: 4, categories: 5, products: 3, variants: 6 });
    again.close();
  });
});

describe('lookup', () => {
  const codes: [string, string, string][] = [
    ['4006381333931', 'RUN-1-BLK-42', 'EAN-13'],
    ['04006381333931', 'RUN-1-BLK-42', 'GTIN-14'],
    ['01234565', 'RUN-1-BLK-43', 'UPC-E'],
    ['000123450000 65'.replace(' ', ''), 'RUN-1-BLK-43', 'GTIN-14 of the UPC-E'],
    ['(01)09506000134352(17)201225(10)ABC123', 'RUN-1-WHT-42', 'GS1 element string'],
    [']C1010950600013435217201225\u001d10ABC123', 'RUN-1-WHT-42', 'raw GS1-128'],
    ['https://id.example.com/01/09506000134352/10/ABC123', 'RUN-1-WHT-42', 'GS1 Digital Link'],
    ['4006381333931\r\n', 'RUN-1-BLK-42', 'scanner suffix'],
  ];
  it.each(codes)('finds %s (%s via %s)', (code, sku) => {
    const { catalog } = catalogWithFixture();
    const { result } = catalog.reader.lookup(code, 'BER');
    expect(result?.variantSku).toBe(sku);
    expect(result?.matchedBy).toBe('gtin');
    expect(result?.product.id).toBe('RUN-1');
    catalog.close();
  });

  it('finds by SKU and by product id', () => {
    const { catalog } = catalogWithFixture();
    expect(catalog.reader.lookup('PARKA-1-NAV-L').result).toMatchObject({
      matchedBy: 'sku',
      variantSku: 'PARKA-1-NAV-L',
    });
    expect(catalog.reader.lookup('BOOT-1').result).toMatchObject({
      matchedBy: 'product-id',
      variantSku: null,
    });
    catalog.close();
  });

  it('says why an unknown or malformed code found nothing', () => {
    const { catalog } = catalogWithFixture();
    const unknown = catalog.reader.lookup('5901234123457');
    expect(unknown.result).toBeNull();
    expect(unknown.barcode.ok).toBe(true);
    const bad = catalog.reader.lookup('4006381333932');
    expect(bad.result).toBeNull();
    expect(bad.barcode.ok).toBe(false);
    if (!bad.barcode.ok) expect(bad.barcode.error.message).toMatch(/expected 1/);
    catalog.close();
  });

  it('returns the product page: variants, prices and stock at the store, recommendations that exist', () => {
    const { catalog } = catalogWithFixture();
    const product = catalog.reader.lookup('4006381333931', 'HAM').result?.product;
    expect(product?.categoryPath).toEqual(['Shoes', 'Sneakers']);
    expect(product?.variants.map((v) => [v.sku, v.stockHere])).toEqual([
      ['RUN-1-BLK-42', 3],
      ['RUN-1-BLK-43', 0],
      ['RUN-1-WHT-42', 0],
    ]);
    // Hamburg has its own price for this variant; member price comes from the default row only when it is the one used.
    expect(product?.variants[0]?.price).toEqual({
      currency: 'EUR',
      regular: 11995,
      current: 11995,
      storeCode: 'HAM',
    });
    expect(product?.variants[2]?.price).toEqual({
      currency: 'EUR',
      regular: 12995,
      sale: 8995,
      current: 8995,
      storeCode: null,
    });
    expect(product?.recommendations.map((r) => [r.kind, r.id])).toEqual([['cross-sell', 'BOOT-1']]);
    catalog.close();
  });

  it('shows a sale price only inside its window', () => {
    const { catalog } = catalogWithFixture(new Date('2026-12-02T00:00:00Z'));
    const variant = catalog.reader.product('RUN-1')?.variants.find((v) => v.sku === 'RUN-1-WHT-42');
    expect(variant?.price).toEqual({ currency: 'EUR', regular: 12995, current: 12995, storeCode: null });
    catalog.close();
  });
});

describe('search', () => {
  const ids = (
    catalog: Catalog,
    text: string,
    extra: Partial<Parameters<Catalog['reader']['search']>[0]> = {},
  ) => catalog.reader.search({ text, storeCode: 'BER', ...extra }).hits.map((h) => h.id);

  it('matches word prefixes as the shopper types', () => {
    const { catalog } = catalogWithFixture();
    expect(ids(catalog, 'sn')).toContain('RUN-1');
    expect(ids(catalog, 'chel')).toEqual(['BOOT-1']);
    expect(ids(catalog, 'PARK')).toEqual(['PARKA-1']);
    catalog.close();
  });

  it('needs every word (multi-word AND) and ignores diacritics and punctuation', () => {
    const { catalog } = catalogWithFixture();
    expect(ids(catalog, 'suede sneaker')).toEqual(['RUN-1']);
    expect(ids(catalog, 'leather sneaker')).toEqual(['BOOT-1']); // both words, one in the description
    expect(ids(catalog, 'suede parka')).toEqual([]);
    expect(ids(catalog, 'Álpine, SUÈDE!')).toEqual(['RUN-1']);
    catalog.close();
  });

  it('ranks a title match above a description match', () => {
    const { catalog } = catalogWithFixture();
    // "sneaker" is in RUN-1's title and only in BOOT-1's description.
    expect(ids(catalog, 'sneaker')).toEqual(['RUN-1', 'BOOT-1']);
    catalog.close();
  });

  it('ranks by where the words are found: name or brand, then category or colour, then description', () => {
    const catalog = openCatalog(join(tempDir(), 'catalog.db'));
    const product = (id: string, title: string, extra: Partial<ProductRecord>): ProductRecord => ({
      id,
      title,
      categoryPath: ['Misc'],
      media: [],
      variants: [{ sku: `${id}-1`, gtins: [] }],
      ...extra,
    });
    // Inserted least relevant first, so catalog order alone would get it backwards.
    catalog.apply({
      stores: [],
      prices: [],
      stock: [],
      products: [
        product('DESC', 'Rain Cover', { description: 'Fits over any olive parka.' }),
        product('COLOR', 'Field Parka', { variants: [{ sku: 'COLOR-1', gtins: [], color: 'Olive' }] }),
        product('CAT', 'Olive Hook', { categoryPath: ['Parkas'] }),
        product('TITLE', 'Olive Parka', {}),
        product('BRAND', 'Waxed Parka', { brand: 'Olive & Co' }),
      ],
    });
    expect(catalog.reader.search({ text: 'olive parka' }).hits.map((h) => h.id)).toEqual([
      'TITLE',
      'BRAND',
      'COLOR',
      'CAT',
      'DESC',
    ]);
    catalog.close();
  });

  it('tolerates one typo in words of five letters or more, after the exact hits', () => {
    const { catalog } = catalogWithFixture();
    const transposed = catalog.reader.search({ text: 'chelsae' });
    expect(transposed.hits.map((h) => [h.id, h.corrected])).toEqual([['BOOT-1', true]]);
    expect(transposed.corrections).toEqual({ chelsae: ['chelsea'] });
    expect(ids(catalog, 'parkka')).toEqual(['PARKA-1']); // insertion
    expect(ids(catalog, 'alpne')).toEqual(['RUN-1']); // deletion
    expect(ids(catalog, 'nylan parka')).toEqual(['PARKA-1']); // substitution, with a second word
    expect(ids(catalog, 'chxlsxa')).toEqual([]); // two edits
    expect(ids(catalog, 'boat')).toEqual([]); // a four-letter word is not corrected
    catalog.close();
  });

  it('treats query syntax as plain text', () => {
    const { catalog } = catalogWithFixture();
    for (const text of [
      '"',
      'AND',
      'sneaker OR',
      'NEAR(a b)',
      'title:x',
      '*',
      '-',
      "'; DROP TABLE products; --",
    ]) {
      expect(() => catalog.reader.search({ text })).not.toThrow();
    }
    expect(catalog.reader.counts().products).toBe(3);
    catalog.close();
  });

  it('filters by category (with subcategories), size, colour and price', () => {
    const { catalog } = catalogWithFixture();
    expect(ids(catalog, '', { filters: { category: 'Shoes' } }).sort()).toEqual(['BOOT-1', 'RUN-1']);
    expect(ids(catalog, '', { filters: { category: 'Shoes > Boots' } })).toEqual(['BOOT-1']);
    expect(ids(catalog, '', { filters: { category: 'Garden' } })).toEqual([]);
    expect(ids(catalog, '', { filters: { sizes: ['42'] } })).toEqual(['RUN-1']);
    expect(ids(catalog, '', { filters: { colors: ['navy'] } })).toEqual(['PARKA-1']);
    expect(ids(catalog, '', { filters: { sizes: ['42'], colors: ['Brown'] } })).toEqual([]);
    // The white sneaker is on sale at 89.95 on the frozen date.
    expect(ids(catalog, '', { filters: { maxPrice: 9000 } })).toEqual(['RUN-1']);
    expect(ids(catalog, '', { filters: { minPrice: 20000 } })).toEqual(['PARKA-1']);
    catalog.close();
  });

  it('filters by stock here for the same variant that matches size and colour', () => {
    const { catalog } = catalogWithFixture();
    expect(ids(catalog, '', { filters: { inStockHere: true } }).sort()).toEqual(['BOOT-1', 'RUN-1']);
    // In Berlin size 42 of the sneaker is sold out; size 43 is there.
    expect(ids(catalog, 'sneaker', { filters: { inStockHere: true, sizes: ['42'] } })).toEqual([]);
    expect(ids(catalog, 'sneaker', { filters: { inStockHere: true, sizes: ['43'] } })).toEqual(['RUN-1']);
    catalog.close();
  });

  it('returns result cards with the lowest current price, colours, sizes and stock here', () => {
    const { catalog } = catalogWithFixture();
    const [hit] = catalog.reader.search({ text: 'alpine', storeCode: 'BER' }).hits;
    expect(hit).toMatchObject({
      id: 'RUN-1',
      brand: 'Northfield',
      category: 'Shoes > Sneakers',
      image: 'https://img.example.com/run-1.jpg',
      colors: ['Black', 'White'],
      sizes: ['42', '43'],
      stockHere: 2,
      price: { current: 8995, sale: 8995 },
      corrected: false,
    });
    catalog.close();
  });

  it('pages with limit, offset and hasMore', () => {
    const { catalog } = catalogWithFixture();
    const first = catalog.reader.search({ text: '', limit: 2 });
    const second = catalog.reader.search({ text: '', limit: 2, offset: 2 });
    expect(first.hits).toHaveLength(2);
    expect(first.hasMore).toBe(true);
    expect(second.hits).toHaveLength(1);
    expect(second.hasMore).toBe(false);
    expect(new Set([...first.hits, ...second.hits].map((h) => h.id)).size).toBe(3);
    catalog.close();
  });
});

describe('stock in nearby stores', () => {
  it('lists other stores with stock, nearest first, unknown locations last', () => {
    const { catalog } = catalogWithFixture();
    const nearby = catalog.reader.nearby('RUN-1-BLK-42', 'BER');
    expect(nearby.map((n) => n.store.code)).toEqual(['HAM', 'MUC', 'POP']);
    expect(nearby[0]?.distanceKm).toBeGreaterThan(250);
    expect(nearby[0]?.distanceKm).toBeLessThan(260);
    expect(nearby[2]?.distanceKm).toBeNull();
    expect(catalog.reader.nearby('RUN-1-BLK-42', 'HAM').map((n) => n.store.code)).toEqual(['MUC', 'POP']);
    expect(
      catalog.reader.nearby('RUN-1-BLK-42', 'HAM', { inStockOnly: false }).map((n) => n.store.code),
    ).toEqual(['BER', 'MUC', 'POP']);
    catalog.close();
  });
});

describe('applying changes', () => {
  it('replaces a product whole: removed variants, codes and old words disappear', () => {
    const { catalog } = catalogWithFixture();
    const batch = fixtureBatch();
    const sneaker = batch.products[0]!;
    catalog.apply({
      stores: [],
      prices: [],
      stock: [],
      products: [{ ...sneaker, title: 'Summit Canvas Runner', variants: sneaker.variants.slice(1, 2) }],
    });
    expect(catalog.reader.lookup('4006381333931').result).toBeNull();
    expect(catalog.reader.lookup('01234565').result?.variantSku).toBe('RUN-1-BLK-43');
    expect(catalog.reader.search({ text: 'alpine' }).hits).toEqual([]);
    expect(catalog.reader.search({ text: 'alpne' }).hits).toEqual([]); // no correction to a word that is gone
    expect(catalog.reader.search({ text: 'runner' }).hits.map((h) => h.id)).toEqual(['RUN-1']);
    expect(catalog.reader.counts().variants).toBe(4);
    catalog.close();
  });

  it('reports prices and stock for unknown SKUs and applies the rest', () => {
    const { catalog } = catalogWithFixture();
    const summary = catalog.apply({
      stores: [],
      products: [],
      prices: [{ storeCode: 'BER', sku: 'NOPE', currency: 'EUR', regular: 100 }],
      stock: [
        { storeCode: 'BER', sku: 'NOPE', quantity: 1 },
        { storeCode: 'BER', sku: 'RUN-1-BLK-42', quantity: 7 },
      ],
    });
    expect(summary.problems.map((p) => p.message)).toEqual([
      'price for unknown SKU "NOPE"',
      'stock for unknown SKU "NOPE" (store BER)',
    ]);
    expect(summary.stock).toBe(1);
    expect(catalog.reader.product('RUN-1', 'BER')?.variants[0]?.stockHere).toBe(7);
    catalog.close();
  });

  it('leaves the catalog untouched when a batch fails part-way', () => {
    const { catalog } = catalogWithFixture();
    const before = catalog.reader.counts();
    const good = {
      ...fixtureBatch().products[2]!,
      id: 'NEW-1',
      title: 'Brand New Parka',
      variants: [{ sku: 'NEW-1-M', gtins: [] }],
    };
    const bad = {
      ...good,
      id: 'NEW-2',
      media: [{ kind: 'hologram' as 'image', url: 'x' }],
      variants: [{ sku: 'NEW-2-M', gtins: [] }],
    };
    expect(() => catalog.apply({ stores: [], prices: [], stock: [], products: [good, bad] })).toThrow(
      /CHECK constraint/,
    );
    expect(catalog.reader.counts()).toEqual(before);
    expect(catalog.reader.search({ text: 'brand new' }).hits).toEqual([]);
    // and the writer still works afterwards, categories included
    catalog.apply({
      stores: [],
      prices: [],
      stock: [],
      products: [{ ...good, categoryPath: ['Outdoor', 'Parkas'] }],
    });
    expect(
      catalog.reader.search({ text: 'brand new', filters: { category: 'Outdoor' } }).hits.map((h) => h.id),
    ).toEqual(['NEW-1']);
    catalog.close();
  });
});
