/**
 * Seeded analytics on a real hub SQLite file: events go in through `receiveItem`, the outbox's
 * own path, so what the aggregation reads is what devices' pushes leave behind.
 */
import type { OutboxItem } from '../../../../shared/protocol/index.js';
import type { StoreRecord } from '../../../../shared/catalog/types.js';
import type { ReceiveContext, SqliteHubStore } from '../../../../server/storage/index.js';

export const STORES: StoreRecord[] = [
  { code: 'BER', name: 'Berlin Mitte', timeZone: 'Europe/Berlin' },
  { code: 'NYC', name: 'New York SoHo', timeZone: 'America/New_York' },
  { code: 'DEL', name: 'Delhi Connaught', timeZone: 'Asia/Kolkata' },
  { code: 'XXX', name: 'Pop-up' },
];

export function context(storeCode: string, now = '2026-03-03T00:00:00.000Z'): ReceiveContext {
  return {
    now,
    deviceStoreCode: storeCode,
    reservationExpiresAt: '2026-03-05T00:00:00.000Z',
    reservationHoldMs: 48 * 3600_000,
    handoffExpiresAt: '2026-03-03T00:30:00.000Z',
    newPickupCode: () => 'ABC234',
    newHandoffToken: () => 'token-0123456789',
    handoffUrl: (token) => `https://hub.example/p/${token}`,
  };
}

export async function seedCatalog(store: SqliteHubStore): Promise<void> {
  await store.applyCatalog(
    {
      stores: STORES,
      products: ['P1', 'P2', 'P3'].map((id, i) => ({
        id,
        title: ['Trail Runner', 'Harbor Boot', 'Linen Shirt'][i] ?? id,
        categoryPath: ['Shoes'],
        media: [],
        variants: [{ sku: `${id}-42`, gtins: [] }],
      })),
      prices: [],
      stock: [],
    },
    '2026-03-01T00:00:00.000Z',
  );
}

type Props = Record<string, string | number | boolean | null>;

/** Sends events of one device with ids `<prefix>-<n>`, each at its own time. */
export class Device {
  private n = 0;

  constructor(
    private readonly store: SqliteHubStore,
    readonly id: string,
    readonly storeCode: string,
  ) {}

  item(at: string, name: string, props: Props): OutboxItem {
    return { kind: 'event', id: `${this.id}-${String(++this.n)}`, at, name, props };
  }

  async send(at: string, name: string, props: Props): Promise<string> {
    const result = await this.store.receiveItem(this.id, this.item(at, name, props), context(this.storeCode));
    if (result.status !== 'stored') throw new Error(`${name}: ${result.status} ${result.error ?? ''}`);
    return result.status;
  }

  /** A session: start at `at`, then each step a minute later, then "done". */
  async session(sessionId: string, at: string, steps: [string, Props][]): Promise<void> {
    const t0 = Date.parse(at);
    const time = (minutes: number) => new Date(t0 + minutes * 60_000).toISOString();
    await this.send(at, 'session.start', { sessionId });
    for (const [i, [name, props]] of steps.entries())
      await this.send(time(i + 1), name, { ...props, sessionId });
    await this.send(time(steps.length + 1), 'session.end', {
      sessionId,
      reason: 'done',
      durationMs: (steps.length + 1) * 60_000,
    });
  }
}

export const search = (query: string, results: number): [string, Props] => [
  'search',
  { query, results, hasResults: results > 0, filters: 0, redacted: false },
];
export const view = (productId: string): [string, Props] => ['product.view', { productId, source: 'browse' }];
export const scanOf = (productId: string): [string, Props] => [
  'scan',
  { outcome: 'product', productId, matchedBy: 'gtin' },
];
