/**
 * Which scopes a device syncs: the catalog, its own store, and the stores near it. A kiosk shows
 * stock "here and in nearby stores"; the stock of a store 500 km away is of no use to it, and a
 * retailer with hundreds of stores cannot ship every store's stock to every screen (each store
 * adds a row per SKU it carries). Nearby means within `radiusKm` of the device's store, nearest
 * first, at most `maxNearby`; a store without a location has no neighbours and is no one's.
 */
import { distanceKm } from '../../shared/catalog/geo.js';
import type { StoreRecord } from '../../shared/catalog/types.js';
import { CATALOG_SCOPE, storeScope } from '../storage/scopes.js';

export interface NearbyPolicy {
  radiusKm: number;
  maxNearby: number;
}

export const DEFAULT_NEARBY: NearbyPolicy = { radiusKm: 50, maxNearby: 5 };

/** The device's scopes, catalog first, then its store, then neighbours by distance. */
export function scopesForStore(
  stores: readonly StoreRecord[],
  storeCode: string,
  policy: NearbyPolicy,
): string[] {
  const scopes = [CATALOG_SCOPE, storeScope(storeCode)];
  const home = stores.find((s) => s.code === storeCode)?.location;
  if (home === undefined) return scopes;
  const nearby = stores
    .filter((s) => s.code !== storeCode && s.location !== undefined)
    .map((s) => ({ code: s.code, km: distanceKm(home, s.location ?? home) }))
    .filter((s) => s.km <= policy.radiusKm)
    .sort((a, b) => a.km - b.km || a.code.localeCompare(b.code))
    .slice(0, policy.maxNearby);
  return [...scopes, ...nearby.map((s) => storeScope(s.code))];
}
