/**
 * One `search` event per search a shopper settled on, never one per keystroke: the results for
 * what they typed have stayed on screen for SETTLE_MS, or they left with them (opened a result,
 * went back, said "I'm done"). Coming back to the same results is not a new search. The query is
 * normalized and anything that looks like personal data is dropped (shared/analytics).
 */
import { useCallback, useEffect, useRef } from 'react';
import { normalizeSearchQuery } from '../../../shared/analytics/search-query.js';
import type { SearchFilters } from '../../../shared/catalog/views.js';
import { useKiosk } from '../bridge/kiosk-context.js';
import { hold, sessionMemory, track } from './track.js';

/** Long enough to finish a word on the on-screen keyboard, short enough to beat a quick tap away. */
export const SETTLE_MS = 1500;

export interface ShownSearch {
  query: string;
  filters: SearchFilters;
  /** Results on screen for it (the first page). */
  results: number;
}

/** Filters in use: each field that narrows the search counts once. */
export function activeFilters(filters: SearchFilters): number {
  return Object.values(filters).filter((v) => v !== undefined && !(Array.isArray(v) && v.length === 0))
    .length;
}

function keyOf(search: ShownSearch): string {
  return JSON.stringify([normalizeSearchQuery(search.query).query, search.filters]);
}

/** The last search sent in this session, across visits to the search screen (which remounts). */
const LAST_SENT = 'search.lastSent';

export function useSettledSearch(shown: ShownSearch | null): {
  /** Sends the search on screen now (the shopper opened one of its results). */
  settleNow: () => void;
  /** The query as events carry it, for `search.select`. */
  normalized: (query: string) => string;
} {
  const { bridge } = useKiosk();
  const pending = useRef<ShownSearch | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const settleNow = useCallback(() => {
    clearTimeout(timer.current);
    const search = pending.current;
    pending.current = null;
    if (search === null) return;
    const key = keyOf(search);
    if (key === sessionMemory.get(LAST_SENT)) return;
    sessionMemory.set(LAST_SENT, key);
    const { query, redacted } = normalizeSearchQuery(search.query);
    track(bridge, 'search', {
      query,
      redacted,
      results: search.results,
      hasResults: search.results > 0,
      filters: activeFilters(search.filters),
    });
  }, [bridge]);

  const query = shown?.query;
  const filters = shown?.filters;
  const results = shown?.results;
  useEffect(() => {
    clearTimeout(timer.current);
    pending.current =
      query === undefined || filters === undefined || results === undefined
        ? null
        : { query, filters, results };
    if (pending.current !== null) timer.current = setTimeout(settleNow, SETTLE_MS);
  }, [query, filters, results, settleNow]);

  useEffect(() => {
    const release = hold({
      flush: settleNow,
      discard: () => {
        clearTimeout(timer.current);
        pending.current = null;
      },
    });
    return () => {
      release();
      // Leaving the screen with results up: that was the search.
      settleNow();
    };
  }, [settleNow]);

  return { settleNow, normalized: (q) => normalizeSearchQuery(q).query };
}
