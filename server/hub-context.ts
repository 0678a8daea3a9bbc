/** What the hub's handlers share: storage, clock, randomness, logging and settings. */
import type { Logger } from 'pino';
import type { NearbyPolicy } from './catalog/device-scopes.js';
import type { CatalogImages } from './catalog/images.js';
import type { SnapshotRegistry } from './catalog/snapshots.js';
import type { RandomBytes } from './fleet/secrets.js';
import type { HubMembers } from './members/index.js';
import type { HubStore, ScopeState } from './storage/hub-store.js';

export interface HubSettings {
  publicUrl: string;
  pageBudgetBytes: number;
  maxChangesPerScope: number;
  reservationHoldMs: number;
  handoffTtlMs: number;
  /** Which other stores' stock a device syncs besides its own. */
  nearby: NearbyPolicy;
  version: string;
}

export interface HubContext {
  store: HubStore;
  /** The hub's data directory: database, admin token, screenshots. */
  dataDir: string;
  logger: Logger;
  now: () => Date;
  random: RandomBytes;
  snapshots: SnapshotRegistry;
  /** Ready catalog files for devices taking a whole catalog (catalog/images.ts). */
  images: CatalogImages;
  settings: HubSettings;
  /** Loyalty members: identification, consent, suggestions (members/). */
  members: HubMembers;
  /**
   * Tells devices that these scopes grew outside an import (a reservation's hold, its expiry).
   * `from`: each scope's head before, when exactly one change was added, so the delta rides along.
   */
  scopesGrew(grown: readonly ScopeState[], from?: ReadonlyMap<string, number>): Promise<void>;
}
