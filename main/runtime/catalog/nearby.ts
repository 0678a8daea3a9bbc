import { distanceKm } from '../../../shared/catalog/geo.js';
import type { Availability, GeoPoint } from '../../../shared/catalog/types.js';
import type { NearbyStock } from '../../../shared/catalog/views.js';
import type { Db } from './database.js';

interface Row {
  store_code: string;
  quantity: number;
  availability: Availability | null;
  name: string | null;
  address: string | null;
  city: string | null;
  lat: number | null;
  lon: number | null;
}

export interface NearbyOptions {
  /** Leave out stores whose stock is zero (default true: "where can I get it"). */
  inStockOnly?: boolean;
  limit?: number;
}

/** A variant's stock in the other stores, nearest first; stores with no known location come last. */
export class NearbyStockQuery {
  private readonly rows;
  private readonly storeLocation;

  constructor(db: Db) {
    this.rows =
      db.prepare(`SELECT s.store_code, s.quantity, s.availability, st.name, st.address, st.city, st.lat, st.lon
      FROM stock s JOIN variants v ON v.rowid = s.variant_rowid LEFT JOIN stores st ON st.code = s.store_code
      WHERE v.sku = ? AND s.store_code != ?`);
    this.storeLocation = db.prepare('SELECT lat, lon FROM stores WHERE code = ?');
  }

  find(sku: string, fromStore: string, options: NearbyOptions = {}): NearbyStock[] {
    const here = this.storeLocation.get(fromStore) as { lat: number | null; lon: number | null } | undefined;
    const origin = here?.lat != null && here.lon != null ? { lat: here.lat, lon: here.lon } : undefined;
    const out: NearbyStock[] = [];
    for (const row of this.rows.all(sku, fromStore) as Row[]) {
      if (options.inStockOnly !== false && row.quantity <= 0) continue;
      const location: GeoPoint | undefined =
        row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon } : undefined;
      const store: NearbyStock['store'] = { code: row.store_code, name: row.name ?? row.store_code };
      if (row.address !== null) store.address = row.address;
      if (row.city !== null) store.city = row.city;
      if (location !== undefined) store.location = location;
      const entry: NearbyStock = {
        store,
        distanceKm: origin !== undefined && location !== undefined ? distanceKm(origin, location) : null,
        quantity: row.quantity,
      };
      if (row.availability !== null) entry.availability = row.availability;
      out.push(entry);
    }
    out.sort(
      (a, b) =>
        (a.distanceKm ?? Number.POSITIVE_INFINITY) - (b.distanceKm ?? Number.POSITIVE_INFINITY) ||
        a.store.name.localeCompare(b.store.name),
    );
    return options.limit === undefined ? out : out.slice(0, options.limit);
  }
}
