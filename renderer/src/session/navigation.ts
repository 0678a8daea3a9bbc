/**
 * Where the shopper is: a stack of screens. Pure data and a reducer, so what "back", a scan or
 * "I'm done" does to the stack is decided in one place.
 */
import type { ProductView } from '../../../shared/catalog/views.js';
import type { CardProduct } from '../components/ProductCard.js';

export type ScreenSpec =
  | { kind: 'attract' }
  | { kind: 'home' }
  | { kind: 'search' }
  | {
      kind: 'product';
      productId: string;
      /** Present when it came with the scan event: the screen paints without a round trip. */
      product?: ProductView;
      /** What a card already showed, painted while the full product loads. */
      preview?: CardProduct;
      variantSku?: string | null;
      /** Set for a scan, so the paint can be timed once per scan. */
      scan?: { code: string; receivedAt?: number | undefined };
    }
  | { kind: 'reserve'; product: ProductView; sku: string }
  | { kind: 'handoff'; product: ProductView; sku: string | null }
  | { kind: 'not-found'; code: string };

export type Screen = ScreenSpec & { id: number };

export interface NavState {
  stack: Screen[];
  nextId: number;
}

export type NavAction =
  | { type: 'push'; screen: ScreenSpec }
  /** A scan: replaces a product or not-found screen on top, so "back" leads where the shopper was. */
  | { type: 'scan'; screen: ScreenSpec }
  | { type: 'back' }
  | { type: 'home' }
  | { type: 'select-variant'; sku: string | null };

/** Deep enough for search → product → recommendation → … without growing forever. */
const MAX_DEPTH = 10;

export const initialNav: NavState = { stack: [{ kind: 'attract', id: 0 }], nextId: 1 };

export function navReducer(state: NavState, action: NavAction): NavState {
  const top = state.stack[state.stack.length - 1];
  switch (action.type) {
    case 'push':
    case 'scan': {
      const screen: Screen = { ...action.screen, id: state.nextId };
      let base = state.stack;
      if (top?.kind === 'attract') base = [{ kind: 'home', id: top.id }];
      else if (action.type === 'scan' && (top?.kind === 'product' || top?.kind === 'not-found'))
        base = base.slice(0, -1);
      const stack = [...base, screen];
      // Keep home at the bottom so "back" always has somewhere to go.
      const trimmed =
        stack.length > MAX_DEPTH ? [...stack.slice(0, 1), ...stack.slice(-(MAX_DEPTH - 1))] : stack;
      return { stack: trimmed, nextId: state.nextId + 1 };
    }
    case 'back':
      return state.stack.length > 1 ? { ...state, stack: state.stack.slice(0, -1) } : state;
    case 'home':
      return { stack: [{ kind: 'home', id: state.nextId }], nextId: state.nextId + 1 };
    case 'select-variant': {
      // Remembered on the entry, so coming back from Reserve shows the size that was chosen.
      if (top?.kind !== 'product') return state;
      return { ...state, stack: [...state.stack.slice(0, -1), { ...top, variantSku: action.sku }] };
    }
  }
}
