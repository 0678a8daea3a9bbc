// The hub's storage: the HubStore interface and its SQLite implementation.
export type * from './hub-store.js';
export { canonicalJson } from './canonical-json.js';
export { openSqliteHubStore, SqliteHubStore } from './sqlite/sqlite-hub-store.js';
export { HubDatabaseFromFutureError, latestVersion } from './sqlite/migrations/index.js';
export { CATALOG_SCOPE, storeScope } from './scopes.js';
