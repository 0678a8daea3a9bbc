/**
 * The renderer's pure parts: where "back", a scan or "I'm done" leads; field errors split out of
 * the runtime's refusals (made here by the real dispatcher, so the two ends of that format are
 * held together); category tiles; stock and sale wording; variant selection.
 */
import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../../../renderer/src/bridge/field-errors.js';
import { categoryTree } from '../../../renderer/src/format/categories.js';
import { saleDiscount } from '../../../renderer/src/format/money.js';
import { nearbyStockLabel, sizeStockLabel, stockTone } from '../../../renderer/src/format/stock.js';
import {
  findVariant,
  initialSelection,
  sizeVariants,
  variantLabel,
  withColor,
} from '../../../renderer/src/format/variants.js';
import { i18n } from '../../../renderer/src/i18n/index.js';
import { initialNav, navReducer, type NavState } from '../../../renderer/src/session/navigation.js';
import { createBridgeDispatcher, type BridgeHandlers } from '../../../shared/bridge/index.js';
import type { ProductView, VariantView } from '../../../shared/catalog/views.js';

const kinds = (state: NavState) => state.stack.map((s) => s.kind);
/** The wording in English, as the kiosk starts. */
const t = i18n.getFixedT('en');

describe('navigation', () => {
  it('a touch on attract goes home first; back never empties the stack', () => {
    let state = navReducer(initialNav, { type: 'push', screen: { kind: 'search' } });
    expect(kinds(state)).toEqual(['home', 'search']);
    state = navReducer(state, { type: 'back' });
    state = navReducer(state, { type: 'back' });
    expect(kinds(state)).toEqual(['home']);
  });

  it('a scan replaces a product or not-found on top, so back returns where the shopper was', () => {
    let state = navReducer(initialNav, { type: 'push', screen: { kind: 'search' } });
    state = navReducer(state, { type: 'scan', screen: { kind: 'product', productId: 'P1' } });
    state = navReducer(state, { type: 'scan', screen: { kind: 'not-found', code: '123' } });
    state = navReducer(state, { type: 'scan', screen: { kind: 'product', productId: 'P2' } });
    expect(kinds(state)).toEqual(['home', 'search', 'product']);
    expect(navReducer(state, { type: 'back' }).stack.at(-1)?.kind).toBe('search');
  });

  it('remembers the chosen size on the product entry; home starts over; depth is bounded', () => {
    let state = navReducer(initialNav, { type: 'push', screen: { kind: 'product', productId: 'P1' } });
    state = navReducer(state, { type: 'select-variant', sku: 'P1-42' });
    expect(state.stack.at(-1)).toMatchObject({ kind: 'product', variantSku: 'P1-42' });
    for (let i = 0; i < 30; i++)
      state = navReducer(state, { type: 'push', screen: { kind: 'product', productId: `R${String(i)}` } });
    expect(state.stack.length).toBeLessThanOrEqual(10);
    expect(state.stack[0]?.kind).toBe('home');
    expect(new Set(state.stack.map((s) => s.id)).size).toBe(state.stack.length);
    expect(kinds(navReducer(state, { type: 'home' }))).toEqual(['home']);
  });
});

describe('field errors from the runtime', () => {
  it('splits a refusal of session.reserve into one message per field', async () => {
    const dispatch = createBridgeDispatcher({} as BridgeHandlers, () => undefined);
    const reply = await dispatch('session.reserve', {
      productId: 'P1',
      sku: 'S1',
      storeCode: 'BER',
      name: '',
      contact: { email: 'ada-at-example' },
      consent: false,
    });
    if (reply.ok) throw new Error('expected a refusal');
    const errors = fieldErrors('session.reserve', reply.error.message);
    expect(errors.get('name')).toBe('Enter your name');
    expect(errors.get('consent')).toBe('The store may only contact you with your consent');
    expect([...errors.keys()].some((k) => k.startsWith('contact'))).toBe(true);
  });
});

describe('wording', () => {
  it('category paths become top-level tiles with their children, largest first', () => {
    const tree = categoryTree([
      { path: 'Shoes', name: 'Shoes', products: 10 },
      { path: 'Shoes > Boots', name: 'Boots', products: 4 },
      { path: 'Bags > Totes', name: 'Totes', products: 12 },
    ]);
    expect(tree.map((t) => [t.name, t.products, t.children.map((c) => c.name)])).toEqual([
      ['Bags', 12, ['Totes']],
      ['Shoes', 10, ['Boots']],
    ]);
  });

  it('stock and sale labels', () => {
    expect([0, 3, 12, undefined].map((quantity) => sizeStockLabel(t, quantity))).toEqual([
      'Sold out here',
      '3 left',
      'In stock',
      'Not sold here',
    ]);
    expect([0, 5, 6, undefined].map(stockTone)).toEqual(['none', 'low', 'good', 'unknown']);
    expect(nearbyStockLabel(t, 0, 'preorder')).toBe('Pre-order');
    expect(nearbyStockLabel(t, 0, undefined)).toBe('Sold out');
    expect(nearbyStockLabel(t, 9, undefined)).toBe('9 in stock');
    expect(saleDiscount({ currency: 'EUR', regular: 7795, sale: 5455, current: 5455, storeCode: null })).toBe(
      30,
    );
    expect(saleDiscount({ currency: 'EUR', regular: 7795, current: 7795, storeCode: null })).toBeNull();
  });
});

describe('variant selection', () => {
  const v = (sku: string, color: string, size: string, stockHere: number): VariantView => ({
    sku,
    gtins: [],
    color,
    size,
    stockHere,
    media: [],
  });
  const product: ProductView = {
    id: 'P1',
    title: 'Chelsea Boot',
    categoryPath: ['Shoes', 'Boots'],
    media: [],
    recommendations: [],
    variants: [v('P1-B-40', 'Black', '40', 0), v('P1-B-42', 'Black', '42', 3), v('P1-T-41', 'Tan', '41', 1)],
  };

  it('a scanned variant is chosen; changing colour keeps to sizes of that colour', () => {
    const scanned = initialSelection(product, 'P1-B-42');
    expect(findVariant(product, scanned)?.sku).toBe('P1-B-42');
    expect(sizeVariants(product, 'Tan').map((x) => x.size)).toEqual(['41']);
    const tan = withColor(product, scanned, 'Tan');
    expect(tan.color).toBe('Tan');
    expect(findVariant(product, tan)?.sku ?? null).not.toBe('P1-B-42');
    expect(variantLabel(t, product.variants[1])).toBe('Black · Size 42');
    expect(variantLabel(t, { color: 'Tan', size: undefined })).toBe('Tan');
    expect(variantLabel(t, undefined)).toBe('');
  });
});
