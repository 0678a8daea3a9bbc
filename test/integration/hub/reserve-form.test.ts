/**
 * The reserve form of the hand-off page, over HTTP against a real hub: what a shopper's phone
 * does after scanning the kiosk's QR code.
 */
import { describe, expect, it } from 'vitest';
import type { PushResponse } from '../../../shared/protocol/index.js';
import { useTempDir } from '../../support/temp.js';
import { connectDevice, enrolledDevice, request, useHubs } from './hub-fixture.js';

const tempDir = useTempDir();
const hubs = useHubs();

function manualClock(start = '2026-03-02T10:00:00.000Z'): { now: () => Date; advance(ms: number): void } {
  let time = Date.parse(start);
  return { now: () => new Date(time), advance: (ms) => (time += ms) };
}

const feed = (stock: Record<string, number>) =>
  [
    { format: 'vitrine-catalog', version: 1 },
    {
      type: 'store',
      code: 'BER-MITTE',
      name: 'Berlin Mitte',
      address: 'Rosenthaler Str. 1',
      city: 'Berlin',
      timeZone: 'Europe/Berlin',
      location: { lat: 52.5227, lon: 13.4126 },
    },
    {
      type: 'store',
      code: 'BER-KUDAMM',
      name: 'Berlin Kurfürstendamm',
      city: 'Berlin',
      location: { lat: 52.5026, lon: 13.3245 },
    },
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
          stock,
        },
        {
          sku: 'COAT-L',
          gtin: '4006381333948',
          size: 'L',
          price: { currency: 'EUR', regular: '189.00' },
          stock: { 'BER-MITTE': 0 },
        },
      ],
    },
  ]
    .map((record) => JSON.stringify(record))
    .join('\n') + '\n';

/** A hub with the coat, and the hand-off page URL a kiosk in BER-MITTE made for it. */
async function handoffPage(stock: Record<string, number>, sku?: string) {
  const clock = manualClock();
  const test = await hubs.start(tempDir(), { now: clock.now, reservationHoldMs: 48 * 3600_000 });
  await test.hub.importFeed(feed(stock), { fileName: 'coat.jsonl' });
  const { socket } = await connectDevice(hubs, test, await enrolledDevice(test));
  const pushed = await request<PushResponse>(socket, 'events:push', {
    items: [
      { kind: 'handoff', id: 'h', at: clock.now().toISOString(), productId: 'COAT', ...(sku ? { sku } : {}) },
    ],
  });
  if (pushed.kind !== 'results' || pushed.results[0]?.status !== 'stored')
    throw new Error(JSON.stringify(pushed));
  return { test, clock, url: pushed.results[0].result!.url! };
}

const post = (url: string, fields: Record<string, string>) =>
  fetch(`${url}/reserve`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

const nonce = 'n0nce-aaaaaaaaaaaaaaaa';
const good = {
  nonce,
  sku: 'COAT-M',
  store: 'BER-MITTE',
  name: 'Ada',
  contact: 'ada@example.com',
  consent: 'on',
};

describe('reserving from the hand-off page', () => {
  it('offers the sizes and stores in stock, and holds one with a pickup code, once per form', async () => {
    const { test, url } = await handoffPage({ 'BER-MITTE': 1, 'BER-KUDAMM': 2 });
    const page = await fetch(url);
    const html = await page.text();
    expect(page.headers.get('content-security-policy')).toContain("form-action 'self'");
    expect(html).toMatch(/<form method="post" action="\/p\/[A-Za-z0-9_-]+\/reserve"/);
    expect(html).toMatch(/<input type="hidden" name="nonce" value="[A-Za-z0-9_-]{24}">/);
    expect(html).toContain('<option value="COAT-M">M</option>');
    expect(html).toContain('<option value="COAT-L" disabled>L (sold out)</option>');
    expect(html).toContain('value="BER-MITTE" checked');
    expect(html).toContain('Reserve for 48 hours');

    const headBefore = (await test.hub.store.getScope('store:BER-MITTE'))?.head ?? 0;
    const reserved = await post(url, good);
    expect(reserved.status).toBe(200);
    const answer = await reserved.text();
    const code = /<p class="code">([A-Z0-9]{6})<\/p>/.exec(answer)?.[1];
    expect(code).toBeDefined();
    expect(answer).toContain('Berlin Mitte');
    // When the hold ends, in the store's time zone: 48 hours after 10:00 UTC is 11:00 in Berlin (CET).
    expect(answer).toMatch(/Wednesday, March 4, 2026 at 11:00/);
    // A second tap on the same form: the same code, no second hold.
    const again = await (await post(url, good)).text();
    expect(again).toContain(`<p class="code">${code!}</p>`);
    // The hold is logged for the kiosks once (the second tap added nothing).
    expect((await test.hub.store.getScope('store:BER-MITTE'))?.head).toBe(headBefore + 1);
    const held = await test.hub.store.stockOf(['COAT-M'], '2026-03-02T10:00:00.000Z');
    expect(held.find((s) => s.storeCode === 'BER-MITTE')?.available).toBe(0);

    // Another shopper's form: Mitte has none left, the answer says so and keeps what they typed.
    const taken = await post(url, { ...good, nonce: 'another-nonce-bbbbbbbbbb', name: 'Grace' });
    expect(taken.status).toBe(409);
    const takenHtml = await taken.text();
    expect(takenHtml).toContain('just taken at Berlin Mitte');
    expect(takenHtml).toContain('value="Grace"');
  });

  it('answers a bad form with every problem beside its field, and holds nothing', async () => {
    const { test, url } = await handoffPage({ 'BER-MITTE': 3 });
    const bad = await post(url, { nonce, sku: '', store: 'BER-MITTE', name: ' ', contact: 'not an address' });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('<p class="error" id="sku-error">Choose a size.</p>');
    expect(html).toContain('<p class="error" id="name-error">Enter your name.</p>');
    expect(html).toMatch(/id="contact-error">Enter an email address \(name@example.com\) or a mobile number/);
    expect(html).toContain('id="consent-error">Tick the box');
    expect(html).toContain('value="not an address"');
    expect(html).toMatch(
      /<select id="sku" name="sku" aria-invalid="true" aria-describedby="sku-error" autofocus>/,
    );

    const wrongSku = await post(url, { ...good, sku: 'SOMETHING-ELSE' });
    expect(wrongSku.status).toBe(400);
    expect(await wrongSku.text()).toContain('Choose one of the sizes shown.');
    const phone = await post(url, { ...good, contact: '+49 30 1234567', nonce: 'phone-nonce-cccccccccc' });
    expect(phone.status).toBe(200);
    const left = await test.hub.store.stockOf(['COAT-M'], '2026-03-02T10:00:00.000Z');
    expect(left.find((s) => s.storeCode === 'BER-MITTE')?.available).toBe(2);
  });

  it('escapes what the shopper typed, and refuses an expired link', async () => {
    const { clock, url } = await handoffPage({ 'BER-MITTE': 3 }, 'COAT-M');
    const html = await (await post(url, { ...good, name: '<script>alert(1)</script>', consent: '' })).text();
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('<input type="hidden" name="sku" value="COAT-M">');
    clock.advance(31 * 60_000);
    expect((await post(url, good)).status).toBe(410);
  });
});
