/**
 * Prices and stock of a staged snapshot, applied set-based. A page stages them as compact JSON
 * arrays beside its other records (migration 0040); the swap reads them with `json_each` and
 * joins them to variants by SKU inside SQLite, one INSERT ... SELECT per kind, instead of each
 * row being parsed into a JS object, looked up and upserted by statement calls of its own. A
 * store scope is nothing but such rows (hundreds of thousands for a large catalog), so they are
 * most of a snapshot's work.
 *
 * Rows whose SKU the catalog does not have yet are kept in pending_store_rows, with the bodies
 * the row by row path gives them (CatalogWriter.defer); that pass runs only when some staged row
 * found no variant.
 */
import type { PriceRecord, StockRecord } from '../../../shared/catalog/types.js';
import type { Db } from './database.js';

export interface StagedRowCounts {
  prices: number;
  stock: number;
  deferred: number;
}

/** One page's prices and stock, as staged. */
export interface StagedStoreRowsText {
  pricesJson: string;
  stockJson: string;
  rows: number;
}

/** [sku, currency, regular, sale, saleFrom, saleUntil, member]; sale bounds in UTC. */
type PriceTuple = [string, string, number, number | null, string | null, string | null, number | null];
/** [sku, quantity, availability] */
type StockTuple = [string, number, string | null];

/** Prices and stock of one page as staged; the store code is the scope's ('' for the catalog). */
export function stageStoreRows(
  prices: readonly PriceRecord[],
  stock: readonly StockRecord[],
): StagedStoreRowsText {
  const priceTuples = prices.map((p): PriceTuple => [
    p.sku,
    p.currency,
    p.regular,
    p.sale ?? null,
    utcInstant(p.saleFrom),
    utcInstant(p.saleUntil),
    p.member ?? null,
  ]);
  const stockTuples = stock.map((k): StockTuple => [k.sku, k.quantity, k.availability ?? null]);
  return {
    pricesJson: JSON.stringify(priceTuples),
    stockJson: JSON.stringify(stockTuples),
    rows: prices.length + stock.length,
  };
}

export interface StagedStoreRows {
  /** Applies what `scope` has staged (inside the swap's transaction, after its products). */
  apply(scope: string, storeCode: string): StagedRowCounts;
}

const staged = (column: string, join = '') =>
  `snapshot_pages p, json_each(p.${column}) r ${join} WHERE p.scope = @scope`;
const withVariant = 'JOIN variants v ON v.sku = r.value ->> 0';
const withoutVariant = 'AND NOT EXISTS (SELECT 1 FROM variants v WHERE v.sku = r.value ->> 0)';

export function stagedStoreRows(db: Db): StagedStoreRows {
  const s = {
    total: db.prepare('SELECT coalesce(sum(store_rows), 0) FROM snapshot_pages WHERE scope = ?').pluck(),
    stock: db.prepare(`INSERT INTO stock (variant_rowid, store_code, quantity, availability)
      SELECT v.rowid, @store, r.value ->> 1, r.value ->> 2 FROM ${staged('stock_json', withVariant)}
      ON CONFLICT (variant_rowid, store_code) DO UPDATE SET quantity = excluded.quantity, availability = excluded.availability`),
    prices:
      db.prepare(`INSERT INTO prices (variant_rowid, store_code, currency, regular, sale, sale_from, sale_until, member)
      SELECT v.rowid, @store, r.value ->> 1, r.value ->> 2, r.value ->> 3, r.value ->> 4, r.value ->> 5, r.value ->> 6
      FROM ${staged('prices_json', withVariant)}
      ON CONFLICT (variant_rowid, store_code) DO UPDATE SET currency = excluded.currency, regular = excluded.regular,
        sale = excluded.sale, sale_from = excluded.sale_from, sale_until = excluded.sale_until, member = excluded.member`),
    // json_patch onto '{}' drops null members, so an absent field stays absent, as in the
    // records the row by row path keeps; '' is the default price's store code, null in a record.
    deferStock: db.prepare(`INSERT OR REPLACE INTO pending_store_rows (sku, store_code, kind, body)
      SELECT r.value ->> 0, @store, 'stock', json_patch('{}', json_object('storeCode', @store,
        'sku', r.value ->> 0, 'quantity', r.value ->> 1, 'availability', r.value ->> 2))
      FROM ${staged('stock_json')} ${withoutVariant}`),
    deferPrices: db.prepare(`INSERT OR REPLACE INTO pending_store_rows (sku, store_code, kind, body)
      SELECT r.value ->> 0, @store, 'price', json_set(json_patch('{}', json_object('sku', r.value ->> 0,
          'currency', r.value ->> 1, 'regular', r.value ->> 2, 'sale', r.value ->> 3, 'saleFrom', r.value ->> 4,
          'saleUntil', r.value ->> 5, 'member', r.value ->> 6)), '$.storeCode', nullif(@store, ''))
      FROM ${staged('prices_json')} ${withoutVariant}`),
  };
  return {
    apply(scope, store) {
      const args = { scope, store };
      const stock = s.stock.run(args).changes;
      const prices = s.prices.run(args).changes;
      // Every staged row is one (SKU, store) and met its variant unless fewer were written.
      const missing = (s.total.get(scope) as number) - stock - prices;
      const deferred = missing > 0 ? s.deferStock.run(args).changes + s.deferPrices.run(args).changes : 0;
      return { stock, prices, deferred };
    },
  };
}

/**
 * Sale bounds arrive with any offset (`2024-02-24T13:00-0800`); stored in one UTC form they
 * compare correctly as text in SQL filters.
 */
export function utcInstant(text: string | undefined): string | null {
  if (text === undefined) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
