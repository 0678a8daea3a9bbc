import { describe, expect, it } from 'vitest';
import { parseVitrineJson, parseVitrineJsonl } from '../../../../shared/catalog/index.js';
import type { CatalogBatch } from '../../../../shared/catalog/index.js';
import { feed, printed } from './fixtures.js';

describe('Vitrine catalog, .json', () => {
  const result = parseVitrineJson(feed('catalog.json'));

  it('reads stores, products, prices and stock', () => {
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ format: 'vitrine-json', rowsRead: 6, rowsAccepted: 6 });
    expect(result.batch.stores[0]).toEqual({
      code: 'BER-MITTE',
      name: 'Berlin Mitte',
      address: 'Rosenthaler Str. 40',
      city: 'Berlin',
      postalCode: '10178',
      country: 'DE',
      location: { lat: 52.5246, lon: 13.4021 },
      timeZone: 'Europe/Berlin',
      hours: { mon: [{ open: '10:00', close: '20:00' }], sat: [{ open: '10:00', close: '18:00' }], sun: [] },
    });
  });

  it('turns a product into a ProductRecord with its variants', () => {
    expect(result.batch.products[0]).toEqual({
      id: 'AR',
      title: 'Air Runner',
      brand: 'Kestrel',
      categoryPath: ['Shoes', 'Sneakers'],
      description: 'A light running shoe with a knit upper.',
      gender: 'unisex',
      material: 'Knit',
      link: 'https://shop.example.com/p/air-runner',
      media: [
        { kind: 'image', url: 'https://img.example.com/ar-red-1.jpg', alt: 'Air Runner in red' },
        { kind: 'model', url: 'https://models.example.com/ar.glb' },
      ],
      variants: [
        { sku: 'AR-RED-42', gtins: ['04012345000016'], size: '42', color: 'Red' },
        { sku: 'AR-BLU-42', gtins: ['04012345000030', '00036000291452'], size: '42', color: 'Blue' },
      ],
      recommendations: [{ kind: 'cross-sell', productId: 'SOCKS' }],
    });
    expect(result.batch.products[1]).toMatchObject({ id: 'SOCKS', categoryPath: ['Accessories', 'Socks'] });
  });

  it('makes default prices from variant prices and store prices from price records', () => {
    expect(result.batch.prices).toEqual([
      {
        storeCode: null,
        sku: 'AR-RED-42',
        currency: 'EUR',
        regular: 8995,
        sale: 6995,
        member: 7995,
        saleFrom: '2025-03-01T08:00:00.000Z',
        saleUntil: '2025-03-15T19:00:00.000Z',
      },
      { storeCode: null, sku: 'AR-BLU-42', currency: 'EUR', regular: 8995 },
      { storeCode: null, sku: 'SOCKS-M', currency: 'JPY', regular: 1200 },
      { storeCode: 'HAM-JUNG', sku: 'AR-RED-42', currency: 'EUR', regular: 8495 },
    ]);
  });

  it('makes stock from inline variant stock and stock records', () => {
    expect(result.batch.stock).toEqual([
      { storeCode: 'BER-MITTE', sku: 'AR-RED-42', quantity: 5 },
      { storeCode: 'HAM-JUNG', sku: 'AR-RED-42', quantity: 0 },
      { storeCode: 'BER-MITTE', sku: 'AR-BLU-42', quantity: 1 },
      { storeCode: 'HAM-JUNG', sku: 'AR-BLU-42', quantity: 2, availability: 'limited_availability' },
    ]);
  });

  it('names the JSON path and its line, and refuses the product of a bad variant', () => {
    const bad = parseVitrineJson(feed('catalog-bad.json'));
    expect(printed(bad.problems)).toEqual([
      'line 18: products[1].variants[1].colour: is not a known key (variant "BAD-2"; product "BAD" is not imported)',
      'line 23: stock[0].quantity: expected number to be >=0',
    ]);
    expect(bad.batch.products.map((p) => p.id)).toEqual(['GOOD']);
    expect(bad.batch.prices.map((p) => p.sku)).toEqual(['GOOD-1']);
  });

  it('returns nothing for broken JSON, with the line of the syntax error', () => {
    const broken = parseVitrineJson(feed('catalog-broken.json'));
    expect(broken.problems).toHaveLength(1);
    expect(broken.problems[0]?.line).toBe(6);
    expect(broken.problems[0]?.message).toMatch(/^not valid JSON: /);
    expect(broken.batch.products).toEqual([]);
  });

  it('refuses a document of another format or version, whole', () => {
    expect(
      printed(parseVitrineJson('{"format":"vitrine-catalog","version":2,"products":[]}').problems),
    ).toEqual([
      'line 1: version: version 2 is not supported (this reader knows version 1); nothing was imported',
    ]);
    expect(printed(parseVitrineJson('{\n  "format": "other",\n  "version": 1\n}').problems)).toEqual([
      'line 2: format: expected "vitrine-catalog"',
    ]);
    expect(printed(parseVitrineJson('[1, 2]').problems)).toEqual(['line 1: expected object, received array']);
  });
});

describe('Vitrine catalog, .jsonl', () => {
  it('reads the same records as the .json encoding', () => {
    const result = parseVitrineJsonl(feed('catalog.jsonl'));
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ format: 'vitrine-jsonl', rowsRead: 6, rowsAccepted: 6 });
    expect(result.batch.products.map((p) => [p.id, p.variants.length])).toEqual([
      ['AR', 2],
      ['CM-TEE', 1],
    ]);
    expect(result.batch.prices).toContainEqual({
      storeCode: 'HAM-JUNG',
      sku: 'AR-RED-42',
      currency: 'EUR',
      regular: 8495,
      sale: 7495,
      saleFrom: '2025-11-24T00:00:00.000Z',
      saleUntil: '2025-12-01T00:00:00.000Z',
    });
    expect(result.batch.stock).toContainEqual({
      storeCode: 'HAM-JUNG',
      sku: 'CM-TEE-M',
      quantity: 7,
      availability: 'in_stock',
    });
  });

  it('reports each bad record at its line, keeps the good ones, and survives a truncated last line', () => {
    const result = parseVitrineJsonl(feed('catalog-bad.jsonl'));
    expect(printed(result.problems)).toEqual([
      'line 4: variants[0].colour: is not a known key (variant "P2-1"; product "P2" is not imported)',
      'line 5: variants[1].price: "59,95 EUR" is not a price like "19.99 EUR" (the decimal separator is ".") (variant "P3-2"; product "P3" is not imported)',
      'line 6: quantity: expected number to be >=0',
      'line 7: type: "gizmo" is not a record type (store, product, price, stock)',
      'line 8: id: product "P1" is given twice',
      'line 9: sale: 9.50 is not below regular 9.00',
      'line 10: sku: "P1-1" already has stock in store "BER"',
      expect.stringMatching(/^line 12: not valid JSON: /) as string,
    ]);
    expect(result.batch.stores.map((s) => s.code)).toEqual(['BER']);
    expect(result.batch.products.map((p) => p.id)).toEqual(['P1', 'P5']);
    expect(result.batch.stock).toEqual([{ storeCode: 'BER', sku: 'P1-1', quantity: 4 }]);
    expect(result).toMatchObject({ rowsRead: 11, rowsAccepted: 3 });
  });

  it('refuses a file without the header, or of another version, whole', () => {
    const headless = parseVitrineJsonl('{"type":"store","code":"A","name":"A"}\n');
    expect(printed(headless.problems)).toEqual([
      'line 1: the header is missing: line 1 must be {"format":"vitrine-catalog","version":1}',
    ]);
    expect(headless.batch.stores).toEqual([]);
    const future = parseVitrineJsonl(
      '{"format":"vitrine-catalog","version":2}\n{"type":"store","code":"A","name":"A"}\n',
    );
    expect(printed(future.problems)).toEqual([
      'line 1: version: version 2 is not supported (this reader knows version 1); nothing was imported',
    ]);
    expect(future.batch.stores).toEqual([]);
    expect(printed(parseVitrineJsonl('').problems)).toEqual([
      'the file is empty (expected the header {"format":"vitrine-catalog","version":1})',
    ]);
  });

  it('refuses a repeated sku across products, a stock record that repeats inline stock, and bad values', () => {
    const text = [
      '{"format":"vitrine-catalog","version":1}',
      '{"type":"product","id":"A","title":"A","variants":[{"sku":"S1","stock":{"BER":1}}]}',
      '{"type":"product","id":"B","title":"B","variants":[{"sku":"S1"}]}',
      '{"type":"stock","store":"BER","sku":"S1","quantity":3}',
      '{"type":"stock","store":"HAM","sku":"S1","quantity":3}',
      '{"type":"product","id":"C","title":"C","variants":[{"sku":"S2","stock":{"HAM":1}},{"sku":"S3","stock":{"BER":2}}]}',
      '{"type":"product","id":"D","title":"D","link":"ftp://x","variants":[{"sku":"S4","gtins":["123"],"price":{"currency":"EUR","regular":"5","saleFrom":"2025-01-01"}}]}',
      '{"type":"store","code":"X","name":"X","timeZone":"Mars/Olympus","hours":{"mon":[{"open":"18:00","close":"09:00"}]}}',
      '{"type":"price","store":"BER","sku":"S1","currency":"eur","regular":"5"}',
    ].join('\n');
    const result = parseVitrineJsonl(text);
    expect(printed(result.problems)).toEqual([
      'line 3: variants[0].sku: "S1" is already the sku of another product (variant "S1"; product "B" is not imported)',
      'line 4: sku: "S1" already has stock in store "BER"',
      'line 7: link: "ftp://x" is not an absolute http(s) URL',
      'line 7: variants[0].gtins[0]: "123" is not a GTIN: 3 digits (expected 8, 12, 13 or 14) (variant "S4"; product "D" is not imported)',
      'line 7: variants[0].price.saleFrom: is given without a sale amount (variant "S4"; product "D" is not imported)',
      'line 8: timeZone: "Mars/Olympus" is not an IANA time zone like "Europe/Berlin"',
      'line 8: hours.mon[0]: 18:00-09:00 does not close after it opens',
      'line 9: currency: "eur" is not an ISO 4217 currency code',
    ]);
    expect(result.batch.products.map((p) => p.id)).toEqual(['A', 'C']);
    expect(result.batch.stock.map((s) => `${s.storeCode}/${s.sku}`)).toEqual([
      'BER/S1',
      'HAM/S1',
      'HAM/S2',
      'BER/S3',
    ]);
  });

  it('refuses inline stock that a stock record before it already gave', () => {
    const text = [
      '{"format":"vitrine-catalog","version":1}',
      '{"type":"stock","store":"BER","sku":"S9","quantity":1}',
      '{"type":"product","id":"P","title":"P","variants":[{"sku":"S9","stock":{"BER":2,"HAM":1}}]}',
    ].join('\n');
    expect(printed(parseVitrineJsonl(text).problems)).toEqual([
      'line 3: variants[0].stock.BER: is also given by a stock record (variant "S9"; product "P" is not imported)',
    ]);
  });

  it('reads CRLF lines, a BOM and blank lines', () => {
    const text =
      '\ufeff{"format":"vitrine-catalog","version":1}\r\n\r\n{"type":"store","code":"A","name":"A"}\r\n';
    const result = parseVitrineJsonl(text);
    expect(result.problems).toEqual([]);
    expect(result.batch.stores).toEqual([{ code: 'A', name: 'A' }]);
  });

  it('gives the same batch for both encodings of the same records', () => {
    const json = parseVitrineJson(feed('catalog.json')).batch;
    const records: string[] = ['{"format":"vitrine-catalog","version":1}'];
    const document = JSON.parse(feed('catalog.json')) as Record<string, unknown[] | undefined>;
    const kinds: [keyof CatalogBatch, string][] = [
      ['stores', 'store'],
      ['products', 'product'],
      ['prices', 'price'],
      ['stock', 'stock'],
    ];
    for (const [key, type] of kinds) {
      for (const record of document[key] ?? []) records.push(JSON.stringify({ type, ...(record as object) }));
    }
    const jsonl = parseVitrineJsonl(records.join('\n')).batch;
    expect(jsonl).toEqual(json);
  });
});
