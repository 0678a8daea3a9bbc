/**
 * The media cache and catalog media as the runtime composes them: where files live, which
 * folder or hub relative paths name, and when models are fetched ahead (a while after start, and
 * each time the hub sync comes back online, which is when a catalog change may have named new ones).
 */
import { dirname, join, resolve } from 'node:path';
import type { KioskConfig } from '../../../kiosk-config/index.js';
import type { CatalogReader } from '../catalog/index.js';
import type { SyncLog, SyncStatus, Timers } from '../sync/index.js';
import { createCatalogMedia } from './catalog-media.js';
import { MediaCache } from './media-cache.js';
import { pageMediaReader } from './page-media.js';

/**
 * The first run waits this long after start. Its catalog read and its check of every cached model
 * (a file touch each) run on the runtime's thread, where they would delay the page's first load
 * and paint; a model a shopper opens before then is fetched on demand anyway.
 */
export const START_PREFETCH_DELAY_MS = 10_000;

export interface RuntimeMedia {
  /** The catalog with media URLs the page can load. */
  readonly reader: CatalogReader;
  /** The file behind a `/media/…` name this module handed out, or undefined. */
  file(name: string): Promise<string | undefined> | string | undefined;
  /** Feed it the sync client's status: coming online prefetches. */
  onSyncStatus(status: SyncStatus): void;
  close(): void;
}

export function startRuntimeMedia(options: {
  config: KioskConfig;
  configDir: string;
  dataDir: string;
  reader: CatalogReader;
  log: SyncLog;
  timers: Timers;
}): RuntimeMedia {
  const { config, log, timers } = options;
  const cache = new MediaCache({ dir: join(options.dataDir, 'media'), log });
  const media = createCatalogMedia({
    cache,
    log,
    ...(config.standalone === undefined
      ? {}
      : { feedDir: dirname(resolve(options.configDir, config.standalone.catalogFeed)) }),
    ...(config.hub === undefined ? {} : { hubUrl: config.hub.url }),
  });
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;
  let phase: SyncStatus['phase'] | undefined;

  // Read through a function: a call to prefetch() may set it while a run awaits.
  const wanted = (): boolean => again && !closed;
  const run = async (): Promise<void> => {
    do {
      again = false;
      const { cached, failed } = await media.prefetch(options.reader.models());
      if (cached > 0 || failed > 0) log.info({ cached, failed }, 'media: 3D models fetched ahead');
    } while (wanted());
  };
  /** Fetches models not cached yet, in the background; a call during a run asks for one more run. */
  const prefetch = (): void => {
    if (closed) return;
    if (running !== undefined) {
      again = true;
      return;
    }
    running = run()
      .catch((error: unknown) => {
        log.warn({ err: String(error) }, 'media: fetching models ahead failed');
      })
      .finally(() => {
        running = undefined;
      });
  };

  const atStart = timers.setTimeout(prefetch, START_PREFETCH_DELAY_MS);

  return {
    reader: pageMediaReader(options.reader, media),
    file: (name) => media.file(name),
    onSyncStatus(status) {
      if (status.phase === 'online' && phase !== 'online') prefetch();
      phase = status.phase;
    },
    close() {
      closed = true;
      timers.clearTimeout(atStart);
      cache.close();
    },
  };
}
