/**
 * Nothing a shopper did is lost or counted twice: a device records 1,000 events and 20
 * reservations while the hub is down, and the hub is restarted twice while they are delivered.
 * Real hub, real runtime, real SQLite files on both sides.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HUB_DATABASE_FILE } from '../../../server/index.js';
import { useTempDir } from '../../support/temp.js';
import { catalogText, useHubs } from '../hub/hub-fixture.js';
import { provision, startDevice, until } from './device-fixture.js';

const tempDir = useTempDir();
const hubs = useHubs();

describe('outbox delivery across hub outages', () => {
  it('delivers 1,000 events and 20 reservations exactly once through two hub restarts', async () => {
    const hubDir = tempDir();
    let test = await hubs.start(hubDir);
    await test.hub.importFeed(catalogText(120), { fileName: 'catalog.jsonl' });
    const dataDir = tempDir();
    const { catalog, client, outbox, stop } = startDevice(test, dataDir, await provision(test));
    try {
      await until('the first sync', () => client.status().phase === 'online');
      const deviceId = client.status().deviceId ?? '';
      const port = test.hub.port;
      await test.hub.close();
      await until('offline', () => client.status().phase !== 'online');

      // The shopper goes on using the kiosk: 1,000 events and 20 reservations of in-stock sizes.
      const inStock = catalog.reader
        .search({ text: '', storeCode: 'BER-MITTE', filters: { inStockHere: true }, limit: 200 })
        .hits.flatMap((hit) => catalog.reader.product(hit.id, 'BER-MITTE')?.variants ?? [])
        .filter((v) => (v.stockHere ?? 0) > 0)
        .slice(0, 20);
      expect(inStock).toHaveLength(20);
      const ids = new Set<string>();
      for (let i = 0; i < 1000; i++) {
        const at = new Date().toISOString();
        ids.add(
          outbox.enqueue({
            kind: 'event',
            at,
            name: 'product.view',
            props: {
              productId: `P${String(i).padStart(6, '0')}`,
              source: 'browse',
              sessionId: 'session-0001',
            },
          }),
        );
        if (i % 50 === 0) {
          const variant = inStock[i / 50]!;
          ids.add(
            outbox.enqueue({
              kind: 'reservation',
              at,
              sku: variant.sku,
              storeCode: 'BER-MITTE',
              quantity: 1,
              name: `Shopper ${String(i)}`,
              contact: { phone: '+49 30 1234567' },
              consent: true,
            }),
          );
        }
      }
      expect(outbox.pending()).toBe(1020);

      // The hub comes back, and goes down twice more while the outbox drains.
      for (const stopAt of [300, 700]) {
        test = await hubs.start(hubDir, { port });
        await until(
          `${String(stopAt)} delivered`,
          async () => (await test.hub.store.countReceived(deviceId)) >= stopAt,
        );
        await test.hub.close();
      }
      test = await hubs.start(hubDir, { port });
      await until('everything delivered', () => outbox.pending() === 0);
      await test.hub.close();

      const db = new Database(join(hubDir, HUB_DATABASE_FILE), { readonly: true });
      const received = db
        .prepare('SELECT item_id AS id, count(*) AS n FROM outbox_items WHERE device_id = ? GROUP BY item_id')
        .all(deviceId) as { id: string; n: number }[];
      const reservations = db
        .prepare(
          'SELECT count(*) AS rows, count(DISTINCT item_id) AS items FROM reservations WHERE device_id = ?',
        )
        .get(deviceId) as { rows: number; items: number };
      db.close();
      const lost = [...ids].filter((id) => !received.some((r) => r.id === id)).length;
      const duplicated =
        received.reduce((sum, r) => sum + r.n - 1, 0) + (reservations.rows - reservations.items);
      console.log(
        `outbox across two hub restarts: lost = ${String(lost)}, duplicated = ${String(duplicated)}`,
      );
      expect({ lost, duplicated, received: received.length, reservations: reservations.items }).toEqual({
        lost: 0,
        duplicated: 0,
        received: 1020,
        reservations: 20,
      });
      expect(outbox.deadLetters()).toEqual([]);
    } finally {
      stop();
    }
  });
});
