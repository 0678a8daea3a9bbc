import { describe, expect, it } from 'vitest';
import type { HistoryEntry, ProductFacts } from '../../../../server/members/member-store.js';
import { rankByTaste, rankRelations, strongest, tasteOf } from '../../../../server/members/suggestions.js';

const NOW = new Date('2026-06-01T12:00:00.000Z');
const daysAgo = (days: number): string => new Date(NOW.getTime() - days * 86_400_000).toISOString();

function product(id: string, brand: string | null, categoryPath: string[]): ProductFacts {
  return { id, brand, categoryPath, skus: [`${id}-1`], recommendations: [] };
}

const SNEAKER_A = product('S1', 'Asics', ['Shoes', 'Sneakers']);
const SNEAKER_B = product('S2', 'Nike', ['Shoes', 'Sneakers']);
const SNEAKER_C = product('S3', 'Asics', ['Shoes', 'Sneakers']);
const BOOT = product('B1', 'Asics', ['Shoes', 'Boots']);
const BAG = product('G1', 'Fjord', ['Accessories', 'Bags']);
const CATALOG = [SNEAKER_A, SNEAKER_B, SNEAKER_C, BOOT, BAG];
const everywhere = { available: () => true };

describe('suggestions from a member’s history', () => {
  it('weighs purchases over views and recent over old, and knows what the member owns', () => {
    const history: HistoryEntry[] = [
      { productId: 'S1', kind: 'purchase', at: daysAgo(10) },
      { productId: 'G1', kind: 'view', at: daysAgo(1) },
      { productId: 'G1', kind: 'view', at: daysAgo(400) },
      { productId: 'GONE', kind: 'purchase', at: daysAgo(3) }, // no longer in the catalog
    ];
    const taste = tasteOf(history, CATALOG, NOW);
    expect([...taste.owned].sort()).toEqual(['GONE', 'S1']);
    expect(strongest(taste.categories, 1)).toEqual(['["Shoes","Sneakers"]']);
    expect(taste.categories.get('["Shoes","Sneakers"]')).toBeCloseTo(3 * 0.5 ** (10 / 180));
    // A view a year and more ago counts for less than a quarter of one made yesterday.
    expect(taste.categories.get('["Accessories","Bags"]')).toBeCloseTo(0.5 ** (1 / 180) + 0.5 ** (400 / 180));
  });

  it('ranks by category, then brand; leaves out owned, excluded and unavailable products', () => {
    const taste = tasteOf([{ productId: 'S1', kind: 'purchase', at: daysAgo(1) }], CATALOG, NOW);
    expect(rankByTaste(CATALOG, taste, { ...everywhere, limit: 10 })).toEqual(['S3', 'S2', 'B1']);
    expect(rankByTaste(CATALOG, taste, { ...everywhere, limit: 1 })).toEqual(['S3']);
    expect(rankByTaste(CATALOG, taste, { exclude: new Set(['S3']), ...everywhere, limit: 10 })).toEqual([
      'S2',
      'B1',
    ]);
    expect(rankByTaste(CATALOG, taste, { available: (p) => p.id !== 'S2', limit: 10 })).toEqual(['S3', 'B1']);
  });

  it('without history there is nothing to suggest', () => {
    const taste = tasteOf([], CATALOG, NOW);
    expect(rankByTaste(CATALOG, taste, { ...everywhere, limit: 10 })).toEqual([]);
  });

  it('keeps the feed’s pairings, in the member’s order, without owned or unavailable ones', () => {
    const taste = tasteOf([{ productId: 'B1', kind: 'purchase', at: daysAgo(1) }], CATALOG, NOW);
    // The feed paired a bag, a sneaker by a brand she buys, and her own boots.
    const related = [BAG, SNEAKER_C, BOOT];
    expect(rankRelations(related, taste, { ...everywhere, limit: 10 })).toEqual(['S3', 'G1']);
    expect(rankRelations(related, taste, { available: (p) => p.id !== 'S3', limit: 10 })).toEqual(['G1']);
  });
});
