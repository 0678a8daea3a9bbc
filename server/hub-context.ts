/** What the hub's handlers share: storage, clock, randomness, logging and settings. */
import type { Logger } from 'pino';
import type { NearbyPolicy } from './catalog/device-scopes.js';
import type { SnapshotRegistry } from './catalog/snapshots.js';
import type { RandomBytes } from './fleet/secrets.js';
import type { HubStore } from './storage/hub-store.js';

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
  settings: HubSettings;
}
