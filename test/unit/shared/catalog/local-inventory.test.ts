import { describe, expect, it } from 'vitest';
import { parseLocalInventoryTsv, parseLocalInventoryXml } from '../../../../shared/catalog/index.js';
import { feed, printed } from './fixtures.js';

describe('local inventory feed, TSV', () => {
  const result = parseLocalInventoryTsv(feed('local-inventory.tsv'));

  it('reads stock per store and sku, and store prices', () => {
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ format: 'local-inventory-tsv', rowsRead: 6, rowsAccepted: 6 });
    expect(result.batch.stock).toEqual([
      { storeCode: 'BER-MITTE', sku: 'AR-RED-42', quantity: 5, availability: 'in_stock' },
      { storeCode: 'BER-MITTE', sku: 'AR-RED-43', quantity: 0, availability: 'out_of_stock' },
      { storeCode: 'HAM-JUNG', sku: 'AR-RED-42', quantity: 2, availability: 'limited_availability' },
      // No quantity: on display to order and out of stock mean nothing to take home.
      { storeCode: 'HAM-JUNG', sku: 'AR-BLU-42', quantity: 0, availability: 'on_display_to_order' },
      { storeCode: 'HAM-JUNG', sku: 'CM-TEE', quantity: 0, availability: 'out_of_stock' },
      { storeCode: 'HAM-JUNG', sku: 'OT-BAG', quantity: 7 },
    ]);
    expect(result.batch.prices).toEqual([
      { storeCode: 'BER-MITTE', sku: 'AR-RED-42', currency: 'EUR', regular: 8495 },
      { storeCode: 'HAM-JUNG', sku: 'OT-BAG', currency: 'EUR', regular: 124900, sale: 99900 },
    ]);
  });

  it('reports every kind of bad row at its line and keeps the good one', () => {
    const bad = parseLocalInventoryTsv(feed('local-inventory-bad.tsv'));
    expect(printed(bad.problems)).toEqual([
      'line 2: quantity: "-2" is negative; a quantity is 0 or more',
      'line 3: availability: "sold_out" is not one of in_stock, limited_availability, on_display_to_order, out_of_stock',
      'line 4: quantity: is required when availability is in_stock (Vitrine shows counts)',
      'line 5: availability: out_of_stock contradicts quantity 4',
      'line 6: store_code: is required (or give the store with --store)',
      'line 7: price: "19,99 EUR" is not a price like "19.99 EUR" (the decimal separator is ".")',
      'line 9: id: "A7" in store "BER" is already given on line 8',
      'line 10: quantity: "2.5" is not a whole number of items',
    ]);
    expect(bad.batch.stock).toEqual([{ storeCode: 'BER', sku: 'A7', quantity: 1, availability: 'in_stock' }]);
    expect(bad).toMatchObject({ rowsRead: 9, rowsAccepted: 1 });
  });

  it('applies the given store when the feed has no store_code column (itemid, CRLF)', () => {
    const parsed = parseLocalInventoryTsv(feed('local-inventory-no-store.tsv'), { storeCode: 'BER-MITTE' });
    expect(parsed.problems).toEqual([]);
    expect(parsed.batch.stock).toEqual([
      { storeCode: 'BER-MITTE', sku: 'AR-RED-42', quantity: 3 },
      { storeCode: 'BER-MITTE', sku: 'AR-RED-43', quantity: 0 },
      { storeCode: 'BER-MITTE', sku: 'CM-TEE', quantity: 12 },
    ]);
  });

  it('is one problem when there is neither a store_code column nor a store', () => {
    const parsed = parseLocalInventoryTsv(feed('local-inventory-no-store.tsv'));
    expect(printed(parsed.problems)).toEqual([
      'line 1: store_code: the header has no column for store_code and no store was given (--store CODE); nothing was imported',
    ]);
    expect(parsed.batch.stock).toEqual([]);
  });

  it('lets a row’s store_code win over the given store', () => {
    const parsed = parseLocalInventoryTsv('store_code\tid\tquantity\nHAM\tA\t1\n\tB\t2\n', {
      storeCode: 'BER',
    });
    expect(parsed.batch.stock.map((s) => [s.storeCode, s.sku])).toEqual([
      ['HAM', 'A'],
      ['BER', 'B'],
    ]);
  });
});

describe('local inventory feed, XML', () => {
  it('reads items, reports bad ones, and uses the given store for items without one', () => {
    const result = parseLocalInventoryXml(feed('local-inventory.xml'), { storeCode: 'HAM-JUNG' });
    expect(printed(result.problems)).toEqual([
      'line 11: quantity: "-1" is negative; a quantity is 0 or more',
    ]);
    expect(result.batch.stock).toEqual([
      { storeCode: 'BER-MITTE', sku: 'TB-BLK-40', quantity: 4, availability: 'in_stock' },
      { storeCode: 'HAM-JUNG', sku: 'VT-BAG', quantity: 1 },
    ]);
    expect(result.batch.prices).toEqual([
      { storeCode: 'BER-MITTE', sku: 'TB-BLK-40', currency: 'EUR', regular: 13900 },
    ]);
  });

  it('refuses an item without a store when none is given', () => {
    const result = parseLocalInventoryXml(feed('local-inventory.xml'));
    expect(printed(result.problems)).toContain(
      'line 16: store_code: is required (or give the store with --store)',
    );
  });
});
