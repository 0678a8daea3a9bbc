/**
 * How the page reaches the catalog's media. The page may load only what the kiosk's host serves
 * (its CSP allows remote images, but fetches only from itself), and a 3D model must work offline,
 * so catalog media are handed to the page under `/media/…` names of ours:
 *
 * - a relative path on a standalone kiosk is read from the feed file's folder (`/media/catalog/…`);
 * - a relative path with a hub is the hub's `/media/<path>`, kept in the media cache;
 * - a model at an absolute URL is kept in the media cache too (`/media/cache/…`);
 * - images and videos at absolute URLs stay as they are, as before.
 *
 * Only names handed out here are served, and each maps to the one file or URL the catalog named.
 */
import { createHash } from 'node:crypto';
import { extname, resolve, sep } from 'node:path';
import { isHttpUrl, isRelativeMediaPath } from '../../../shared/catalog/media-ref.js';
import type { MediaRecord } from '../../../shared/catalog/types.js';
import type { SyncLog } from '../sync/index.js';
import type { MediaCache, MediaSource } from './media-cache.js';

/** Extensions a cached file may keep (the host knows their content types). */
const EXTENSIONS = new Set(['.glb', '.gltf', '.png', '.jpg', '.jpeg', '.webp', '.svg', '.mp4', '.webm']);
/** Names remembered for the page; a page reload asks for its product again and gets new ones. */
const MAX_NAMES = 5000;

export interface CatalogMediaOptions {
  /** Standalone: the feed file's folder, where relative media paths are read. */
  feedDir?: string;
  /** With a hub: relative media paths are fetched from `<hubUrl>/media/<path>`. */
  hubUrl?: string;
  cache: MediaCache;
  log: SyncLog;
}

export interface CatalogMedia {
  /** The URL the page loads this medium by. */
  pageUrl(media: MediaRecord): string;
  /** The file behind a page path (`catalog/models/a.glb`, `cache/<key>.glb`), fetched if need be. */
  file(name: string): Promise<string | undefined> | string | undefined;
  /** Fetches models that are not cached yet, so the 3D view works when the network is gone. */
  prefetch(models: readonly MediaRecord[]): Promise<{ cached: number; failed: number }>;
}

type Entry = { local: string } | { remote: MediaSource };

export function createCatalogMedia(options: CatalogMediaOptions): CatalogMedia {
  const names = new Map<string, Entry>();
  const remember = (name: string, entry: Entry): string => {
    names.delete(name); // re-inserted last: the oldest name goes first when there are too many
    names.set(name, entry);
    if (names.size > MAX_NAMES) names.delete(names.keys().next().value ?? name);
    return `/media/${name}`;
  };
  const feedDir = options.feedDir === undefined ? undefined : resolve(options.feedDir);
  const hubUrl = options.hubUrl?.replace(/\/+$/, '');

  /** Where a medium comes from, when it must come through us (undefined: the page loads it as is). */
  function remoteOf(media: MediaRecord): MediaSource | undefined {
    let url: string;
    if (isRelativeMediaPath(media.url) && hubUrl !== undefined) url = `${hubUrl}/media/${media.url}`;
    else if (isHttpUrl(media.url) && media.kind === 'model') url = media.url;
    else return undefined;
    const ext = extname(new URL(url).pathname).toLowerCase();
    return {
      url,
      ext: EXTENSIONS.has(ext) ? ext : media.kind === 'model' ? '.glb' : '',
      ...(media.sha256 === undefined ? {} : { sha256: media.sha256 }),
    };
  }

  return {
    pageUrl(media) {
      if (isRelativeMediaPath(media.url) && feedDir !== undefined) {
        const file = resolve(feedDir, media.url);
        // The path grammar already forbids "..": this is the check after the check.
        if (file.startsWith(feedDir + sep)) return remember(`catalog/${media.url}`, { local: file });
      }
      const remote = remoteOf(media);
      if (remote === undefined) return media.url;
      const key = remote.sha256 ?? createHash('sha256').update(remote.url).digest('hex');
      return remember(`cache/${key}${remote.ext}`, { remote });
    },

    file(name) {
      const entry = names.get(name);
      if (entry === undefined) return undefined;
      if ('local' in entry) return entry.local;
      return options.cache.file(entry.remote).catch((error: unknown) => {
        options.log.warn({ url: entry.remote.url, err: String(error) }, 'media: cannot fetch for the page');
        return undefined;
      });
    },

    async prefetch(models) {
      let cached = 0;
      let failed = 0;
      for (const model of models) {
        const remote = remoteOf(model);
        if (remote === undefined || options.cache.cached(remote) !== undefined) continue;
        try {
          await options.cache.file(remote);
          cached++;
        } catch (error) {
          failed++;
          options.log.warn({ url: remote.url, err: String(error) }, 'media: cannot fetch a model ahead');
        }
      }
      return { cached, failed };
    },
  };
}
