import { describe, expect, it } from 'vitest';
import {
  jsonBytes,
  MAX_MESSAGE_BYTES,
  PAGE_BUDGET_BYTES,
  pullResponseSchema,
  snapshotPageResponseSchema,
  type Change,
  type ChangeBody,
  type Poke,
  type PullResponse,
  type SnapshotPageResponse,
} from '../../../shared/protocol/index.js';
import { useTempDir } from '../../support/temp.js';
import {
  catalogText,
  connectDevice,
  enrolledDevice,
  request,
  useHubs,
  type DeviceSocket,
} from './hub-fixture.js';

const tempDir = useTempDir();
const hubs = useHubs();

/** Pulls a scope from `cursor` until `more` is false, checking every page on the way. */
async function pullAll(
  socket: DeviceSocket,
  scope: string,
  cursor: number,
): Promise<{ pages: PullResponse[]; changes: Change[] }> {
  const pages: PullResponse[] = [];
  const changes: Change[] = [];
  for (;;) {
    const page = await request<PullResponse>(socket, 'catalog:pull', { scope, cursor });
    expect(pullResponseSchema.safeParse(page).success).toBe(true);
    expect(jsonBytes(page)).toBeLessThan(MAX_MESSAGE_BYTES);
    pages.push(page);
    if (page.kind !== 'changes') return { pages, changes };
    expect(page.from).toBe(cursor);
    page.changes.forEach((change, i) => {
      expect(change.seq).toBe(cursor + 1 + i); // contiguous
    });
    changes.push(...page.changes);
    cursor = page.to;
    if (!page.more) return { pages, changes };
  }
}

function keyOf(body: ChangeBody): string {
  switch (body.op) {
    case 'product.upsert':
      return `product:${body.product.id}`;
    case 'product.delete':
      return `product:${body.id}`;
    case 'store.upsert':
      return `store:${body.store.code}`;
    case 'price.upsert':
      return `price:${body.price.storeCode ?? ''}:${body.price.sku}`;
    case 'stock.upsert':
      return `stock:${body.stock.storeCode}:${body.stock.sku}`;
  }
}

describe('hub catalog sync (real hub, real SQLite, socket.io device)', () => {
  it('logs each import change with a monotonic seq per scope, and nothing for an unchanged re-import', async () => {
    const test = await hubs.start(tempDir());
    const feed = catalogText(50);
    const first = await test.hub.importFeed(feed, { fileName: 'demo.jsonl' });
    expect(first.problems).toEqual([]);
    expect(first.changed.products).toBe(50);
    expect(first.changed.stores).toBe(8);
    const scopes = await test.hub.store.listScopes();
    expect(scopes.map((s) => s.scope)).toContain('catalog');
    expect(scopes.filter((s) => s.scope.startsWith('store:'))).toHaveLength(8);
    const catalog = scopes.find((s) => s.scope === 'catalog')!;
    const changed =
      first.changed.stores + first.changed.products + first.changed.prices + first.changed.stock;
    expect(scopes.reduce((sum, s) => sum + s.head, 0)).toBe(changed);
    for (const scope of scopes) {
      const page = await test.hub.store.readChanges(scope.scope, 0, Number.MAX_SAFE_INTEGER);
      expect(page.changes.map((c) => c.seq)).toEqual(Array.from({ length: scope.head }, (_, i) => i + 1));
      // Catalog scope: products, stores, default prices; store scopes: that store's prices and stock.
      for (const change of page.changes) {
        if (scope.scope === 'catalog') expect(change.op).not.toBe('stock.upsert');
        else expect(['price.upsert', 'stock.upsert']).toContain(change.op);
      }
    }

    const again = await test.hub.importFeed(feed, { fileName: 'demo.jsonl' });
    expect(again.changed).toEqual({ stores: 0, products: 0, prices: 0, stock: 0 });
    expect(again.grown).toEqual([]);
    expect(await test.hub.store.listScopes()).toEqual(scopes);

    // One product's title changes: exactly one change, the next seq of the catalog scope.
    const edited = feed.replace(/"title":"([^"]+)"/, '"title":"$1 (new season)"');
    const third = await test.hub.importFeed(edited, { fileName: 'demo.jsonl' });
    expect(third.changed).toEqual({ stores: 0, products: 1, prices: 0, stock: 0 });
    expect(third.grown).toEqual([{ scope: 'catalog', head: catalog.head + 1, floor: 0 }]);
  });

  it('serves all changes in contiguous pages under 1 MB, and pokes devices after an import', async () => {
    const test = await hubs.start(tempDir());
    const device = await enrolledDevice(await seeded(test, 10));
    const { socket, hello } = await connectDevice(hubs, test, device);
    expect(hello.deviceId).toBe(device.deviceId);
    const pokes: Poke[] = [];
    socket.on('catalog:poke', (poke) => pokes.push(poke));

    await test.hub.importFeed(catalogText(1500), { fileName: 'big.jsonl' });
    const head = (await test.hub.store.getScope('catalog'))!.head;
    const { pages, changes } = await pullAll(socket, 'catalog', 0);
    expect(pages.length).toBeGreaterThan(1);
    expect(changes).toHaveLength(head);
    for (const page of pages) expect(jsonBytes(page)).toBeLessThan(PAGE_BUDGET_BYTES + 4096);
    await waitFor(() => pokes.some((p) => p.scope === 'catalog' && p.head === head));
  });

  it('carries small deltas in the poke itself, and only a head for large ones', async () => {
    const test = await hubs.start(tempDir());
    const { socket } = await connectDevice(hubs, test, await enrolledDevice(await seeded(test, 10)));
    const pokes: Poke[] = [];
    socket.on('catalog:poke', (poke) => pokes.push(poke));
    const before = (await test.hub.store.getScope('store:BER-MITTE'))!.head;
    const sku = (await test.hub.store.getProduct('P000001'))!.variants[0]!.sku;
    await test.hub.importFeed(`store_code\tid\tquantity\tprice\nBER-MITTE\t${sku}\t5\t12.34 EUR\n`, {
      fileName: 'local.tsv',
    });
    await waitFor(() => pokes.length > 0);
    expect(pokes).toEqual([
      {
        scope: 'store:BER-MITTE',
        head: before + 2,
        from: before,
        changes: [expect.objectContaining({ seq: before + 1 }), expect.objectContaining({ seq: before + 2 })],
      },
    ]);
    expect(pokes[0]!.changes!.map((c) => c.op).sort()).toEqual(['price.upsert', 'stock.upsert']);

    pokes.length = 0;
    await test.hub.importFeed(catalogText(1500), { fileName: 'big.jsonl' });
    await waitFor(() => pokes.some((p) => p.scope === 'catalog'));
    const catalogPoke = pokes.find((p) => p.scope === 'catalog')!;
    expect(catalogPoke.changes).toBeUndefined();
    expect(catalogPoke.head).toBe((await test.hub.store.getScope('catalog'))!.head);
  });

  it('answers a cursor older than the compacted log with a snapshot whose pages are stable and complete', async () => {
    const test = await hubs.start(tempDir(), { maxChangesPerScope: 20, pageBudgetBytes: 16 * 1024 });
    await test.hub.importFeed(catalogText(120), { fileName: 'demo.jsonl' });
    const state = (await test.hub.store.getScope('catalog'))!;
    expect(state.head - state.floor).toBe(20);
    const { socket } = await connectDevice(hubs, test, await enrolledDevice(test));

    const answer = await request<PullResponse>(socket, 'catalog:pull', { scope: 'catalog', cursor: 0 });
    expect(answer).toMatchObject({ kind: 'snapshot', reason: 'cursor-behind-log', cursor: state.head });
    if (answer.kind !== 'snapshot') throw new Error('expected a snapshot');
    expect(answer.pages).toBeGreaterThan(2);

    const keys: string[] = [];
    for (let page = 0; page < answer.pages; page++) {
      const ask = { scope: 'catalog', snapshotId: answer.snapshotId, page };
      const one = await request<SnapshotPageResponse>(socket, 'catalog:snapshot', ask);
      const two = await request<SnapshotPageResponse>(socket, 'catalog:snapshot', ask);
      expect(snapshotPageResponseSchema.safeParse(one).success).toBe(true);
      expect(two).toEqual(one);
      if (one.kind !== 'page') throw new Error(JSON.stringify(one));
      expect(jsonBytes(one)).toBeLessThan(16 * 1024 + 2048);
      keys.push(...one.records.map(keyOf));
    }
    expect(keys).toHaveLength(answer.records);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((k) => k.startsWith('product:'))).toHaveLength(120);
    expect(keys.filter((k) => k.startsWith('store:'))).toHaveLength(8);

    // A device at the snapshot's cursor continues with changes.
    const after = await request<PullResponse>(socket, 'catalog:pull', {
      scope: 'catalog',
      cursor: answer.cursor,
    });
    expect(after).toMatchObject({
      kind: 'changes',
      from: state.head,
      to: state.head,
      changes: [],
      more: false,
    });
    // A forgotten snapshot id is refused precisely.
    const gone = await request<SnapshotPageResponse>(socket, 'catalog:snapshot', {
      scope: 'catalog',
      snapshotId: 'snap-nope',
      page: 0,
    });
    expect(gone).toMatchObject({ kind: 'error', error: { code: 'snapshot-expired' } });
  });

  it('serves a snapshot a device was taking before the hub restarted, while the catalog is unchanged', async () => {
    const dataDir = tempDir();
    const first = await hubs.start(dataDir, { maxChangesPerScope: 20, pageBudgetBytes: 16 * 1024 });
    await first.hub.importFeed(catalogText(120), { fileName: 'demo.jsonl' });
    const device = await enrolledDevice(first);
    const before = await connectDevice(hubs, first, device);
    const answer = await request<PullResponse>(before.socket, 'catalog:pull', {
      scope: 'catalog',
      cursor: 0,
    });
    if (answer.kind !== 'snapshot') throw new Error('expected a snapshot');
    const page1 = { scope: 'catalog', snapshotId: answer.snapshotId, page: 1 };
    const original = await request<SnapshotPageResponse>(before.socket, 'catalog:snapshot', page1);
    before.socket.disconnect();
    const port = first.hub.port;
    await first.hub.close();

    // The same data dir and settings: the plan is made again under the same id.
    const second = await hubs.start(dataDir, { port, maxChangesPerScope: 20, pageBudgetBytes: 16 * 1024 });
    const after = await connectDevice(hubs, second, device);
    expect(await request<SnapshotPageResponse>(after.socket, 'catalog:snapshot', page1)).toEqual(original);

    // A hub that restarts after the catalog moved on cannot make that plan again: the old id is
    // refused and the device starts a new snapshot.
    await second.hub.importFeed(catalogText(130), { fileName: 'more.jsonl' });
    after.socket.disconnect();
    await second.hub.close();
    const third = await hubs.start(dataDir, { port, maxChangesPerScope: 20, pageBudgetBytes: 16 * 1024 });
    const later = await connectDevice(hubs, third, device);
    expect(await request<SnapshotPageResponse>(later.socket, 'catalog:snapshot', page1)).toMatchObject({
      kind: 'error',
      error: { code: 'snapshot-expired' },
    });
  });

  it('answers a cursor from the future with a snapshot (reason cursor-ahead), never with changes', async () => {
    const test = await hubs.start(tempDir());
    const { socket } = await connectDevice(hubs, test, await enrolledDevice(await seeded(test, 5)));
    const head = (await test.hub.store.getScope('catalog'))!.head;
    const answer = await request<PullResponse>(socket, 'catalog:pull', {
      scope: 'catalog',
      cursor: head + 100,
    });
    expect(answer).toMatchObject({ kind: 'snapshot', reason: 'cursor-ahead', cursor: head });
  });

  it('refuses malformed requests with an error, logs them with the device id, and survives unknown events', async () => {
    const test = await hubs.start(tempDir());
    const device = await enrolledDevice(await seeded(test, 5));
    const { socket } = await connectDevice(hubs, test, device);

    const wrongType = await request<PullResponse>(socket, 'catalog:pull', {
      scope: 'catalog',
      cursor: 'zero',
    });
    expect(wrongType).toMatchObject({ kind: 'error', error: { code: 'invalid-message' } });
    if (wrongType.kind === 'error') expect(wrongType.error.message).toMatch(/^catalog:pull: cursor: /);
    const unknownScope = await request<PullResponse>(socket, 'catalog:pull', {
      scope: 'store:NOWHERE',
      cursor: 0,
    });
    expect(unknownScope).toMatchObject({ kind: 'error', error: { code: 'unknown-scope' } });
    const notAScope = await request<PullResponse>(socket, 'catalog:pull', { scope: '../etc', cursor: 0 });
    expect(notAScope).toMatchObject({ kind: 'error', error: { code: 'invalid-message' } });
    const noBody = await request<PullResponse>(socket, 'catalog:pull', null);
    expect(noBody).toMatchObject({ kind: 'error', error: { code: 'invalid-message' } });
    (socket.emit as (event: string, ...args: unknown[]) => void)('catalog:explode', { please: true });

    // Still connected and answering after all that.
    const fine = await request<PullResponse>(socket, 'catalog:pull', { scope: 'catalog', cursor: 0 });
    expect(fine.kind).toBe('changes');
    expect(
      test.logs.filter((l) => l.msg === 'device request refused' && l.deviceId === device.deviceId),
    ).toHaveLength(4);
    expect(test.logs.some((l) => l.msg === 'unknown event ignored' && l.event === 'catalog:explode')).toBe(
      true,
    );
  });
});

/** Imports a small catalog so stores exist (devices need one). */
async function seeded(test: Awaited<ReturnType<ReturnType<typeof useHubs>['start']>>, products: number) {
  await test.hub.importFeed(catalogText(products), { fileName: 'seed.jsonl' });
  return test;
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
}
