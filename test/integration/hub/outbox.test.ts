import { describe, expect, it } from 'vitest';
import type { OutboxItem, PushResponse } from '../../../shared/protocol/index.js';
import { useTempDir } from '../../support/temp.js';
import { catalogText, connectDevice, enrolledDevice, request, useHubs, type TestHub } from './hub-fixture.js';

const tempDir = useTempDir();
const hubs = useHubs();

/** A clock tests move by hand. */
function manualClock(start = '2026-03-02T10:00:00.000Z'): { now: () => Date; advance(ms: number): void } {
  let time = Date.parse(start);
  return { now: () => new Date(time), advance: (ms) => (time += ms) };
}

async function hubWithStock(
  clock = manualClock(),
): Promise<TestHub & { sku: string; productId: string; quantity: number }> {
  const test = await hubs.start(tempDir(), { now: clock.now, reservationHoldMs: 3600_000 });
  await test.hub.importFeed(catalogText(20), { fileName: 'seed.jsonl' });
  const stock = (await test.hub.store.stockOf(await allSkus(test), clock.now().toISOString())).find(
    (s) => s.storeCode === 'BER-MITTE' && s.quantity >= 2 && s.quantity <= 10,
  );
  if (stock === undefined) throw new Error('no suitable stock in the synthetic catalog');
  const product = await findProductOf(test, stock.sku);
  return { ...test, sku: stock.sku, productId: product, quantity: stock.quantity };
}

async function allSkus(test: TestHub): Promise<string[]> {
  const skus: string[] = [];
  for (let n = 1; n <= 20; n++) {
    const product = await test.hub.store.getProduct(`P${String(n).padStart(6, '0')}`);
    skus.push(...(product?.variants.map((v) => v.sku) ?? []));
  }
  return skus;
}

async function findProductOf(test: TestHub, sku: string): Promise<string> {
  for (let n = 1; n <= 20; n++) {
    const id = `P${String(n).padStart(6, '0')}`;
    if ((await test.hub.store.getProduct(id))?.variants.some((v) => v.sku === sku)) return id;
  }
  throw new Error(`no product with ${sku}`);
}

const at = '2026-03-02T10:00:00.000Z';
function reservation(id: string, sku: string, quantity: number): OutboxItem {
  return {
    kind: 'reservation',
    id,
    at,
    sku,
    storeCode: 'BER-MITTE',
    quantity,
    name: 'Ada <script>',
    contact: { email: 'ada@example.com' },
    consent: true,
  };
}

describe('hub outbox (events, reservations, hand-offs)', () => {
  it('stores each item once: the same batch sent twice is answered duplicate, with the first result', async () => {
    const test = await hubWithStock();
    const device = await enrolledDevice(test);
    const { socket } = await connectDevice(hubs, test, device);
    const batch = {
      items: [
        {
          kind: 'event',
          id: 'e1',
          at,
          name: 'product.view',
          props: { productId: test.productId, source: 'browse', sessionId: 'session-0001' },
        },
        reservation('r1', test.sku, 1),
        { kind: 'handoff', id: 'h1', at, productId: test.productId, sku: test.sku },
      ],
    };
    const first = await request<PushResponse>(socket, 'events:push', batch);
    if (first.kind !== 'results') throw new Error(JSON.stringify(first));
    expect(first.results.map((r) => r.status)).toEqual(['stored', 'stored', 'stored']);
    expect(first.results[1]!.result?.pickupCode).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{6}$/);
    const handoff = first.results[2]!.result!;
    expect(handoff.url).toBe(`${test.hub.url}/p/${handoff.token!}`);

    const second = await request<PushResponse>(socket, 'events:push', batch);
    if (second.kind !== 'results') throw new Error(JSON.stringify(second));
    expect(second.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(second.results[1]!.result).toEqual(first.results[1]!.result);
    expect(second.results[2]!.result).toEqual(handoff);
    expect(await test.hub.store.countReceived(device.deviceId)).toBe(3);
    // The retry did not hold stock twice.
    const [stock] = (await test.hub.store.stockOf([test.sku], at)).filter((s) => s.storeCode === 'BER-MITTE');
    expect(stock!.available).toBe(test.quantity - 1);
  });

  it('holds stock for a reservation until it expires', async () => {
    const clock = manualClock();
    const test = await hubWithStock(clock);
    const { socket } = await connectDevice(hubs, test, await enrolledDevice(test));
    const all = await request<PushResponse>(socket, 'events:push', {
      items: [reservation('a', test.sku, test.quantity)],
    });
    expect(all).toMatchObject({ kind: 'results', results: [{ status: 'stored' }] });
    const more = await request<PushResponse>(socket, 'events:push', {
      items: [reservation('b', test.sku, 1)],
    });
    expect(more).toMatchObject({
      kind: 'results',
      results: [{ id: 'b', status: 'rejected', error: expect.stringMatching(/only 0/) as unknown }],
    });
    clock.advance(3600_000 + 1);
    const later = await request<PushResponse>(socket, 'events:push', {
      items: [reservation('b', test.sku, 1)],
    });
    expect(later).toMatchObject({ kind: 'results', results: [{ id: 'b', status: 'stored' }] });
  });

  it('rejects a malformed item on its own, refuses a malformed batch, and stores nothing bad', async () => {
    const test = await hubWithStock();
    const device = await enrolledDevice(test);
    const { socket } = await connectDevice(hubs, test, device);
    const mixed = await request<PushResponse>(socket, 'events:push', {
      items: [
        { kind: 'event', id: 'ok', at, name: 'session.start', props: { sessionId: 'session-0001' } },
        { kind: 'event', id: 'bad-name', at, name: 'Product View!', props: {} },
        {
          kind: 'reservation',
          id: 'no-consent',
          at,
          sku: test.sku,
          storeCode: 'BER-MITTE',
          quantity: 1,
          name: 'x',
          contact: { phone: '+49 30 1234567' },
          consent: false,
        },
        { kind: 'handoff', id: 'ghost', at, productId: 'NOPE' },
      ],
    });
    if (mixed.kind !== 'results') throw new Error(JSON.stringify(mixed));
    expect(mixed.results.map((r) => [r.id, r.status])).toEqual([
      ['ok', 'stored'],
      ['bad-name', 'rejected'],
      ['no-consent', 'rejected'],
      ['ghost', 'rejected'],
    ]);
    expect(mixed.results[1]!.error).toMatch(/^events:push: items\[1\]: name: /);
    for (const bad of [{ items: [] }, { items: [{ kind: 'event' }] }, 'text', { items: [], extra: 1 }]) {
      expect(await request<PushResponse>(socket, 'events:push', bad)).toMatchObject({
        kind: 'error',
        error: { code: 'invalid-message' },
      });
    }
    expect(await test.hub.store.countReceived(device.deviceId)).toBe(1);
  });

  it('drops a connection that sends more than 1 MB, storing nothing', async () => {
    const test = await hubWithStock();
    const device = await enrolledDevice(test);
    const { socket } = await connectDevice(hubs, test, device);
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const huge = {
      items: [{ kind: 'event', id: 'huge', at, name: 'x', props: { blob: 'x'.repeat(1_100_000) } }],
    };
    (socket.emit as (event: string, ...args: unknown[]) => void)('events:push', huge, () => undefined);
    expect(await dropped).toMatch(/transport (close|error)/);
    expect(await test.hub.store.countReceived(device.deviceId)).toBe(0);
  });

  it('serves the hand-off page with escaped catalog text, and refuses unknown and expired links', async () => {
    const clock = manualClock();
    const test = await hubWithStock(clock);
    await test.hub.importFeed(
      JSON.stringify({ format: 'vitrine-catalog', version: 1 }) +
        '\n' +
        JSON.stringify({
          type: 'product',
          id: 'XSS',
          title: '<img src=x onerror=alert(1)> Boot',
          brand: 'A&B "Co"',
          category: ['Shoes'],
          variants: [
            {
              sku: 'XSS-1',
              gtin: '4006381333931',
              price: { currency: 'EUR', regular: '59.95' },
              stock: { 'BER-MITTE': 2 },
            },
          ],
        }),
      { fileName: 'xss.jsonl' },
    );
    const { socket } = await connectDevice(hubs, test, await enrolledDevice(test));
    const pushed = await request<PushResponse>(socket, 'events:push', {
      items: [{ kind: 'handoff', id: 'h', at, productId: 'XSS' }],
    });
    if (pushed.kind !== 'results' || pushed.results[0]?.status !== 'stored')
      throw new Error(JSON.stringify(pushed));
    const url = pushed.results[0].result!.url!;
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62; Boot');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('A&#38;B &#34;Co&#34;');
    expect(html).toMatch(/59[.,]95/);
    expect(html).toContain('Berlin Mitte');
    expect((await fetch(`${test.hub.url}/p/not-a-real-token-000`)).status).toBe(404);
    clock.advance(31 * 60_000);
    expect((await fetch(url)).status).toBe(410);
  });
});
