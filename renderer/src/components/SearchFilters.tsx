/**
 * The search filters as a row of chips; a chip opens its options in a panel below the row. Every
 * option is a 60 px+ target, and the row says what is chosen ("Size: 42, 43").
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FacetsView } from '../../../shared/bridge/contract.js';
import { currencyExponent } from '../../../shared/catalog/money.js';
import type { SearchFilters as Filters } from '../../../shared/catalog/views.js';
import { useKiosk } from '../bridge/kiosk-context.js';
import type { TopCategory } from '../format/categories.js';
import { colorOf } from '../format/colors.js';
import { formatWholePrice } from '../format/money.js';
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
  const { t, i18n } = useTranslation('search');
  const [panel, setPanel] = useState<Panel | null>(null);
  const unit = 10 ** safeExponent(info.currency);
  const money = (major: number): string => formatWholePrice(major, info.currency, info.locale);
  const bandLabel = ([lo, hi]: [number, number | undefined]): string =>
    hi === undefined
      ? t('filters.priceFrom', { price: money(lo) })
      : lo === 0
        ? t('filters.priceUnder', { price: money(hi) })
        : t('filters.priceRange', { low: money(lo), high: money(hi) });
  const list = (values: string[] | undefined): string | undefined =>
    values === undefined ? undefined : listFormat(values, info.locale);
  const band = BANDS.find(
    ([lo, hi]) =>
      filters.minPrice === (lo === 0 ? undefined : lo * unit) &&
      filters.maxPrice === (hi === undefined ? undefined : hi * unit - 1),
  );
  const categoryName = filters.category
    ?.split('>')
    .map((p) => p.trim())
    .join(i18n.dir() === 'rtl' ? ' ‹ ' : ' › ');

  const chip = (id: Panel, label: string, value: string | undefined) => (
    <button
      type="button"
      className={`chip filter-chip press ${value !== undefined ? 'filter-chip-set' : ''}`}
      aria-expanded={panel === id}
      onClick={() => {
        setPanel(panel === id ? null : id);
      }}
    >
      <span>{value === undefined ? label : t('filters.chosen', { filter: label, value })}</span>
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
      <div className="filter-row scroll-x" role="toolbar" aria-label={t('filters.label')}>
        {chip('category', t('filters.category'), categoryName)}
        {chip('size', t('filters.size'), list(filters.sizes))}
        {chip('color', t('filters.color'), list(filters.colors))}
        {chip('price', t('filters.price'), band !== undefined ? bandLabel(band) : undefined)}
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
          {t('filters.inStockHere')}
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
            {t('filters.clear')}
          </button>
        ) : null}
      </div>
      {panel !== null ? (
        <div className="filter-panel" role="group" aria-label={t(`filters.${panel}`)}>
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
                    {t('home:home.allOf', { category: top.name })}
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
            {t('filters.done')}
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** "42, 43, or 44": a filter matches any of its values, said in the locale's way. */
function listFormat(values: string[], locale: string): string {
  try {
    return new Intl.ListFormat(locale, { type: 'disjunction' }).format(values);
  } catch {
    return values.join(', ');
  }
}

function safeExponent(currency: string): number {
  try {
    return currencyExponent(currency);
  } catch {
    return 2;
  }
}
