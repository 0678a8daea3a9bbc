/**
 * Loyalty members on a test hub, imported through the admin API as retail ops would: Anna, who
 * bought two products of the synthetic catalog's best-stocked category in BER-MITTE (so the hub
 * has suggestions for her), and Ben, who just joined (no history, so no suggestions).
 */
import { expect } from 'vitest';
import type { TestHub } from './hub-fixture.js';

export const ANNA = {
  memberId: 'M-1001',
  firstName: 'Anna',
  tier: 'Gold',
  card: '6012340000001001',
  barcode: 'LOY-1001',
};
export const BEN = { memberId: 'M-1002', firstName: 'Ben', card: '6012340000001002' };
export const LOYALTY_PREFIX = '601234';

export interface Members {
  /** Anna's member QR text, as the hub made it ("vitrine-member:<token>"). */
  annaQr: string;
  /** What Anna bought. */
  owned: string[];
  /** The category path of her purchases. */
  category: string[];
}

/** Imports Anna and Ben into a hub whose catalog holds `products` synthetic products. */
export async function importMembers(test: TestHub, products: number): Promise<Members> {
  const byCategory = new Map<string, string[]>();
  for (let n = 1; n <= products; n++) {
    const id = `P${String(n).padStart(6, '0')}`;
    const product = await test.hub.store.getProduct(id);
    if (product === null) continue;
    const stock = await test.hub.store.stockOf(
      product.variants.map((v) => v.sku),
      new Date().toISOString(),
    );
    if (!stock.some((s) => s.storeCode === 'BER-MITTE' && s.available > 0)) continue;
    const key = JSON.stringify(product.categoryPath);
    byCategory.set(key, [...(byCategory.get(key) ?? []), id]);
  }
  const [key, ids] = [...byCategory.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
  expect(ids.length).toBeGreaterThanOrEqual(4); // two to own, and some left to suggest
  const owned = ids.slice(0, 2);
  const imported = await test.admin('POST', 'members', {
    members: [
      {
        memberId: ANNA.memberId,
        firstName: ANNA.firstName,
        tier: ANNA.tier,
        loyaltyNumber: ANNA.card,
        barcode: ANNA.barcode,
        qrToken: 'new',
        purchases: owned.map((productId, i) => ({
          productId,
          at: new Date(Date.now() - (i + 1) * 86_400_000).toISOString(),
          storeCode: 'BER-MITTE',
        })),
      },
      { memberId: BEN.memberId, firstName: BEN.firstName, loyaltyNumber: BEN.card },
    ],
  });
  expect(imported.status).toBe(200);
  const answer = imported.json as { created: number; qrCodes: { memberId: string; qr: string }[] };
  expect(answer.created).toBe(2);
  const annaQr = answer.qrCodes.find((q) => q.memberId === ANNA.memberId)?.qr;
  expect(annaQr).toMatch(/^vitrine-member:[A-Za-z0-9_-]{22,64}$/);
  return { annaQr: annaQr!, owned, category: JSON.parse(key) as string[] };
}
