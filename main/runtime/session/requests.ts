/**
 * A shopper's requests to the hub: reservations and hand-offs. Both go through the outbox, so
 * nothing is lost when the hub is away; the shopper is told the truth either way. A request the
 * hub answers within `waitMs` shows its answer at once (pickup code, phone link); a reservation it
 * does not answer in time is "queued" — saved on the kiosk, sent when the hub is back — and the
 * page is told when it moves on, for as long as the session lasts. A session keeps the requests
 * it made only to show them; wiping it forgets them here, while the outbox still delivers them.
 */
import type { HandoffView, ReservationView } from '../../../shared/bridge/index.js';
import { BridgeCallError } from '../../../shared/bridge/index.js';
import type { OutboxItemInput } from '../sync/index.js';
import type { Outbox, Timers } from '../sync/index.js';

export interface ReservationRequest {
  sku: string;
  storeCode: string;
  name: string;
  contact: { phone: string } | { email: string };
  /** What the shopper sees while it is queued. */
  productTitle: string;
  size?: string;
  color?: string;
  storeName: string;
  /** Made while the store is closed: ready from its next opening (the hub holds it from then). */
  pickupFrom?: string;
}

export interface ShopperRequestsOptions {
  /** Undefined without a hub (standalone): there is nowhere to send a request. */
  outbox: Outbox | undefined;
  /** True while the hub connection is up. */
  online: () => boolean;
  now: () => Date;
  timers: Timers;
  waitMs?: number;
  onReservation: (view: ReservationView) => void;
}

export interface ShopperRequests {
  reserve(request: ReservationRequest): Promise<ReservationView>;
  reservation(id: string): ReservationView | null;
  /** `pickupFrom`: the store is closed, so reservations from the phone page are ready from then. */
  handoff(productId: string, sku?: string, pickupFrom?: string): Promise<HandoffView>;
  /** Forgets this session's requests (they stay in the outbox until delivered). */
  wipe(): void;
  close(): void;
}

type Shown = Omit<ReservationView, 'id' | 'status' | 'pickupCode' | 'holdUntil' | 'message'>;

export function createShopperRequests(options: ShopperRequestsOptions): ShopperRequests {
  const { outbox } = options;
  const waitMs = options.waitMs ?? 4000;
  const reservations = new Map<string, Shown>();
  const waiters = new Map<string, () => void>();
  const stopListening = outbox?.onSettle((ids) => {
    for (const id of ids) {
      waiters.get(id)?.();
      if (reservations.has(id)) {
        const view = viewOf(id);
        if (view !== null) options.onReservation(view);
      }
    }
  });

  /** Resolves once the hub has answered for `id`, or after `waitMs`. */
  function settled(id: string): Promise<void> {
    return new Promise((resolve) => {
      const handle = options.timers.setTimeout(done, waitMs);
      function done(): void {
        options.timers.clearTimeout(handle);
        waiters.delete(id);
        resolve();
      }
      waiters.set(id, done);
    });
  }

  function viewOf(id: string): ReservationView | null {
    const shown = reservations.get(id);
    const entry = outbox?.result(id);
    if (shown === undefined || entry === undefined) return null;
    if (entry.state === 'pending') return { id, status: 'queued', ...shown };
    if (entry.state === 'dead') {
      return {
        id,
        status: 'refused',
        message: `Sorry, ${shown.storeName} cannot hold this one for you any more: it was just taken. Choose another size or store.`,
        ...shown,
      };
    }
    const view: ReservationView = { id, status: 'confirmed', ...shown };
    const pickupCode = entry.result?.pickupCode;
    const holdUntil = entry.result?.expiresAt;
    // The hub's word on the pickup time: a reservation sent after the opening is ready at once.
    const pickupFrom = entry.result?.pickupFrom;
    if (pickupCode !== undefined) view.pickupCode = pickupCode;
    if (holdUntil !== undefined) view.holdUntil = holdUntil;
    if (pickupFrom !== undefined) view.pickupFrom = pickupFrom;
    else delete view.pickupFrom;
    return view;
  }

  function enqueue(item: OutboxItemInput): string {
    if (outbox === undefined) {
      throw new BridgeCallError('unavailable', 'This kiosk runs without a hub, so it cannot send requests.');
    }
    return outbox.enqueue(item);
  }

  return {
    async reserve(request) {
      const { productTitle, size, color, storeName, pickupFrom, ...item } = request;
      const id = enqueue({
        kind: 'reservation',
        at: options.now().toISOString(),
        quantity: 1,
        consent: true,
        ...item,
        ...(pickupFrom === undefined ? {} : { pickupFrom }),
      });
      const shown: Shown = { productTitle, storeName };
      if (size !== undefined) shown.size = size;
      if (color !== undefined) shown.color = color;
      if (pickupFrom !== undefined) shown.pickupFrom = pickupFrom;
      reservations.set(id, shown);
      // Offline, the answer cannot come: say "queued" at once rather than after a wait.
      if (options.online()) await settled(id);
      const view = viewOf(id);
      if (view === null) throw new Error(`reservation ${id} vanished from the outbox`);
      return view;
    },

    reservation: viewOf,

    async handoff(productId, sku, pickupFrom) {
      // A phone link needs the hub to make it; a link made later would reach nobody.
      if (outbox === undefined || !options.online()) {
        return {
          status: 'unavailable',
          message:
            'Sending to your phone needs a connection to our system, and this kiosk has none right now. You can reserve instead: it is saved here and sent as soon as the connection is back.',
        };
      }
      const id = enqueue({
        kind: 'handoff',
        at: options.now().toISOString(),
        productId,
        ...(sku === undefined ? {} : { sku }),
        ...(pickupFrom === undefined ? {} : { pickupFrom }),
      });
      await settled(id);
      const entry = outbox.result(id);
      const url = entry?.state === 'delivered' ? entry.result?.url : undefined;
      if (url === undefined) {
        return {
          status: 'unavailable',
          message: 'Our system did not answer in time. Please try again in a moment, or reserve instead.',
        };
      }
      const expiresAt = entry?.result?.expiresAt;
      return expiresAt === undefined ? { status: 'ready', url } : { status: 'ready', url, expiresAt };
    },

    wipe() {
      reservations.clear();
    },

    close() {
      stopListening?.();
      for (const done of [...waiters.values()]) done();
    },
  };
}
