import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCatalog, SyncApplyError, type Catalog } from '../../../../../main/runtime/catalog/index.js';
import type { ChangeBody } from '../../../../../shared/protocol/index.js';
import { useTempDir } from '../../../../support/temp.js';
import { productChange } from './records.js';

const tempDir = useTempDir();

function open(dir = tempDir()): { catalog: Catalog; path: string } {
  const path = join(dir, 'catalog.db');
  return { catalog: openCatalog(path), path };
}

const title = (catalog: Catalog, id: string): string | undefined => catalog.reader.product(id)?.title;

describe('applying hub changes', () => {
  it('applies changes and advances the cursor together', () => {
    const { catalog } = open();
    const outcome = catalog.sync.applyChanges('catalog', 0, 3, [
      { op: 'store.upsert', store: { code: 'BER', name: 'Berlin' } },
      productChange('P1', 'Trail Runner'),
      { op: 'price.upsert', price: { storeCode: null, sku: 'P1-S', currency: 'EUR', regular: 9900 } },
    ]);
    expect(outcome).toMatchObject({ status: 'applied', cursor: 3 });
    expect(catalog.sync.cursor('catalog')).toBe(3);
    expect(catalog.reader.lookup('P1-S').result?.product.variants[0]?.price?.regular).toBe(9900);
    catalog.close();
  });

  it('refuses a batch that does not start at the cursor and changes nothing', () => {
    const { catalog } = open();
    catalog.sync.applyChanges('catalog', 0, 1, [productChange('P1', 'One')]);
    const outcome = catalog.sync.applyChanges('catalog', 5, 6, [productChange('P2', 'Two')]);
    expect(outcome).toEqual({ status: 'gap', cursor: 1 });
    expect(catalog.reader.product('P2')).toBeUndefined();
    expect(catalog.sync.cursor('catalog')).toBe(1);
    catalog.close();
  });

  it('deletes a product with its variants, codes and search entry', () => {
    const { catalog } = open();
    catalog.sync.applyChanges('catalog', 0, 1, [productChange('P1', 'Velvet Loafer', '04006381333931')]);
    expect(catalog.reader.lookup('4006381333931').result?.product.id).toBe('P1');
    catalog.sync.applyChanges('catalog', 1, 2, [{ op: 'product.delete', id: 'P1' }]);
    expect(catalog.reader.lookup('4006381333931').result).toBeNull();
    expect(catalog.reader.lookup('P1-S').result).toBeNull();
    expect(catalog.reader.search({ text: 'velvet' }).hits).toEqual([]);
    expect(catalog.reader.counts()).toMatchObject({ products: 0, variants: 0 });
    catalog.close();
  });

  it('refuses a change filed under the wrong scope, before writing anything', () => {
    const { catalog } = open();
    catalog.sync.applyChanges('catalog', 0, 1, [productChange('P1', 'One')]);
    const stock: ChangeBody = { op: 'stock.upsert', stock: { storeCode: 'HAM', sku: 'P1-S', quantity: 2 } };
    expect(() => catalog.sync.applyChanges('store:BER', 0, 1, [stock])).toThrow(SyncApplyError);
    expect(catalog.sync.cursor('store:BER')).toBe(0);
    expect(catalog.sync.applyChanges('store:HAM', 0, 1, [stock])).toMatchObject({ status: 'applied' });
    catalog.close();
  });
});

describe('snapshots', () => {
  const page = (ids: string[]): ChangeBody[] => ids.map((id) => productChange(id, `New ${id}`));

  it('stages pages and swaps the whole snapshot in, sweeping what it no longer has', () => {
    const { catalog } = open();
    catalog.sync.applyChanges('catalog', 0, 2, [
      productChange('OLD', 'Old Coat', '04006381333931'),
      productChange('A', 'Old A', '05901234123457'),
    ]);
    catalog.sync.applyChanges('store:BER', 0, 1, [
      { op: 'stock.upsert', stock: { storeCode: 'BER', sku: 'A-S', quantity: 7 } },
    ]);
    catalog.sync.stageSnapshotPage('catalog', 'snap-1', 40, 0, 2, [
      productChange('A', 'New A', '05901234123457'),
      productChange('B', 'New B', '04006381333931'),
    ]);
    catalog.sync.stageSnapshotPage('catalog', 'snap-1', 40, 1, 2, page(['C']));
    const { cursor } = catalog.sync.finishSnapshot('catalog');
    expect(cursor).toBe(40);
    expect(catalog.sync.cursor('catalog')).toBe(40);
    expect(catalog.sync.snapshotInProgress('catalog')).toBeUndefined();
    expect(catalog.reader.product('OLD')).toBeUndefined();
    expect(['A', 'B', 'C'].map((id) => title(catalog, id))).toEqual(['New A', 'New B', 'New C']);
    // Barcodes and search words are the snapshot's: a code that moved to another product
    // follows it, and the old titles are gone from search.
    expect(catalog.reader.lookup('4006381333931').result?.product.id).toBe('B');
    expect(catalog.reader.lookup('5901234123457').result?.product.id).toBe('A');
    expect(catalog.reader.search({ text: 'old' }).hits).toEqual([]);
    expect(catalog.reader.search({ text: 'new' }).hits.map((h) => h.id)).toEqual(['A', 'B', 'C']);
    // The store scope's stock of a variant that stayed is not the catalog snapshot's to drop.
    expect(catalog.reader.lookup('A-S', 'BER').result?.product.variants[0]?.stockHere).toBe(7);
    catalog.close();
  });

  it('a store snapshot replaces only that store’s prices and stock', () => {
    const { catalog } = open();
    catalog.sync.applyChanges('catalog', 0, 1, [productChange('A', 'A')]);
    catalog.sync.applyChanges('store:BER', 0, 1, [
      { op: 'stock.upsert', stock: { storeCode: 'BER', sku: 'A-S', quantity: 7 } },
    ]);
    catalog.sync.applyChanges('store:HAM', 0, 1, [
      { op: 'stock.upsert', stock: { storeCode: 'HAM', sku: 'A-S', quantity: 3 } },
    ]);
    catalog.sync.stageSnapshotPage('store:BER', 's', 9, 0, 1, []);
    catalog.sync.finishSnapshot('store:BER');
    expect(catalog.reader.nearby('A-S', 'XXX', { inStockOnly: false }).map((n) => n.store.code)).toEqual([
      'HAM',
    ]);
    catalog.close();
  });

  it('survives a restart after page k and resumes from page k', () => {
    const dir = tempDir();
    const first = open(dir).catalog;
    first.sync.applyChanges('catalog', 0, 1, [productChange('OLD', 'Old')]);
    first.sync.stageSnapshotPage('catalog', 'snap', 10, 0, 3, page(['A']), 3);
    first.sync.stageSnapshotPage('catalog', 'snap', 10, 1, 3, page(['B']), 3);
    first.close();

    const again = open(dir).catalog;
    // Where to resume, and how far along it is in rows (for the UI), kept across the restart.
    expect(again.sync.snapshotInProgress('catalog')).toEqual({
      snapshotId: 'snap',
      cursor: 10,
      pages: 3,
      nextPage: 2,
      rows: 3,
      rowsDone: 2,
    });
    expect(title(again, 'OLD')).toBe('Old');
    expect(() => again.sync.finishSnapshot('catalog')).toThrow(/2 of 3 pages/);
    // A page staged before the restart and sent again is harmless.
    again.sync.stageSnapshotPage('catalog', 'snap', 10, 1, 3, page(['B']));
    expect(() => again.sync.stageSnapshotPage('catalog', 'snap', 10, 0, 4, page(['A']))).not.toThrow();
    expect(again.sync.snapshotInProgress('catalog')?.nextPage).toBe(1); // a new snapshot (4 pages) restarted
    again.sync.abandonSnapshot('catalog');
    expect(again.sync.snapshotInProgress('catalog')).toBeUndefined();
    expect(title(again, 'OLD')).toBe('Old');
    again.close();
  });

  it('refuses a page out of order', () => {
    const { catalog } = open();
    expect(() => catalog.sync.stageSnapshotPage('catalog', 'snap', 10, 1, 3, [])).toThrow(SyncApplyError);
    catalog.sync.stageSnapshotPage('catalog', 'snap', 10, 0, 3, []);
    expect(() => catalog.sync.stageSnapshotPage('catalog', 'snap', 10, 2, 3, [])).toThrow(/expected 1 of 3/);
    catalog.close();
  });

  it('a reader answers from the old catalog until the swap commits', () => {
    const { catalog } = open();
    catalog.sync.applyChanges('catalog', 0, 1, [productChange('A', 'Old A')]);
    catalog.sync.stageSnapshotPage('catalog', 'snap', 5, 0, 2, page(['A']));
    expect(title(catalog, 'A')).toBe('Old A');
    catalog.sync.stageSnapshotPage('catalog', 'snap', 5, 1, 2, page(['B']));
    expect(title(catalog, 'A')).toBe('Old A');
    expect(catalog.reader.product('B')).toBeUndefined();
    catalog.sync.finishSnapshot('catalog');
    expect(title(catalog, 'A')).toBe('New A');
    expect(title(catalog, 'B')).toBe('New B');
    catalog.close();
  });

  it('leaves no words, categories or products of the old catalog behind', () => {
    const { catalog } = open();
    catalog.sync.applyChanges('catalog', 0, 1, [productChange('A', 'Cashmere Sweater')]);
    catalog.sync.stageSnapshotPage('catalog', 'snap', 5, 0, 1, [productChange('B', 'Leather Satchel')]);
    catalog.sync.finishSnapshot('catalog');
    expect(catalog.reader.search({ text: 'cashmere' }).hits).toEqual([]);
    expect(catalog.reader.search({ text: 'lether' }).hits.map((h) => h.id)).toEqual(['B']);
    expect(catalog.reader.counts().categories).toBe(1);
    catalog.close();
  });
});

describe('store rows that arrive before their SKU', () => {
  it('keeps them until the catalog change creating the SKU, then applies them', () => {
    const { catalog } = open();
    // The store's scope is ahead of the catalog's: stock and a price for a SKU not here yet.
    const early = catalog.sync.applyChanges('store:BER', 0, 2, [
      { op: 'stock.upsert', stock: { storeCode: 'BER', sku: 'LATE-S', quantity: 6 } },
      { op: 'price.upsert', price: { storeCode: 'BER', sku: 'LATE-S', currency: 'EUR', regular: 4995 } },
    ]);
    expect(early).toMatchObject({ status: 'applied', summary: { deferred: 2, problems: [] } });
    expect(catalog.sync.cursor('store:BER')).toBe(2);

    catalog.sync.applyChanges('catalog', 0, 1, [productChange('LATE', 'Late Arrival')]);
    const variant = catalog.reader.lookup('LATE-S', 'BER').result?.product.variants[0];
    expect(variant?.stockHere).toBe(6);
    expect(variant?.price).toMatchObject({ regular: 4995, storeCode: 'BER' });
    catalog.close();
  });

  it('drops waiting rows with their store scope when a snapshot replaces it', () => {
    const { catalog } = open();
    catalog.sync.applyChanges('store:BER', 0, 1, [
      { op: 'stock.upsert', stock: { storeCode: 'BER', sku: 'GONE-S', quantity: 9 } },
    ]);
    catalog.sync.stageSnapshotPage('store:BER', 's', 5, 0, 1, []);
    catalog.sync.finishSnapshot('store:BER');
    catalog.sync.applyChanges('catalog', 0, 1, [productChange('GONE', 'Gone')]);
    expect(catalog.reader.lookup('GONE-S', 'BER').result?.product.variants[0]?.stockHere).toBe(0);
    catalog.close();
  });
});

describe('snapshot prices and stock (applied set-based in SQL)', () => {
  // Every shape a store row can take: known and unknown SKUs, with and without availability,
  // member and sale prices, sale bounds in another offset, the default price of the catalog.
  const catalogRecords: ChangeBody[] = [
    productChange('A', 'Alpha'),
    productChange('B', 'Beta'),
    { op: 'price.upsert', price: { storeCode: null, sku: 'A-S', currency: 'EUR', regular: 5000 } },
    {
      op: 'price.upsert',
      price: { storeCode: null, sku: 'B-S', currency: 'EUR', regular: 8000, sale: 6000, member: 5500 },
    },
  ];
  const storeRecords: ChangeBody[] = [
    { op: 'stock.upsert', stock: { storeCode: 'BER', sku: 'A-S', quantity: 4, availability: 'in_stock' } },
    { op: 'stock.upsert', stock: { storeCode: 'BER', sku: 'B-S', quantity: 0 } },
    { op: 'stock.upsert', stock: { storeCode: 'BER', sku: 'LATE-S', quantity: 2 } },
    {
      op: 'price.upsert',
      price: { storeCode: 'BER', sku: 'A-S', currency: 'EUR', regular: 4500, member: 4000 },
    },
    {
      op: 'price.upsert',
      price: {
        storeCode: 'BER',
        sku: 'B-S',
        currency: 'EUR',
        regular: 7900,
        sale: 5900,
        saleFrom: '2026-01-01T10:00-0800',
        saleUntil: '2026-02-01T00:00:00Z',
      },
    },
    { op: 'price.upsert', price: { storeCode: 'BER', sku: 'LATE-S', currency: 'EUR', regular: 999 } },
  ];

  function tables(path: string): unknown {
    const db = new Database(path, { readonly: true });
    try {
      return {
        prices: db
          .prepare(
            'SELECT v.sku, p.* FROM prices p JOIN variants v ON v.rowid = p.variant_rowid ORDER BY 1, 3',
          )
          .all(),
        stock: db
          .prepare(
            'SELECT v.sku, s.* FROM stock s JOIN variants v ON v.rowid = s.variant_rowid ORDER BY 1, 3',
          )
          .all(),
        // Bodies compared as the records they hold: key order is not part of the record.
        pending: (
          db.prepare('SELECT * FROM pending_store_rows ORDER BY 1, 2, 3').all() as { body: string }[]
        ).map((row) => ({ ...row, body: JSON.parse(row.body) as unknown })),
      };
    } finally {
      db.close();
    }
  }

  it('end with the same rows as the same records applied one by one', () => {
    const oneByOne = open();
    oneByOne.catalog.sync.applyChanges('catalog', 0, 1, catalogRecords);
    const byRows = oneByOne.catalog.sync.applyChanges('store:BER', 0, 1, storeRecords);
    oneByOne.catalog.close();

    const staged = open();
    staged.catalog.sync.stageSnapshotPage('catalog', 'c', 1, 0, 1, catalogRecords);
    staged.catalog.sync.finishSnapshot('catalog');
    staged.catalog.sync.stageSnapshotPage('store:BER', 's', 1, 0, 2, storeRecords.slice(0, 3));
    staged.catalog.sync.stageSnapshotPage('store:BER', 's', 1, 1, 2, storeRecords.slice(3));
    const bySnapshot = staged.catalog.sync.finishSnapshot('store:BER');
    staged.catalog.close();

    const expected = tables(oneByOne.path);
    expect(tables(staged.path)).toEqual(expected);
    expect(expected).toMatchObject({
      stock: [
        { sku: 'A-S', quantity: 4, availability: 'in_stock' },
        { sku: 'B-S', quantity: 0, availability: null },
      ],
      pending: [
        { sku: 'LATE-S', kind: 'price', store_code: 'BER' },
        { sku: 'LATE-S', kind: 'stock', store_code: 'BER' },
      ],
    });
    expect(byRows.status === 'applied' && byRows.summary).toMatchObject({ prices: 2, stock: 2, deferred: 2 });
    expect(bySnapshot.summary).toMatchObject({ prices: 2, stock: 2, deferred: 2, problems: [] });
  });

  it('normalises sale bounds to UTC and applies waiting rows when their SKU arrives', () => {
    const { catalog, path } = open();
    catalog.sync.stageSnapshotPage('catalog', 'c', 1, 0, 1, catalogRecords);
    catalog.sync.finishSnapshot('catalog');
    catalog.sync.stageSnapshotPage('store:BER', 's', 1, 0, 1, storeRecords);
    catalog.sync.finishSnapshot('store:BER');
    catalog.sync.applyChanges('catalog', 1, 2, [productChange('LATE', 'Late')]);
    const late = catalog.reader.lookup('LATE-S', 'BER').result?.product.variants[0];
    expect(late).toMatchObject({ stockHere: 2, price: { regular: 999, storeCode: 'BER' } });
    catalog.close();
    expect(tables(path)).toMatchObject({
      prices: expect.arrayContaining([
        expect.objectContaining({
          sku: 'B-S',
          store_code: 'BER',
          sale_from: '2026-01-01T18:00:00.000Z',
          sale_until: '2026-02-01T00:00:00.000Z',
        }),
      ]) as unknown,
      pending: [],
    });
  });
});

describe('staged pages after the swap', () => {
  it('are deleted afterwards, a few at a time, and never taken for a snapshot in progress', () => {
    const { catalog, path } = open();
    for (let page = 0; page < 5; page++) {
      catalog.sync.stageSnapshotPage('catalog', 's', 3, page, 5, [
        productChange(`P${String(page)}`, 'Shirt'),
      ]);
    }
    catalog.sync.finishSnapshot('catalog');
    expect(catalog.sync.snapshotInProgress('catalog')).toBeUndefined();
    const pagesLeft = () => {
      const db = new Database(path, { readonly: true });
      try {
        return db.prepare('SELECT count(*) AS n FROM snapshot_pages').get() as { n: number };
      } finally {
        db.close();
      }
    };
    expect(pagesLeft().n).toBe(5);
    expect(catalog.sync.cleanUpSnapshots(2)).toBe(true);
    expect(pagesLeft().n).toBe(3);
    expect(catalog.sync.cleanUpSnapshots(2)).toBe(true);
    expect(catalog.sync.cleanUpSnapshots(2)).toBe(false);
    expect(pagesLeft().n).toBe(0);
    expect(catalog.reader.counts().products).toBe(5);

    // A new snapshot before the old pages were cleaned: it starts from page 0 on a clean slate.
    catalog.sync.stageSnapshotPage('catalog', 't', 4, 0, 1, [productChange('A', 'A')]);
    catalog.sync.finishSnapshot('catalog');
    expect(() => catalog.sync.stageSnapshotPage('catalog', 'u', 5, 1, 2, [])).toThrow(/expected page 0/);
    catalog.sync.stageSnapshotPage('catalog', 'u', 5, 0, 1, [productChange('B', 'B')]);
    catalog.sync.finishSnapshot('catalog');
    expect(catalog.sync.cursor('catalog')).toBe(5);
    expect(catalog.reader.counts().products).toBe(1);
    catalog.close();
  });
});
