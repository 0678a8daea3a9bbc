/**
 * Catalog images: the catalog scope as a ready device catalog file, built by the hub once per
 * catalog edition and downloaded by every device that needs a whole catalog (first start, a cursor
 * behind the compacted log, a resync). Without one, each device receives the catalog as JSON pages
 * and builds its tables and search index itself: half a minute at 100,000 products on a kiosk's
 * hardware. With one, it copies a file in (main/runtime/catalog/image.ts).
 *
 * The image is written by the device's own catalog code (the snapshot pages are applied to a fresh
 * file through the same writer thread a device runs), so it is exactly what a device would have
 * built; its schema version travels with the offer and a device of another version takes the
 * pages instead.
 *
 * When: after an import, or at start, once the catalog has moved `rebuildAfter` changes past the
 * newest image (or the log was compacted past it), and only for catalogs of `minRecords` records
 * or more (a small catalog syncs in a moment as pages). One build at a time, on the writer's own
 * thread; the hub's event loop only reads the pages. An image at cursor C is offered while the
 * log still holds the changes after C, so a device takes the image and then the tail of the log.
 *
 * Files: `<data>/catalog-images/catalog-<cursor>-<hash>.db`, described by `catalog.json` (written
 * last, by rename, so a crash mid-build leaves the previous image in place). The newest two are
 * kept: a device may still be downloading the previous one.
 */
import { createHash } from 'node:crypto';
import {
  createReadStream,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { z } from 'zod';
import { latestCatalogVersion, openCatalog, openCatalogWriter } from '../../main/runtime/catalog/index.js';
import type { CatalogImageOffer } from '../../shared/protocol/index.js';
import type { HubStore, ScopeState } from '../storage/hub-store.js';
import { CATALOG_SCOPE } from '../storage/scopes.js';

export const CATALOG_IMAGES_DIR = 'catalog-images';
export const CATALOG_IMAGE_ROUTE = '/api/v1/catalog-images/';

export interface CatalogImagePolicy {
  /** Smallest catalog (records in its snapshot) worth an image; default 20,000. */
  minRecords: number;
  /** Changes to the catalog since the newest image after which a new one is built; default 1,000. */
  rebuildAfter: number;
}

export const DEFAULT_IMAGE_POLICY: CatalogImagePolicy = { minRecords: 20_000, rebuildAfter: 1_000 };

/** `catalog` or `store-<code>`, then the cursor and the start of the SHA-256. */
const imageName = /^(catalog|store-[A-Za-z0-9._-]{1,64})-\d{1,16}-[0-9a-f]{16}\.db$/;
const imageSchema = z.strictObject({
  name: z.string().regex(imageName),
  cursor: z.number().int().min(0),
  bytes: z.number().int().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  schema: z.number().int().min(1),
  records: z.number().int().min(0),
  builtAt: z.string(),
  buildMs: z.number().min(0),
});
export type CatalogImage = z.infer<typeof imageSchema>;
const metaSchema = z.strictObject({
  scope: z.string().min(1),
  current: imageSchema,
  previous: imageSchema.optional(),
});

export interface CatalogImagesOptions {
  dataDir: string;
  store: HubStore;
  logger: Logger;
  now: () => Date;
  /** Bytes of JSON per snapshot page read while building. */
  pageBudgetBytes: number;
  policy: CatalogImagePolicy;
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }))
    hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export class CatalogImages {
  private readonly dir: string;
  /** The newest image of each scope, and the one before it (a device may still be fetching it). */
  private readonly images = new Map<string, { current: CatalogImage; previous?: CatalogImage }>();
  private building: Promise<void> | undefined;
  private again = false;
  private closed = false;

  constructor(private readonly options: CatalogImagesOptions) {
    this.dir = join(options.dataDir, CATALOG_IMAGES_DIR);
    mkdirSync(this.dir, { recursive: true });
    this.load();
  }

  get policy(): CatalogImagePolicy {
    return this.options.policy;
  }

  /** The image to offer a device taking a snapshot of `scope`, whose log keeps changes after `floor`. */
  offer(scope: string, floor: number): CatalogImageOffer | undefined {
    const image = this.images.get(scope)?.current;
    if (image === undefined || image.cursor < floor || image.schema !== latestCatalogVersion)
      return undefined;
    return {
      path: `${CATALOG_IMAGE_ROUTE}${image.name}`,
      cursor: image.cursor,
      bytes: image.bytes,
      sha256: image.sha256,
      schema: image.schema,
    };
  }

  /** The file of an image still kept (the newest two of a scope), by name; undefined for any other name. */
  file(name: string): { path: string; image: CatalogImage } | undefined {
    for (const { current, previous } of this.images.values()) {
      const image = [current, previous].find((i) => i?.name === name);
      if (image !== undefined) return { path: join(this.dir, image.name), image };
    }
    return undefined;
  }

  /** The newest image of a scope (the catalog by default). */
  newest(scope: string = CATALOG_SCOPE): CatalogImage | undefined {
    return this.images.get(scope)?.current;
  }

  /** Builds new images of the scopes that moved on enough (see the file comment); returns at once. */
  refresh(): void {
    if (this.closed) return;
    if (this.building !== undefined) {
      this.again = true;
      return;
    }
    this.building = (async () => {
      do {
        this.again = false;
        try {
          for (const state of await this.options.store.listScopes()) {
            if (this.closed) break;
            await this.buildIfDue(state);
          }
        } catch (error) {
          this.options.logger.error(
            { err: error },
            'catalog image build failed; devices take paged snapshots',
          );
        }
      } while (this.wantedAgain() && !this.closed);
    })().finally(() => {
      this.building = undefined;
    });
  }

  /** A refresh asked for while a build ran (read through a call: it changes across awaits). */
  private wantedAgain(): boolean {
    return this.again;
  }

  /** Settles when no build is running (tests and the benchmark wait for the image this way). */
  async idle(): Promise<void> {
    while (this.building !== undefined) await this.building;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.idle();
  }

  private metaPath(scope: string): string {
    return join(this.dir, `${fileBase(scope)}.json`);
  }

  private load(): void {
    for (const name of readdirSync(this.dir)) {
      if (!name.endsWith('.json')) continue;
      const metaPath = join(this.dir, name);
      try {
        const meta = metaSchema.parse(JSON.parse(readFileSync(metaPath, 'utf8')));
        const present = (image: CatalogImage | undefined) =>
          image !== undefined &&
          statSync(join(this.dir, image.name), { throwIfNoEntry: false })?.size === image.bytes
            ? image
            : undefined;
        const current = present(meta.current);
        const previous = present(meta.previous);
        if (current !== undefined)
          this.images.set(meta.scope, { current, ...(previous ? { previous } : {}) });
      } catch (error) {
        this.options.logger.warn(
          { err: error, path: metaPath },
          'catalog image list unreadable; building anew',
        );
      }
    }
  }

  private async buildIfDue(state: ScopeState): Promise<void> {
    const { policy } = this.options;
    if (!Number.isFinite(policy.minRecords) || this.closed) return;
    const image = this.images.get(state.scope)?.current;
    const fresh =
      image?.schema === latestCatalogVersion &&
      image.cursor >= state.floor &&
      state.head - image.cursor < policy.rebuildAfter;
    if (fresh) return;
    await this.build(state.scope);
  }

  /**
   * The catalog: the snapshot applied to a fresh device catalog, exported whole. A store scope:
   * its snapshot's pages staged as a device stages them, exported as they are (the device swaps
   * them in onto its own variants).
   */
  private async build(scope: string): Promise<void> {
    const { store, logger, policy } = this.options;
    const started = performance.now();
    const plan = await store.planSnapshot(scope, this.options.pageBudgetBytes);
    if (plan.records < policy.minRecords) return;
    const work = join(this.dir, 'building');
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    const dbPath = join(work, 'catalog.db');
    const reads = openCatalog(dbPath);
    let readsOpen = true;
    let writer: Awaited<ReturnType<typeof openCatalogWriter>> | undefined;
    try {
      writer = await openCatalogWriter(dbPath, reads.sync);
      const pages = Math.max(1, plan.lastKeys.length);
      const id = `image-${String(plan.cursor)}`;
      const read = (page: number) => {
        const last = plan.lastKeys[page];
        return last === undefined
          ? Promise.resolve([])
          : store.readSnapshotPage(
              scope,
              plan.lastKeys[page - 1] ?? null,
              last,
              this.options.now().toISOString(),
            );
      };
      // The next page is read here while the writer thread stages this one.
      let next = read(0);
      for (let page = 0; page < pages; page++) {
        if (this.closed) return;
        const records = await next;
        next = page + 1 < pages ? read(page + 1) : Promise.resolve([]);
        await writer.stageSnapshotPage(scope, id, plan.cursor, page, pages, records, plan.records);
      }
      const whole = scope === CATALOG_SCOPE;
      if (whole) {
        await writer.finishSnapshot(scope);
        while (await writer.cleanUpSnapshots(512));
      }
      const out = join(work, 'image.db');
      const { bytes } = await writer.exportImage(out, { staged: !whole });
      await writer.close();
      writer = undefined;
      reads.close();
      readsOpen = false;
      const sha256 = await sha256Of(out);
      const built: CatalogImage = {
        name: `${fileBase(scope)}-${String(plan.cursor)}-${sha256.slice(0, 16)}.db`,
        cursor: plan.cursor,
        bytes,
        sha256,
        schema: latestCatalogVersion,
        records: plan.records,
        builtAt: this.options.now().toISOString(),
        buildMs: performance.now() - started,
      };
      renameSync(out, join(this.dir, built.name));
      const kept = this.images.get(scope);
      const previous = kept?.current.name === built.name ? kept.previous : kept?.current;
      const metaPath = this.metaPath(scope);
      writeFileSync(
        `${metaPath}.tmp`,
        JSON.stringify({ scope, current: built, ...(previous ? { previous } : {}) }),
      );
      renameSync(`${metaPath}.tmp`, metaPath);
      this.images.set(scope, { current: built, ...(previous ? { previous } : {}) });
      const prefix = `${fileBase(scope)}-`;
      for (const name of readdirSync(this.dir)) {
        if (
          name.startsWith(prefix) &&
          name.endsWith('.db') &&
          name !== built.name &&
          name !== previous?.name
        ) {
          rmSync(join(this.dir, name), { force: true });
        }
      }
      logger.info(
        { scope, cursor: built.cursor, records: built.records, bytes, ms: Math.round(built.buildMs) },
        'catalog image built',
      );
    } finally {
      await writer?.close();
      if (readsOpen) reads.close();
      rmSync(work, { recursive: true, force: true });
    }
  }
}

/** `catalog`, or `store-<code>` for `store:<code>` (a colon is no file name character everywhere). */
function fileBase(scope: string): string {
  return scope === CATALOG_SCOPE ? 'catalog' : `store-${scope.slice('store:'.length)}`;
}
