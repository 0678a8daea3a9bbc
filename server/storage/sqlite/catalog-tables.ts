/**
 * The catalog half of the SQLite hub store: applying a batch with its change log, reading
 * changes, compaction and snapshots.
 */
import type { Statement } from 'better-sqlite3';
import type { Change, ChangeBody } from '../../../shared/protocol/index.js';
import type { CatalogBatch, StockRecord } from '../../../shared/catalog/types.js';
import { canonicalJson } from '../canonical-json.js';
import type { CatalogApplyResult, ChangePage, ScopeState, SnapshotKey, SnapshotPlan } from '../hub-store.js';
import { CATALOG_SCOPE, storeScope } from '../scopes.js';
import type { Db } from './database.js';

interface ScopeRow {
  scope: string;
  head: number;
  floor: number;
}

/** One run of a scope's snapshot: a table filtered to that scope, in key order. */
interface Section {
  table: string;
  keyColumn: string;
  where: string;
  params: string[];
  op: ChangeBody['op'];
  field: 'store' | 'product' | 'price' | 'stock';
}

/** The sections of a scope's snapshot in order; null for a malformed scope. */
function sectionsOf(scope: string): Section[] | null {
  if (scope === CATALOG_SCOPE) {
    return [
      { table: 'stores', keyColumn: 'code', where: '1', params: [], op: 'store.upsert', field: 'store' },
      { table: 'products', keyColumn: 'id', where: '1', params: [], op: 'product.upsert', field: 'product' },
      {
        table: 'prices',
        keyColumn: 'sku',
        where: "store_code = ''",
        params: [],
        op: 'price.upsert',
        field: 'price',
      },
    ];
  }
  if (!scope.startsWith('store:')) return null;
  const code = scope.slice('store:'.length);
  return [
    {
      table: 'prices',
      keyColumn: 'sku',
      where: 'store_code = ?',
      params: [code],
      op: 'price.upsert',
      field: 'price',
    },
    {
      table: 'stock',
      keyColumn: 'sku',
      where: 'store_code = ?',
      params: [code],
      op: 'stock.upsert',
      field: 'stock',
    },
  ];
}

/** JSON bytes a snapshot record adds around a stored body: `{"op":"…","field":` … `}` and a comma. */
function wrapperBytes(section: Section): number {
  return `{"op":"${section.op}","${section.field}":}`.length + 1;
}

export class CatalogTables {
  private readonly selectScope: Statement<[string], ScopeRow>;
  private readonly insertScope: Statement<[string]>;
  private readonly updateHead: Statement<[number, string]>;
  private readonly insertChange: Statement<[string, number, string]>;
  private readonly selectChanges: Statement<[string, number, number], { seq: number; body: string }>;
  private readonly selectBody: Record<
    'stores' | 'products' | 'prices' | 'stock',
    Statement<string[], { body: string }>
  >;
  private readonly upsert: Record<'stores' | 'products' | 'prices' | 'stock', Statement<(string | number)[]>>;

  /** Units of a SKU held by live reservations (the outbox half's table, same database). */
  private readonly heldOf: Statement<[string, string, string], { held: number }>;
  private readonly anyHeld: Statement<[string], { any: number }>;

  constructor(private readonly db: Db) {
    this.anyHeld = db.prepare('SELECT EXISTS (SELECT 1 FROM reservations WHERE expires_at > ?) AS any');
    this.heldOf = db.prepare(
      'SELECT coalesce(sum(quantity), 0) AS held FROM reservations WHERE store_code = ? AND sku = ? AND expires_at > ?',
    );
    this.selectScope = db.prepare('SELECT scope, head, floor FROM scopes WHERE scope = ?');
    this.insertScope = db.prepare('INSERT OR IGNORE INTO scopes (scope) VALUES (?)');
    this.updateHead = db.prepare('UPDATE scopes SET head = ? WHERE scope = ?');
    this.insertChange = db.prepare('INSERT INTO change_log (scope, seq, body) VALUES (?, ?, ?)');
    this.selectChanges = db.prepare(
      'SELECT seq, body FROM change_log WHERE scope = ? AND seq > ? ORDER BY seq LIMIT ?',
    );
    this.selectBody = {
      stores: db.prepare('SELECT body FROM stores WHERE code = ?'),
      products: db.prepare('SELECT body FROM products WHERE id = ?'),
      prices: db.prepare('SELECT body FROM prices WHERE store_code = ? AND sku = ?'),
      stock: db.prepare('SELECT body FROM stock WHERE store_code = ? AND sku = ?'),
    };
    this.upsert = {
      stores: db.prepare(
        'INSERT INTO stores (code, name, body) VALUES (?, ?, ?) ON CONFLICT (code) DO UPDATE SET name = excluded.name, body = excluded.body',
      ),
      products: db.prepare(
        'INSERT INTO products (id, body) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body',
      ),
      prices: db.prepare(
        'INSERT INTO prices (store_code, sku, body) VALUES (?, ?, ?) ON CONFLICT (store_code, sku) DO UPDATE SET body = excluded.body',
      ),
      stock: db.prepare(
        'INSERT INTO stock (store_code, sku, quantity, body) VALUES (?, ?, ?, ?) ON CONFLICT (store_code, sku) DO UPDATE SET quantity = excluded.quantity, body = excluded.body',
      ),
    };
  }

  getScope(scope: string): ScopeState | null {
    return this.selectScope.get(scope) ?? null;
  }

  listScopes(): ScopeState[] {
    return this.db
      .prepare<[], ScopeRow>("SELECT scope, head, floor FROM scopes ORDER BY scope != 'catalog', scope")
      .all();
  }

  /**
   * What devices are told of a stock row: its quantity less what live reservations hold, so a
   * kiosk does not offer the pair that was just reserved. The stored row keeps the feed's own
   * numbers (the next import compares against those).
   */
  available(stock: StockRecord, now: string, anyHeld = true): StockRecord {
    if (!anyHeld) return stock;
    const held = this.heldOf.get(stock.storeCode, stock.sku, now)?.held ?? 0;
    if (held === 0) return stock;
    const quantity = Math.max(0, stock.quantity - held);
    return quantity === 0 && stock.availability !== undefined
      ? { ...stock, quantity, availability: 'out_of_stock' }
      : { ...stock, quantity };
  }

  /**
   * Logs a stock row's availability after a hold was made or ended (inside the caller's
   * transaction); returns the scope's new state, or null when the store has no such row.
   */
  logAvailability(storeCode: string, sku: string, now: string): ScopeState | null {
    const row = this.selectBody.stock.get(storeCode, sku);
    if (row === undefined) return null;
    const scope = storeScope(storeCode);
    this.insertScope.run(scope);
    const state = this.selectScope.get(scope);
    if (state === undefined) throw new Error(`scope ${scope} vanished inside a transaction`);
    const head = state.head + 1;
    const stock = this.available(JSON.parse(row.body) as StockRecord, now);
    this.insertChange.run(scope, head, canonicalJson({ op: 'stock.upsert', stock }));
    this.updateHead.run(head, scope);
    return { ...state, head };
  }

  applyCatalog(batch: CatalogBatch, now: string): CatalogApplyResult {
    const compared = {
      stores: batch.stores.length,
      products: batch.products.length,
      prices: batch.prices.length,
      stock: batch.stock.length,
    };
    const changed = { stores: 0, products: 0, prices: 0, stock: 0 };
    // Invariant: records and the log entries that describe them commit together, and each
    // scope's head equals its newest logged seq. A device that has pulled up to a head then holds
    // exactly what the hub holds; a crash mid-import leaves neither the records nor the changes.
    return this.db.transaction((): CatalogApplyResult => {
      const touched = new Map<string, ScopeState>();
      const scopeState = (scope: string): ScopeState => {
        let state = touched.get(scope);
        if (state === undefined) {
          this.insertScope.run(scope);
          const row = this.selectScope.get(scope);
          if (row === undefined) throw new Error(`scope ${scope} vanished inside a transaction`);
          state = { ...row };
          touched.set(scope, state);
        }
        return state;
      };
      const grown = new Set<string>();
      // One look at the reservations for the whole import: usually none are live.
      const anyHeld = this.anyHeld.get(now)?.any === 1;
      const append = (scope: string, body: ChangeBody): void => {
        const state = scopeState(scope);
        state.head += 1;
        this.insertChange.run(scope, state.head, canonicalJson(body));
        grown.add(scope);
      };

      for (const store of batch.stores) {
        scopeState(storeScope(store.code)); // every store has a scope, even before its first price
        const text = canonicalJson(store);
        if (this.selectBody.stores.get(store.code)?.body === text) continue;
        this.upsert.stores.run(store.code, store.name, text);
        append(CATALOG_SCOPE, { op: 'store.upsert', store });
        changed.stores++;
      }
      for (const product of batch.products) {
        const text = canonicalJson(product);
        if (this.selectBody.products.get(product.id)?.body === text) continue;
        this.upsert.products.run(product.id, text);
        append(CATALOG_SCOPE, { op: 'product.upsert', product });
        changed.products++;
      }
      for (const price of batch.prices) {
        const code = price.storeCode ?? '';
        const text = canonicalJson(price);
        if (this.selectBody.prices.get(code, price.sku)?.body === text) continue;
        this.upsert.prices.run(code, price.sku, text);
        append(price.storeCode === null ? CATALOG_SCOPE : storeScope(price.storeCode), {
          op: 'price.upsert',
          price,
        });
        changed.prices++;
      }
      for (const stock of batch.stock) {
        const text = canonicalJson(stock);
        if (this.selectBody.stock.get(stock.storeCode, stock.sku)?.body === text) continue;
        this.upsert.stock.run(stock.storeCode, stock.sku, stock.quantity, text);
        append(storeScope(stock.storeCode), {
          op: 'stock.upsert',
          stock: this.available(stock, now, anyHeld),
        });
        changed.stock++;
      }
      for (const scope of grown) {
        const state = scopeState(scope);
        this.updateHead.run(state.head, scope);
      }
      return { compared, changed, grown: [...grown].map((scope) => ({ ...scopeState(scope) })) };
    })();
  }

  readChanges(scope: string, after: number, budgetBytes: number): ChangePage {
    const state = this.getScope(scope);
    if (state === null) throw new RangeError(`unknown scope ${scope}`);
    if (after < state.floor || after > state.head) {
      throw new RangeError(
        `cursor ${String(after)} is outside ${String(state.floor)}..${String(state.head)}`,
      );
    }
    const changes: Change[] = [];
    let bytes = 0;
    let to = after;
    let full = false;
    while (!full && to < state.head) {
      const rows = this.selectChanges.all(scope, to, 256);
      if (rows.length === 0) break;
      for (const row of rows) {
        // {"seq":N, joined to the stored body's members, plus a comma between changes.
        const size = Buffer.byteLength(row.body) + `"seq":${String(row.seq)},`.length + 1;
        if (changes.length > 0 && bytes + size > budgetBytes) {
          full = true;
          break;
        }
        if (row.seq !== to + 1) throw new Error(`change log of ${scope} has a gap before ${String(row.seq)}`);
        changes.push({ seq: row.seq, ...(JSON.parse(row.body) as ChangeBody) });
        bytes += size;
        to = row.seq;
      }
    }
    return { from: after, to, changes, more: to < state.head };
  }

  compact(maxPerScope: number): ScopeState[] {
    const trimmed: ScopeState[] = [];
    // Invariant: rows at or below a scope's floor are gone and everything above it is present, so
    // a cursor >= floor can always be served from the log. Delete and floor move together.
    this.db.transaction(() => {
      for (const state of this.listScopes()) {
        const floor = state.head - maxPerScope;
        if (floor <= state.floor) continue;
        this.db.prepare('DELETE FROM change_log WHERE scope = ? AND seq <= ?').run(state.scope, floor);
        this.db.prepare('UPDATE scopes SET floor = ? WHERE scope = ?').run(floor, state.scope);
        trimmed.push({ ...state, floor });
      }
    })();
    return trimmed;
  }

  planSnapshot(scope: string, budgetBytes: number): SnapshotPlan {
    const sections = sectionsOf(scope);
    if (sections === null) throw new RangeError(`unknown scope ${scope}`);
    // One read transaction: the cursor and the records it describes come from the same moment.
    return this.db.transaction((): SnapshotPlan => {
      const state = this.getScope(scope);
      if (state === null) throw new RangeError(`unknown scope ${scope}`);
      const lastKeys: SnapshotKey[] = [];
      let records = 0;
      let bytes = 0;
      let last: SnapshotKey | null = null;
      for (const [index, section] of sections.entries()) {
        const rows = this.db
          .prepare<string[], [string, number]>(
            `SELECT ${section.keyColumn}, length(CAST(body AS BLOB)) FROM ${section.table} WHERE ${section.where} ORDER BY ${section.keyColumn}`,
          )
          .raw()
          .iterate(...section.params);
        for (const [key, length] of rows) {
          const size = length + wrapperBytes(section);
          if (last !== null && bytes > 0 && bytes + size > budgetBytes) {
            lastKeys.push(last);
            bytes = 0;
          }
          bytes += size;
          records++;
          last = [index, key];
        }
      }
      if (last !== null) lastKeys.push(last);
      return { scope, cursor: state.head, records, lastKeys };
    })();
  }

  readSnapshotPage(scope: string, after: SnapshotKey | null, last: SnapshotKey, now: string): ChangeBody[] {
    const sections = sectionsOf(scope);
    if (sections === null) throw new RangeError(`unknown scope ${scope}`);
    const records: ChangeBody[] = [];
    const first = after?.[0] ?? 0;
    const anyHeld = this.anyHeld.get(now)?.any === 1;
    for (let index = first; index <= last[0]; index++) {
      const section = sections[index];
      if (section === undefined) break;
      const conditions = [section.where];
      const params = [...section.params];
      if (after !== null && index === after[0]) {
        conditions.push(`${section.keyColumn} > ?`);
        params.push(after[1]);
      }
      if (index === last[0]) {
        conditions.push(`${section.keyColumn} <= ?`);
        params.push(last[1]);
      }
      const rows = this.db
        .prepare<string[], { body: string }>(
          `SELECT body FROM ${section.table} WHERE ${conditions.join(' AND ')} ORDER BY ${section.keyColumn}`,
        )
        .all(...params);
      for (const row of rows) {
        const record: unknown = JSON.parse(row.body);
        // Stock as devices see it in the change log too: less what reservations hold.
        const value =
          section.field === 'stock' ? this.available(record as StockRecord, now, anyHeld) : record;
        records.push({ op: section.op, [section.field]: value } as ChangeBody);
      }
    }
    return records;
  }
}
