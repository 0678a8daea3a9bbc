import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveAnalyticsQuery, type ResolvedQuery } from '../../../../server/analytics/query.js';
import { buildReport } from '../../../../server/analytics/report.js';
import { openSqliteHubStore, type SqliteHubStore } from '../../../../server/storage/index.js';
import { useTempDir } from '../../../support/temp.js';
import { context, Device, scanOf, search, seedCatalog, view } from './seed.js';

const tempDir = useTempDir();
const open: SqliteHubStore[] = [];
afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
});

const DAY = { fromMs: Date.parse('2026-03-02T00:00:00Z'), toMs: Date.parse('2026-03-03T00:00:00Z') };

function query(filter: Partial<ResolvedQuery['filter']> = {}, timeZone = 'UTC'): ResolvedQuery {
  return { filter: { ...DAY, ...filter }, timeZone, fromDate: '2026-03-02', toDate: '2026-03-02' };
}

/**
 * Five stores' worth of sessions on 2 March 2026 (winter time: Berlin UTC+1, New York UTC-5,
 * Delhi UTC+5:30, the pop-up store without a time zone: UTC).
 */
async function seeded(path = join(tempDir(), 'hub.db')) {
  const store = openSqliteHubStore(path);
  open.push(store);
  await seedCatalog(store);
  const ber = new Device(store, 'ber-kiosk-1', 'BER');
  const ber2 = new Device(store, 'ber-kiosk-2', 'BER');
  const nyc = new Device(store, 'nyc-kiosk-1', 'NYC');
  const del = new Device(store, 'del-kiosk-1', 'DEL');
  const pop = new Device(store, 'pop-kiosk-1', 'XXX');
  // Berlin 10:15: viewed and reserved.
  await ber.session('session-A1', '2026-03-02T09:15:00Z', [
    view('P1'),
    ['reservation', { productId: 'P1', sku: 'P1-42', status: 'confirmed' }],
  ]);
  // Berlin 10:50, another kiosk: two searches, one empty; a result opened and sent to a phone.
  await ber2.session('session-B2', '2026-03-02T09:50:00Z', [
    search('boots', 3),
    search('zzz', 0),
    ['search.select', { query: 'boots', productId: 'P2', position: 0 }],
    view('P2'),
    ['handoff', { productId: 'P2', status: 'ready' }],
  ]);
  // Berlin 14:05: scans only, one of a code the catalog lacks.
  await ber.session('session-C3', '2026-03-02T13:05:00Z', [
    scanOf('P1'),
    scanOf('P1'),
    ['scan', { outcome: 'not-found', gtin: '4006381333931' }],
    search('zzz', 0),
  ]);
  // New York 10:30: viewed, the reservation was refused (not a conversion).
  await nyc.session('session-D4', '2026-03-02T15:30:00Z', [
    view('P3'),
    ['reservation', { productId: 'P3', sku: 'P3-42', status: 'refused' }],
    scanOf('P3'),
  ]);
  // Delhi 09:45 and 10:15 (UTC+5:30: the same UTC hour holds two local hours).
  await del.session('session-E5', '2026-03-02T04:15:00Z', [search('kurta', 2)]);
  await del.session('session-F6', '2026-03-02T04:45:00Z', [search('kurta', 0)]);
  // Pop-up, no time zone: 23:50 UTC. And one the day before, outside the range.
  await pop.session('session-G7', '2026-03-02T23:50:00Z', [view('GONE')]);
  await pop.session('session-H8', '2026-03-01T12:00:00Z', [view('P1')]);
  // Proof of play: two plays of one item, one of them touched (it carries the session's id).
  await ber.send('2026-03-02T09:14:00Z', 'attract.impression', {
    itemKind: 'product',
    itemRef: 'P1',
    durationMs: 10_000,
  });
  await ber.send('2026-03-02T09:15:00Z', 'attract.impression', {
    itemKind: 'product',
    itemRef: 'P1',
    durationMs: 4_500,
    sessionId: 'session-A1',
  });
  return { store, path, devices: { ber, ber2, nyc, del, pop } };
}

describe('analytics aggregation (real SQLite, seeded through the outbox path)', () => {
  it('counts sessions per local hour of each store, quarter-hour offsets included', async () => {
    const { store } = await seeded();
    const all = await buildReport(store, query());
    const hours = all.sessionsPerHour.byHourOfDay;
    expect(hours[9]).toBe(1); // Delhi 09:45
    expect(hours[10]).toBe(4); // Berlin 10:15 and 10:50, New York 10:30, Delhi 10:15
    expect(hours[14]).toBe(1); // Berlin 14:05
    expect(hours[23]).toBe(1); // pop-up, UTC
    expect(hours.reduce((a, b) => a + b, 0)).toBe(7);
    expect(all.timeZone).toBe("each store's local time");
    expect(all.sessionsPerHour.series).toEqual([
      { hour: '2026-03-02T09', sessions: 1 },
      { hour: '2026-03-02T10', sessions: 4 },
      { hour: '2026-03-02T14', sessions: 1 },
      { hour: '2026-03-02T23', sessions: 1 },
    ]);

    const berlin = await buildReport(store, query({ storeCode: 'BER' }, 'Europe/Berlin'));
    expect(berlin.timeZone).toBe('Europe/Berlin');
    expect(berlin.sessionsPerHour.byHourOfDay.flatMap((n, h) => (n > 0 ? [[h, n]] : []))).toEqual([
      [10, 2],
      [14, 1],
    ]);
    const oneKiosk = await buildReport(store, query({ deviceId: 'ber-kiosk-2' }, 'Europe/Berlin'));
    expect(oneKiosk.totals.sessions).toBe(1);
    expect(oneKiosk.sessionsPerHour.byHourOfDay[10]).toBe(1);
  });

  it('lists top scanned products, searches, no-result searches and what search found', async () => {
    const { store } = await seeded();
    const report = await buildReport(store, query());
    expect(report.topScanned).toEqual([
      { productId: 'P1', title: 'Trail Runner', count: 2 },
      { productId: 'P3', title: 'Linen Shirt', count: 1 },
    ]);
    expect(report.unknownCodes).toEqual([{ gtin: '4006381333931', scans: 1 }]);
    expect(report.topSearches).toEqual([
      { query: 'kurta', searches: 2, noResult: 1 },
      { query: 'zzz', searches: 2, noResult: 2 },
      { query: 'boots', searches: 1, noResult: 0 },
    ]);
    expect(report.noResultSearches.map((r) => [r.query, r.searches])).toEqual([
      ['zzz', 2],
      ['kurta', 1],
    ]);
    expect(report.noResultSearches[0]?.lastAt).toBe('2026-03-02T13:09:00.000Z');
    expect(report.topFromSearch).toEqual([{ productId: 'P2', title: 'Harbor Boot', count: 1 }]);
    // A product the catalog lost keeps its id, without a title.
    expect(report.topViewed).toContainEqual({ productId: 'GONE', title: null, count: 1 });
    expect(report.totals).toMatchObject({
      sessions: 7,
      scans: 4,
      searches: 5,
      noResultSearches: 3,
      productViews: 4,
      reservations: 2,
      handoffs: 1,
      attractImpressions: 2,
    });
    expect(report.attract).toEqual([
      { itemKind: 'product', itemRef: 'P1', title: 'Trail Runner', impressions: 2, seconds: 15, touches: 1 },
    ]);
  });

  it('computes the funnel per session: a view, then a reservation or a hand-off', async () => {
    const { store } = await seeded();
    const report = await buildReport(store, query());
    expect(report.funnel).toEqual({
      sessions: 7,
      viewedProduct: 4, // A1, B2, D4, G7
      viewedAndReserved: 1, // A1 (D4's was refused)
      viewedAndHandedOff: 1, // B2
      reserved: 1,
      handedOff: 1,
      searched: 4, // B2, C3, E5, F6
      scanned: 2, // C3, D4
    });
    const berlin = await buildReport(store, query({ storeCode: 'BER' }));
    expect(berlin.funnel).toMatchObject({ sessions: 3, viewedProduct: 2, viewedAndReserved: 1 });
  });

  it('a range takes sessions by their start and events by their own time', async () => {
    const { store } = await seeded();
    const before = await buildReport(
      store,
      query({ fromMs: Date.parse('2026-03-01T00:00:00Z'), toMs: Date.parse('2026-03-02T09:15:00Z') }),
    );
    // H8 on the 1st, and Delhi's two in the morning; A1 starts exactly at the end (exclusive).
    expect(before.totals.sessions).toBe(3);
    expect(before.totals.productViews).toBe(1);
    expect(before.totals.attractImpressions).toBe(1);
  });

  it('an event that arrives before its session.start is counted once the start arrives', async () => {
    const { store, devices } = await seeded();
    await devices.nyc.send('2026-03-02T18:01:00Z', 'product.view', {
      productId: 'P3',
      source: 'scan',
      sessionId: 'late-start-1',
    });
    expect((await buildReport(store, query())).totals.sessions).toBe(7);
    await devices.nyc.send('2026-03-02T18:00:00Z', 'session.start', { sessionId: 'late-start-1' });
    const report = await buildReport(store, query());
    expect(report.totals.sessions).toBe(8);
    expect(report.funnel.viewedProduct).toBe(5);
  });

  it('a retried event is stored once; a refused one is kept with its reason and counts nowhere', async () => {
    const { store, path, devices } = await seeded();
    const item = devices.ber.item('2026-03-02T16:00:00Z', 'session.start', { sessionId: 'retry-session' });
    expect((await store.receiveItem('ber-kiosk-1', item, context('BER'))).status).toBe('stored');
    expect((await store.receiveItem('ber-kiosk-1', item, context('BER'))).status).toBe('duplicate');
    const bad = devices.ber.item('2026-03-02T16:01:00Z', 'search', {
      sessionId: 'retry-session',
      query: 'ana@example.com',
      results: 0,
      hasResults: false,
      filters: 0,
      redacted: false,
    });
    const arrived = context('BER', '2026-03-02T16:01:05.000Z');
    const refused = await store.receiveItem('ber-kiosk-1', bad, arrived);
    expect(refused).toEqual({
      status: 'rejected',
      error:
        'search: props.query: expected a normalized query without personal data (see normalizeSearchQuery)',
    });
    // Refused again on a retry, and still kept once.
    expect((await store.receiveItem('ber-kiosk-1', bad, arrived)).status).toBe('rejected');

    const report = await buildReport(store, query());
    expect(report.totals.sessions).toBe(8);
    expect(report.totals.searches).toBe(5);
    expect(report.rejected.total).toBe(1);
    expect(report.rejected.latest).toEqual([
      {
        deviceId: 'ber-kiosk-1',
        itemId: bad.id,
        name: 'search',
        reason: refused.error,
        receivedAt: '2026-03-02T16:01:05.000Z',
      },
    ]);
    const db = new Database(path, { readonly: true });
    try {
      const rows = db
        .prepare(
          'SELECT count(*) AS n, count(DISTINCT item_id) AS ids FROM analytics_events WHERE device_id = ?',
        )
        .get('ber-kiosk-1') as { n: number; ids: number };
      expect(rows.n).toBe(rows.ids);
      const kept = db.prepare('SELECT count(*) AS n FROM analytics_rejected').get() as { n: number };
      expect(kept.n).toBe(1);
    } finally {
      db.close();
    }
  });

  it('reads every filter shape through an index range, never a whole table or index', async () => {
    const { store } = await seeded();
    // With statistics, as a long-running hub gathers them, the planner has choices to get wrong.
    store.db.exec('ANALYZE');
    // The statements the store prepares, as it runs them.
    const prepared: string[] = [];
    const prepare = store.db.prepare.bind(store.db);
    store.db.prepare = (sql: string) => {
      prepared.push(sql);
      return prepare(sql);
    };
    for (const filter of [
      {},
      { storeCode: 'BER' },
      { deviceId: 'ber-kiosk-1' },
      { storeCode: 'BER', deviceId: 'ber-kiosk-1' },
    ])
      await buildReport(store, query(filter));
    const reads = prepared.filter((sql) => /FROM analytics_(events|sessions)/.test(sql));
    expect(reads.length).toBeGreaterThanOrEqual(4 * 7);
    const values = { fromMs: DAY.fromMs, toMs: DAY.toMs, storeCode: 'BER', deviceId: 'ber-kiosk-1', top: 10 };
    for (const sql of reads) {
      const params = Object.fromEntries(
        Object.entries(values).filter(([key]) => new RegExp(`@${key}\\b`).test(sql)),
      );
      const plan = (prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map(
        (r) => r.detail,
      );
      const access = plan.filter((detail) => /analytics_(events|sessions)/.test(detail));
      expect({ sql, access }).toEqual({
        sql,
        access: [
          expect.stringMatching(
            /^SEARCH analytics_\w+ USING (COVERING )?INDEX analytics_\w+ \(.*(at_ms|started_ms)>\? AND (at_ms|started_ms)<\?\)$/,
          ),
        ],
      });
    }
  });
});

describe('the analytics query', () => {
  const stores = [
    { code: 'BER', name: 'Berlin', timeZone: 'Europe/Berlin' },
    { code: 'NYC', name: 'New York', timeZone: 'America/New_York' },
  ];
  const devices = [
    { id: 'ber-kiosk-1', storeCode: 'BER' },
    { id: 'nyc-kiosk-1', storeCode: 'NYC' },
  ].map((d) => ({
    ...d,
    name: d.id,
    tokenHash: null,
    createdAt: '',
    enrolledAt: null,
    revokedAt: null,
    lastSeenAt: null,
    appVersion: null,
    cursors: null,
    hardware: null,
    uptimeSeconds: null,
    memoryMb: null,
  }));
  const now = new Date('2026-07-10T12:00:00Z');
  const resolve = (raw: Record<string, unknown>) => resolveAnalyticsQuery(raw, { stores, devices, now });

  it('reads dates as whole days in the store’s time zone, `to` included', () => {
    const berlin = resolve({ store: 'BER', from: '2026-07-01', to: '2026-07-02' });
    expect(berlin).toEqual({
      ok: true,
      value: {
        filter: {
          fromMs: Date.parse('2026-06-30T22:00:00Z'),
          toMs: Date.parse('2026-07-02T22:00:00Z'),
          storeCode: 'BER',
        },
        timeZone: 'Europe/Berlin',
        fromDate: '2026-07-01',
        toDate: '2026-07-02',
      },
    });
    const device = resolve({ device: 'nyc-kiosk-1', from: '2026-07-01', to: '2026-07-01' });
    expect(device.ok && device.value.filter).toEqual({
      fromMs: Date.parse('2026-07-01T04:00:00Z'),
      toMs: Date.parse('2026-07-02T04:00:00Z'),
      deviceId: 'nyc-kiosk-1',
    });
  });

  it('defaults to the last 7 days up to now, in UTC when the stores differ', () => {
    const result = resolve({ store: '', device: '' });
    expect(result).toEqual({
      ok: true,
      value: {
        filter: { fromMs: Date.parse('2026-07-04T00:00:00Z'), toMs: now.getTime() },
        timeZone: 'UTC',
        fromDate: '2026-07-04',
        toDate: '2026-07-10',
      },
    });
    const instants = resolve({ from: '2026-07-09T08:00:00+02:00', to: '2026-07-09T10:00:00Z' });
    expect(instants.ok && instants.value.filter).toEqual({
      fromMs: Date.parse('2026-07-09T06:00:00Z'),
      toMs: Date.parse('2026-07-09T10:00:00Z'),
    });
  });

  it('refuses a bad query naming the field', () => {
    const error = (raw: Record<string, unknown>) => {
      const result = resolve(raw);
      return result.ok ? 'accepted' : result.error;
    };
    expect(error({ from: 'yesterday' })).toBe(
      'analytics: from: expected a date like 2026-03-02 or a date-time with offset like 2026-03-02T10:00:00Z',
    );
    expect(error({ to: '2026-02-30' })).toMatch(/^analytics: to: expected a date/);
    expect(error({ store: 'PAR' })).toBe('analytics: store: no store "PAR" on this hub');
    expect(error({ device: 'ghost' })).toBe('analytics: device: no device "ghost" on this hub');
    expect(error({ store: 'BER', device: 'nyc-kiosk-1' })).toBe(
      'analytics: device: "nyc-kiosk-1" is in store NYC, not BER',
    );
    expect(error({ from: '2026-07-05', to: '2026-07-01' })).toBe('analytics: to: must be after from');
    expect(error({ from: '2024-01-01', to: '2026-01-01' })).toBe(
      'analytics: from: the range may span at most 366 days',
    );
    expect(error({ limit: '5' })).toBe(
      'analytics: (message): unknown parameter "limit"; known: store, device, from, to',
    );
    expect(error({ store: ['BER', 'NYC'] })).toMatch(/^analytics: store: /);
  });
});
