import { describe, expect, it } from 'vitest';
import { groupTitle, parseMerchantTsv } from '../../../../shared/catalog/index.js';
import { feed, printed } from './fixtures.js';

describe('Merchant Center TSV product feed', () => {
  const result = parseMerchantTsv(feed('merchant-products.tsv'));

  it('reads every row without problems', () => {
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ format: 'merchant-tsv', rowsRead: 5, rowsAccepted: 5 });
  });

  it('groups rows by item_group_id into one product with a variant per row', () => {
    const product = result.batch.products[0];
    expect(product).toMatchObject({
      id: 'AR',
      title: 'Air Runner',
      brand: 'Kestrel',
      description: 'A light running shoe with a knit upper.',
      categoryPath: ['Apparel', 'Shoes', 'Sneakers'],
      gender: 'unisex',
      material: 'Knit',
      link: 'https://shop.example.com/p/air-runner',
    });
    expect(product?.variants.map((v) => [v.sku, v.color, v.size, v.title])).toEqual([
      ['AR-RED-42', 'Red', '42', 'Air Runner - Red / 42'],
      ['AR-RED-43', 'Red', '43', 'Air Runner - Red / 43'],
      ['AR-BLU-42', 'Blue', '42', 'Air Runner - Blue / 42'],
    ]);
  });

  it('unions the variants’ images in order, without repeats', () => {
    expect(result.batch.products[0]?.media.map((m) => m.url)).toEqual([
      'https://img.example.com/ar-red-1.jpg',
      'https://img.example.com/ar-red-2.jpg',
      'https://img.example.com/ar-sole.jpg',
      'https://img.example.com/ar-blue-1.jpg',
    ]);
    expect(result.batch.products[0]?.variants[2]?.media?.map((m) => m.url)).toEqual([
      'https://img.example.com/ar-blue-1.jpg',
      'https://img.example.com/ar-sole.jpg',
    ]);
  });

  it('normalizes every GTIN of a row to GTIN-14', () => {
    expect(result.batch.products[0]?.variants[2]?.gtins).toEqual(['04012345000030', '00036000291452']);
  });

  it('gives each variant its default price, with the sale window in UTC', () => {
    expect(result.batch.prices[0]).toEqual({
      storeCode: null,
      sku: 'AR-RED-42',
      currency: 'EUR',
      regular: 8995,
      sale: 6995,
      saleFrom: '2025-03-01T08:00:00.000Z',
      saleUntil: '2025-03-15T19:00:00.000Z',
    });
    expect(result.batch.prices.map((p) => [p.sku, p.regular])).toEqual([
      ['AR-RED-42', 8995],
      ['AR-RED-43', 8995],
      ['AR-BLU-42', 8995],
      ['CM-TEE', 3900],
      ['OT-BAG', 129900],
    ]);
  });

  it('makes a row without item_group_id a product of its own', () => {
    const tee = result.batch.products[1];
    expect(tee).toMatchObject({
      id: 'CM-TEE',
      title: 'Classic Merino Tee, "Heritage" edition',
      description: 'Soft merino wool.\nSecond line, with a\ttab.',
      // No product_type: the text google_product_category is the category.
      categoryPath: ['Apparel & Accessories', 'Clothing', 'Shirts & Tops'],
      variants: [{ sku: 'CM-TEE', gtins: ['04012345000047'], size: 'M', color: 'Navy' }],
    });
    expect(tee?.variants[0]?.title).toBeUndefined();
    expect(tee?.media).toEqual([
      { kind: 'image', url: 'https://img.example.com/cm-tee.jpg' },
      { kind: 'video', url: 'https://video.example.com/cm-tee.mp4' },
    ]);
  });

  it('ignores a numeric google_product_category and reads 3D models', () => {
    expect(result.batch.products[2]).toMatchObject({
      id: 'OT-BAG',
      categoryPath: [],
      media: [
        { kind: 'image', url: 'https://img.example.com/tote.jpg' },
        { kind: 'model', url: 'https://models.example.com/tote.glb' },
      ],
    });
  });

  it('reads g:-prefixed, mixed-case headers, CRLF and a BOM', () => {
    const text =
      '\ufeffG:ID\tg:Title\tPrice\tImage Link\r\nA1\tThing\t5.00 EUR\thttps://img.example.com/a.jpg\r\n';
    const parsed = parseMerchantTsv(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.batch.products[0]).toMatchObject({
      id: 'A1',
      title: 'Thing',
      media: [{ url: 'https://img.example.com/a.jpg' }],
    });
  });
});

describe('Merchant Center TSV product feed with bad rows', () => {
  const result = parseMerchantTsv(feed('merchant-products-bad.tsv'));

  it('reports each bad row with its line and field, and keeps the good rows', () => {
    expect(printed(result.problems)).toEqual([
      'line 3: title: is required',
      'line 4: price: "19,99 EUR" is not a price like "19.99 EUR" (the decimal separator is ".")',
      'line 5: gtin: "4012345000062" has check digit 2, expected 1',
      'line 6: sale_price_effective_date: start "2025-02-30T10:00+0100": day 30 does not exist in 2025-02',
      'line 7: id: "SN-WHT-40" is already used on line 2',
      'line 9: has 11 fields but the header has 10 (a stray tab?)',
      'line 10: price: "-5.00 EUR" is negative; prices must be 0 or more',
      'line 11: id: is required',
    ]);
    expect(result).toMatchObject({ rowsRead: 10, rowsAccepted: 2 });
    expect(result.batch.products).toHaveLength(1);
    expect(result.batch.products[0]).toMatchObject({ id: 'SN', title: 'Court Sneaker' });
    expect(result.batch.products[0]?.variants.map((v) => v.sku)).toEqual(['SN-WHT-40', 'SN-BLK-40']);
    expect(result.batch.prices.map((p) => p.sku)).toEqual(['SN-WHT-40', 'SN-BLK-40']);
  });

  it('reports a missing required column once, for the file', () => {
    const parsed = parseMerchantTsv('id\ttitle\nA\tB\nC\tD\n');
    expect(printed(parsed.problems)).toEqual([
      'line 1: price: the header has no column for the required attribute (id, title and price are required); nothing was imported',
    ]);
    expect(parsed.rowsAccepted).toBe(0);
  });

  it('refuses a sale price that is not below the price, or in another currency', () => {
    const parsed = parseMerchantTsv(
      'id\ttitle\tprice\tsale_price\nA\tA\t10.00 EUR\t12.00 EUR\nB\tB\t10.00 EUR\t8.00 USD\n',
    );
    expect(printed(parsed.problems)).toEqual([
      'line 2: sale_price: "12.00 EUR" is not below price "10.00 EUR"',
      'line 3: sale_price: "8.00 USD" is in USD but price is in EUR',
    ]);
  });

  it('refuses links that are not absolute http(s) URLs', () => {
    const parsed = parseMerchantTsv('id\ttitle\tprice\tlink\nA\tA\t1.00 EUR\tjavascript:alert(1)\n');
    expect(printed(parsed.problems)).toEqual([
      'line 2: link: "javascript:alert(1)" is not an absolute http(s) URL',
    ]);
  });

  it('keeps the rows before an unclosed quote and says where it opened', () => {
    const parsed = parseMerchantTsv('id\ttitle\tprice\nA\tA\t1.00 EUR\nB\t"B\t1.00 EUR\nC\tC\t1.00 EUR\n');
    expect(printed(parsed.problems)).toEqual([
      'line 3: a quoted field is never closed (missing "); the rest of the file is not read',
    ]);
    expect(parsed.batch.products.map((p) => p.id)).toEqual(['A']);
  });

  it('says so when a file is comma-separated', () => {
    const parsed = parseMerchantTsv('id,title,price\nA,B,1.00 EUR\n');
    expect(printed(parsed.problems)).toEqual([
      'line 1: header: has no tabs: Merchant Center text feeds are tab-separated, not comma-separated',
    ]);
  });
});

describe('groupTitle', () => {
  it.each([
    [['Air Runner - Red / 42', 'Air Runner - Blue / 43'], 'Air Runner'],
    [['Merino Tee, Navy, M', 'Merino Tee, Navy, L'], 'Merino Tee, Navy'],
    [['Tee | Red', 'Tee | Rose'], 'Tee'],
    [['Polo (Black)', 'Polo (Blue)'], 'Polo'],
    [['Crème Sneaker Blanc', 'Crème Sneaker Bleu'], 'Crème Sneaker'],
    [['Same', 'Same'], 'Same'],
    [['Red Shoe', 'Blue Shoe'], 'Red Shoe'],
    [['Ab 1', 'Ab 2'], 'Ab 1'],
    [['Only one'], 'Only one'],
  ])('%j → %s', (titles, title) => {
    expect(groupTitle(titles)).toBe(title);
  });
});
