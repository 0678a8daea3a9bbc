import { describe, expect, it } from 'vitest';
import type { StoreRecord } from '../../../shared/catalog/types.js';
import { DEFAULT_NEARBY, scopesForStore } from '../../../server/index.js';

const store = (code: string, lat?: number, lon?: number): StoreRecord => ({
  code,
  name: code,
  ...(lat === undefined || lon === undefined ? {} : { location: { lat, lon } }),
});

const stores = [
  store('BER-MITTE', 52.5227, 13.4126),
  store('BER-KUDAMM', 52.5026, 13.3245), // 6.4 km
  store('POTSDAM', 52.3989, 13.0657), // 27 km
  store('HAM', 53.5511, 9.9937), // 255 km
  store('NOWHERE'),
];

describe('the scopes a device syncs', () => {
  it('are the catalog, its store, then the stores within the radius, nearest first', () => {
    expect(scopesForStore(stores, 'BER-MITTE', DEFAULT_NEARBY)).toEqual([
      'catalog',
      'store:BER-MITTE',
      'store:BER-KUDAMM',
      'store:POTSDAM',
    ]);
  });

  it('stop at the radius and at the count', () => {
    expect(scopesForStore(stores, 'BER-MITTE', { radiusKm: 10, maxNearby: 5 })).toEqual([
      'catalog',
      'store:BER-MITTE',
      'store:BER-KUDAMM',
    ]);
    expect(scopesForStore(stores, 'BER-MITTE', { radiusKm: 1000, maxNearby: 1 })).toEqual([
      'catalog',
      'store:BER-MITTE',
      'store:BER-KUDAMM',
    ]);
  });

  it('without a location (or an unknown store) are the catalog and the store alone', () => {
    expect(scopesForStore(stores, 'NOWHERE', DEFAULT_NEARBY)).toEqual(['catalog', 'store:NOWHERE']);
    expect(scopesForStore(stores, 'GONE', DEFAULT_NEARBY)).toEqual(['catalog', 'store:GONE']);
  });
});
