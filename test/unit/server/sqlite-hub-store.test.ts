import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CatalogBatch, ProductRecord } from '../../../shared/catalog/types.js';
import {
  HubDatabaseFromFutureError,
  openSqliteHubStore,
  type SqliteHubStore,
} from '../../../server/storage/index.js';
import { canonicalJson } from '../../../server/storage/canonical-json.js';
import { useTempDir } from '../../support/temp.js';

const NOW = '2026-03-02T10:00:00.000Z';

const tempDir = useTempDir();
const open: SqliteHubStore[] = [];
afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
});

function store(path = join(tempDir(), 'hub.db')): SqliteHubStore {
  const s = openSqliteHubStore(path);
  open.push(s);
  return s;
}

function product(n: number, title = `Product ${String(n)}`): ProductRecord {
  const id = `P${String(n).padStart(4, '0')}`;
  return { id, title, categoryPath: ['Shoes'], media: [], variants: [{ sku: `${id}-1`, gtins: [] }] };
}

function batch(products: ProductRecord[], extra: Partial<CatalogBatch> = {}): CatalogBatch {
  return { stores: [{ code: 'BER', name: 'Berlin' }], products, prices: [], stock: [], ...extra };
}

describe('SQLite hub store', () => {
  it('logs every change as the canonical JSON of its body, each record serialized once', async () => {
    const path = join(tempDir(), 'hub.db');
    const s = store(path);
    await s.applyCatalog(
      batch(
        [{ ...product(1), brand: 'Vela', media: [{ kind: 'image', url: 'https://x/y.jpg', alt: 'a' }] }],
        {
          stores: [{ code: 'BER', name: 'Berlin', location: { lon: 13.4, lat: 52.5 } }],
          prices: [
            { storeCode: null, sku: 'P0001-1', currency: 'EUR', regular: 1000, sale: 900 },
            { storeCode: 'BER', sku: 'P0001-1', currency: 'EUR', regular: 950 },
          ],
          stock: [{ storeCode: 'BER', sku: 'P0001-1', quantity: 3, availability: 'in_stock' }],
        },
      ),
      NOW,
    );
    const db = new Database(path, { readonly: true });
    try {
      const bodies = db.prepare('SELECT body FROM change_log ORDER BY scope, seq').pluck().all() as string[];
      expect(bodies.map((b) => (JSON.parse(b) as { op: string }).op).sort()).toEqual([
        'price.upsert',
        'price.upsert',
        'product.upsert',
        'stock.upsert',
        'store.upsert',
      ]);
      for (const body of bodies) expect(body).toBe(canonicalJson(JSON.parse(body)));
    } finally {
      db.close();
    }
  });

  it('refuses a database from a newer hub, and keeps data across reopening', async () => {
    const path = join(tempDir(), 'hub.db');
    const first = store(path);
    await first.applyCatalog(batch([product(1)]), NOW);
    await first.close();
    expect((await store(path).getProduct('P0001'))?.title).toBe('Product 1');
    await open.pop()!.close();
    const raw = new Database(path);
    raw.pragma('user_version = 999');
    raw.close();
    expect(() => openSqliteHubStore(path)).toThrow(HubDatabaseFromFutureError);
  });

  it('logs only real changes: key order does not count as a change', async () => {
    const s = store();
    await s.applyCatalog(batch([product(1)]), NOW);
    const reordered = JSON.parse(
      JSON.stringify({
        variants: product(1).variants,
        title: 'Product 1',
        media: [],
        categoryPath: ['Shoes'],
        id: 'P0001',
      }),
    ) as ProductRecord;
    const again = await s.applyCatalog(batch([reordered]), NOW);
    expect(again.changed).toEqual({ stores: 0, products: 0, prices: 0, stock: 0 });
    const price = { storeCode: 'BER', sku: 'P0001-1', currency: 'EUR', regular: 1000 };
    const priced = await s.applyCatalog(
      batch([], { prices: [price], stock: [{ storeCode: 'BER', sku: 'P0001-1', quantity: 3 }] }),
      NOW,
    );
    expect(priced.grown).toEqual([{ scope: 'store:BER', head: 2, floor: 0 }]);
  });

  it('pages changes within the budget (at least one per page), contiguously', async () => {
    const s = store();
    await s.applyCatalog(batch(Array.from({ length: 40 }, (_, i) => product(i + 1))), NOW);
    let cursor = 0;
    let pages = 0;
    for (;;) {
      const page = await s.readChanges('catalog', cursor, 600);
      expect(page.from).toBe(cursor);
      expect(page.changes.length).toBeGreaterThanOrEqual(1);
      expect(page.changes[0]!.seq).toBe(cursor + 1);
      if (page.changes.length > 1) expect(JSON.stringify(page.changes).length).toBeLessThanOrEqual(600 + 2);
      cursor = page.to;
      pages++;
      if (!page.more) break;
    }
    expect(cursor).toBe(41);
    expect(pages).toBeGreaterThan(5);
  });

  it('compacts to the newest N changes per scope and raises the floor', async () => {
    const s = store();
    await s.applyCatalog(batch(Array.from({ length: 30 }, (_, i) => product(i + 1))), NOW);
    expect(await s.compact(10)).toEqual([{ scope: 'catalog', head: 31, floor: 21 }]);
    expect(await s.compact(10)).toEqual([]);
    const page = await s.readChanges('catalog', 21, 1e9);
    expect(page.changes.map((c) => c.seq)).toEqual(Array.from({ length: 10 }, (_, i) => 22 + i));
    await expect(s.readChanges('catalog', 5, 1e9)).rejects.toThrow(RangeError);
  });

  it('plans snapshot pages by bytes; a page keeps its key range when records are added later', async () => {
    const s = store();
    await s.applyCatalog(batch(Array.from({ length: 30 }, (_, i) => product(i * 2 + 2))), NOW);
    const plan = await s.planSnapshot('catalog', 800);
    expect(plan.records).toBe(31);
    expect(plan.lastKeys.length).toBeGreaterThan(3);
    const read = async () => {
      const pages = [];
      for (let i = 0; i < plan.lastKeys.length; i++)
        pages.push(await s.readSnapshotPage('catalog', plan.lastKeys[i - 1] ?? null, plan.lastKeys[i]!, NOW));
      return pages;
    };
    const before = await read();
    expect(before.flat()).toHaveLength(31);
    expect(before.flat()[0]).toEqual({ op: 'store.upsert', store: { code: 'BER', name: 'Berlin' } });
    await s.applyCatalog(batch([product(3)]), NOW); // falls between existing keys
    const after = await read();
    const ids = (pages: typeof before) =>
      pages.map((p) => p.map((r) => (r.op === 'product.upsert' ? r.product.id : r.op)));
    const grownPage = ids(after).findIndex((p) => p.includes('P0003'));
    expect(grownPage).toBeGreaterThanOrEqual(0);
    ids(before).forEach((page, i) => {
      expect(ids(after)[i]!.filter((id) => id !== 'P0003')).toEqual(page);
    });
  });
});
