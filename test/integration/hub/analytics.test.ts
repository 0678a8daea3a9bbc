/**
 * Analytics through the real parts: a device's session recording (main/runtime/session/
 * analytics.ts), its outbox and sync client, a hub on loopback with its SQLite file, the JSON API
 * and the dashboard's sign-in. The one thing not real is a lost ack, made by a socket that drops
 * the hub's first answer to a push after the hub has stored it, as a dropped connection would.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { openCatalog } from '../../../main/runtime/catalog/index.js';
import { createSessionAnalytics } from '../../../main/runtime/session/analytics.js';
import {
  createSyncClient,
  openOutbox,
  silentLog,
  type SocketFactory,
} from '../../../main/runtime/sync/index.js';
import type { AnalyticsReport } from '../../../server/analytics/report.js';
import { HUB_DATABASE_FILE } from '../../../server/index.js';
import type { PushResponse } from '../../../shared/protocol/index.js';
import { useTempDir } from '../../support/temp.js';
import { provision, until } from '../sync/device-fixture.js';
import { catalogText, connectDevice, enrolledDevice, request, useHubs } from './hub-fixture.js';

const tempDir = useTempDir();
const hubs = useHubs();

/** Connects like the sync client does, but loses the hub's answer to the first `events:push`. */
function losingFirstPushAck(pushes: string[][]): SocketFactory {
  return (url, options) => {
    const socket = io(url, options);
    // The client calls socket.timeout(ms).emitWithAck(…), and timeout() returns the socket itself
    // with a flag set: its emitWithAck is where the answer can be lost.
    type EmitWithAck = (event: string, ...args: unknown[]) => Promise<unknown>;
    const emitWithAck = socket.emitWithAck.bind(socket) as EmitWithAck;
    const lossy: EmitWithAck = async (event, ...args) => {
      const answer = await emitWithAck(event, ...args);
      if (event === 'events:push') {
        const { items } = args[0] as { items: { id: string }[] };
        pushes.push(items.map((item) => item.id));
        if (pushes.length === 1) throw new Error('operation has timed out');
      }
      return answer;
    };
    Object.assign(socket, { emitWithAck: lossy });
    return socket;
  };
}

describe('analytics from kiosk to hub', () => {
  it('events pushed twice by the outbox (a lost ack) are stored and counted once', async () => {
    const hubDir = tempDir();
    const test = await hubs.start(hubDir);
    await test.hub.importFeed(catalogText(20), { fileName: 'catalog.jsonl' });
    const dataDir = tempDir();
    const catalog = openCatalog(join(dataDir, 'catalog.db'));
    const outbox = openOutbox(join(dataDir, 'outbox.db'));
    const pushes: string[][] = [];
    const client = createSyncClient({
      hubUrl: test.hub.url,
      dataDir,
      catalog: catalog.sync,
      enrollmentCode: await provision(test),
      appVersion: '0.1.0-test',
      log: silentLog,
      now: () => new Date(),
      random: Math.random,
      outbox,
      firstConnectJitterMs: 0,
      heartbeatSeconds: 3600,
      connect: losingFirstPushAck(pushes),
    });
    const analytics = createSessionAnalytics({ outbox, now: () => new Date(), log: silentLog });
    client.start();
    try {
      await until('online', () => client.status().phase === 'online');
      analytics.start();
      analytics.fromPage('screen.view', { screen: 'search' });
      analytics.fromPage('search', {
        query: 'boots',
        results: 4,
        hasResults: true,
        filters: 0,
        redacted: false,
      });
      analytics.fromPage('search', {
        query: 'zzz',
        results: 0,
        hasResults: false,
        filters: 0,
        redacted: false,
      });
      analytics.fromPage('product.view', { productId: 'P000001', source: 'browse' });
      analytics.record('reservation', { productId: 'P000001', sku: 'P000001-1', status: 'confirmed' });
      analytics.end('done');
      const sent = outbox.pending();
      expect(sent).toBe(7);
      await until('delivered after the retry', () => outbox.pending() === 0);
      expect(outbox.deadLetters()).toEqual([]);

      // Everything was pushed at least twice (the first answer was lost), and kept once.
      const pushed = pushes.flat();
      expect(pushes.length).toBeGreaterThanOrEqual(2);
      expect(new Set(pushed).size).toBe(sent);
      expect(pushed.length).toBeGreaterThan(sent);
      const db = new Database(join(hubDir, HUB_DATABASE_FILE), { readonly: true });
      try {
        const rows = db
          .prepare('SELECT item_id AS id, count(*) AS n FROM analytics_events GROUP BY item_id')
          .all() as { id: string; n: number }[];
        expect(rows.length).toBe(sent);
        expect(rows.every((row) => row.n === 1)).toBe(true);
      } finally {
        db.close();
      }

      const { status, json } = await test.admin('GET', 'analytics');
      expect(status).toBe(200);
      const report = json as AnalyticsReport;
      expect(report.totals).toMatchObject({ sessions: 1, searches: 2, noResultSearches: 1, productViews: 1 });
      expect(report.funnel).toMatchObject({ sessions: 1, viewedProduct: 1, viewedAndReserved: 1 });
      expect(report.events).toEqual({
        'session.start': 1,
        'screen.view': 1,
        search: 2,
        'product.view': 1,
        reservation: 1,
        'session.end': 1,
      });
    } finally {
      client.stop();
      outbox.close();
      catalog.close();
    }
  });

  it('a malformed or unknown event is refused with its reason and kept aside; the others count', async () => {
    const test = await hubs.start(tempDir());
    await test.hub.importFeed(catalogText(20), { fileName: 'catalog.jsonl' });
    const device = await enrolledDevice(test);
    const { socket } = await connectDevice(hubs, test, device);
    const at = new Date(Date.now() - 60_000).toISOString();
    const sessionId = 'session-mixed-1';
    const answer = await request<PushResponse>(socket, 'events:push', {
      items: [
        { kind: 'event', id: 'start', at, name: 'session.start', props: { sessionId } },
        { kind: 'event', id: 'unknown', at, name: 'page.print', props: { sessionId } },
        {
          kind: 'event',
          id: 'personal',
          at,
          name: 'search',
          props: {
            sessionId,
            query: '030 1234567',
            results: 0,
            hasResults: false,
            filters: 0,
            redacted: false,
          },
        },
        { kind: 'event', id: 'bad-name', at, name: 'Screen View!', props: {} },
        {
          kind: 'event',
          id: 'view',
          at,
          name: 'product.view',
          props: { sessionId, productId: 'P000002', source: 'scan' },
        },
      ],
    });
    if (answer.kind !== 'results') throw new Error(JSON.stringify(answer));
    expect(answer.results.map((r) => [r.id, r.status, r.error])).toEqual([
      ['start', 'stored', undefined],
      ['unknown', 'rejected', expect.stringMatching(/^page\.print: unknown event; known: /) as unknown],
      [
        'personal',
        'rejected',
        expect.stringMatching(/^search: props\.query: expected a normalized query/) as unknown,
      ],
      ['bad-name', 'rejected', expect.stringMatching(/^events:push: items\[3\]: name: /) as unknown],
      ['view', 'stored', undefined],
    ]);

    const { json } = await test.admin('GET', 'analytics');
    const report = json as AnalyticsReport;
    expect(report.totals).toMatchObject({ sessions: 1, productViews: 1, searches: 0, rejectedEvents: 3 });
    expect(report.rejected.latest.map((r) => [r.itemId, r.name]).sort()).toEqual([
      ['bad-name', 'Screen View!'],
      ['personal', 'search'],
      ['unknown', 'page.print'],
    ]);
    // The refused phone number is kept for the operator only as the device sent it, never counted.
    expect(report.topSearches).toEqual([]);
    expect(report.noResultSearches).toEqual([]);
  });

  it('the JSON API needs the admin token and names the wrong field', async () => {
    const test = await hubs.start(tempDir());
    await test.hub.importFeed(catalogText(20), { fileName: 'catalog.jsonl' });
    expect((await test.admin('GET', 'analytics', undefined, 'x'.repeat(43))).status).toBe(401);
    expect(await test.admin('GET', 'analytics?from=last-week')).toEqual({
      status: 400,
      json: {
        error: {
          code: 'invalid-message',
          message:
            'analytics: from: expected a date like 2026-03-02 or a date-time with offset like 2026-03-02T10:00:00Z',
        },
      },
    });
    expect(await test.admin('GET', 'analytics?store=NOWHERE')).toMatchObject({
      status: 400,
      json: { error: { message: 'analytics: store: no store "NOWHERE" on this hub' } },
    });
    const berlin = await test.admin('GET', 'analytics?store=BER-MITTE&from=2026-03-01&to=2026-03-01');
    expect(berlin.status).toBe(200);
    expect(berlin.json).toMatchObject({
      timeZone: 'Europe/Berlin',
      filter: { store: 'BER-MITTE', from: '2026-02-28T23:00:00.000Z', to: '2026-03-01T23:00:00.000Z' },
      totals: { sessions: 0 },
    });
  });

  it('the dashboard signs in with the admin token into an HttpOnly, SameSite=Strict cookie', async () => {
    const test = await hubs.start(tempDir());
    const url = (path: string) => `${test.hub.url}${path}`;
    const anonymous = await fetch(url('/admin/dashboard?store=BER-MITTE'));
    expect(anonymous.status).toBe(401);
    const signIn = await anonymous.text();
    expect(signIn).toContain('name="token"');
    expect(signIn).toContain('value="/admin/dashboard?store=BER-MITTE"');
    expect(anonymous.headers.get('content-security-policy')).toContain("default-src 'none'");

    const post = (token: string, next: string) =>
      fetch(url('/admin/login'), {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token, next }).toString(),
      });
    const wrong = await post('not-the-token', '/admin/dashboard');
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    expect(test.logs.some((l) => l.msg === 'dashboard sign-in with a wrong token')).toBe(true);

    // Elsewhere is never where a sign-in leads.
    const offsite = await post(test.hub.adminToken, 'https://evil.example/');
    expect(offsite.status).toBe(303);
    expect(offsite.headers.get('location')).toBe('/admin/dashboard');
    const signedIn = await post(test.hub.adminToken, '/admin/dashboard?from=2026-03-01');
    expect(signedIn.headers.get('location')).toBe('/admin/dashboard?from=2026-03-01');
    const cookie = signedIn.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(
      /^vitrine_dashboard=\d+\.[\w-]+\.[\w-]{43}; HttpOnly; SameSite=Strict; Path=\/admin; Max-Age=43200$/,
    );
    const session = cookie.split(';')[0]!;

    const page = await fetch(url('/admin/dashboard'), { headers: { cookie: session } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    );
    const html = await page.text();
    expect(html).toContain('data-chart="sessions-per-hour"');
    expect(html).not.toMatch(/<script|style="/);
    expect((await fetch(url('/admin/dashboard?from=soon'), { headers: { cookie: session } })).status).toBe(
      400,
    );

    // A forged or altered cookie is no session.
    const forged = session.replace(
      /\.([\w-])([\w-]{42})$/,
      (_m, first: string, rest: string) => `.${first === 'A' ? 'B' : 'A'}${rest}`,
    );
    expect((await fetch(url('/admin/dashboard'), { headers: { cookie: forged } })).status).toBe(401);
    const out = await fetch(url('/admin/logout'), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: session },
    });
    expect(out.headers.get('set-cookie')).toMatch(/^vitrine_dashboard=; .*Max-Age=0/);
    const css = await fetch(url('/admin/dashboard.css'));
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });
});
