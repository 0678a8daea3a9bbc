/**
 * Search as you type. Every keystroke asks catalog.search; only the answer to the latest request
 * is shown, so a slow reply to "sne" can never overwrite the results for "sneakers". Typo
 * tolerance is the runtime's: this screen says which words it corrected.
 */
import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { FacetsView } from '../../../shared/bridge/contract.js';
import type { SearchFilters as Filters, SearchResult } from '../../../shared/catalog/views.js';
import { track } from '../analytics/track.js';
import { useSettledSearch } from '../analytics/use-settled-search.js';
import { useKiosk } from '../bridge/kiosk-context.js';
import { Icon } from '../components/Icon.js';
import { OnScreenKeyboard } from '../components/OnScreenKeyboard.js';
import { ProductCard, type CardProduct } from '../components/ProductCard.js';
import { SearchFilters } from '../components/SearchFilters.js';
import { categoryTree, type TopCategory } from '../format/categories.js';
import { useTextTarget } from '../input/text-target.js';
import { useNav, type SearchState } from '../session/nav-context.js';
import { markSearchPainted } from '../session/paints.js';

const PAGE = 24;

interface Shown extends SearchResult {
  query: string;
  filters: Filters;
}

/** The query as the runtime understood it: each corrected word replaced by its first correction. */
export function correctedQuery(query: string, corrections: Record<string, string[]>): string | null {
  const lower = new Map(Object.entries(corrections).map(([k, v]) => [k.toLowerCase(), v[0]]));
  if (lower.size === 0) return null;
  const words = query.split(/(\s+)/);
  const fixed = words.map((word) => lower.get(word.toLowerCase()) ?? word);
  return fixed.some((word, i) => word !== words[i]) ? fixed.join('') : null;
}

export function SearchScreen({
  state,
  onChange,
}: {
  state: SearchState;
  onChange: Dispatch<SetStateAction<SearchState>>;
}) {
  const { bridge, info } = useKiosk();
  const nav = useNav();
  const { t } = useTranslation('search');
  const [shown, setShown] = useState<Shown | null>(null);
  const [failed, setFailed] = useState(false);
  const [keyboard, setKeyboard] = useState(true);
  const [facets, setFacets] = useState<FacetsView | null>(null);
  const [categories, setCategories] = useState<TopCategory[]>([]);
  const latest = useRef(0);
  const input = useRef<HTMLInputElement>(null);
  const { query, filters } = state;

  const setQuery = useCallback(
    (action: SetStateAction<string>) => {
      onChange((s) => ({ ...s, query: typeof action === 'function' ? action(s.query) : action }));
    },
    [onChange],
  );
  useTextTarget(true, setQuery, { maxLength: 100 });

  const run = useCallback(
    (text: string, filters: Filters, offset: number, before: Shown | null) => {
      const seq = ++latest.current;
      bridge.call('catalog.search', { text, filters, limit: PAGE, offset }).then(
        (result) => {
          if (seq !== latest.current) return;
          setFailed(false);
          setShown({
            ...result,
            hits: before === null ? result.hits : [...before.hits, ...result.hits],
            query: text,
            filters,
          });
        },
        () => {
          if (seq === latest.current) setFailed(true);
        },
      );
    },
    [bridge],
  );

  const filtered = Object.values(filters).some((v) => v !== undefined);
  const idle = query.trim() === '' && !filtered;
  useEffect(() => {
    // Nothing asked yet: no results (and a late answer to what was just erased must not land).
    if (idle) latest.current++;
    else run(query, filters, 0, null);
    // Titles come in the session's language: a switch asks again.
  }, [run, query, filters, idle, info.locale]);

  useEffect(() => {
    if (shown !== null) markSearchPainted(shown.query);
  }, [shown]);

  useEffect(() => {
    input.current?.focus({ preventScroll: true });
    let live = true;
    bridge.call('catalog.facets', {}).then(
      (f) => {
        if (live) setFacets(f);
      },
      () => undefined,
    );
    bridge.call('catalog.categories', {}).then(
      (rows) => {
        if (live) setCategories(categoryTree(rows));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [bridge]);

  const setFilters = (next: Filters): void => {
    onChange((s) => ({ ...s, filters: next }));
  };
  const result = idle ? null : shown;
  const corrected = result === null ? null : correctedQuery(result.query, result.corrections);
  // Only an answer to exactly what is typed and filtered now can settle as a search.
  const settled = useSettledSearch(
    result !== null && result.query === query && result.filters === filters
      ? { query, filters, results: result.hits.length }
      : null,
  );
  const openResult = (product: CardProduct, position: number): void => {
    settled.settleNow();
    track(bridge, 'search.select', { query: settled.normalized(query), productId: product.id, position });
    nav.openProduct(product);
  };

  return (
    <main className={`screen search ${keyboard ? 'search-kb' : ''}`} data-screen="search">
      <div className="search-controls">
        <div className="query-row">
          <label className="query-field" data-testid="search-query">
            <Icon name="search" className="query-icon" />
            <input
              ref={input}
              className="query-input"
              type="text"
              inputMode="none"
              autoComplete="off"
              autoCorrect="off"
              spellCheck={false}
              enterKeyHint="search"
              aria-label={t('query.label')}
              placeholder={t('query.placeholder')}
              value={query}
              maxLength={100}
              onChange={(event) => {
                setQuery(event.target.value);
              }}
              onFocus={() => {
                setKeyboard(true);
              }}
              onClick={() => {
                setKeyboard(true);
              }}
            />
            <span className="sr-only" aria-hidden="true">
              {query}
            </span>
          </label>
          {query !== '' ? (
            <button
              type="button"
              className="icon-btn query-clear press"
              aria-label={t('query.clear')}
              onClick={() => {
                setQuery('');
              }}
            >
              <Icon name="close" />
            </button>
          ) : null}
        </div>
        <SearchFilters filters={filters} onChange={setFilters} facets={facets} categories={categories} />
        {keyboard ? (
          <OnScreenKeyboard
            layout="search"
            className="search-keyboard"
            onDone={() => {
              setKeyboard(false);
            }}
          />
        ) : (
          <button
            type="button"
            className="btn btn-secondary search-show-kb press"
            onClick={() => {
              setKeyboard(true);
            }}
          >
            <Icon name="keyboard" />
            {t('showKeyboard')}
          </button>
        )}
      </div>

      <section
        className="search-results scroll"
        aria-live="polite"
        aria-busy={!idle && shown?.query !== query}
      >
        {corrected !== null ? (
          <p className="search-corrections" data-testid="search-corrections">
            <Trans t={t} i18nKey="corrected" values={{ query: corrected }} components={{ q: <strong /> }} />
          </p>
        ) : null}
        {failed && !idle ? <p className="search-empty">{t('failed')}</p> : null}
        {idle ? (
          <p className="search-empty">
            <strong>{t('idleTitle')}</strong>
            <span>{t('idleText')}</span>
          </p>
        ) : null}
        {result !== null && result.hits.length === 0 ? (
          <div className="search-empty">
            <strong>{query.trim() === '' ? t('noneFiltered') : t('none', { query: query.trim() })}</strong>
            <span>{t('noneText')}</span>
            {filtered ? (
              <button
                type="button"
                className="btn btn-secondary press"
                onClick={() => {
                  setFilters({});
                }}
              >
                {t('filters.clear')}
              </button>
            ) : null}
          </div>
        ) : null}
        {result !== null && result.hits.length > 0 ? (
          <div className="card-grid search-grid">
            {result.hits.map((hit, position) => (
              <ProductCard
                key={hit.id}
                product={hit}
                onOpen={(product) => {
                  openResult(product, position);
                }}
                testId="search-result"
              />
            ))}
          </div>
        ) : null}
        {result?.hasMore === true ? (
          <button
            type="button"
            className="btn btn-secondary search-more press"
            onClick={() => {
              run(result.query, result.filters, result.hits.length, result);
            }}
          >
            {t('more')}
          </button>
        ) : null}
      </section>
    </main>
  );
}
