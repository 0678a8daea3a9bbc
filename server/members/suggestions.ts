/**
 * Suggestions from a member's history, as plain functions (the service feeds them from storage).
 *
 * A member's taste is what they bought and, after a yes to personalization, looked at: each
 * brand and category scores by how often and how lately (a purchase counts three views, and a
 * signal loses half its weight every 180 days). A product scores by how well its brand and
 * category match. What the member owns is never suggested, and with no history there are no
 * suggestions: a "For you" row of random products would claim a knowledge the hub does not have.
 */
import type { HistoryEntry, ProductFacts } from './member-store.js';

const PURCHASE_WEIGHT = 3;
const VIEW_WEIGHT = 1;
const HALF_LIFE_DAYS = 180;
/** A brand match says less about taste than the kind of product. */
const BRAND_SHARE = 0.6;

export interface Taste {
  brands: Map<string, number>;
  /** By category path as JSON text (the form the products index compares). */
  categories: Map<string, number>;
  /** Products the member bought: never suggested. */
  owned: Set<string>;
}

export const categoryKey = (path: readonly string[]): string => JSON.stringify(path);

export function tasteOf(history: readonly HistoryEntry[], facts: readonly ProductFacts[], now: Date): Taste {
  const byId = new Map(facts.map((f) => [f.id, f]));
  const taste: Taste = { brands: new Map(), categories: new Map(), owned: new Set() };
  for (const entry of history) {
    if (entry.kind === 'purchase') taste.owned.add(entry.productId);
    const product = byId.get(entry.productId);
    if (product === undefined) continue; // no longer in the catalog: says nothing we can match
    const ageDays = Math.max(0, (now.getTime() - Date.parse(entry.at)) / 86_400_000);
    const weight =
      (entry.kind === 'purchase' ? PURCHASE_WEIGHT : VIEW_WEIGHT) * 0.5 ** (ageDays / HALF_LIFE_DAYS);
    if (product.brand !== null) add(taste.brands, product.brand, weight);
    if (product.categoryPath.length > 0) add(taste.categories, categoryKey(product.categoryPath), weight);
  }
  return taste;
}

function add(map: Map<string, number>, key: string, weight: number): void {
  map.set(key, (map.get(key) ?? 0) + weight);
}

/** The `n` strongest keys of a score map. */
export function strongest(map: ReadonlyMap<string, number>, n: number): string[] {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([key]) => key);
}

export function scoreOf(product: ProductFacts, taste: Taste): number {
  const category = taste.categories.get(categoryKey(product.categoryPath)) ?? 0;
  const brand = product.brand === null ? 0 : (taste.brands.get(product.brand) ?? 0);
  return category + BRAND_SHARE * brand;
}

/**
 * The candidates that match the member's taste, best first, without owned or excluded products
 * (and without products for which `available` says no). Ties keep the candidates' order.
 */
export function rankByTaste(
  candidates: readonly ProductFacts[],
  taste: Taste,
  options: { exclude?: ReadonlySet<string>; available: (product: ProductFacts) => boolean; limit: number },
): string[] {
  return candidates
    .filter((p) => !taste.owned.has(p.id) && options.exclude?.has(p.id) !== true && options.available(p))
    .map((p, index) => ({ id: p.id, score: scoreOf(p, taste), index }))
    .filter((p) => p.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, options.limit)
    .map((p) => p.id);
}

/**
 * The feed's own relations of a product, personalised: owned and unavailable ones dropped, the
 * rest in the member's order of taste (relations the taste says nothing about keep their place,
 * after those it favours), because the retailer chose them for this product.
 */
export function rankRelations(
  related: readonly ProductFacts[],
  taste: Taste,
  options: { available: (product: ProductFacts) => boolean; limit: number },
): string[] {
  return related
    .filter((p) => !taste.owned.has(p.id) && options.available(p))
    .map((p, index) => ({ id: p.id, score: scoreOf(p, taste), index }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, options.limit)
    .map((p) => p.id);
}
