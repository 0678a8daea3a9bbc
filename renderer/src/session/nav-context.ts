import { createContext, useContext } from 'react';
import type { ProductView, SearchFilters } from '../../../shared/catalog/views.js';
import type { CardProduct } from '../components/ProductCard.js';

/** What screens may do to the screen stack; Session.tsx implements it over navReducer. */
export interface Nav {
  back: () => void;
  home: () => void;
  openSearch: (start?: { query?: string; filters?: SearchFilters }) => void;
  openProduct: (product: CardProduct) => void;
  selectVariant: (sku: string | null) => void;
  reserve: (product: ProductView, sku: string) => void;
  handoff: (product: ProductView, sku: string | null) => void;
}

export const NavContext = createContext<Nav | null>(null);

export function useNav(): Nav {
  const nav = useContext(NavContext);
  if (nav === null) throw new Error('useNav outside <Session>');
  return nav;
}

export interface SearchState {
  query: string;
  filters: SearchFilters;
}
