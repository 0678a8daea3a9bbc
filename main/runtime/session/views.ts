/** The runtime's answers reshaped for the bridge: scans, sync state, product summaries. */
import type { ScanEvent, SyncView } from '../../../shared/bridge/index.js';
import type { PriceView, ProductView, SearchHit } from '../../../shared/catalog/views.js';
import type { LookupOutcome } from '../catalog/index.js';
import type { SyncStatus } from '../sync/index.js';

/**
 * A scan's answer. A code that reads as a barcode but fails its check digit is "unreadable" (a
 * damaged or badly printed label: scan again), any other miss is "not found" (ask staff, search).
 */
export function scanEventOf(code: string, outcome: LookupOutcome, receivedAt?: number): ScanEvent {
  const at = receivedAt === undefined ? {} : { receivedAt };
  if (outcome.result !== null) {
    const { product, variantSku, matchedBy } = outcome.result;
    return { outcome: 'product', code, product, variantSku, matchedBy, ...at };
  }
  if (!outcome.barcode.ok && outcome.barcode.error.code === 'bad-check-digit') {
    return { outcome: 'unreadable', code, message: outcome.barcode.error.message, ...at };
  }
  return { outcome: 'not-found', code, ...at };
}

const liveSync = new Set<SyncStatus['phase']>(['online', 'pulling', 'snapshot']);

export function syncViewOf(status: SyncStatus | undefined): SyncView {
  if (status === undefined) return { phase: 'standalone', online: false };
  const view: SyncView = { phase: status.phase, online: liveSync.has(status.phase) };
  if (status.rows !== undefined) view.rows = status.rows;
  if (status.lastError !== undefined) view.lastError = status.lastError;
  return view;
}

/** A product as a card shows it (attract spotlights): the same fields a search hit has. */
export function hitOfProduct(product: ProductView): SearchHit {
  const prices = product.variants.map((v) => v.price).filter((p): p is PriceView => p !== undefined);
  const cheapest = prices.reduce<PriceView | undefined>(
    (low, p) => (low === undefined || p.current < low.current ? p : low),
    undefined,
  );
  const stock = product.variants.map((v) => v.stockHere);
  const image = [...product.media, ...product.variants.flatMap((v) => v.media)].find(
    (m) => m.kind === 'image',
  );
  const hit: SearchHit = {
    id: product.id,
    title: product.title,
    colors: distinct(product.variants.map((v) => v.color)),
    sizes: distinct(product.variants.map((v) => v.size)),
    corrected: false,
  };
  if (product.brand !== undefined) hit.brand = product.brand;
  if (product.categoryPath.length > 0) hit.category = product.categoryPath.join(' > ');
  if (image !== undefined) hit.image = image.url;
  if (cheapest !== undefined) hit.price = cheapest;
  if (stock.some((n) => n !== undefined)) hit.stockHere = stock.reduce<number>((n, q) => n + (q ?? 0), 0);
  return hit;
}

function distinct(values: readonly (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== undefined))];
}

const letterSizes = ['XXS', 'XS', 'S', 'M', 'L', 'XL', 'XXL', 'XXXL'];

/**
 * Sizes in the order a shopper reads them: numbers by value (38 before 40, 7.5 before 10),
 * letter sizes from XS up, then the rest alphabetically.
 */
export function compareSizes(a: string, b: string): number {
  const rank = (s: string): [number, number, string] => {
    const n = Number(s.replace(',', '.'));
    if (s.trim() !== '' && Number.isFinite(n)) return [0, n, s];
    const letter = letterSizes.indexOf(s.toUpperCase());
    if (letter >= 0) return [1, letter, s];
    return [2, 0, s.toLowerCase()];
  };
  const [ga, na, sa] = rank(a);
  const [gb, nb, sb] = rank(b);
  return ga - gb || na - nb || sa.localeCompare(sb);
}
