/**
 * The search filters as a row of chips; a chip opens its options in a panel below the row. Every
 * option is a 60 px+ target, and the row says what is chosen ("Size: 42, 43").
 */
import { useState } from 'react';
import type { FacetsView } from '../../../shared/bridge/contract.js';
import { currencyExponent } from '../../../shared/catalog/money.js';
import type { SearchFilters as Filters } from '../../../shared/catalog/views.js';
import { useKiosk } from '../bridge/kiosk-context.js';
import type { TopCategory } from '../format/categories.js';
import { colorOf } from '../format/colors.js';
import { formatPrice } from '../format/money.js';
import { Icon } from './Icon.js';

type Panel = 'category' | 'size' | 'color' | 'price';

/** Price bands in whole currency units; the last is open-ended. */
const BANDS: [number, number | undefined][] = [
  [0, 50],
  [50, 100],
  [100, 200],
  [200, undefined],
];

function toggle(list: string[] | undefined, value: string): string[] | undefined {
  const set = new Set(list ?? []);
  if (set.has(value)) set.delete(value);
  else set.add(value);
  return set.size === 0 ? undefined : [...set];
}

export interface SearchFiltersProps {
  filters: Filters;
  onChange: (filters: Filters) => void;
  facets: FacetsView | null;
  categories: TopCategory[];
}

export function SearchFilters({ filters, onChange, facets, categories }: SearchFiltersProps) {
  const { info } = useKiosk();
  const [panel, setPanel] = useState<Panel | null>(null);
  const unit = 10 ** safeExponent(info.currency);
  const money = (major: number): string =>
    formatPrice(major * unit, info.currency, info.locale).replace(/[.,]0+(?=\D*$)/, '');
  const bandLabel = ([lo, hi]: [number, number | undefined]): string =>
    hi === undefined
      ? `${money(lo)} and up`
      : lo === 0
        ? `Under ${money(hi)}`
        : `${money(lo)} – ${money(hi)}`;
  const band = BANDS.find(
    ([lo, hi]) =>
      filters.minPrice === (lo === 0 ? undefined : lo * unit) &&
      filters.maxPrice === (hi === undefined ? undefined : hi * unit - 1),
  );
  const categoryName = filters.category
    ?.split('>')
    .map((p) => p.trim())
    .join(' › ');

  const chip = (id: Panel, label: string, value: string | undefined) => (
    <button
      type="button"
      className={`chip filter-chip press ${value !== undefined ? 'filter-chip-set' : ''}`}
      aria-expanded={panel === id}
      onClick={() => {
        setPanel(panel === id ? null : id);
      }}
    >
      <span>{value === undefined ? label : `${label}: ${value}`}</span>
      <Icon name={panel === id ? 'close' : 'forward'} className="filter-chip-caret" />
    </button>
  );
  const anySet =
    filters.category !== undefined ||
    (filters.sizes?.length ?? 0) > 0 ||
    (filters.colors?.length ?? 0) > 0 ||
    filters.minPrice !== undefined ||
    filters.maxPrice !== undefined ||
    filters.inStockHere === true;

  return (
    <div className="filters">
      <div className="filter-row scroll-x" role="toolbar" aria-label="Filters">
        {chip('category', 'Category', categoryName)}
        {chip('size', 'Size', filters.sizes?.join(', '))}
        {chip('color', 'Colour', filters.colors?.join(', '))}
        {chip('price', 'Price', band !== undefined ? bandLabel(band) : undefined)}
        <button
          type="button"
          className="chip press"
          aria-pressed={filters.inStockHere === true}
          data-testid="filter-in-stock"
          onClick={() => {
            onChange({ ...filters, inStockHere: filters.inStockHere === true ? undefined : true });
          }}
        >
          {filters.inStockHere === true ? <Icon name="check" /> : <Icon name="store" />}
          In stock here
        </button>
        {anySet ? (
          <button
            type="button"
            className="chip chip-quiet press"
            onClick={() => {
              setPanel(null);
              onChange({});
            }}
          >
            Clear filters
          </button>
        ) : null}
      </div>
      {panel !== null ? (
        <div className="filter-panel" role="group" aria-label={`${panel} filter`}>
          <div className="filter-options">
            {panel === 'category'
              ? categories.flatMap((top) => [
                  <button
                    type="button"
                    key={top.path}
                    className="chip chip-strong press"
                    aria-pressed={filters.category === top.path}
                    onClick={() => {
                      onChange({
                        ...filters,
                        category: filters.category === top.path ? undefined : top.path,
                      });
                    }}
                  >
                    All {top.name}
                  </button>,
                  ...top.children.map((c) => (
                    <button
                      type="button"
                      key={c.path}
                      className="chip press"
                      aria-pressed={filters.category === c.path}
                      onClick={() => {
                        onChange({ ...filters, category: filters.category === c.path ? undefined : c.path });
                      }}
                    >
                      {c.name}
                    </button>
                  )),
                ])
              : null}
            {panel === 'size'
              ? (facets?.sizes ?? []).map((size) => (
                  <button
                    type="button"
                    key={size}
                    className="chip chip-size press"
                    aria-pressed={filters.sizes?.includes(size) === true}
                    onClick={() => {
                      onChange({ ...filters, sizes: toggle(filters.sizes, size) });
                    }}
                  >
                    {size}
                  </button>
                ))
              : null}
            {panel === 'color'
              ? (facets?.colors ?? []).map((color) => (
                  <button
                    type="button"
                    key={color}
                    className="chip chip-color press"
                    aria-pressed={filters.colors?.includes(color) === true}
                    onClick={() => {
                      onChange({ ...filters, colors: toggle(filters.colors, color) });
                    }}
                  >
                    <span className="swatch-dot" style={{ background: colorOf(color) }} aria-hidden="true" />
                    {color}
                  </button>
                ))
              : null}
            {panel === 'price'
              ? BANDS.map((b) => (
                  <button
                    type="button"
                    key={b[0]}
                    className="chip press"
                    aria-pressed={band === b}
                    onClick={() => {
                      const [lo, hi] = b;
                      onChange(
                        band === b
                          ? { ...filters, minPrice: undefined, maxPrice: undefined }
                          : {
                              ...filters,
                              minPrice: lo === 0 ? undefined : lo * unit,
                              maxPrice: hi === undefined ? undefined : hi * unit - 1,
                            },
                      );
                    }}
                  >
                    {bandLabel(b)}
                  </button>
                ))
              : null}
          </div>
          <button
            type="button"
            className="btn btn-primary filter-done press"
            onClick={() => {
              setPanel(null);
            }}
          >
            Done
          </button>
        </div>
      ) : null}
    </div>
  );
}

function safeExponent(currency: string): number {
  try {
    return currencyExponent(currency);
  } catch {
    return 2;
  }
}
