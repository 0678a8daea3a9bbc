/**
 * What the hub keeps, as one interface: SQLite implements it today (sqlite-hub-store.ts); a chain
 * that outgrows one machine adds PostgreSQL behind the same methods (DESIGN.md, Storage). Every
 * method is asynchronous for that reason, though SQLite answers at once.
 *
 * Methods are domain operations, not tables: each one that must keep an invariant (an import's
 * changes and heads, an outbox item and its effect) is a single transaction inside the store.
 */
import type { Change, ChangeBody, Command, Heartbeat, OutboxItem } from '../../shared/protocol/index.js';
import type { AnalyticsStore } from '../analytics/analytics-store.js';
import type {
  CatalogBatch,
  PriceRecord,
  ProductRecord,
  StockRecord,
  StoreRecord,
} from '../../shared/catalog/types.js';

export interface ScopeState {
  scope: string;
  /** Newest sequence appended (0: nothing yet). */
  head: number;
  /** Newest sequence removed by compaction; changes floor+1..head are in the log. */
  floor: number;
}

export interface CatalogApplyResult {
  /** Records compared, by kind. */
  compared: { stores: number; products: number; prices: number; stock: number };
  /** Records that differed from what was stored (and were logged), by kind. */
  changed: { stores: number; products: number; prices: number; stock: number };
  /** Scopes whose log grew, with their new heads. */
  grown: ScopeState[];
}

export interface ChangePage {
  /** Changes from+1..to, contiguous; `to` = `from` when there were none. */
  from: number;
  to: number;
  changes: Change[];
  more: boolean;
}

/** A place in a scope's snapshot order: the section (stores, products, …) and the key within it. */
export type SnapshotKey = readonly [section: number, key: string];

export interface SnapshotPlan {
  scope: string;
  /** The head the records were planned at. */
  cursor: number;
  records: number;
  /** The last key of each page; page N holds the keys after `lastKeys[N-1]` up to `lastKeys[N]`. */
  lastKeys: SnapshotKey[];
}

export interface DeviceRow {
  id: string;
  name: string;
  storeCode: string;
  tokenHash: string | null;
  createdAt: string;
  enrolledAt: string | null;
  revokedAt: string | null;
  lastSeenAt: string | null;
  appVersion: string | null;
  cursors: Record<string, number> | null;
  hardware: Heartbeat['hardware'] | null;
  uptimeSeconds: number | null;
  memoryMb: number | null;
}

export interface NewDevice {
  id: string;
  name: string;
  storeCode: string;
  enrollmentHash: string;
  createdAt: string;
}

export type EnrollOutcome =
  { ok: true; device: DeviceRow } | { ok: false; reason: 'unknown' | 'used' | 'revoked' };

/** What the hub decides for an outbox item's effects; the store only records them. */
export interface ReceiveContext {
  now: string;
  /** The sending device's store: a hand-off page shows stock from there outwards. */
  deviceStoreCode: string;
  reservationExpiresAt: string;
  /** A reservation made while its store was closed is held this long after its `pickupFrom`. */
  reservationHoldMs: number;
  handoffExpiresAt: string;
  /** A fresh pickup code; called again when one is taken by a live reservation. */
  newPickupCode: () => string;
  newHandoffToken: () => string;
  handoffUrl: (token: string) => string;
}

export interface ReceiveResult {
  status: 'stored' | 'duplicate' | 'rejected';
  error?: string;
  result?: Record<string, string>;
  /** Store scopes whose log grew: a reservation's hold changed what devices see in stock. */
  grown?: ScopeState[];
}

export interface HandoffRow {
  token: string;
  deviceId: string;
  productId: string;
  sku: string | null;
  storeCode: string;
  createdAt: string;
  expiresAt: string;
  /** The device's store was closed when it was made: reservations there are ready from then. */
  pickupFrom: string | null;
}

export interface StockAvailability extends StockRecord {
  /** Quantity minus live reservations, never below 0. */
  available: number;
}

export type CommandKind = Command['kind'];

/** What a device answered to a command, as the hub keeps it (a screenshot as a file path). */
export interface CommandOutcome {
  ok: boolean;
  message?: string;
  /** Where the screenshot was written, relative to the hub's data directory. */
  screenshot?: string;
}

export interface NewCommand {
  id: string;
  deviceId: string;
  kind: CommandKind;
  /** What the command carries besides its id and kind (a pushed config); {} for none. */
  payload: Record<string, unknown>;
  createdAt: string;
}

export interface CommandRow extends NewCommand {
  /** The last time it was sent; it is sent again on each connect until it has a result. */
  deliveredAt: string | null;
  result: CommandOutcome | null;
  completedAt: string | null;
}

/** stored: the first result; duplicate: it had one (the first is kept); unknown: not this device's. */
export type CompleteOutcome = 'stored' | 'duplicate' | 'unknown';

export interface HubCounts {
  stores: number;
  products: number;
  prices: number;
  stock: number;
  devices: number;
  changes: number;
}

export interface HubStore {
  close(): Promise<void>;
  /** Analytics events (stored through receiveItem) and the dashboard's reads of them. */
  readonly analytics: AnalyticsStore;

  // Catalog and change log -----------------------------------------------------------------------
  /**
   * Compares every record with what is stored and logs only real changes, in one transaction.
   * Logged stock is what devices see: quantity less live reservations at `now`.
   */
  applyCatalog(batch: CatalogBatch, now: string): Promise<CatalogApplyResult>;
  listScopes(): Promise<ScopeState[]>;
  getScope(scope: string): Promise<ScopeState | null>;
  /** Changes after `after`, filling a page up to `budgetBytes` of JSON (at least one change). */
  readChanges(scope: string, after: number, budgetBytes: number): Promise<ChangePage>;
  /** Keeps at most `maxPerScope` changes per scope; raises the floors of scopes it trimmed. */
  compact(maxPerScope: number): Promise<ScopeState[]>;
  /** Splits a scope's current records into pages of at most `budgetBytes` (one record at least). */
  planSnapshot(scope: string, budgetBytes: number): Promise<SnapshotPlan>;
  /**
   * The records after `after` (null: from the start) up to and including `last`, in snapshot
   * order; stock less live reservations at `now`.
   */
  readSnapshotPage(
    scope: string,
    after: SnapshotKey | null,
    last: SnapshotKey,
    now: string,
  ): Promise<ChangeBody[]>;
  /**
   * Logs the stock of reservations that expired by `now` and were not yet released (each once);
   * returns the store scopes that grew.
   */
  releaseExpiredHolds(now: string): Promise<ScopeState[]>;

  listStores(): Promise<StoreRecord[]>;
  getStore(code: string): Promise<StoreRecord | null>;
  getProduct(id: string): Promise<ProductRecord | null>;
  /** Default and store prices of these SKUs. */
  pricesOf(skus: readonly string[]): Promise<PriceRecord[]>;
  /** Stock of these SKUs in every store, less live reservations. */
  stockOf(skus: readonly string[], now: string): Promise<StockAvailability[]>;
  counts(): Promise<HubCounts>;

  // Fleet ----------------------------------------------------------------------------------------
  createDevice(device: NewDevice): Promise<void>;
  /** Trades a one-time enrollment code (by hash) for a device token (by hash). */
  enrollDevice(
    enrollmentHash: string,
    tokenHash: string,
    appVersion: string,
    at: string,
  ): Promise<EnrollOutcome>;
  getDevice(id: string): Promise<DeviceRow | null>;
  listDevices(): Promise<DeviceRow[]>;
  /** false when there is no such device. Revoking twice keeps the first time. */
  revokeDevice(id: string, at: string): Promise<boolean>;
  touchDevice(id: string, at: string): Promise<void>;
  recordHeartbeat(id: string, heartbeat: Heartbeat, at: string): Promise<void>;

  // Commands -------------------------------------------------------------------------------------
  createCommand(command: NewCommand): Promise<void>;
  getCommand(id: string): Promise<CommandRow | null>;
  /** Every command of a device, oldest first. */
  listCommands(deviceId: string): Promise<CommandRow[]>;
  /** Commands of a device without a result yet, oldest first: what to send on its next connect. */
  pendingCommands(deviceId: string): Promise<CommandRow[]>;
  markCommandDelivered(id: string, at: string): Promise<void>;
  /** Per device with at least one command: how many await a result and how many have one. */
  commandCounts(): Promise<Map<string, { pending: number; completed: number }>>;
  /** Records a device's result for its own command, once. */
  completeCommand(
    deviceId: string,
    id: string,
    outcome: CommandOutcome,
    at: string,
  ): Promise<CompleteOutcome>;

  // Outbox ---------------------------------------------------------------------------------------
  /** Stores an item once per (device, id) together with its effect; a retry gets the first result. */
  receiveItem(deviceId: string, item: OutboxItem, context: ReceiveContext): Promise<ReceiveResult>;
  /**
   * Stores analytics events as receiveItem does, each once with its own result, all in one
   * transaction: a push of many events costs one disk sync, not one each.
   */
  receiveEvents(
    deviceId: string,
    items: readonly Extract<OutboxItem, { kind: 'event' }>[],
    context: ReceiveContext,
  ): Promise<ReceiveResult[]>;
  getHandoff(token: string): Promise<HandoffRow | null>;
  countReceived(deviceId: string): Promise<number>;
}
