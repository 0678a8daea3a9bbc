import type { SearchFilters, SearchQuery, SearchResult } from '../../../shared/catalog/views.js';
import type { Db } from './database.js';
import type { ProductViews } from './product-view.js';
import { Speller } from './spell.js';
import { categorySeparator } from './writer.js';

/**
 * Ranking tiers: the FTS columns every word must be found in, most relevant first; null means
 * any column (the description too).
 */
const rankingTiers = ['title brand', 'title brand category colors', null] as const;
export const defaultLimit = 24;
export const maxLimit = 200;

/** Words as the FTS tokenizer sees them (unicode61 with diacritics removed): lower case, letters and digits. */
export function queryWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** An FTS5 string literal: words are quoted so that no user text is read as query syntax. */
function phrase(word: string, prefix: boolean): string {
  return `"${word.replaceAll('"', '""')}"${prefix ? '*' : ''}`;
}

/**
 * Catalog search over FTS5. Every word must match (AND); the last one as a prefix, so results
 * come as the shopper types (words before it are finished, and matching them whole is both more
 * precise and much cheaper than expanding every prefix). Exact and prefix matches come first,
 * ranked by where the words are found (see `match`); only when they do not fill the page is the
 * query run again with each word of 5+ letters widened to the indexed words one edit away, and
 * those hits follow, marked as corrected.
 */
export class CatalogSearch {
  private readonly speller: Speller;
  private readonly statements = new Map<string, ReturnType<Db['prepare']>>();

  constructor(
    private readonly db: Db,
    private readonly views: ProductViews,
    private readonly now: () => Date,
  ) {
    this.speller = new Speller(db);
  }

  search(query: SearchQuery): SearchResult {
    const limit = Math.min(Math.max(query.limit ?? defaultLimit, 1), maxLimit);
    const offset = Math.max(query.offset ?? 0, 0);
    const words = queryWords(query.text);
    const filters = this.resolveFilters(query.filters ?? {}, query.storeCode);
    const result: SearchResult = { hits: [], hasMore: false, corrections: {} };
    if (filters === null) return result; // an unknown category matches nothing

    // One row more than asked tells whether there is a next page.
    const want = offset + limit + 1;
    const exact =
      words.length === 0
        ? this.browse(filters, want)
        : this.match(words.map((w, i) => phrase(w, i === words.length - 1)).join(' AND '), filters, want, []);
    const ranked: { rowid: number; corrected: boolean }[] = exact.map((rowid) => ({
      rowid,
      corrected: false,
    }));

    if (ranked.length < want && words.length > 0) {
      const widened = words.map((word, i) => {
        const prefix = i === words.length - 1;
        const alternatives = this.speller.corrections(word);
        if (alternatives.length > 0) result.corrections[word] = alternatives;
        return alternatives.length === 0
          ? phrase(word, prefix)
          : `(${[phrase(word, prefix), ...alternatives.map((a) => phrase(a, prefix))].join(' OR ')})`;
      });
      if (Object.keys(result.corrections).length > 0) {
        for (const rowid of this.match(widened.join(' AND '), filters, want - ranked.length, exact)) {
          ranked.push({ rowid, corrected: true });
        }
      }
    }

    result.hasMore = ranked.length > offset + limit;
    const page = ranked.slice(offset, offset + limit);
    result.hits = this.views.hits(
      page.map((r) => r.rowid),
      query.storeCode,
      new Set(page.filter((r) => r.corrected).map((r) => r.rowid)),
      query.locale,
    );
    return result;
  }

  /**
   * Rowids matching an FTS expression and the filters, best first, at most `limit`.
   *
   * Relevance is ranked by where the words are found, in tiers (see `rankingTiers`): products
   * with every word in their name or brand first, then those that also need category or colour,
   * then those that need the description; within a tier, catalog (feed) order. bm25 was the first
   * choice, but it computes each word's document frequency by walking the word's whole doclist
   * on every query, which on a 100,000-product catalog costs more than the whole budget for a
   * broad word; a tier query in rowid order stops as soon as the page is full.
   */
  private match(
    expression: string,
    filters: ResolvedFilters,
    limit: number,
    exclude: readonly number[],
  ): number[] {
    const { where, params } = filterSql(filters, this.now());
    const join = where === '' ? '' : 'JOIN products p ON p.rowid = f.rowid';
    const found: number[] = [];
    const seen = [...exclude];
    for (const columns of rankingTiers) {
      const need = limit - found.length;
      if (need <= 0) break;
      const sql = `SELECT f.rowid FROM products_fts f ${join}
        WHERE products_fts MATCH @match ${seen.length > 0 ? 'AND f.rowid NOT IN (SELECT value FROM json_each(@seen))' : ''}
        ${where} ORDER BY f.rowid LIMIT @need`;
      const rows = this.prepare(sql)
        .pluck()
        .all({
          ...params,
          match: columns === null ? expression : `{${columns}} : (${expression})`,
          need,
          ...(seen.length > 0 ? { seen: JSON.stringify(seen) } : {}),
        }) as number[];
      found.push(...rows);
      seen.push(...rows);
    }
    return found;
  }

  /**
   * No words: the filtered catalog in catalog (feed) order, the order a retailer gives its feed.
   * Walking products in rowid order lets SQLite stop at the page's end instead of sorting every
   * product of a category.
   */
  private browse(filters: ResolvedFilters, limit: number): number[] {
    const { where, params } = filterSql(filters, this.now());
    const sql = `SELECT p.rowid FROM products p WHERE 1 ${where} ORDER BY p.rowid LIMIT @limit`;
    return this.prepare(sql)
      .pluck()
      .all({ ...params, limit }) as number[];
  }

  private prepare(sql: string) {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private resolveFilters(filters: SearchFilters, storeCode: string | undefined): ResolvedFilters | null {
    const resolved: ResolvedFilters = {
      categoryIds: null,
      sizes: filters.sizes?.filter((s) => s.length > 0) ?? [],
      colors: filters.colors?.filter((c) => c.length > 0) ?? [],
      minPrice: filters.minPrice ?? null,
      maxPrice: filters.maxPrice ?? null,
      inStockAt: filters.inStockHere === true ? (storeCode ?? null) : null,
      priceStore: storeCode ?? '',
    };
    if (filters.category !== undefined && filters.category.trim() !== '') {
      const path = filters.category.trim();
      resolved.categoryIds = this.prepare(
        `SELECT id FROM categories WHERE path = @path OR path LIKE @below ESCAPE '\\'`,
      )
        .pluck()
        .all({ path, below: `${path.replace(/[\\%_]/g, (c) => `\\${c}`)}${categorySeparator}%` }) as number[];
      if (resolved.categoryIds.length === 0) return null;
    }
    return resolved;
  }
}

interface ResolvedFilters {
  categoryIds: number[] | null;
  sizes: string[];
  colors: string[];
  minPrice: number | null;
  maxPrice: number | null;
  /** Store whose stock the in-stock filter reads; null when the filter is off. */
  inStockAt: string | null;
  /** Store whose own prices the price filter prefers ('' = default prices only). */
  priceStore: string;
}

/**
 * SQL for the filters, as `AND …` clauses over `p` (products). Size, colour, stock and price
 * must hold for one and the same variant: a size-42 filter with in-stock-here means size 42 is
 * in stock, not that some other size is.
 */
function filterSql(f: ResolvedFilters, now: Date): { where: string; params: Record<string, unknown> } {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.categoryIds !== null) {
    // Unary + keeps SQLite from answering through the category index and then sorting: walking
    // products in order and stopping at the page's end is faster for every category that matters.
    clauses.push('+p.category_id IN (SELECT value FROM json_each(@categories))');
    params.categories = JSON.stringify(f.categoryIds);
  }
  const variantClauses: string[] = [];
  if (f.sizes.length > 0) {
    variantClauses.push('v.size IN (SELECT value FROM json_each(@sizes))');
    params.sizes = JSON.stringify(f.sizes);
  }
  if (f.colors.length > 0) {
    variantClauses.push('v.color IN (SELECT value FROM json_each(@colors))');
    params.colors = JSON.stringify(f.colors);
  }
  if (f.inStockAt !== null) {
    variantClauses.push(
      'EXISTS (SELECT 1 FROM stock s WHERE s.variant_rowid = v.rowid AND s.store_code = @stockStore AND s.quantity > 0)',
    );
    params.stockStore = f.inStockAt;
  }
  if (f.minPrice !== null || f.maxPrice !== null) {
    // The store's own price when it has one, else the default; the sale price counts while running.
    variantClauses.push(`EXISTS (SELECT 1 FROM prices pr WHERE pr.variant_rowid = v.rowid
      AND pr.store_code = (SELECT max(x.store_code) FROM prices x WHERE x.variant_rowid = v.rowid AND x.store_code IN ('', @priceStore))
      AND (CASE WHEN pr.sale IS NOT NULL AND (pr.sale_from IS NULL OR pr.sale_from <= @now) AND (pr.sale_until IS NULL OR @now < pr.sale_until)
           THEN min(pr.sale, pr.regular) ELSE pr.regular END) BETWEEN @minPrice AND @maxPrice)`);
    params.priceStore = f.priceStore;
    params.minPrice = f.minPrice ?? 0;
    params.maxPrice = f.maxPrice ?? Number.MAX_SAFE_INTEGER;
    // Sale bounds are stored as UTC ISO strings (see CatalogWriter), so they compare as text.
    params.now = now.toISOString();
  }
  if (variantClauses.length > 0) {
    clauses.push(
      `EXISTS (SELECT 1 FROM variants v WHERE v.product_rowid = p.rowid AND ${variantClauses.join(' AND ')})`,
    );
  }
  return { where: clauses.map((c) => `AND ${c}`).join(' '), params };
}
