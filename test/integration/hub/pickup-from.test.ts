/**
 * Reservations made while the store is closed (a shop window's out-of-hours mode): the hub holds
 * the stock from now until the usual hold after the opening, and the phone page of a link made
 * after closing reserves for the opening too. A real hub on loopback with a hand-driven clock.
 */
import { describe, expect, it } from 'vitest';
import type { OutboxItem, PushResponse } from '../../../shared/protocol/index.js';
import { useTempDir } from '../../support/temp.js';
import { connectDevice, enrolledDevice, request, useHubs } from './hub-fixture.js';

const tempDir = useTempDir();
const hubs = useHubs();
const HOUR = 3600_000;
const HOLD = 48 * HOUR;
/** Monday 2 March 2026, 21:00 in Berlin: after closing. */
const NOW = '2026-03-02T20:00:00.000Z';
/** Tuesday 10:00 in Berlin. */
const OPENING = '2026-03-03T09:00:00.000Z';

const feed = [
  { format: 'vitrine-catalog', version: 1 },
  {
    type: 'store',
    code: 'BER-MITTE',
    name: 'Berlin Mitte',
    timeZone: 'Europe/Berlin',
    location: { lat: 52.52, lon: 13.41 },
  },
  { type: 'store', code: 'BER-KUDAMM', name: 'Berlin Kurfürstendamm', location: { lat: 52.5, lon: 13.32 } },
  {
    type: 'product',
    id: 'COAT',
    title: 'Harbor Wool Coat',
    category: ['Apparel', 'Coats'],
    variants: [
      {
        sku: 'COAT-M',
        gtin: '4006381333931',
        size: 'M',
        price: { currency: 'EUR', regular: '189.00' },
        stock: { 'BER-MITTE': 3, 'BER-KUDAMM': 2 },
      },
    ],
  },
]
  .map((record) => JSON.stringify(record))
  .join('\n');

async function closedStore() {
  let time = Date.parse(NOW);
  const clock = { now: () => new Date(time), advance: (ms: number) => (time += ms) };
  const test = await hubs.start(tempDir(), { now: clock.now, reservationHoldMs: HOLD });
  await test.hub.importFeed(feed, { fileName: 'coat.jsonl' });
  const { socket } = await connectDevice(hubs, test, await enrolledDevice(test));
  const push = async (items: unknown[]) => {
    const answer = await request<PushResponse>(socket, 'events:push', { items });
    if (answer.kind !== 'results') throw new Error(JSON.stringify(answer));
    return answer.results;
  };
  return { test, clock, push };
}

function reservation(id: string, pickupFrom?: string): OutboxItem {
  return {
    kind: 'reservation',
    id,
    at: NOW,
    sku: 'COAT-M',
    storeCode: 'BER-MITTE',
    quantity: 1,
    name: 'Ada',
    contact: { email: 'ada@example.com' },
    consent: true,
    ...(pickupFrom === undefined ? {} : { pickupFrom }),
  };
}

describe('reserving while the store is closed', () => {
  it('holds from now until the usual hold after the opening; a past opening is ready at once', async () => {
    const { test, push } = await closedStore();
    const [early, late, offset] = await push([
      reservation('early', OPENING),
      reservation('late', '2026-03-02T08:00:00.000Z'),
      // The same opening written with Berlin's offset: stored as UTC, so text order stays time order.
      reservation('offset', '2026-03-03T10:00:00+01:00'),
    ]);
    expect(early).toMatchObject({
      status: 'stored',
      result: { pickupFrom: OPENING, expiresAt: new Date(Date.parse(OPENING) + HOLD).toISOString() },
    });
    expect(late?.status).toBe('stored');
    expect(late?.result?.pickupFrom).toBeUndefined();
    expect(late?.result?.expiresAt).toBe(new Date(Date.parse(NOW) + HOLD).toISOString());
    expect(offset?.result?.pickupFrom).toBe(OPENING);
    // All three hold stock now, not only from the opening: nobody else takes it overnight.
    const [stock] = (await test.hub.store.stockOf(['COAT-M'], NOW)).filter(
      (s) => s.storeCode === 'BER-MITTE',
    );
    expect(stock?.available).toBe(0);
    // Still held a moment before the longer hold ends, released after it.
    const before = new Date(Date.parse(OPENING) + HOLD - 1).toISOString();
    const after = new Date(Date.parse(OPENING) + HOLD).toISOString();
    expect(
      (await test.hub.store.stockOf(['COAT-M'], before)).find((s) => s.storeCode === 'BER-MITTE')?.available,
    ).toBe(1);
    expect(
      (await test.hub.store.stockOf(['COAT-M'], after)).find((s) => s.storeCode === 'BER-MITTE')?.available,
    ).toBe(3);
  });

  it('refuses a pickup more than 14 days ahead, and a malformed one, naming the field', async () => {
    const { test, push } = await closedStore();
    const [far, bad] = await push([
      reservation('far', new Date(Date.parse(NOW) + 15 * 24 * HOUR).toISOString()),
      reservation('bad', 'tomorrow at ten'),
    ]);
    expect(far).toMatchObject({
      status: 'rejected',
      error: expect.stringMatching(/^pickupFrom: .* is more than 14 days ahead$/) as unknown,
    });
    expect(bad).toMatchObject({
      status: 'rejected',
      error: expect.stringMatching(/items\[1\]: pickupFrom: /) as unknown,
    });
    expect(
      (await test.hub.store.stockOf(['COAT-M'], NOW)).find((s) => s.storeCode === 'BER-MITTE')?.available,
    ).toBe(3);
  });

  it('the phone page of a link made after closing reserves for the opening in that store only', async () => {
    const { clock, push } = await closedStore();
    const [handoff] = await push([
      { kind: 'handoff', id: 'h', at: NOW, productId: 'COAT', sku: 'COAT-M', pickupFrom: OPENING },
    ]);
    const url = handoff!.result!.url!;
    const html = await (await fetch(url)).text();
    expect(html).toContain(
      '<p class="closed">Berlin Mitte is closed right now. Reserve there and it is ready for you from',
    );
    expect(html).toMatch(/Tuesday, March 3, 2026 at 10:00\sAM/);

    const post = (fields: Record<string, string>) =>
      fetch(`${url}/reserve`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          sku: 'COAT-M',
          name: 'Ada',
          contact: 'ada@example.com',
          consent: 'on',
          ...fields,
        }).toString(),
      });
    const here = await (await post({ nonce: 'nonce-mitte-aaaaaaaaaa', store: 'BER-MITTE' })).text();
    expect(here).toMatch(
      /<p class="ready-from">Ready for you from Tuesday, March 3, 2026 at 10:00\sAM: show this code at <b>Berlin Mitte<\/b>/,
    );
    // Another store's hours are not the kiosk's to know: that one is ready at once.
    const there = await (await post({ nonce: 'nonce-kudamm-aaaaaaaaa', store: 'BER-KUDAMM' })).text();
    expect(there).toContain('<p class="code">');
    expect(there).not.toContain('<p class="ready-from">');

    // Once the store has opened, the same link no longer speaks of a closed store.
    clock.advance(Date.parse(OPENING) - Date.parse(NOW));
    expect(await (await fetch(url)).text()).not.toContain('<p class="closed">');
  });
});
