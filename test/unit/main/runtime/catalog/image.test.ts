import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCatalog, SyncApplyError, type Catalog } from '../../../../../main/runtime/catalog/index.js';
import { parseFeed } from '../../../../../shared/catalog/index.js';
import { syntheticCatalog, syntheticGtin } from '../../../../../shared/catalog/synthetic.js';
import type { ChangeBody } from '../../../../../shared/protocol/index.js';
import { useTempDir } from '../../../../support/temp.js';
import { productChange } from '../sync/records.js';

const tempDir = useTempDir();

/** The catalog scope of a synthetic feed, as the hub's snapshot records. */
function catalogRecords(products: number, seed: number): ChangeBody[] {
  const text = [...syntheticCatalog({ products, stores: 3, seed })].map((r) => JSON.stringify(r)).join('\n');
  const { batch } = parseFeed(`${text}\n`, { fileName: 'catalog.jsonl' });
  return [
    ...batch.stores.map((store): ChangeBody => ({ op: 'store.upsert', store })),
    ...batch.products.map((product): ChangeBody => ({ op: 'product.upsert', product })),
    ...batch.prices
      .filter((p) => p.storeCode === null)
      .map((price): ChangeBody => ({ op: 'price.upsert', price })),
  ];
}

/** Takes `records` as a paged snapshot at `cursor` (as a device does without an image). */
function pagedSnapshot(catalog: Catalog, records: ChangeBody[], cursor: number): void {
  const size = 97;
  const pages = Math.ceil(records.length / size);
  for (let page = 0; page < pages; page++) {
    catalog.sync.stageSnapshotPage(
      'catalog',
      `snap-${String(cursor)}`,
      cursor,
      page,
      pages,
      records.slice(page * size, (page + 1) * size),
    );
  }
  catalog.sync.finishSnapshot('catalog');
}

/** A device that has synced an older catalog, with a store's stock and a row waiting for its SKU. */
function deviceWithHistory(path: string): Catalog {
  const catalog = openCatalog(path);
  // An older edition of the same catalog: its first 40 products, titled differently.
  const older = catalogRecords(150, 2)
    .filter((r) => r.op !== 'product.upsert' || Number(r.product.id.replace(/\D/g, '')) <= 40)
    .map((r) =>
      r.op === 'product.upsert' ? { ...r, product: { ...r.product, title: `Old ${r.product.title}` } } : r,
    );
  pagedSnapshot(catalog, older, 10);
  catalog.sync.applyChanges('store:BER', 0, 3, [
    { op: 'stock.upsert', stock: { storeCode: 'BER', sku: skuOf(catalog, 1), quantity: 7 } },
    {
      op: 'price.upsert',
      price: { storeCode: 'BER', sku: skuOf(catalog, 1), currency: 'EUR', regular: 4200 },
    },
    // Not in the old catalog: kept until a catalog brings the SKU (the new one below does).
    { op: 'stock.upsert', stock: { storeCode: 'BER', sku: 'NEW-S', quantity: 3 } },
  ]);
  return catalog;
}

function skuOf(catalog: Catalog, n: number): string {
  const sku = catalog.reader.lookup(syntheticGtin(n)).result?.product.variants[0]?.sku;
  if (sku === undefined) throw new Error(`no variant for GTIN ${String(n)}`);
  return sku;
}

/** What a shopper can see of a catalog: counts, categories, lookups with price and stock, search. */
function visible(catalog: Catalog, skus: string[] = ['NEW-S']) {
  const lookups = [1, 2, 3, 57, 120, 200].map((n) => {
    const result = catalog.reader.lookup(syntheticGtin(n), 'BER').result;
    return result === null ? null : { id: result.product.id, variants: result.product.variants };
  });
  const searches = ['shoe', 'bla', 'jacket', 'wool', 'run'].map((text) =>
    catalog.reader.search({ text }).hits.map((h) => h.id),
  );
  return {
    counts: catalog.reader.counts(),
    categories: catalog.reader.categories(),
    lookups,
    searches,
    skus: skus.map((sku) =>
      catalog.reader.lookup(sku, 'BER').result?.product.variants.find((v) => v.sku === sku),
    ),
  };
}

describe('catalog images', () => {
  it('swaps an image in with the same result as the paged snapshot of the same records, store rows kept', () => {
    const dir = tempDir();
    const records = [...catalogRecords(150, 2), productChange('NEW', 'Fresh arrival')];
    // The hub's side: a fresh file, the snapshot applied by this same code, exported.
    const builder = openCatalog(join(dir, 'builder.db'));
    pagedSnapshot(builder, records, 500);
    const image = join(dir, 'image.db');
    const { bytes } = builder.sync.exportImage(image);
    builder.close();
    expect(bytes).toBeGreaterThan(0);

    const paged = deviceWithHistory(join(dir, 'paged.db'));
    pagedSnapshot(paged, records, 500);
    const imaged = deviceWithHistory(join(dir, 'imaged.db'));
    const { cursor, summary } = imaged.sync.swapInImage('catalog', image, 500);
    expect(cursor).toBe(500);
    expect(summary.products).toBe(151);
    expect(imaged.sync.cursor('catalog')).toBe(500);
    expect(imaged.sync.cursor('store:BER')).toBe(3);

    const kept = skuOf(deviceWithHistory(join(dir, 'old.db')), 1);
    const expected = visible(paged, ['NEW-S', kept]);
    expect(expected.lookups.filter((l) => l !== null).length).toBeGreaterThan(3);
    expect(expected.skus[0]).toMatchObject({ stockHere: 3 });
    expect(expected.skus[1]).toMatchObject({ stockHere: 7, price: { regular: 4200 } });
    expect(visible(imaged, ['NEW-S', kept])).toEqual(expected);
    paged.close();
    imaged.close();
  });

  it('leaves a file whose indexes hold, and keeps taking deltas on the same connection', () => {
    const dir = tempDir();
    const builder = openCatalog(join(dir, 'builder.db'));
    pagedSnapshot(builder, catalogRecords(80, 3), 90);
    builder.sync.exportImage(join(dir, 'image.db'));
    builder.close();
    const path = join(dir, 'device.db');
    const device = deviceWithHistory(path);
    device.sync.swapInImage('catalog', join(dir, 'image.db'), 90);
    // The writer's connection writes the search index right after its shadow tables were copied.
    device.sync.applyChanges('catalog', 90, 92, [
      productChange('LATE', 'Velvet Loafer', '04006381333931'),
      { op: 'product.delete', id: device.reader.lookup(syntheticGtin(5)).result?.product.id ?? '' },
    ]);
    expect(device.reader.search({ text: 'velvet' }).hits.map((h) => h.id)).toEqual(['LATE']);
    device.close();
    const db = new Database(path);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.exec("INSERT INTO products_fts (products_fts, rank) VALUES ('integrity-check', 0)");
    db.close();
  });

  it('refuses an image of another schema or a damaged one, changing nothing', () => {
    const dir = tempDir();
    const builder = openCatalog(join(dir, 'builder.db'));
    pagedSnapshot(builder, catalogRecords(30, 4), 40);
    const image = join(dir, 'image.db');
    builder.sync.exportImage(image);
    builder.close();
    const device = deviceWithHistory(join(dir, 'device.db'));
    const before = visible(device);

    const older = join(dir, 'older.db');
    copyFileSync(image, older);
    const db = new Database(older);
    db.pragma('user_version = 40');
    db.close();
    expect(() => device.sync.swapInImage('catalog', older, 40)).toThrow(/schema version 40/);

    const altered = join(dir, 'altered.db');
    copyFileSync(image, altered);
    const db2 = new Database(altered);
    db2.exec('ALTER TABLE products ADD COLUMN extra TEXT');
    db2.close();
    expect(() => device.sync.swapInImage('catalog', altered, 40)).toThrow(SyncApplyError);

    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'not a database at all, just text');
    expect(() => device.sync.swapInImage('catalog', junk, 40)).toThrow(SyncApplyError);
    expect(() => device.sync.swapInImage('store:BER', image, 40)).toThrow(SyncApplyError);

    expect(visible(device)).toEqual(before);
    expect(device.sync.cursor('catalog')).toBe(10);
    device.close();
  });

  it("swaps a store scope's image (its staged pages) in like the paged snapshot of the same rows", () => {
    const dir = tempDir();
    const stock = (n: number, quantity: number): ChangeBody => ({
      op: 'stock.upsert',
      stock: { storeCode: 'BER', sku: n === 0 ? 'NEW-S' : `P${String(n)}-S`, quantity },
    });
    const catalog = [productChange('P1', 'One'), productChange('P2', 'Two')];
    const rows = [stock(1, 4), stock(2, 0), stock(0, 9)]; // NEW-S has no variant yet: kept waiting
    const builder = openCatalog(join(dir, 'builder.db'));
    builder.sync.stageSnapshotPage('store:BER', 'image-30', 30, 0, 2, rows.slice(0, 2));
    builder.sync.stageSnapshotPage('store:BER', 'image-30', 30, 1, 2, rows.slice(2));
    const image = join(dir, 'store.db');
    builder.sync.exportImage(image, { staged: true });
    builder.close();

    const devices = ['paged', 'imaged'].map((name) => {
      const device = openCatalog(join(dir, `${name}.db`));
      device.sync.applyChanges('catalog', 0, 2, catalog);
      device.sync.applyChanges('store:BER', 0, 1, [stock(1, 1)]);
      return device;
    });
    const [paged, imaged] = devices as [Catalog, Catalog];
    paged.sync.stageSnapshotPage('store:BER', 'snap-30', 30, 0, 1, rows);
    paged.sync.finishSnapshot('store:BER');
    expect(() => imaged.sync.swapInImage('store:BER', image, 31)).toThrow(SyncApplyError);
    expect(imaged.sync.swapInImage('store:BER', image, 30).cursor).toBe(30);
    expect(imaged.sync.cursor('store:BER')).toBe(30);
    expect(imaged.sync.snapshotInProgress('store:BER')).toBeUndefined();
    const seen = (c: Catalog) =>
      ['P1-S', 'P2-S'].map((sku) => c.reader.lookup(sku, 'BER').result?.product.variants[0]);
    expect(seen(paged)[0]).toMatchObject({ stockHere: 4 });
    expect(seen(imaged)).toEqual(seen(paged));
    // The row waiting for its SKU arrives with it, on both.
    for (const c of devices) c.sync.applyChanges('catalog', 2, 3, [productChange('NEW', 'New')]);
    expect(imaged.reader.lookup('NEW-S', 'BER').result?.product.variants[0]).toMatchObject({ stockHere: 9 });
    for (const c of devices) c.close();
  });
});
