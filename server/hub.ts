/**
 * The hub: one HTTP server carrying the HTTP API (fastify) and the device namespace (socket.io),
 * over one HubStore. `startHub` is what the CLI runs and what tests start on an ephemeral port.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Fastify from 'fastify';
import { pino, type Logger } from 'pino';
import { PAGE_BUDGET_BYTES } from '../shared/protocol/index.js';
import { DEFAULT_NEARBY, type NearbyPolicy } from './catalog/device-scopes.js';
import {
  DEFAULT_MAX_CHANGES_PER_SCOPE,
  importFeed,
  type ImportOptions,
  type ImportSummary,
} from './catalog/import-feed.js';
import { CatalogImages, DEFAULT_IMAGE_POLICY, type CatalogImagePolicy } from './catalog/images.js';
import { SnapshotRegistry } from './catalog/snapshots.js';
import type { RandomBytes } from './fleet/secrets.js';
import type { HubContext } from './hub-context.js';
import { registerDashboard } from './analytics/routes.js';
import { registerAdminRoutes } from './http/admin-routes.js';
import { ensureAdminToken } from './http/admin-token.js';
import { registerCatalogImageRoute } from './http/catalog-image-route.js';
import { registerEnrollRoute } from './http/enroll-route.js';
import { sendError } from './http/errors.js';
import { registerHandoffPage } from './http/handoff-page.js';
import { MEDIA_DIR, registerMediaRoute } from './http/media-route.js';
import { openMembers, type HubMembers } from './members/index.js';
import { attachDeviceGateway, type DeviceGateway } from './socket/device-namespace.js';
import type { HubStore } from './storage/hub-store.js';
import { openSqliteHubStore } from './storage/sqlite/sqlite-hub-store.js';

export const HUB_VERSION = '0.1.0';
export const HUB_DATABASE_FILE = 'hub.db';

export interface HubOptions {
  dataDir: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** Default 127.0.0.1: exposing the hub is a deliberate choice (`--host 0.0.0.0`). */
  host?: string;
  /** Base of hand-off URLs shown as QR codes, e.g. "https://hub.example.com"; default: the listen URL. */
  publicUrl?: string;
  logger?: Logger;
  now?: () => Date;
  random?: RandomBytes;
  /** Default PAGE_BUDGET_BYTES; tests use small pages to see many of them. */
  pageBudgetBytes?: number;
  /** Default 50,000. */
  maxChangesPerScope?: number;
  /** How long a snapshot's page plan is kept after its last use; default 15 minutes. */
  snapshotTtlMs?: number;
  /** How long a reservation holds stock; default 48 hours. */
  reservationHoldMs?: number;
  /** How often expired reservations give their stock back to devices; default every minute. */
  holdSweepMs?: number;
  /** How long a hand-off link works; default 30 minutes. */
  handoffTtlMs?: number;
  /** Stores whose stock a device syncs besides its own; default within 50 km, at most 5. */
  nearby?: NearbyPolicy;
  /**
   * When the hub builds catalog images for devices taking a whole catalog (server/catalog/images.ts);
   * false: never (devices take paged snapshots). Default: catalogs of 20,000 records or more.
   */
  catalogImages?: Partial<CatalogImagePolicy> | false;
  /** Called once when the admin token is first made; default: printed to stdout. */
  onAdminTokenCreated?: (token: string, path: string) => void;
}

export interface Hub {
  url: string;
  port: number;
  publicUrl: string;
  store: HubStore;
  /** Loyalty members: their store, and imports as the admin API takes them. */
  members: HubMembers;
  adminToken: string;
  adminTokenPath: string;
  /** The folder served at /media/: files feeds name by relative paths (3D models). */
  mediaDir: string;
  /** Imports a feed, then pokes connected devices for every scope that grew. */
  importFeed(text: string, options: ImportOptions): Promise<ImportSummary>;
  /** Ids of devices connected now. */
  online(): Set<string>;
  /** Catalog images for devices: the newest, and a way to wait for a build in progress. */
  catalogImages: Pick<CatalogImages, 'newest' | 'idle'>;
  /** Gives the stock of expired reservations back to devices now (the hub also does it every minute). */
  releaseExpiredHolds(): Promise<number>;
  close(): Promise<void>;
}

export async function startHub(options: HubOptions): Promise<Hub> {
  mkdirSync(options.dataDir, { recursive: true });
  const logger = options.logger ?? pino({ name: 'vitrine-hub' });
  const now = options.now ?? (() => new Date());
  const random = options.random ?? randomBytes;
  const admin = ensureAdminToken(options.dataDir, random);
  if (admin.created) {
    (
      options.onAdminTokenCreated ??
      ((token: string, path: string) => {
        process.stdout.write(`admin token (shown once; also in ${path}):\n${token}\n`);
      })
    )(admin.token, admin.path);
  }
  const store = openSqliteHubStore(join(options.dataDir, HUB_DATABASE_FILE));

  const app = Fastify({ logger: false, forceCloseConnections: true, bodyLimit: 1_000_000 });
  const settings = {
    publicUrl: '',
    pageBudgetBytes: options.pageBudgetBytes ?? PAGE_BUDGET_BYTES,
    maxChangesPerScope: options.maxChangesPerScope ?? DEFAULT_MAX_CHANGES_PER_SCOPE,
    reservationHoldMs: options.reservationHoldMs ?? 48 * 3600_000,
    handoffTtlMs: options.handoffTtlMs ?? 30 * 60_000,
    nearby: options.nearby ?? DEFAULT_NEARBY,
    version: HUB_VERSION,
  };
  const hub: HubContext = {
    store,
    members: openMembers({ db: store.db, dataDir: options.dataDir, catalog: store, now, random, logger }),
    dataDir: options.dataDir,
    logger,
    now,
    random,
    settings,
    snapshots: new SnapshotRegistry(store, {
      now,
      ttlMs: options.snapshotTtlMs ?? 15 * 60_000,
      budgetBytes: settings.pageBudgetBytes,
    }),
    scopesGrew: () => Promise.resolve(), // until the gateway is up, just below
    images: new CatalogImages({
      dataDir: options.dataDir,
      store,
      logger,
      now,
      pageBudgetBytes: settings.pageBudgetBytes,
      policy:
        options.catalogImages === false
          ? { minRecords: Number.POSITIVE_INFINITY, rebuildAfter: Number.POSITIVE_INFINITY }
          : { ...DEFAULT_IMAGE_POLICY, ...options.catalogImages },
    }),
  };
  const gateway: DeviceGateway = attachDeviceGateway(app.server, hub);
  hub.scopesGrew = (grown, from = new Map()) => gateway.poke(grown, from);

  /** Logs the stock of expired reservations (each once) and tells devices; returns the count of scopes. */
  const releaseExpiredHolds = async (): Promise<number> => {
    const grown = await store.releaseExpiredHolds(now().toISOString());
    if (grown.length > 0) {
      await hub.scopesGrew(grown);
      logger.info({ scopes: grown.map((g) => g.scope) }, 'expired reservations released their stock');
    }
    return grown.length;
  };
  const sweep = setInterval(() => {
    releaseExpiredHolds().catch((error: unknown) => {
      logger.error({ err: error }, 'could not release expired reservations');
    });
  }, options.holdSweepMs ?? 60_000);
  sweep.unref();

  const importAndPoke = async (text: string, importOptions: ImportOptions): Promise<ImportSummary> => {
    const before = new Map((await store.listScopes()).map((s) => [s.scope, s.head]));
    const summary = await importFeed(store, text, {
      ...importOptions,
      maxChangesPerScope: settings.maxChangesPerScope,
      now: now(),
    });
    // A scope that did not exist before starts at 0; one compacted past `before` gets a plain poke.
    const from = new Map(
      summary.grown.map((g) => {
        const head = before.get(g.scope) ?? 0;
        return [g.scope, head] as const;
      }),
    );
    for (const [scope, head] of from) {
      const state = summary.compacted.find((c) => c.scope === scope);
      if (state !== undefined && state.floor > head) from.delete(scope);
    }
    await gateway.poke(summary.grown, from);
    hub.images.refresh();
    logger.info(
      {
        file: importOptions.fileName,
        format: summary.format,
        changed: summary.changed,
        problems: summary.problems.length,
      },
      'feed imported',
    );
    return summary;
  };

  app.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) logger.error({ err: error, url: request.url }, 'request failed');
    else logger.warn({ url: request.url, error: error.message }, 'request refused');
    return sendError(
      reply,
      status,
      status >= 500 ? 'internal' : 'invalid-message',
      status >= 500 ? 'internal error' : error.message,
    );
  });
  app.get('/health', async () => ({
    ok: true,
    version: HUB_VERSION,
    online: gateway.online().size,
    ...(await store.counts()),
  }));
  registerEnrollRoute(app, hub);
  registerAdminRoutes(app, { hub, gateway, adminToken: admin.token, importFeed: importAndPoke });
  registerHandoffPage(app, hub);
  registerDashboard(app, { hub, adminToken: admin.token });
  registerMediaRoute(app, hub);
  registerCatalogImageRoute(app, hub, hub.images);

  try {
    await app.listen({ port: options.port, host: options.host ?? '127.0.0.1' });
  } catch (error) {
    await gateway.close();
    await store.close();
    throw error;
  }
  const port = (app.server.address() as AddressInfo).port;
  const host = options.host ?? '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${String(port)}`;
  settings.publicUrl = (options.publicUrl ?? url).replace(/\/+$/, '');
  logger.info({ url, dataDir: options.dataDir }, 'hub listening');
  hub.images.refresh();

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    publicUrl: settings.publicUrl,
    store,
    members: hub.members,
    adminToken: admin.token,
    adminTokenPath: admin.path,
    mediaDir: join(options.dataDir, MEDIA_DIR),
    importFeed: importAndPoke,
    online: () => gateway.online(),
    catalogImages: hub.images,
    releaseExpiredHolds,
    close: () =>
      (closing ??= (async () => {
        clearInterval(sweep);
        await hub.images.close();
        await gateway.close();
        await app.close();
        await store.close();
        logger.info('hub closed');
      })()),
  };
}
