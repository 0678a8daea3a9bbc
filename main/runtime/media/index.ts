export { createCatalogMedia, type CatalogMedia, type CatalogMediaOptions } from './catalog-media.js';
export {
  DEFAULT_CACHE_BYTES,
  MediaCache,
  MediaCacheError,
  type MediaCacheOptions,
  type MediaSource,
} from './media-cache.js';
export { pageMediaReader } from './page-media.js';
