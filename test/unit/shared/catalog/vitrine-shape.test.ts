import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { productSchema, stockSchema, storePriceSchema } from '../../../../shared/catalog/index.js';
import { emptyBatch } from '../../../../shared/catalog/index.js';
import { convertProduct } from '../../../../shared/catalog/feeds/vitrine-records.js';
import {
  isProductShape,
  isStockShape,
  isStorePriceShape,
} from '../../../../shared/catalog/feeds/vitrine-shape.js';
import type { PathError } from '../../../../shared/catalog/feeds/json-path.js';

/**
 * The hand-written shape checks let well-formed records skip zod. They must agree with the
 * schemas exactly, on records that are almost right as much as on right ones.
 */

/** A value that is usually of the right kind, sometimes of a wrong one. */
function mostly<T>(good: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  const wrong = fc.oneof(
    fc.constant(''),
    fc.integer(),
    fc.constant(null),
    fc.boolean(),
    fc.constant([]),
    fc.constant({}),
  );
  return fc.oneof({ arbitrary: good, weight: 60 }, { arbitrary: wrong, weight: 1 });
}

/** `good`, and once in a while one of the near misses in `bad`. */
function usually<T>(good: fc.Arbitrary<T>, ...bad: T[]): fc.Arbitrary<T> {
  return fc.oneof({ arbitrary: good, weight: 20 }, { arbitrary: fc.constantFrom(...bad), weight: 1 });
}

/** Usually undefined, now and then a value. */
function rarely<T>(value: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.oneof({ arbitrary: fc.constant(undefined), weight: 60 }, { arbitrary: value, weight: 1 });
}

/** A record of `model`'s keys, some left out, now and then with a key that does not belong. */
function record(
  model: Record<string, fc.Arbitrary<unknown>>,
  required: string[],
): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(
      fc.record(model, { requiredKeys: required }),
      rarely(fc.constantFrom(...required)),
      rarely(fc.constantFrom('colour', 'extra', 'Type', '__proto__')),
    )
    .map(([value, drop, unknown]) => {
      const copy: Record<string, unknown> = { ...value };
      if (drop !== undefined) Reflect.deleteProperty(copy, drop);
      if (unknown !== undefined)
        Object.defineProperty(copy, unknown, {
          value: 1,
          enumerable: true,
          configurable: true,
          writable: true,
        });
      // Only what JSON can carry reaches the checks.
      return JSON.parse(JSON.stringify(copy)) as Record<string, unknown>;
    });
}

const text = fc.string({ minLength: 1, maxLength: 6 });
const amount = fc.oneof(
  fc.constantFrom('59.95', '10', '1,299.00', '-1'),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(59.95, 1200),
);
const media = record(
  {
    kind: mostly(usually(fc.constantFrom('image', 'video', 'model'), 'gif')),
    url: mostly(fc.constantFrom('https://img.example.com/a.jpg', 'not a url')),
    alt: mostly(text),
    sha256: mostly(usually(fc.constant('a'.repeat(64)), 'A'.repeat(64), 'abc')),
  },
  ['kind', 'url'],
);
const priceObject = record(
  {
    currency: mostly(usually(fc.constantFrom('EUR', 'JPY', 'eur'), '')),
    regular: mostly(amount),
    sale: mostly(amount),
    member: mostly(amount),
    saleFrom: mostly(fc.constantFrom('2025-01-01', 'soon')),
    saleUntil: mostly(fc.constantFrom('2025-02-01', 'later')),
  },
  ['currency', 'regular'],
);
const variant = record(
  {
    sku: mostly(text),
    gtin: mostly(fc.constantFrom('4012345000016', '4012345000017', 'x')),
    gtins: mostly(fc.array(mostly(fc.constantFrom('036000291452', '1')), { maxLength: 2 })),
    size: mostly(text),
    color: mostly(text),
    title: mostly(text),
    media: mostly(fc.array(media, { maxLength: 2 })),
    price: mostly(fc.oneof(fc.constantFrom('59.95 EUR', '59,95 EUR'), priceObject)),
    stock: mostly(
      fc.dictionary(
        fc.constantFrom('BER', 'HAM', 'constructor'),
        mostly(fc.oneof({ arbitrary: fc.nat(), weight: 30 }, fc.integer({ min: -3, max: 3 }), fc.double())),
      ),
    ),
  },
  ['sku'],
);
const product = record(
  {
    type: mostly(fc.constant('product')),
    id: mostly(text),
    title: mostly(text),
    brand: mostly(text),
    description: mostly(text),
    gender: mostly(text),
    material: mostly(text),
    link: mostly(fc.constantFrom('https://shop.example.com/p', 'ftp://x')),
    category: mostly(fc.oneof(fc.constantFrom('Shoes > Sneakers', ' > '), fc.array(text, { maxLength: 3 }))),
    media: mostly(fc.array(media, { maxLength: 2 })),
    variants: mostly(fc.array(variant, { minLength: 1, maxLength: 3 })),
    recommendations: mostly(
      fc.array(
        record(
          {
            kind: mostly(usually(fc.constantFrom('cross-sell', 'up-sell'), 'down-sell')),
            productId: mostly(text),
          },
          ['kind', 'productId'],
        ),
        {
          maxLength: 2,
        },
      ),
    ),
    translations: mostly(
      fc.dictionary(
        fc.constantFrom('de', 'ja', 'fr-CA', 'not a tag'),
        mostly(record({ title: mostly(usually(text, '')), description: mostly(text) }, ['title'])),
        { maxKeys: 2 },
      ),
    ),
  },
  ['id', 'title', 'variants'],
);
const storePrice = record(
  {
    type: mostly(fc.constant('price')),
    store: mostly(text),
    sku: mostly(text),
    currency: mostly(fc.constantFrom('EUR', '')),
    regular: mostly(amount),
    sale: mostly(amount),
    member: mostly(amount),
    saleFrom: mostly(text),
    saleUntil: mostly(text),
  },
  ['store', 'sku', 'currency', 'regular'],
);
const stock = record(
  {
    type: mostly(fc.constant('stock')),
    store: mostly(text),
    sku: mostly(text),
    quantity: mostly(
      fc.oneof(
        { arbitrary: fc.nat(), weight: 20 },
        fc.integer({ min: -2, max: 2 }),
        fc.double(),
        fc.constant(2 ** 53),
      ),
    ),
    availability: mostly(usually(fc.constantFrom('in_stock', 'on_display_to_order'), 'sold_out')),
  },
  ['store', 'sku', 'quantity'],
);

describe('hand-written shape checks agree with the zod schemas', () => {
  it('products', () => {
    const seen = { true: 0, false: 0 };
    fc.assert(
      fc.property(product, (value) => {
        const expected = productSchema.safeParse(value).success;
        seen[String(expected) as 'true' | 'false']++;
        expect(isProductShape(value)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
    // Both answers must come up often, or the agreement means little.
    expect(Math.min(seen.true, seen.false)).toBeGreaterThan(300);
  });

  it('store prices', () => {
    const seen = { true: 0, false: 0 };
    fc.assert(
      fc.property(storePrice, (value) => {
        const expected = storePriceSchema.safeParse(value).success;
        seen[String(expected) as 'true' | 'false']++;
        expect(isStorePriceShape(value)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
    expect(Math.min(seen.true, seen.false)).toBeGreaterThan(200);
  });

  it('stock', () => {
    const seen = { true: 0, false: 0 };
    fc.assert(
      fc.property(stock, (value) => {
        const expected = stockSchema.safeParse(value).success;
        seen[String(expected) as 'true' | 'false']++;
        expect(isStockShape(value)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
    expect(Math.min(seen.true, seen.false)).toBeGreaterThan(200);
  });

  it('converting the raw record gives what converting zod’s output gives', () => {
    let wellFormed = 0;
    fc.assert(
      fc.property(product, (value) => {
        if (!isProductShape(value)) return;
        wellFormed++;
        const parsed = productSchema.parse(value);
        const fast = emptyBatch();
        const slow = emptyBatch();
        const fastErrors: PathError[] = [];
        const slowErrors: PathError[] = [];
        expect(convertProduct(value, fastErrors, fast)).toBe(convertProduct(parsed, slowErrors, slow));
        expect(fast).toEqual(slow);
        expect(fastErrors).toEqual(slowErrors);
      }),
      { numRuns: 3000 },
    );
    // The generator must reach the well-formed case often enough for this to mean something.
    expect(wellFormed).toBeGreaterThan(100);
  });
});
