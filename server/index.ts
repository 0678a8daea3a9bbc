// The hub: start it, and the types of what it keeps.
export { startHub, HUB_VERSION, HUB_DATABASE_FILE, type Hub, type HubOptions } from './hub.js';
export type { ImportOptions, ImportSummary } from './catalog/import-feed.js';
export { ADMIN_TOKEN_FILE } from './http/admin-token.js';
export { MEDIA_DIR } from './http/media-route.js';
export type * from './storage/hub-store.js';
export { scopesForStore, DEFAULT_NEARBY, type NearbyPolicy } from './catalog/device-scopes.js';
