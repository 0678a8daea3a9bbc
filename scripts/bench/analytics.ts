/**
 * `npm run bench -- analytics [--events N] [--stores N] [--devices N] [--days N] [--keep]`: the hub's
 * analytics on a generated history (default 2,000,000 events from 200 kiosks in 50 stores over
 * 90 days), on the real hub store (SqliteHubStore, migrations, indexes):
 *
 *   1. ingest through the outbox's own paths on samples, in items per second: receiveItem (one
 *      transaction per item, synchronous=FULL) and receiveEvents (a push of 100 events in one
 *      transaction, as events:push stores them);
 *   2. the rest of the history loaded in large transactions (the same ingest code, minus the
 *      per-item commit), to reach N quickly;
 *   3. the whole dashboard report (every query plus titles and local hours) for the filter
 *      shapes people use: all stores, one store, one device; 7, 30 and 90 days.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalizeSearchQuery } from '../../shared/analytics/index.js';
import { seededRandom } from '../../shared/catalog/synthetic.js';
import type { OutboxItem } from '../../shared/protocol/index.js';
import { resolveAnalyticsQuery } from '../../server/analytics/query.js';
import { buildReport } from '../../server/analytics/report.js';
import { openSqliteHubStore, type ReceiveContext, type SqliteHubStore } from '../../server/storage/index.js';
import { argValue, count, fmt, machineLine, summarize, table, timed } from './stats.js';

const TERMS = ['boots', 'sneakers', 'black jacket', 'linen shirt', 'wool coat', 'dress', 'bag', 'jeans 32'];
const NO_RESULT = ['zzz', 'gore-tex boots', 'kids raincoat', 'vegan leather'];
const ZONES = ['Europe/Berlin', 'Europe/London', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney'];
const DAY_MS = 86_400_000;

type Props = Record<string, string | number | boolean | null>;

interface History {
  devices: { id: string; storeCode: string }[];
  /** Yields one device's events, session by session, oldest first. */
  items(): Generator<{ deviceId: string; storeCode: string; item: OutboxItem }>;
}

/** A kiosk day: sessions of a dozen steps, the attract loop playing in between. */
function history(options: {
  events: number;
  stores: number;
  devices: number;
  days: number;
  endMs: number;
}): History {
  const rnd = seededRandom(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const devices = Array.from({ length: options.devices }, (_, i) => ({
    id: `kiosk-${String(i + 1).padStart(4, '0')}`,
    storeCode: `S${String((i % options.stores) + 1).padStart(3, '0')}`,
  }));
  const product = () => `P${String(1 + Math.floor(rnd() ** 2 * 5000)).padStart(6, '0')}`;
  return {
    devices,
    *items(): Generator<{ deviceId: string; storeCode: string; item: OutboxItem }> {
      let made = 0;
      let n = 0;
      const startMs = options.endMs - options.days * DAY_MS;
      // About 13 events a session (3 of them attract plays); sessions come day by day, in time
      // order within a day, as pushes reach a hub. Busier around midday.
      const perDay = Math.max(1, Math.ceil(options.events / 13 / options.days));
      let day = 0;
      let starts: number[] = [];
      while (made < options.events) {
        if (starts.length === 0) {
          const dayMs = startMs + (day++ % options.days) * DAY_MS;
          starts = Array.from({ length: perDay }, () => dayMs + Math.floor(((rnd() + rnd()) / 2) * DAY_MS));
          starts.sort((a, b) => b - a);
        }
        const at = starts.pop() ?? startMs;
        const device = pick(devices);
        const sessionId = `s${String(++n)}-${device.id}`;
        const steps: [string, Props][] = [
          ['session.start', {}],
          ['screen.view', { screen: 'home' }],
        ];
        for (let i = 0, k = 2 + Math.floor(rnd() * 10); i < k; i++) {
          const r = rnd();
          if (r < 0.25) {
            const empty = rnd() < 0.2;
            const { query } = normalizeSearchQuery(empty ? pick(NO_RESULT) : pick(TERMS));
            const results = empty ? 0 : 1 + Math.floor(rnd() * 24);
            steps.push(['search', { query, results, hasResults: results > 0, filters: 0, redacted: false }]);
            if (!empty && rnd() < 0.5)
              steps.push(['search.select', { query, productId: product(), position: 0 }]);
          } else if (r < 0.45)
            steps.push(['scan', { outcome: 'product', productId: product(), matchedBy: 'gtin' }]);
          else if (r < 0.8) steps.push(['product.view', { productId: product(), source: 'browse' }]);
          else if (r < 0.85)
            steps.push([
              'reservation',
              { productId: product(), sku: 'SKU-1', status: pick(['confirmed', 'queued']) },
            ]);
          else if (r < 0.9) steps.push(['handoff', { productId: product(), status: 'ready' }]);
          else steps.push(['screen.view', { screen: pick(['search', 'product', 'reserve']) }]);
        }
        steps.push(['session.end', { reason: pick(['done', 'idle']), durationMs: steps.length * 20_000 }]);
        for (const [i, [name, props]] of steps.entries()) {
          yield {
            deviceId: device.id,
            storeCode: device.storeCode,
            item: {
              kind: 'event',
              id: `${sessionId}-${String(i)}`,
              at: new Date(at + i * 20_000).toISOString(),
              name,
              props: { ...props, sessionId },
            },
          };
        }
        for (let i = 0; i < 3; i++) {
          yield {
            deviceId: device.id,
            storeCode: device.storeCode,
            item: {
              kind: 'event',
              id: `${sessionId}-a${String(i)}`,
              at: new Date(at - (i + 1) * 10_000).toISOString(),
              name: 'attract.impression',
              props: { itemKind: 'product', itemRef: `P00000${String(1 + i)}`, durationMs: 10_000 },
            },
          };
        }
        made += steps.length + 3;
      }
    },
  };
}

function contextFor(storeCode: string, now: string): ReceiveContext {
  return {
    now,
    deviceStoreCode: storeCode,
    reservationExpiresAt: now,
    reservationHoldMs: 0,
    handoffExpiresAt: now,
    newPickupCode: () => 'BENCH1',
    newHandoffToken: () => 'bench-token',
    handoffUrl: (token) => token,
  };
}

async function seedCatalog(store: SqliteHubStore, stores: number): Promise<void> {
  await store.applyCatalog(
    {
      stores: Array.from({ length: stores }, (_, i) => ({
        code: `S${String(i + 1).padStart(3, '0')}`,
        name: `Store ${String(i + 1)}`,
        timeZone: ZONES[i % ZONES.length] ?? 'UTC',
      })),
      products: Array.from({ length: 200 }, (_, i) => ({
        id: `P${String(i + 1).padStart(6, '0')}`,
        title: `Product ${String(i + 1)}`,
        categoryPath: ['Shoes'],
        media: [],
        variants: [{ sku: `SKU-${String(i + 1)}`, gtins: [] }],
      })),
      prices: [],
      stock: [],
    },
    new Date().toISOString(),
  );
}

export async function runAnalyticsBench(args: string[]): Promise<void> {
  const events = argValue(args, '--events', 2_000_000);
  const stores = argValue(args, '--stores', 50);
  const devices = argValue(args, '--devices', 200);
  const days = argValue(args, '--days', 90);
  const endMs = Date.parse('2026-06-30T00:00:00Z');
  const keep = args.includes('--keep');
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-bench-analytics-'));
  const path = join(dir, 'hub.db');
  const store = openSqliteHubStore(path);
  try {
    process.stdout.write(`analytics bench: ${machineLine()}\n`);
    process.stdout.write(
      `history: ${count(events)} events, ${String(devices)} kiosks in ${String(stores)} stores, ${String(days)} days\n\n`,
    );
    await seedCatalog(store, stores);
    const source = history({ events, stores, devices, days, endMs }).items();

    // 1. The outbox's path, one item per transaction, as a hub stores pushes.
    const SAMPLE = 5000;
    const now = new Date(endMs).toISOString();
    const t0 = performance.now();
    for (let i = 0; i < SAMPLE; i++) {
      const next = source.next();
      if (next.done === true) break;
      const { deviceId, storeCode, item } = next.value;
      await store.receiveItem(deviceId, item, contextFor(storeCode, now));
    }
    const perItemMs = (performance.now() - t0) / SAMPLE;

    // 1b. As pushes arrive: 100 events (the sender's batch) in one transaction, FULL sync.
    const PUSHES = 200;
    const t1 = performance.now();
    for (let push = 0; push < PUSHES; push++) {
      const batch: { deviceId: string; storeCode: string; item: OutboxItem }[] = [];
      for (let next = source.next(); next.done !== true && batch.length < 100; next = source.next()) {
        if (next.value.item.kind === 'event') batch.push(next.value);
      }
      const first = batch[0];
      if (first === undefined) break;
      // One push comes from one device: the batch is filed under the first one's id.
      await store.receiveEvents(
        first.deviceId,
        batch.flatMap(({ item }) => (item.kind === 'event' ? [item] : [])),
        contextFor(first.storeCode, now),
      );
    }
    const perPushedMs = (performance.now() - t1) / (PUSHES * 100);

    // 2. The rest in big transactions: the same ingest, without a commit (and fsync) per item.
    const analytics = store.analytics;
    const insertItem = store.db.prepare(
      'INSERT INTO outbox_items (device_id, item_id, kind, body, result_json, received_at) VALUES (?, ?, ?, ?, NULL, ?)',
    );
    store.db.pragma('synchronous = OFF');
    const loadStart = performance.now();
    let loaded = SAMPLE + PUSHES * 100;
    for (;;) {
      const batch: { deviceId: string; storeCode: string; item: OutboxItem }[] = [];
      for (let next = source.next(); next.done !== true; next = source.next()) {
        batch.push(next.value);
        if (batch.length === 20_000) break;
      }
      if (batch.length === 0) break;
      store.db.transaction(() => {
        for (const { deviceId, storeCode, item } of batch) {
          if (item.kind !== 'event') continue;
          insertItem.run(deviceId, item.id, item.kind, JSON.stringify(item), now);
          analytics.ingest(deviceId, storeCode, item, now);
        }
      })();
      loaded += batch.length;
    }
    const loadS = (performance.now() - loadStart) / 1000;
    store.db.pragma('synchronous = FULL');
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.db.exec('ANALYZE');
    const sessions = (store.db.prepare('SELECT count(*) AS n FROM analytics_sessions').get() as { n: number })
      .n;
    process.stdout.write(
      table(
        ['ingest', 'items', 'rate'],
        [
          ['receiveItem (1 tx each, FULL sync)', count(SAMPLE), `${count(1000 / perItemMs)} items/s`],
          [
            'receiveEvents (100 per push, FULL sync)',
            count(PUSHES * 100),
            `${count(1000 / perPushedMs)} items/s`,
          ],
          [
            'bulk load (20k per tx, no sync)',
            count(loaded - SAMPLE - PUSHES * 100),
            `${count((loaded - SAMPLE - PUSHES * 100) / loadS)} items/s`,
          ],
        ],
      ) + '\n',
    );
    process.stdout.write(
      `database: ${fmt(statSync(path).size / 2 ** 20, 0)} MiB for ${count(loaded)} events, ${count(sessions)} sessions\n\n`,
    );

    // 3. The report, as the dashboard asks for it.
    const [storeRows, deviceRows] = await Promise.all([store.listStores(), store.listDevices()]);
    const anyDevice = history({ events: 1, stores, devices, days, endMs }).devices[0];
    const deviceList = [
      ...deviceRows,
      ...(anyDevice === undefined
        ? []
        : [
            {
              id: anyDevice.id,
              storeCode: anyDevice.storeCode,
              name: anyDevice.id,
              tokenHash: null,
              createdAt: now,
              enrolledAt: null,
              revokedAt: null,
              lastSeenAt: null,
              appVersion: null,
              cursors: null,
              hardware: null,
              uptimeSeconds: null,
              memoryMb: null,
            },
          ]),
    ];
    const shapes: [string, Record<string, string>][] = [];
    for (const range of [7, 30, 90].filter((d) => d <= days)) {
      const from = new Date(endMs - range * DAY_MS).toISOString().slice(0, 10);
      const to = new Date(endMs - DAY_MS).toISOString().slice(0, 10);
      shapes.push([`all stores, ${String(range)} days`, { from, to }]);
      shapes.push([`one store, ${String(range)} days`, { store: 'S001', from, to }]);
      if (anyDevice !== undefined)
        shapes.push([`one kiosk, ${String(range)} days`, { device: anyDevice.id, from, to }]);
    }
    const rows: string[][] = [];
    for (const [label, raw] of shapes) {
      const resolved = resolveAnalyticsQuery(raw, {
        stores: storeRows,
        devices: deviceList,
        now: new Date(endMs),
      });
      if (!resolved.ok) throw new Error(resolved.error);
      const times: number[] = [];
      let sessionsIn = 0;
      for (let i = 0; i < 5; i++) {
        const start = performance.now();
        const report = await buildReport(store, resolved.value);
        times.push(performance.now() - start);
        sessionsIn = report.totals.sessions;
      }
      const s = summarize(times);
      rows.push([label, count(sessionsIn), fmt(s.p50, 1), fmt(s.max, 1)]);
    }
    process.stdout.write(`${table(['dashboard report', 'sessions', 'p50 ms', 'max ms'], rows)}\n`);
    // The single heaviest statement on its own, for comparison with the whole report.
    const scan = timed(() =>
      store.db
        .prepare(
          "SELECT product_id, count(*) AS n FROM analytics_events WHERE name = 'product.view' AND at_ms >= ? AND at_ms < ? GROUP BY product_id ORDER BY n DESC LIMIT 10",
        )
        .all(endMs - days * DAY_MS, endMs),
    );
    process.stdout.write(`\ntop viewed over the whole history, one statement: ${fmt(scan.ms, 1)} ms\n`);
  } finally {
    await store.close();
    if (keep) process.stdout.write(`kept: ${path}\n`);
    else rmSync(dir, { recursive: true, force: true });
  }
}
