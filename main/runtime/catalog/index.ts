export { openCatalog, type Catalog, type CatalogOptions, type CatalogReader } from './catalog.js';
export { DatabaseFromFutureError, latestVersion as latestCatalogVersion } from './migrations/index.js';
export type { ApplySummary } from './writer.js';
export type { LookupOutcome } from './lookup.js';
export type { NearbyOptions } from './nearby.js';
export {
  scopeOfChange,
  SyncApplyError,
  type ApplyChangesOutcome,
  type CatalogSync,
  type SnapshotProgress,
  type SyncTarget,
} from './sync-store.js';
export { openCatalogWriter, type CatalogWriterThread } from './writer-thread.js';
