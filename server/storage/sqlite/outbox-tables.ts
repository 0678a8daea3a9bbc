/** The outbox half of the SQLite hub store: items stored once, reservations, hand-off tokens. */
import type { OutboxItem } from '../../../shared/protocol/index.js';
import type { ProductRecord } from '../../../shared/catalog/types.js';
import type { HandoffRow, ReceiveContext, ReceiveResult, ScopeState } from '../hub-store.js';
import type { Db } from './database.js';

type Effect = { ok: true; result?: Record<string, string> } | { ok: false; error: string };

/**
 * The furthest ahead a reservation's pickup may start: a store closed over a long holiday still
 * takes one, while a device with a wrong clock or broken hours cannot lock stock away for months.
 */
const MAX_PICKUP_LEAD_MS = 14 * 86_400_000;

/**
 * When a reservation is ready and until when it is held. One made while its store was closed is
 * ready at the next opening and held the usual time from then; one whose opening has passed by
 * the time it arrives (queued while the hub was away) is ready at once.
 */
function pickupWindow(
  pickupFrom: string | undefined,
  context: ReceiveContext,
): { ok: true; from: string | null; until: string } | { ok: false; error: string } {
  if (pickupFrom === undefined) return { ok: true, from: null, until: context.reservationExpiresAt };
  // Stored and compared as ISO UTC text, whose order is time order; the item may carry an offset.
  const from = new Date(pickupFrom);
  const now = Date.parse(context.now);
  if (from.getTime() <= now) return { ok: true, from: null, until: context.reservationExpiresAt };
  if (from.getTime() - now > MAX_PICKUP_LEAD_MS)
    return { ok: false, error: `pickupFrom: ${pickupFrom} is more than 14 days ahead` };
  return {
    ok: true,
    from: from.toISOString(),
    until: new Date(from.getTime() + context.reservationHoldMs).toISOString(),
  };
}

/** Records an analytics event inside the item's transaction (server/analytics), or refuses it. */
export type EventEffect = (
  deviceId: string,
  storeCode: string,
  item: Extract<OutboxItem, { kind: 'event' }>,
  receivedAt: string,
) => { ok: true } | { ok: false; error: string };

export class OutboxTables {
  constructor(
    private readonly db: Db,
    private readonly eventEffect: EventEffect = () => ({ ok: true }),
  ) {}

  receiveItem(
    deviceId: string,
    item: OutboxItem,
    context: ReceiveContext,
    onHold: (storeCode: string, sku: string) => ScopeState | null,
  ): ReceiveResult {
    // Invariant: an item is recorded as received if and only if its effect (a stock hold, a
    // hand-off token) exists, and its result is stored beside it — so a retry after a lost ack
    // gets the same pickup code instead of a second hold. IMMEDIATE takes the write lock first,
    // so the stock check and the hold cannot interleave with another device's reservation.
    return this.db
      .transaction((): ReceiveResult => {
        const existing = this.db
          .prepare<[string, string], { result_json: string | null }>(
            'SELECT result_json FROM outbox_items WHERE device_id = ? AND item_id = ?',
          )
          .get(deviceId, item.id);
        if (existing !== undefined) {
          return existing.result_json === null
            ? { status: 'duplicate' }
            : { status: 'duplicate', result: JSON.parse(existing.result_json) as Record<string, string> };
        }
        const effect = this.effectOf(deviceId, item, context);
        if (!effect.ok) return { status: 'rejected', error: effect.error };
        const held = item.kind === 'reservation' ? onHold(item.storeCode, item.sku) : null;
        this.db
          .prepare(
            'INSERT INTO outbox_items (device_id, item_id, kind, body, result_json, received_at) VALUES (?, ?, ?, ?, ?, ?)',
          )
          .run(
            deviceId,
            item.id,
            item.kind,
            JSON.stringify(item),
            effect.result === undefined ? null : JSON.stringify(effect.result),
            context.now,
          );
        return {
          status: 'stored',
          ...(effect.result === undefined ? {} : { result: effect.result }),
          ...(held === null ? {} : { grown: [held] }),
        };
      })
      .immediate();
  }

  private effectOf(deviceId: string, item: OutboxItem, context: ReceiveContext): Effect {
    switch (item.kind) {
      case 'event':
        return this.eventEffect(deviceId, context.deviceStoreCode, item, context.now);
      case 'reservation':
        return this.reserve(deviceId, item, context);
      case 'handoff':
        return this.handoff(deviceId, item, context);
    }
  }

  private reserve(
    deviceId: string,
    item: Extract<OutboxItem, { kind: 'reservation' }>,
    context: ReceiveContext,
  ): Effect {
    const stock = this.db
      .prepare<[string, string], { quantity: number }>(
        'SELECT quantity FROM stock WHERE store_code = ? AND sku = ?',
      )
      .get(item.storeCode, item.sku);
    if (stock === undefined)
      return { ok: false, error: `no stock of ${item.sku} in store ${item.storeCode}` };
    const pickup = pickupWindow(item.pickupFrom, context);
    if (!pickup.ok) return pickup;
    const available = stock.quantity - this.held(item.storeCode, item.sku, context.now);
    if (available < item.quantity) {
      return {
        ok: false,
        error: `only ${String(Math.max(0, available))} of ${item.sku} available in store ${item.storeCode}`,
      };
    }
    const taken = this.db.prepare<[string, string], { one: number }>(
      'SELECT 1 AS one FROM reservations WHERE pickup_code = ? AND expires_at > ?',
    );
    let pickupCode = context.newPickupCode();
    // 31^6 ≈ 887 million codes: a clash among live reservations is rare; a few tries settle it.
    for (let attempt = 0; taken.get(pickupCode, context.now) !== undefined; attempt++) {
      if (attempt >= 20) throw new Error('could not find a free pickup code');
      pickupCode = context.newPickupCode();
    }
    this.db
      .prepare(
        `INSERT INTO reservations (device_id, item_id, sku, store_code, quantity, name, contact_json,
           pickup_code, created_at, expires_at, pickup_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        deviceId,
        item.id,
        item.sku,
        item.storeCode,
        item.quantity,
        item.name,
        JSON.stringify(item.contact),
        pickupCode,
        context.now,
        pickup.until,
        pickup.from,
      );
    return {
      ok: true,
      result: {
        pickupCode,
        expiresAt: pickup.until,
        ...(pickup.from === null ? {} : { pickupFrom: pickup.from }),
      },
    };
  }

  /** Marks reservations expired by `now` as released; returns what each held, once. */
  releaseExpired(now: string): { storeCode: string; sku: string }[] {
    const rows = this.db
      .prepare<[string], { id: number; storeCode: string; sku: string }>(
        'SELECT id, store_code AS storeCode, sku FROM reservations WHERE released = 0 AND expires_at <= ?',
      )
      .all(now);
    const release = this.db.prepare<[number]>('UPDATE reservations SET released = 1 WHERE id = ?');
    for (const row of rows) release.run(row.id);
    return rows.map(({ storeCode, sku }) => ({ storeCode, sku }));
  }

  /** Units of a SKU held by live reservations; instants are ISO UTC strings, so text order is time order. */
  held(storeCode: string, sku: string, now: string): number {
    const row = this.db
      .prepare<[string, string, string], { held: number | null }>(
        'SELECT sum(quantity) AS held FROM reservations WHERE store_code = ? AND sku = ? AND expires_at > ?',
      )
      .get(storeCode, sku, now);
    return row?.held ?? 0;
  }

  private handoff(
    deviceId: string,
    item: Extract<OutboxItem, { kind: 'handoff' }>,
    context: ReceiveContext,
  ): Effect {
    const row = this.db
      .prepare<[string], { body: string }>('SELECT body FROM products WHERE id = ?')
      .get(item.productId);
    if (row === undefined) return { ok: false, error: `unknown product ${item.productId}` };
    if (item.sku !== undefined) {
      const product = JSON.parse(row.body) as ProductRecord;
      if (!product.variants.some((variant) => variant.sku === item.sku)) {
        return { ok: false, error: `product ${item.productId} has no variant ${item.sku}` };
      }
    }
    const pickup = pickupWindow(item.pickupFrom, context);
    if (!pickup.ok) return pickup;
    const token = context.newHandoffToken();
    this.db
      .prepare(
        `INSERT INTO handoffs (token, device_id, product_id, sku, store_code, created_at, expires_at, pickup_from)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        token,
        deviceId,
        item.productId,
        item.sku ?? null,
        context.deviceStoreCode,
        context.now,
        context.handoffExpiresAt,
        pickup.from,
      );
    return {
      ok: true,
      result: { token, url: context.handoffUrl(token), expiresAt: context.handoffExpiresAt },
    };
  }

  getHandoff(token: string): HandoffRow | null {
    const row = this.db
      .prepare<
        [string],
        {
          token: string;
          device_id: string;
          product_id: string;
          sku: string | null;
          store_code: string;
          created_at: string;
          expires_at: string;
          pickup_from: string | null;
        }
      >('SELECT * FROM handoffs WHERE token = ?')
      .get(token);
    if (row === undefined) return null;
    return {
      token: row.token,
      deviceId: row.device_id,
      productId: row.product_id,
      sku: row.sku,
      storeCode: row.store_code,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      pickupFrom: row.pickup_from,
    };
  }

  countReceived(deviceId: string): number {
    const row = this.db
      .prepare<[string], { n: number }>('SELECT count(*) AS n FROM outbox_items WHERE device_id = ?')
      .get(deviceId);
    return row?.n ?? 0;
  }
}
