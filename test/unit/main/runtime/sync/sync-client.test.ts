import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadCredentials, type SyncClient } from '../../../../../main/runtime/sync/index.js';
import type { Catalog } from '../../../../../main/runtime/catalog/index.js';
import { useTempDir } from '../../../../support/temp.js';
import type { FakeHub } from './fake-hub.js';
import { useSyncHarness } from './harness.js';
import { product, productChange } from './records.js';

const tempDir = useTempDir();
const harness = useSyncHarness(tempDir);

const untilOnline = (client: SyncClient) =>
  vi.waitFor(
    () => {
      expect(client.status().phase).toBe('online');
    },
    { timeout: 20_000, interval: 10 },
  );

const title = (catalog: Catalog, id: string): string | undefined => catalog.reader.product(id)?.title;

/** A hub whose catalog log was compacted through seq 10 into a 3-page snapshot of products S0..S5. */
function withSnapshot(hub: FakeHub): void {
  hub.compactedThrough.set('catalog', 10);
  hub.snapshots.set('catalog', {
    id: 'snap-10',
    cursor: 10,
    pages: [0, 1, 2].map((p) => [
      productChange(`S${String(2 * p)}`, 'Snap'),
      productChange(`S${String(2 * p + 1)}`, 'Snap'),
    ]),
  });
  hub.append('catalog', productChange('AFTER', 'After the snapshot'));
}

describe('sync client: enrollment', () => {
  it('trades the enrollment code for credentials, stored with mode 0600, and connects', async () => {
    const hub = await harness.hub();
    const dataDir = tempDir();
    const catalog = harness.catalog(dataDir);
    hub.append('catalog', productChange('P1', 'One'));
    const { client } = harness.client(hub, catalog, {
      dataDir,
      credentials: undefined,
      enrollmentCode: hub.enrollmentCode,
    });
    client.start();
    await untilOnline(client);
    const path = join(dataDir, 'device-credentials.json');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(loadCredentials(dataDir)).toEqual(hub.credentials);
    expect(client.status()).toMatchObject({ deviceId: 'dev-1', storeCode: 'BER', cursors: { catalog: 1 } });
    expect(title(catalog, 'P1')).toBe('One');
  });

  it('stops with an error status on a 401, without retrying', async () => {
    const hub = await harness.hub();
    const dataDir = tempDir();
    const { client } = harness.client(hub, harness.catalog(dataDir), {
      dataDir,
      credentials: undefined,
      enrollmentCode: 'WRONG-CODE-1',
    });
    const phases: string[] = [];
    client.onStatus((s) => phases.push(s.phase));
    client.start();
    await vi.waitFor(() => {
      expect(client.status().phase).toBe('error');
    });
    expect(client.status().lastError).toMatch(/refused the enrollment code \(401\)/);
    expect(hub.enrollRequests).toBe(1);
    expect(loadCredentials(dataDir)).toBeUndefined();
    expect(phases).toEqual(['enrolling', 'error']);
  });

  it('stops with an error status when the hub refuses the token', async () => {
    const hub = await harness.hub();
    const { client } = harness.client(hub, harness.catalog(tempDir()), {
      credentials: { ...hub.credentials, token: 'revoked-0123456789abcdef' },
    });
    client.start();
    await vi.waitFor(() => {
      expect(client.status()).toMatchObject({
        phase: 'error',
        lastError: 'hub refused the connection: unauthorized',
      });
    });
  });
});

describe('sync client: changes', () => {
  it('pulls page after page until the hub has no more, then sends heartbeats', async () => {
    const hub = await harness.hub();
    const catalog = harness.catalog(tempDir());
    for (let i = 1; i <= 5; i++)
      hub.append('catalog', productChange(`P${String(i)}`, `Product ${String(i)}`));
    hub.append('store:BER', { op: 'stock.upsert', stock: { storeCode: 'BER', sku: 'P1-S', quantity: 4 } });
    const { client } = harness.client(hub, catalog, { heartbeatSeconds: 0.05 });
    client.start();
    await untilOnline(client);
    expect(catalog.reader.counts().products).toBe(5);
    expect(catalog.sync.cursors()).toEqual({ catalog: 5, 'store:BER': 1 });
    expect(catalog.reader.lookup('P1-S', 'BER').result?.product.variants[0]?.stockHere).toBe(4);
    expect(hub.pulls.filter((p) => p.scope === 'catalog').map((p) => p.cursor)).toEqual([0, 2, 4]);
    await vi.waitFor(() => {
      expect(hub.heartbeats.at(-1)?.cursors).toEqual({ catalog: 5, 'store:BER': 1 });
    });
    expect(hub.heartbeats[0]).toMatchObject({ appVersion: '0.1.0-test', hardware: [] });
  });

  it('fetches a store scope while the catalog is in flight, and ends with both applied', async () => {
    const hub = await harness.hub();
    const catalog = harness.catalog(tempDir());
    hub.append('catalog', productChange('P1', 'Product 1'));
    hub.append('store:BER', { op: 'stock.upsert', stock: { storeCode: 'BER', sku: 'P1-S', quantity: 4 } });
    let held = 0;
    hub.onPull = (request) => (request.scope === 'catalog' && held++ === 0 ? 'hang' : 'normal');
    const { client } = harness.client(hub, catalog);
    client.start();
    await untilOnline(client);
    // The store's pull went out while the first catalog pull hung, before the catalog's retry.
    const order = hub.pulls.map((p) => p.scope);
    expect(order.indexOf('store:BER')).toBeLessThan(order.lastIndexOf('catalog'));
    expect(catalog.sync.cursors()).toEqual({ catalog: 1, 'store:BER': 1 });
    expect(catalog.reader.lookup('P1-S', 'BER').result?.product.variants[0]?.stockHere).toBe(4);
  });

  it('pulls when poked', async () => {
    const hub = await harness.hub();
    const catalog = harness.catalog(tempDir());
    hub.append('catalog', productChange('P1', 'One'));
    const { client } = harness.client(hub, catalog);
    client.start();
    await untilOnline(client);
    hub.append('catalog', productChange('P2', 'Two'));
    hub.append('catalog', { op: 'product.delete', id: 'P1' });
    await vi.waitFor(() => {
      expect(catalog.sync.cursor('catalog')).toBe(3);
    });
    expect(title(catalog, 'P2')).toBe('Two');
    expect(catalog.reader.product('P1')).toBeUndefined();
  });

  it('applies a delta carried by a poke without pulling, and pulls when the delta does not fit', async () => {
    const hub = await harness.hub();
    const catalog = harness.catalog(tempDir());
    hub.append('catalog', productChange('P1', 'One'));
    const { client } = harness.client(hub, catalog);
    client.start();
    await untilOnline(client);
    const pullsBefore = hub.pulls.length;

    // Starts at the device's cursor (1): applied at once, no round trip.
    hub.append('catalog', productChange('P2', 'Two'), 'delta');
    await vi.waitFor(() => {
      expect(catalog.sync.cursor('catalog')).toBe(2);
    });
    expect(title(catalog, 'P2')).toBe('Two');
    expect(hub.pulls.length).toBe(pullsBefore);

    // The device missed a change (no poke for seq 3): the delta for seq 4 does not start at its
    // cursor, so nothing is applied from it and the device pulls both, in order.
    hub.append('catalog', productChange('P3', 'Three'), 'none');
    hub.append('catalog', productChange('P4', 'Four'), 'delta');
    await vi.waitFor(() => {
      expect(catalog.sync.cursor('catalog')).toBe(4);
    });
    expect(hub.pulls.length).toBe(pullsBefore + 1);
    expect([title(catalog, 'P3'), title(catalog, 'P4')]).toEqual(['Three', 'Four']);

    // A malformed delta (sequence numbers out of order) is refused whole and the device pulls.
    hub.io.of('/device').emit('catalog:poke', {
      scope: 'catalog',
      head: 6,
      from: 4,
      changes: [
        { seq: 6, ...productChange('X', 'X') },
        { seq: 5, ...productChange('Y', 'Y') },
      ],
    });
    await vi.waitFor(() => {
      expect(hub.pulls.length).toBe(pullsBefore + 2);
    });
    expect(catalog.reader.product('X')).toBeUndefined();
    expect(catalog.sync.cursor('catalog')).toBe(4);
  });

  it('refuses a page that does not start at its cursor and pulls again', async () => {
    const hub = await harness.hub();
    const catalog = harness.catalog(tempDir());
    hub.append('catalog', productChange('P1', 'One'));
    let first = true;
    hub.onPull = ({ scope, cursor }) => {
      if (!first) return 'normal';
      first = false;
      const changes = [{ seq: 8, ...productChange('GAP', 'Should not land') }];
      return { send: { kind: 'changes', scope, from: cursor + 7, to: 8, changes, more: false } };
    };
    const { client, log } = harness.client(hub, catalog);
    client.start();
    await untilOnline(client);
    expect(catalog.reader.product('GAP')).toBeUndefined();
    expect(title(catalog, 'P1')).toBe('One');
    expect(catalog.sync.cursor('catalog')).toBe(1);
    expect(hub.pulls.map((p) => p.cursor)).toEqual([0, 0]);
    expect(log.entries.some((e) => e.message.includes('do not start at the cursor'))).toBe(true);
  });
});

describe('sync client: malformed hub messages', () => {
  const badPulls: [string, (scope: string, cursor: number) => unknown][] = [
    [
      'a cursor of the wrong type',
      (scope) => ({ kind: 'changes', scope, from: '0', to: 1, changes: [], more: false }),
    ],
    [
      'an unknown op',
      (scope, cursor) => ({
        kind: 'changes',
        scope,
        from: cursor,
        to: 2,
        changes: [
          { seq: 1, ...productChange('BAD', 'Bad') },
          { seq: 2, op: 'product.explode', id: 'P1' },
        ],
        more: false,
      }),
    ],
    [
      'changes out of order',
      (scope, cursor) => ({
        kind: 'changes',
        scope,
        from: cursor,
        to: 2,
        changes: [
          { seq: 2, ...productChange('BAD', 'Bad') },
          { seq: 1, ...productChange('BAD2', 'Bad') },
        ],
        more: false,
      }),
    ],
  ];

  it.each(badPulls)('refuses a pull answer with %s, applies nothing, and recovers', async (_name, answer) => {
    const hub = await harness.hub();
    const catalog = harness.catalog(tempDir());
    hub.append('catalog', productChange('P1', 'One'));
    let bad = 1;
    hub.onPull = ({ scope, cursor }) => (bad-- > 0 ? { send: answer(scope, cursor) } : 'normal');
    const { client, log } = harness.client(hub, catalog);
    client.start();
    await untilOnline(client);
    expect(log.entries.filter((e) => e.message === 'scope sync failed; will retry')).toHaveLength(1);
    expect(catalog.reader.product('BAD')).toBeUndefined();
    expect(title(catalog, 'P1')).toBe('One');
  });

  it('refuses a snapshot page with a bad record and stages nothing from it', async () => {
    const hub = await harness.hub();
    const catalog = harness.catalog(tempDir());
    withSnapshot(hub);
    let bad = 1;
    hub.onSnapshotPage = (request) => {
      if (request.page !== 1 || bad-- <= 0) return 'normal';
      const broken = { op: 'product.upsert', product: { ...product('S2', 'Snap'), title: 42 } };
      return { send: { kind: 'page', ...request, pages: 3, cursor: 10, records: [broken] } };
    };
    const { client, log } = harness.client(hub, catalog);
    client.start();
    await untilOnline(client);
    expect(
      log.entries.some((e) => e.level === 'error' && JSON.stringify(e.details).includes('product.title')),
    ).toBe(true);
    // The refused page was asked for again; page 0, staged before, was not.
    expect(hub.pageRequests.map((r) => r.page)).toEqual([0, 1, 1, 2]);
    expect(catalog.reader.counts().products).toBe(7);
  });

  it('ignores a malformed poke', async () => {
    const hub = await harness.hub();
    const catalog = harness.catalog(tempDir());
    hub.append('catalog', productChange('P1', 'One'));
    const { client, log } = harness.client(hub, catalog);
    client.start();
    await untilOnline(client);
    const pulls = hub.pulls.length;
    hub.io.of('/device').emit('catalog:poke', { scope: 'everything', head: -1 });
    await vi.waitFor(() => {
      expect(log.entries.some((e) => e.message === 'refused a malformed hub message')).toBe(true);
    });
    expect(hub.pulls.length).toBe(pulls);
  });
});

describe('sync client: snapshots', () => {
  it('takes a snapshot when behind the log, swaps it in, then pulls the changes after it', async () => {
    const hub = await harness.hub();
    const catalog = harness.catalog(tempDir());
    catalog.sync.applyChanges('catalog', 0, 3, [productChange('OLD', 'Old')]);
    withSnapshot(hub);
    const { client } = harness.client(hub, catalog);
    const progress: string[] = [];
    const rows: string[] = [];
    client.onStatus((s) => {
      if (s.progress !== undefined) progress.push(`${String(s.progress.done)}/${String(s.progress.total)}`);
      if (s.rows !== undefined) rows.push(`${String(s.rows.done)}/${String(s.rows.total)}`);
    });
    client.start();
    await untilOnline(client);
    expect(progress).toEqual(['0/3', '1/3', '2/3', '3/3']);
    expect(rows).toEqual(['0/6', '2/6', '4/6', '6/6']); // rows staged of the snapshot's, for the UI
    expect(client.status().rows).toBeUndefined();
    expect(catalog.reader.product('OLD')).toBeUndefined();
    expect(catalog.reader.counts().products).toBe(7);
    expect(title(catalog, 'AFTER')).toBe('After the snapshot');
    expect(catalog.sync.cursor('catalog')).toBe(11);
  });

  it('answers lookups from the old catalog while pages arrive', async () => {
    const hub = await harness.hub();
    const catalog = harness.catalog(tempDir());
    catalog.sync.applyChanges('catalog', 0, 3, [productChange('OLD', 'Old')]);
    withSnapshot(hub);
    const seen: (string | undefined)[] = [];
    hub.onSnapshotPage = () => {
      seen.push(catalog.reader.lookup('OLD-S').result?.product.title);
      return 'normal';
    };
    const { client } = harness.client(hub, catalog);
    client.start();
    await untilOnline(client);
    expect(seen).toEqual(['Old', 'Old', 'Old']);
    expect(catalog.reader.lookup('OLD-S').result).toBeNull();
  });

  it('resumes an interrupted snapshot from the page it stopped at, in a new client', async () => {
    const hub = await harness.hub();
    const dir = tempDir();
    const first = harness.catalog(dir);
    withSnapshot(hub);
    let interrupted!: () => void;
    const stopped = new Promise<void>((resolve) => (interrupted = resolve));
    hub.onSnapshotPage = ({ page }) => {
      if (page !== 2) return 'normal';
      interrupted();
      return 'hang';
    };
    const one = harness.client(hub, first, { dataDir: dir });
    one.client.start();
    await stopped;
    one.client.stop(); // the process dies with page 2 in flight
    harness.closeCatalog(first);

    hub.onSnapshotPage = undefined;
    const requestsBefore = hub.pageRequests.length;
    const again = harness.catalog(dir);
    expect(again.sync.snapshotInProgress('catalog')).toMatchObject({ snapshotId: 'snap-10', nextPage: 2 });
    const two = harness.client(hub, again, { dataDir: dir });
    two.client.start();
    await untilOnline(two.client);
    expect(hub.pageRequests.slice(requestsBefore).map((r) => r.page)).toEqual([2]);
    expect(again.reader.counts().products).toBe(7);
    expect(again.sync.cursor('catalog')).toBe(11);
  });

  it('starts over when the hub no longer serves the staged snapshot', async () => {
    const hub = await harness.hub();
    const dir = tempDir();
    const catalog = harness.catalog(dir);
    withSnapshot(hub);
    catalog.sync.stageSnapshotPage('catalog', 'snap-OLD', 7, 0, 2, [productChange('STALE', 'Stale')]);
    const { client } = harness.client(hub, catalog);
    client.start();
    await untilOnline(client);
    expect(hub.pageRequests.map((r) => `${r.snapshotId}:${String(r.page)}`)).toEqual([
      'snap-OLD:1',
      'snap-10:0',
      'snap-10:1',
      'snap-10:2',
    ]);
    expect(catalog.reader.product('STALE')).toBeUndefined();
    expect(catalog.reader.counts().products).toBe(7);
  });
});
