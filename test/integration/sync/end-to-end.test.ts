/**
 * The whole sync path with real parts: a hub on loopback with its SQLite store, a device runtime
 * with its catalog file, its sync client and its outbox. Waits poll for a state (generously
 * bounded), never for a time.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../support/temp.js';
import { catalogText, useHubs } from '../hub/hub-fixture.js';
import { provision, startDevice, until } from './device-fixture.js';

const tempDir = useTempDir();

function stagedPages(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM snapshot_pages').get() as { n: number }).n;
  } finally {
    db.close();
  }
}
const hubs = useHubs();

describe('hub to device sync (real hub, real runtime, real SQLite)', () => {
  it('first sync, then a delta, then a live price change reach the device', async () => {
    const test = await hubs.start(tempDir());
    await test.hub.importFeed(catalogText(150), { fileName: 'catalog.jsonl' });
    const device = startDevice(test, tempDir(), await provision(test));
    try {
      await until('the first sync', () => device.catalog.reader.counts().products === 150);
      await until('online', () => device.client.status().phase === 'online');
      expect(device.catalog.reader.counts().stores).toBe(8);

      // A delta: one new product in a Merchant Center feed.
      await test.hub.importFeed(
        'id\ttitle\tprice\tgtin\tbrand\nNEW-1\tHarbor Linen Shirt\t49.95 EUR\t4006381333931\tVela\n',
        { fileName: 'new.tsv' },
      );
      await until('the delta', () => device.catalog.reader.lookup('4006381333931').result !== null);

      // A price change for one store, pushed live by a poke.
      const sku = device.catalog.reader.search({ text: '', limit: 1 }).hits[0]?.id;
      const product = device.catalog.reader.product(sku ?? '', 'BER-MITTE');
      const variant = product?.variants[0];
      expect(variant).toBeDefined();
      await test.hub.importFeed(
        `store_code\tid\tquantity\tprice\nBER-MITTE\t${variant!.sku}\t7\t12.34 EUR\n`,
        {
          fileName: 'local.tsv',
        },
      );
      await until('the live price change', () => {
        const now = device.catalog.reader.product(product!.id, 'BER-MITTE')?.variants[0];
        return now?.price?.current === 1234 && now.stockHere === 7;
      });
    } finally {
      device.stop();
    }
  });

  it('a device whose cursor is older than the compacted log takes a snapshot and ends complete', async () => {
    const test = await hubs.start(tempDir(), { maxChangesPerScope: 20, pageBudgetBytes: 16 * 1024 });
    await test.hub.importFeed(catalogText(40), { fileName: 'a.jsonl' });
    const dataDir = tempDir();
    const code = await provision(test);
    let device = startDevice(test, dataDir, code);
    await until('the first sync', () => device.catalog.reader.counts().products === 40);
    device.stop();

    // While the device is away, the catalog grows far past what the log keeps.
    await test.hub.importFeed(catalogText(200, 7), { fileName: 'b.jsonl' });
    device = startDevice(test, dataDir, code);
    try {
      await until(
        'the snapshot',
        () => device.catalog.reader.counts().products === 200 && device.client.status().phase === 'online',
      );
      const hubCounts = await test.hub.store.counts();
      expect(device.catalog.reader.counts().products).toBe(hubCounts.products);
      // Same seed products replaced the first catalog's: every product answers with the new data.
      const hit = device.catalog.reader.search({ text: '', limit: 200 }).hits;
      expect(hit).toHaveLength(200);
      // The snapshot's staged pages are deleted after the swap, in the background.
      await until('the staged pages deleted', () => stagedPages(join(dataDir, 'catalog.db')) === 0);
    } finally {
      device.stop();
    }
  });

  it('events and a reservation recorded while the hub is down arrive once it is back', async () => {
    const hubDir = tempDir();
    let test = await hubs.start(hubDir);
    await test.hub.importFeed(catalogText(30), { fileName: 'a.jsonl' });
    const dataDir = tempDir();
    const device = startDevice(test, dataDir, await provision(test));
    try {
      await until('the first sync', () => device.client.status().phase === 'online');
      const port = test.hub.port;
      const deviceId = device.client.status().deviceId ?? '';
      await test.hub.close();
      await until('offline', () => device.client.status().phase !== 'online');

      const inStock = device.catalog.reader.search({
        text: '',
        storeCode: 'BER-MITTE',
        filters: { inStockHere: true },
      });
      const product = device.catalog.reader.product(inStock.hits[0]?.id ?? '', 'BER-MITTE');
      const sku = product?.variants.find((v) => (v.stockHere ?? 0) > 0)?.sku ?? '';
      const ids = [
        device.outbox.enqueue({
          kind: 'event',
          at: new Date().toISOString(),
          name: 'product.view',
          props: { productId: 'P000001', source: 'browse', sessionId: 'session-0001' },
        }),
        device.outbox.enqueue({
          kind: 'event',
          at: new Date().toISOString(),
          name: 'search',
          props: {
            query: 'boot',
            results: 3,
            hasResults: true,
            filters: 0,
            redacted: false,
            sessionId: 'session-0001',
          },
        }),
        device.outbox.enqueue({
          kind: 'reservation',
          at: new Date().toISOString(),
          sku,
          storeCode: 'BER-MITTE',
          quantity: 1,
          name: 'Ana',
          contact: { email: 'ana@example.com' },
          consent: true,
        }),
      ];
      expect(device.outbox.pending()).toBe(3);

      test = await hubs.start(hubDir, { port });
      await until('delivery', () => device.outbox.pending() === 0);
      expect(device.outbox.deadLetters()).toEqual([]);
      expect(await test.hub.store.countReceived(deviceId)).toBe(3);
      expect(device.outbox.result(ids[2]!)?.result?.pickupCode).toMatch(/^[A-Z0-9]{6}$/);
    } finally {
      device.stop();
    }
  });
});

describe('which stores a device syncs', () => {
  it('its own store and the ones near it, not far stores', async () => {
    const test = await hubs.start(tempDir());
    await test.hub.importFeed(catalogText(30), { fileName: 'catalog.jsonl' });
    const device = startDevice(test, tempDir(), await provision(test));
    try {
      await until('the first sync', () => device.client.status().phase === 'online');
      // The synthetic stores: two in Berlin, the others in other cities (hub-fixture, synthetic.ts).
      expect(Object.keys(device.client.status().cursors).sort()).toEqual([
        'catalog',
        'store:BER-KUDAMM',
        'store:BER-MITTE',
      ]);
      const sku = device.catalog.reader.search({ text: '', limit: 1 }).hits[0]?.id ?? '';
      const variant = device.catalog.reader.product(sku)?.variants[0]?.sku ?? '';
      // Stock for a far store, then for a neighbour: only the neighbour's reaches the device.
      await test.hub.importFeed(`store_code\tid\tquantity\nHAM-JUNGFERNSTIEG\t${variant}\t77\n`, {
        fileName: 'ham.tsv',
      });
      await test.hub.importFeed(`store_code\tid\tquantity\nBER-KUDAMM\t${variant}\t55\n`, {
        fileName: 'kudamm.tsv',
      });
      await until('the neighbour’s stock', () =>
        device.catalog.reader
          .nearby(variant, 'BER-MITTE', { inStockOnly: true })
          .some((n) => n.store.code === 'BER-KUDAMM' && n.quantity === 55),
      );
      expect(
        device.catalog.reader.nearby(variant, 'BER-MITTE', { inStockOnly: false }).map((n) => n.store.code),
      ).not.toContain('HAM-JUNGFERNSTIEG');
      expect(device.client.status().cursors['store:HAM-JUNGFERNSTIEG']).toBeUndefined();
    } finally {
      device.stop();
    }
  });
});

describe('stock that reservations hold', () => {
  it('is gone from every kiosk while held, and back when the hold expires', async () => {
    let now = Date.parse('2026-03-02T10:00:00.000Z');
    const test = await hubs.start(tempDir(), { now: () => new Date(now), reservationHoldMs: 3600_000 });
    await test.hub.importFeed(catalogText(30), { fileName: 'catalog.jsonl' });
    const reserving = startDevice(test, tempDir(), await provision(test));
    const watching = startDevice(test, tempDir(), await provision(test));
    try {
      await until('both synced', () =>
        [reserving, watching].every(
          (d) => d.client.status().phase === 'online' && d.catalog.reader.counts().products === 30,
        ),
      );
      const stockHere = (device: typeof watching, sku: string) =>
        device.catalog.reader.lookup(sku, 'BER-MITTE').result?.product.variants.find((v) => v.sku === sku)
          ?.stockHere ?? 0;
      const hits = watching.catalog.reader.search({ text: '', limit: 30 }).hits;
      const sku = hits
        .flatMap((h) => watching.catalog.reader.product(h.id, 'BER-MITTE')?.variants ?? [])
        .find((v) => (v.stockHere ?? 0) >= 2)?.sku;
      if (sku === undefined) throw new Error('no SKU with 2+ in stock');
      const before = stockHere(watching, sku);

      reserving.outbox.enqueue({
        kind: 'reservation',
        at: new Date(now).toISOString(),
        sku,
        storeCode: 'BER-MITTE',
        quantity: 2,
        name: 'Ada',
        contact: { email: 'ada@example.com' },
        consent: true,
      });
      await until('the hold reaches the other kiosk', () => stockHere(watching, sku) === before - 2);
      expect(stockHere(reserving, sku)).toBe(before - 2);
      // The hub's own numbers stay the feed's; a kiosk that syncs from scratch sees the hold too.
      const late = startDevice(test, tempDir(), await provision(test));
      try {
        await until(
          'a late kiosk synced',
          () => late.client.status().phase === 'online' && stockHere(late, sku) === before - 2,
        );
      } finally {
        late.stop();
      }

      now += 3600_000 + 1;
      expect(await test.hub.releaseExpiredHolds()).toBe(1);
      await until('the stock is back', () => stockHere(watching, sku) === before);
      expect(await test.hub.releaseExpiredHolds()).toBe(0); // each expiry once
    } finally {
      reserving.stop();
      watching.stop();
    }
  });
});
