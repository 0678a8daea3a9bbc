import { describe, expect, it } from 'vitest';
import {
  changeSchema,
  jsonBytes,
  outboxItemSchema,
  parseMessage,
  pullRequestSchema,
  pullResponseSchema,
  pushRequestSchema,
  type Change,
  type Parsed,
} from '../../../../shared/protocol/index.js';

/** The refusal's text, or undefined when the message was accepted. */
function errorOf(parsed: Parsed<unknown>): string | undefined {
  return parsed.ok ? undefined : parsed.error;
}

const product = {
  id: 'P1',
  title: 'Alpine Suede Sneaker',
  categoryPath: ['Shoes', 'Sneakers'],
  media: [],
  variants: [{ sku: 'P1-42', gtins: ['04006381333931'], size: '42' }],
};

describe('protocol messages', () => {
  it('accepts well-formed changes of every kind', () => {
    const changes: Change[] = [
      { seq: 1, op: 'product.upsert', product },
      { seq: 2, op: 'product.delete', id: 'P0' },
      {
        seq: 3,
        op: 'store.upsert',
        store: { code: 'BER', name: 'Berlin', location: { lat: 52.5, lon: 13.4 } },
      },
      {
        seq: 4,
        op: 'price.upsert',
        price: { storeCode: null, sku: 'P1-42', currency: 'EUR', regular: 5995 },
      },
      { seq: 5, op: 'stock.upsert', stock: { storeCode: 'BER', sku: 'P1-42', quantity: 3 } },
    ];
    for (const change of changes)
      expect(parseMessage(changeSchema, change, 'change')).toEqual({ ok: true, value: change });
  });

  it('refuses wrong types, unknown keys and unknown operations, naming the field', () => {
    expect(parseMessage(pullRequestSchema, { scope: 'catalog', cursor: '12' }, 'catalog:pull')).toEqual({
      ok: false,
      error: 'catalog:pull: cursor: Invalid input: expected number, received string',
    });
    const extra = parseMessage(
      pullRequestSchema,
      { scope: 'catalog', cursor: 1, admin: true },
      'catalog:pull',
    );
    expect(errorOf(extra)).toMatch(/catalog:pull: .*admin/);
    const scope = parseMessage(pullRequestSchema, { scope: '../etc', cursor: 1 }, 'catalog:pull');
    expect(errorOf(scope)).toMatch(/scope: expected "catalog" or "store:<code>"/);
    const op = parseMessage(changeSchema, { seq: 1, op: 'product.drop', id: 'x' }, 'change');
    expect(op.ok).toBe(false);
    const negative = parseMessage(
      changeSchema,
      { seq: 1, op: 'stock.upsert', stock: { storeCode: 'B', sku: 'S', quantity: -1 } },
      'change',
    );
    expect(errorOf(negative)).toMatch(/stock\.quantity/);
    const badGtin = parseMessage(
      changeSchema,
      { seq: 1, op: 'product.upsert', product: { ...product, variants: [{ sku: 'x', gtins: ['123'] }] } },
      'change',
    );
    expect(errorOf(badGtin)).toMatch(/product\.variants\[0\]\.gtins\[0\]: expected a GTIN-14/);
  });

  it('refuses a reservation without consent or contact', () => {
    const base = {
      kind: 'reservation',
      id: 'r1',
      at: '2026-11-22T10:00:00Z',
      sku: 'P1-42',
      storeCode: 'BER',
      quantity: 1,
      name: 'Ana',
    };
    expect(
      parseMessage(
        outboxItemSchema,
        { ...base, contact: { email: 'ana@example.com' }, consent: true },
        'item',
      ).ok,
    ).toBe(true);
    const noConsent = parseMessage(
      outboxItemSchema,
      { ...base, contact: { email: 'ana@example.com' }, consent: false },
      'item',
    );
    expect(errorOf(noConsent)).toMatch(/consent: the shopper must consent/);
    expect(parseMessage(outboxItemSchema, { ...base, contact: {}, consent: true }, 'item').ok).toBe(false);
  });

  it('bounds batch sizes', () => {
    const event = { kind: 'event', id: 'e', at: '2026-11-22T10:00:00Z', name: 'product.view', props: {} };
    expect(parseMessage(pushRequestSchema, { items: [] }, 'events:push').ok).toBe(false);
    expect(
      parseMessage(
        pushRequestSchema,
        { items: Array.from({ length: 501 }, (_, i) => ({ ...event, id: `e${String(i)}` })) },
        'events:push',
      ).ok,
    ).toBe(false);
  });

  it('reads every kind of pull answer', () => {
    expect(
      parseMessage(
        pullResponseSchema,
        {
          kind: 'changes',
          scope: 'store:BER',
          from: 0,
          to: 1,
          changes: [{ seq: 1, op: 'product.delete', id: 'x' }],
          more: false,
        },
        'r',
      ).ok,
    ).toBe(true);
    expect(
      parseMessage(
        pullResponseSchema,
        {
          kind: 'snapshot',
          scope: 'catalog',
          snapshotId: 's1',
          cursor: 9,
          pages: 3,
          records: 1200,
          reason: 'cursor-ahead',
        },
        'r',
      ).ok,
    ).toBe(true);
    expect(
      parseMessage(
        pullResponseSchema,
        { kind: 'error', error: { code: 'cursor-ahead', message: 'cursor 99 is ahead of 9' } },
        'r',
      ).ok,
    ).toBe(true);
  });

  it('measures UTF-8 bytes of the JSON form', () => {
    expect(jsonBytes('a')).toBe(3);
    expect(jsonBytes('é')).toBe(4);
    expect(jsonBytes('€')).toBe(5);
    expect(jsonBytes('😀')).toBe(6);
    expect(jsonBytes({ k: 'Köln' })).toBe(new TextEncoder().encode(JSON.stringify({ k: 'Köln' })).length);
  });
});
