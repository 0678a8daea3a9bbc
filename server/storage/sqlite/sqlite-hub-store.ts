/**
 * HubStore on one SQLite file (better-sqlite3). Every method runs synchronously inside the
 * promise it returns; the tables classes hold the SQL, this class the interface.
 */
import type { ChangeBody, Heartbeat, OutboxItem } from '../../../shared/protocol/index.js';
import type {
  CatalogBatch,
  PriceRecord,
  ProductRecord,
  StockRecord,
  StoreRecord,
} from '../../../shared/catalog/types.js';
import type {
  CatalogApplyResult,
  ChangePage,
  CommandOutcome,
  CommandRow,
  CompleteOutcome,
  DeviceRow,
  EnrollOutcome,
  HandoffRow,
  HubCounts,
  HubStore,
  NewCommand,
  NewDevice,
  ReceiveContext,
  ReceiveResult,
  ScopeState,
  SnapshotKey,
  SnapshotPlan,
  StockAvailability,
} from '../hub-store.js';
import { SqliteAnalytics } from '../../analytics/sqlite-analytics.js';
import { CatalogTables } from './catalog-tables.js';
import { CommandTables } from './command-tables.js';
import { openHubDatabase, type Db } from './database.js';
import { FleetTables } from './fleet-tables.js';
import { OutboxTables } from './outbox-tables.js';

/** Runs synchronous work as a promise, turning a throw into a rejection. */
function settle<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/** How many keys one IN (…) list carries; SQLite allows far more, this keeps statements small. */
const IN_CHUNK = 200;

export class SqliteHubStore implements HubStore {
  private readonly catalog: CatalogTables;
  private readonly fleet: FleetTables;
  private readonly outbox: OutboxTables;
  private readonly commands: CommandTables;
  readonly analytics: SqliteAnalytics;

  constructor(readonly db: Db) {
    this.catalog = new CatalogTables(db);
    this.fleet = new FleetTables(db);
    this.analytics = new SqliteAnalytics(db);
    const analytics = this.analytics;
    this.outbox = new OutboxTables(db, (deviceId, storeCode, item, receivedAt) =>
      analytics.ingest(deviceId, storeCode, item, receivedAt),
    );
    this.commands = new CommandTables(db);
  }

  close(): Promise<void> {
    return settle(() => {
      if (this.db.open) this.db.close();
    });
  }

  applyCatalog(batch: CatalogBatch, now: string): Promise<CatalogApplyResult> {
    return settle(() => this.catalog.applyCatalog(batch, now));
  }
  listScopes(): Promise<ScopeState[]> {
    return settle(() => this.catalog.listScopes());
  }
  getScope(scope: string): Promise<ScopeState | null> {
    return settle(() => this.catalog.getScope(scope));
  }
  readChanges(scope: string, after: number, budgetBytes: number): Promise<ChangePage> {
    return settle(() => this.catalog.readChanges(scope, after, budgetBytes));
  }
  compact(maxPerScope: number): Promise<ScopeState[]> {
    return settle(() => this.catalog.compact(maxPerScope));
  }
  planSnapshot(scope: string, budgetBytes: number): Promise<SnapshotPlan> {
    return settle(() => this.catalog.planSnapshot(scope, budgetBytes));
  }
  readSnapshotPage(
    scope: string,
    after: SnapshotKey | null,
    last: SnapshotKey,
    now: string,
  ): Promise<ChangeBody[]> {
    return settle(() => this.catalog.readSnapshotPage(scope, after, last, now));
  }
  releaseExpiredHolds(now: string): Promise<ScopeState[]> {
    return settle(() =>
      this.db.transaction(() => {
        const grown = new Map<string, ScopeState>();
        for (const { storeCode, sku } of this.outbox.releaseExpired(now)) {
          const state = this.catalog.logAvailability(storeCode, sku, now);
          if (state !== null) grown.set(state.scope, state);
        }
        return [...grown.values()];
      })(),
    );
  }

  listStores(): Promise<StoreRecord[]> {
    return settle(() =>
      this.db
        .prepare<[], { body: string }>('SELECT body FROM stores ORDER BY code')
        .all()
        .map((row) => JSON.parse(row.body) as StoreRecord),
    );
  }
  getStore(code: string): Promise<StoreRecord | null> {
    return settle(() => {
      const row = this.db
        .prepare<[string], { body: string }>('SELECT body FROM stores WHERE code = ?')
        .get(code);
      return row === undefined ? null : (JSON.parse(row.body) as StoreRecord);
    });
  }
  getProduct(id: string): Promise<ProductRecord | null> {
    return settle(() => {
      const row = this.db
        .prepare<[string], { body: string }>('SELECT body FROM products WHERE id = ?')
        .get(id);
      return row === undefined ? null : (JSON.parse(row.body) as ProductRecord);
    });
  }
  pricesOf(skus: readonly string[]): Promise<PriceRecord[]> {
    return settle(() =>
      this.bySku<{ body: string }>('SELECT body FROM prices WHERE sku IN', skus).map(
        (row) => JSON.parse(row.body) as PriceRecord,
      ),
    );
  }
  stockOf(skus: readonly string[], now: string): Promise<StockAvailability[]> {
    return settle(() =>
      this.bySku<{ body: string }>('SELECT body FROM stock WHERE sku IN', skus).map((row) => {
        const stock = JSON.parse(row.body) as StockRecord;
        const available = Math.max(0, stock.quantity - this.outbox.held(stock.storeCode, stock.sku, now));
        return { ...stock, available };
      }),
    );
  }
  counts(): Promise<HubCounts> {
    return settle(() => {
      const count = (table: string): number =>
        this.db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()?.n ?? 0;
      return {
        stores: count('stores'),
        products: count('products'),
        prices: count('prices'),
        stock: count('stock'),
        devices: count('devices'),
        changes: count('change_log'),
      };
    });
  }

  createDevice(device: NewDevice): Promise<void> {
    return settle(() => {
      this.fleet.createDevice(device);
    });
  }
  enrollDevice(
    enrollmentHash: string,
    tokenHash: string,
    appVersion: string,
    at: string,
  ): Promise<EnrollOutcome> {
    return settle(() => this.fleet.enrollDevice(enrollmentHash, tokenHash, appVersion, at));
  }
  getDevice(id: string): Promise<DeviceRow | null> {
    return settle(() => this.fleet.getDevice(id));
  }
  listDevices(): Promise<DeviceRow[]> {
    return settle(() => this.fleet.listDevices());
  }
  revokeDevice(id: string, at: string): Promise<boolean> {
    return settle(() => this.fleet.revokeDevice(id, at));
  }
  touchDevice(id: string, at: string): Promise<void> {
    return settle(() => {
      this.fleet.touchDevice(id, at);
    });
  }
  recordHeartbeat(id: string, heartbeat: Heartbeat, at: string): Promise<void> {
    return settle(() => {
      this.fleet.recordHeartbeat(id, heartbeat, at);
    });
  }

  createCommand(command: NewCommand): Promise<void> {
    return settle(() => {
      this.commands.createCommand(command);
    });
  }
  getCommand(id: string): Promise<CommandRow | null> {
    return settle(() => this.commands.getCommand(id));
  }
  listCommands(deviceId: string): Promise<CommandRow[]> {
    return settle(() => this.commands.listCommands(deviceId));
  }
  pendingCommands(deviceId: string): Promise<CommandRow[]> {
    return settle(() => this.commands.pendingCommands(deviceId));
  }
  markCommandDelivered(id: string, at: string): Promise<void> {
    return settle(() => {
      this.commands.markCommandDelivered(id, at);
    });
  }
  commandCounts(): Promise<Map<string, { pending: number; completed: number }>> {
    return settle(() => this.commands.commandCounts());
  }
  completeCommand(
    deviceId: string,
    id: string,
    outcome: CommandOutcome,
    at: string,
  ): Promise<CompleteOutcome> {
    return settle(() => this.commands.completeCommand(deviceId, id, outcome, at));
  }

  receiveItem(deviceId: string, item: OutboxItem, context: ReceiveContext): Promise<ReceiveResult> {
    // A new hold logs the stock devices see, in the same transaction as the reservation.
    return settle(() =>
      this.outbox.receiveItem(deviceId, item, context, (storeCode, sku) =>
        this.catalog.logAvailability(storeCode, sku, context.now),
      ),
    );
  }
  receiveEvents(
    deviceId: string,
    items: readonly Extract<OutboxItem, { kind: 'event' }>[],
    context: ReceiveContext,
  ): Promise<ReceiveResult[]> {
    // Each item's own transaction becomes a savepoint inside this one (better-sqlite3 nests them).
    return settle(() =>
      this.db
        .transaction(() => items.map((item) => this.outbox.receiveItem(deviceId, item, context, () => null)))
        .immediate(),
    );
  }
  getHandoff(token: string): Promise<HandoffRow | null> {
    return settle(() => this.outbox.getHandoff(token));
  }
  countReceived(deviceId: string): Promise<number> {
    return settle(() => this.outbox.countReceived(deviceId));
  }

  private bySku<Row>(select: string, skus: readonly string[]): Row[] {
    const rows: Row[] = [];
    for (let i = 0; i < skus.length; i += IN_CHUNK) {
      const chunk = skus.slice(i, i + IN_CHUNK);
      const marks = chunk.map(() => '?').join(', ');
      rows.push(
        ...this.db.prepare<string[], Row>(`${select} (${marks}) ORDER BY store_code, sku`).all(...chunk),
      );
    }
    return rows;
  }
}

/** Opens (creating and migrating) a hub database file; refuses one from a newer hub. */
export function openSqliteHubStore(path: string): SqliteHubStore {
  return new SqliteHubStore(openHubDatabase(path));
}
