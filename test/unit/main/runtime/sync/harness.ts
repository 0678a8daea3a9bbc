import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openCatalog, type Catalog } from '../../../../../main/runtime/catalog/index.js';
import {
  createSyncClient,
  type SyncClient,
  type SyncClientOptions,
  type SyncLog,
} from '../../../../../main/runtime/sync/index.js';
import { FakeHub } from './fake-hub.js';

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  details: object;
}

/** A logger that keeps what it is told, for assertions on refusals. */
export function recordingLog(): SyncLog & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const at =
    (level: LogEntry['level']) =>
    (details: object, message: string): void => {
      entries.push({ level, message, details });
    };
  return { entries, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/**
 * Starts fake hubs and sync clients for a test and tears them all down after it. Clients get a
 * frozen clock, randomness 0 (no connect jitter, shortest backoff) and short ack timeouts.
 */
export function useSyncHarness(tempDir: () => string) {
  const hubs: FakeHub[] = [];
  const clients: SyncClient[] = [];
  const catalogs: Catalog[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.stop();
    for (const catalog of catalogs.splice(0)) catalog.close();
    for (const hub of hubs.splice(0)) await hub.close();
  });
  return {
    async hub(): Promise<FakeHub> {
      const hub = await FakeHub.start();
      hubs.push(hub);
      return hub;
    },
    catalog(dir: string): Catalog {
      const catalog = openCatalog(join(dir, 'catalog.db'));
      catalogs.push(catalog);
      return catalog;
    },
    /** Closes a catalog before the end of the test (a restart). */
    closeCatalog(catalog: Catalog): void {
      catalogs.splice(catalogs.indexOf(catalog), 1);
      catalog.close();
    },
    client(hub: FakeHub, catalog: Catalog, options: Partial<SyncClientOptions> = {}) {
      const log = recordingLog();
      const client = createSyncClient({
        hubUrl: hub.url,
        dataDir: options.dataDir ?? tempDir(),
        catalog: catalog.sync,
        credentials: hub.credentials,
        appVersion: '0.1.0-test',
        log,
        now: () => new Date('2026-11-22T12:00:00Z'),
        random: () => 0,
        ackTimeoutMs: 2000,
        ...options,
      });
      clients.push(client);
      return { client, log };
    },
  };
}
