/**
 * A catalog snapshot's products are applied set-based in SQL (staged-products.ts); the same
 * records applied row by row (CatalogWriter.upsertProduct) must leave the same catalog. Compared
 * on natural keys (product ids, SKUs, paths), since rowids depend on what was there before.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCatalog, type Catalog } from '../../../../../main/runtime/catalog/index.js';
import { parseFeed } from '../../../../../shared/catalog/index.js';
import { syntheticCatalog } from '../../../../../shared/catalog/synthetic.js';
import type { ProductRecord } from '../../../../../shared/catalog/types.js';
import type { ChangeBody } from '../../../../../shared/protocol/index.js';
import { useTempDir } from '../../../../support/temp.js';

const tempDir = useTempDir();

function open(): { catalog: Catalog; path: string } {
  const path = join(tempDir(), 'catalog.db');
  return { catalog: openCatalog(path), path };
}

function synthetic(products: number, seed: number): ProductRecord[] {
  const text = [...syntheticCatalog({ products, stores: 2, seed })].map((r) => JSON.stringify(r)).join('\n');
  return parseFeed(`${text}\n`, { fileName: 'c.jsonl' }).batch.products;
}

/** Products the synthetic catalog does not make: every optional field absent or unusual. */
const edgeCases: ProductRecord[] = [
  {
    id: 'BARE',
    title: 'Bare Minimum',
    categoryPath: [],
    media: [],
    variants: [{ sku: 'BARE-1', gtins: [] }],
  },
  {
    id: 'RICH',
    title: 'Rich Jacket',
    brand: 'Vela',
    description: 'Waxed cotton, storm flap',
    categoryPath: ['Apparel', 'Outerwear', 'Jackets'],
    gender: 'unisex',
    material: 'Cotton',
    link: 'https://shop.example.com/rich',
    media: [
      { kind: 'image', url: 'https://img.example.com/rich.jpg', alt: 'Front', sha256: 'ab'.repeat(32) },
    ],
    variants: [
      {
        sku: 'RICH-R-S',
        gtins: ['00000000000017', '00000000000024'],
        size: 'S',
        color: 'Red',
        title: 'Red S',
      },
      {
        sku: 'RICH-R-M',
        gtins: [],
        size: 'M',
        color: 'Red',
        media: [
          { kind: 'image', url: 'https://img.example.com/rich-r1.jpg' },
          { kind: 'model', url: 'https://img.example.com/rich.glb' },
        ],
      },
      { sku: 'RICH-B-M', gtins: ['00000000000031'], size: 'M', color: 'blue' },
      { sku: 'RICH-N', gtins: [], media: [{ kind: 'video', url: 'https://img.example.com/rich.mp4' }] },
    ],
    recommendations: [
      { kind: 'cross-sell', productId: 'BARE' },
      { kind: 'cross-sell', productId: 'BARE' },
      { kind: 'up-sell', productId: 'MOVED' },
    ],
    translations: {
      de: { title: 'Gewachste Jacke', description: 'Gewachste Baumwolle, Sturmleiste' },
      'fr-CA': { description: 'Coton ciré' },
      ja: { title: 'ワックスジャケット' },
    },
  },
  {
    // Takes a GTIN another variant had: the later one keeps it.
    id: 'MOVED',
    title: 'Moved Code',
    categoryPath: ['Apparel', 'Outerwear'],
    media: [],
    variants: [{ sku: 'MOVED-1', gtins: ['00000000000017'], color: 'Red' }],
  },
];

const upserts = (products: readonly ProductRecord[]): ChangeBody[] =>
  products.map((product) => ({ op: 'product.upsert', product }));

/** Stages records as a snapshot of the catalog scope in pages of `size`, then swaps it in. */
function snapshot(catalog: Catalog, records: readonly ChangeBody[], size = 25): void {
  const pages = Math.max(1, Math.ceil(records.length / size));
  for (let page = 0; page < pages; page++) {
    catalog.sync.stageSnapshotPage(
      'catalog',
      'snap',
      9,
      page,
      pages,
      records.slice(page * size, (page + 1) * size),
    );
  }
  catalog.sync.finishSnapshot('catalog');
}

/** The catalog's tables by natural keys, and every search term with where it occurs. */
function dump(path: string): Record<string, unknown[]> {
  const db = new Database(path);
  try {
    db.exec(`CREATE VIRTUAL TABLE temp.instances USING fts5vocab(main, 'products_fts', 'instance')`);
    const all = (sql: string) => db.prepare(sql).all();
    return {
      categories: all(
        'SELECT c.path, p.path AS parent FROM categories c LEFT JOIN categories p ON p.id = c.parent_id ORDER BY 1',
      ),
      products: all(`SELECT p.id, p.title, p.description, p.brand, c.path, p.gender, p.material, p.link
        FROM products p LEFT JOIN categories c ON c.id = p.category_id ORDER BY 1`),
      variants: all(`SELECT v.sku, p.id, v.position, v.size, v.color, v.title
        FROM variants v JOIN products p ON p.rowid = v.product_rowid ORDER BY 1`),
      codes: all(
        'SELECT c.code, v.sku FROM variant_codes c JOIN variants v ON v.rowid = c.variant_rowid ORDER BY 1',
      ),
      media: all(`SELECT p.id, v.sku, m.position, m.kind, m.url, m.alt, m.sha256
        FROM media m JOIN products p ON p.rowid = m.product_rowid LEFT JOIN variants v ON v.rowid = m.variant_rowid
        ORDER BY 1, 3`),
      recommendations: all(`SELECT p.id, r.kind, r.position, r.related_id
        FROM recommendations r JOIN products p ON p.rowid = r.product_rowid ORDER BY 1, 2, 3`),
      texts: all(`SELECT p.id, t.language, t.title, t.description
        FROM product_texts t JOIN products p ON p.rowid = t.product_rowid ORDER BY 1, 2`),
      search:
        all(`SELECT i.term, p.id, i.col, i.offset FROM temp.instances i JOIN products p ON p.rowid = i.doc
        ORDER BY 1, 2, 3, 4`),
      spelling: all('SELECT term FROM spell_terms ORDER BY 1'),
    };
  } finally {
    db.close();
  }
}

describe('a catalog snapshot applied set-based', () => {
  const products = [...synthetic(60, 42), ...edgeCases];

  it('leaves, on an empty device, the catalog the same records leave row by row', () => {
    const byRows = open();
    byRows.catalog.sync.applyChanges('catalog', 0, 1, upserts(products));
    byRows.catalog.close();
    const bySnapshot = open();
    snapshot(bySnapshot.catalog, upserts(products));
    expect(bySnapshot.catalog.reader.counts().products).toBe(products.length);
    bySnapshot.catalog.close();

    const expected = dump(byRows.path);
    expect(expected.search!.length).toBeGreaterThan(1000);
    expect(expected.media!.length).toBeGreaterThan(120);
    expect(expected.texts).toHaveLength(3);
    expect(dump(bySnapshot.path)).toEqual(expected);
  });

  it('replaces an older catalog with exactly the new one', () => {
    // The new catalog keeps some products (with other variants and details), drops others, adds some.
    const older = [
      ...synthetic(40, 7),
      ...edgeCases.map((p) => ({
        ...p,
        title: `Old ${p.title}`,
        translations: { ...p.translations, es: { title: `Viejo ${p.title}` } },
      })),
    ];
    const newer = [...synthetic(60, 42).slice(20), ...edgeCases.slice(1)];
    const byRows = open();
    byRows.catalog.sync.applyChanges('catalog', 0, 1, upserts(newer));
    byRows.catalog.close();
    const bySnapshot = open();
    bySnapshot.catalog.sync.applyChanges('catalog', 0, 1, upserts(older));
    snapshot(bySnapshot.catalog, upserts(newer));
    bySnapshot.catalog.close();
    expect(dump(bySnapshot.path)).toEqual(dump(byRows.path));
  });

  it('goes row by row when a product id comes twice, and still ends whole', () => {
    const { catalog } = open();
    const twice = [...edgeCases, { ...edgeCases[0]!, title: 'Bare, again' }];
    snapshot(catalog, upserts(twice));
    expect(catalog.reader.counts().products).toBe(edgeCases.length);
    expect(catalog.reader.product('BARE')?.title).toBe('Bare, again');
    catalog.close();
  });
});
