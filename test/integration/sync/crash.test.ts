/**
 * Crashes during a catalog snapshot, with real processes on loopback (DESIGN.md, "Catalog sync":
 * "a crash leaves the old catalog whole and the next start resumes from the last page").
 *
 * 1. The device process is SIGKILLed at random pages of a snapshot, ten times: after each kill its
 *    catalog file passes integrity_check and holds either the old catalog or the new one, whole,
 *    with the cursor that describes it. A restart then finishes with the new catalog, and with the
 *    hub's stock for its SKUs (the store scopes' snapshots).
 * 2. The hub process is SIGKILLed while a device is mid-snapshot and restarted on the same port
 *    and data dir: the device comes back and ends with the whole new catalog.
 *
 * Kill points come from a seeded generator; the seed is printed, and VITRINE_CRASH_SEED replays
 * a run. Waits poll for a state with generous bounds, never for a time.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { syntheticCatalog } from '../../../shared/catalog/synthetic.js';
import { DEFAULT_NEARBY, scopesForStore, type HubStore } from '../../../server/index.js';
import {
  describeContent,
  expectedContent,
  inspectCatalogFile,
  type CatalogContent,
  type CatalogFileState,
} from '../../support/catalog-file.js';
import type { DeviceStatusLine } from '../../support/device-process.js';
import { freePort, useProcesses, type Spawned } from '../../support/processes.js';
import { useTempDir } from '../../support/temp.js';
import { useHubs, type TestHub } from '../hub/hub-fixture.js';
import { seededRandom } from '../../../shared/catalog/synthetic.js';

const tempDir = useTempDir();
const hubs = useHubs();
const processes = useProcesses();

const seed = Number(process.env.VITRINE_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** Progress lines carry the seed, so a failing run can be replayed (VITRINE_CRASH_SEED). */
function note(text: string): void {
  process.stdout.write(`[crash seed ${String(seed)}] ${text}\n`);
}

/** A synthetic catalog's records; without stock, a large catalog imports in a fraction of the time. */
function records(
  products: number,
  catalogSeed: number,
  options: { stock?: boolean } = {},
): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const record of syntheticCatalog({ products, seed: catalogSeed })) {
    if (options.stock === false && record.type === 'product') {
      const variants = (record.variants as Record<string, unknown>[]).map(({ stock: _stock, ...v }) => v);
      out.push({ ...record, variants });
    } else out.push(record);
  }
  return out;
}

const jsonLines = (list: readonly Record<string, unknown>[]): string =>
  list.map((record) => JSON.stringify(record)).join('\n');

function status(line: string): DeviceStatusLine | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    return JSON.parse(line) as DeviceStatusLine;
  } catch {
    return undefined;
  }
}

/** The catalog scope's snapshot progress in a status line, if it shows one. */
function catalogProgress(line: string): { done: number; total: number } | undefined {
  const progress = status(line)?.progress;
  return progress?.scope === 'catalog' ? progress : undefined;
}

/** Online, no snapshot running, and every scope's cursor at the hub's head. */
function atHeads(heads: Record<string, number>): (line: string) => boolean {
  return (line) => {
    const s = status(line);
    return (
      s?.phase === 'online' &&
      s.progress === undefined &&
      Object.entries(heads).every(([scope, head]) => s.cursors[scope] === head)
    );
  };
}

/** The heads of the scopes a device of BER-MITTE syncs: the catalog, its store, its neighbours. */
async function headsOf(store: HubStore): Promise<Record<string, number>> {
  const mine = new Set(scopesForStore(await store.listStores(), 'BER-MITTE', DEFAULT_NEARBY));
  return Object.fromEntries(
    (await store.listScopes()).filter((s) => mine.has(s.scope)).map(({ scope, head }) => [scope, head]),
  );
}

/** Keeps the heads of the given scopes. */
function only(heads: Record<string, number>, scopes: readonly string[]): Record<string, number> {
  return Object.fromEntries(Object.entries(heads).filter(([scope]) => scopes.includes(scope)));
}

function spawnDevice(label: string, hubUrl: string, dataDir: string, code: string): Spawned {
  return processes(label, process.execPath, [
    '--import',
    'tsx',
    'test/support/device-process.ts',
    hubUrl,
    dataDir,
    code,
  ]);
}

async function stopDevice(device: Spawned): Promise<void> {
  const exit = await device.kill('SIGTERM');
  expect(exit, device.stderrTail()).toEqual({ code: 0, signal: null });
}

/** Which expected catalog the file holds whole, or 'mixed'. */
function wholeCatalog(state: CatalogFileState, expected: Record<string, CatalogContent>): string {
  return Object.entries(expected).find(([, want]) => want.fingerprint === state.fingerprint)?.[0] ?? 'mixed';
}

/** The hub's stock rows of the device's stores for the SKUs it has, as inspectCatalogFile lists them. */
function hubStock(hubDatabase: string, device: CatalogFileState): string[] {
  const { skus } = device;
  const stores = new Set(Object.keys(device.cursors).filter((scope) => scope.startsWith('store:')));
  const db = new Database(hubDatabase, { readonly: true, fileMustExist: true });
  try {
    return (
      db.prepare('SELECT store_code, sku, quantity FROM stock').all() as {
        store_code: string;
        sku: string;
        quantity: number;
      }[]
    )
      .filter((r) => skus.has(r.sku) && stores.has(`store:${r.store_code}`))
      .map((r) => `${r.store_code}\t${r.sku}\t${String(r.quantity)}`)
      .sort();
  } finally {
    db.close();
  }
}

/**
 * A device of BER-MITTE that has synced what the hub holds now (then stopped), and a way to put
 * its data folder back as it is at this point.
 */
async function firstSynced(test: TestHub): Promise<{
  code: string;
  dataDir: string;
  catalogPath: string;
  headsA: Record<string, number>;
  restorePristine: () => void;
}> {
  const headsA = await headsOf(test.hub.store);
  const code = await provision(test);
  const dataDir = tempDir();
  const device = spawnDevice('device (first sync)', test.hub.url, dataDir, code);
  await device.waitForLine('the first sync', atHeads(headsA), { seconds: 60 });
  await stopDevice(device);
  const pristine = tempDir();
  cpSync(dataDir, pristine, { recursive: true });
  return {
    code,
    dataDir,
    catalogPath: join(dataDir, 'catalog.db'),
    headsA,
    restorePristine: () => {
      rmSync(dataDir, { recursive: true, force: true });
      cpSync(pristine, dataDir, { recursive: true });
    },
  };
}

async function provision(test: TestHub): Promise<string> {
  const created = await test.admin('POST', 'devices', { storeCode: 'BER-MITTE', name: 'Entrance kiosk' });
  expect(created.status).toBe(201);
  return (created.json as { enrollmentCode: string }).enrollmentCode;
}

describe('crashes during a catalog snapshot (real processes, loopback)', () => {
  it('a device SIGKILLed at 10 random snapshot pages keeps a whole catalog, then finishes', async () => {
    const random = seededRandom(seed);
    note('device kills');
    // Small pages (a 300-product snapshot has dozens) and a short log (any absence means a snapshot).
    const hubDir = tempDir();
    const test = await hubs.start(hubDir, { maxChangesPerScope: 50, pageBudgetBytes: 8 * 1024 });
    const recordsA = records(300, 42);
    const recordsB = records(300, 7);
    const expected = { A: expectedContent(recordsA), B: expectedContent([...recordsA, ...recordsB]) };
    expect(expected.A.fingerprint).not.toBe(expected.B.fingerprint);

    await test.hub.importFeed(jsonLines(recordsA), { fileName: 'a.jsonl' });
    // restorePristine: put back when a run got to finish the snapshot, and when the page drawn is
    // one already staged, so that every kill interrupts a snapshot at the page drawn, uniformly
    // over the whole snapshot, resumed or fresh.
    const { code, dataDir, catalogPath, headsA, restorePristine } = await firstSynced(test);
    let device: Spawned;
    const old = inspectCatalogFile(catalogPath);
    expect(old.integrity).toBe('ok');
    expect(wholeCatalog(old, expected), describeContent(old, expected)).toBe('A');
    expect(old.cursors).toEqual(headsA);

    await test.hub.importFeed(jsonLines(recordsB), { fileName: 'b.jsonl' });
    const headsB = await headsOf(test.hub.store);
    expect((await test.hub.store.getScope('catalog'))?.floor).toBeGreaterThan(headsA.catalog!);

    let pages: number | undefined; // the snapshot's page count, learnt from the first run
    for (let kill = 1; kill <= 10; kill++) {
      let staged = inspectCatalogFile(catalogPath).staged.find((s) => s.scope === 'catalog');
      // Any page, or the page count itself: the status line just before the swap transaction. The
      // last kill aims at the swap itself: on that line, after a drawn 0-300 ms. The swap of this
      // catalog takes a few hundred ms here, so the kill lands before, inside or after it.
      const atSwap = kill === 10;
      let page = pages === undefined ? undefined : atSwap ? pages : Math.floor(random() * (pages + 1));
      if (page !== undefined && staged !== undefined && page < staged.nextPage) {
        restorePristine();
        staged = undefined;
      }
      device = spawnDevice(`device (run ${String(kill)})`, test.hub.url, dataDir, code);
      const first = catalogProgress(
        await device.waitForLine('the snapshot to start', (line) => catalogProgress(line) !== undefined, {
          seconds: 60,
        }),
      )!;
      // "The next start resumes from the last page": the first page asked for is the first not staged.
      expect(first.done, 'where the snapshot resumed').toBe(staged?.nextPage ?? 0);
      pages ??= first.total;
      expect(first.total).toBe(pages);
      page ??= Math.floor(random() * (pages + 1));
      const killAt = page;
      const delayMs = atSwap ? Math.floor(random() * 301) : 0;
      const killDevice = (): void => {
        void device.kill('SIGKILL');
      };
      await device.waitForLine(
        `snapshot page ${String(killAt)}`,
        (line) => (catalogProgress(line)?.done ?? -1) >= killAt,
        {
          seconds: 60,
          onMatch: () => {
            if (delayMs === 0) killDevice();
            else setTimeout(killDevice, delayMs);
          },
        },
      );
      const exit = await device.exited;
      expect(exit.signal, `run ${String(kill)} ended before the kill:\n${device.stderrTail()}`).toBe(
        'SIGKILL',
      );

      const state = inspectCatalogFile(catalogPath);
      expect(state.integrity).toBe('ok');
      const whole = wholeCatalog(state, expected);
      expect(whole, describeContent(state, expected)).not.toBe('mixed');
      // The cursor describes the catalog that is there: A's head, or the snapshot's (B's head).
      expect(state.cursors.catalog).toBe(whole === 'A' ? headsA.catalog : headsB.catalog);
      for (const s of state.staged) expect(s.stagedPages, `staged pages of ${s.scope}`).toBe(s.nextPage);
      const after = state.staged.find((s) => s.scope === 'catalog');
      note(
        `kill ${String(kill)}: started at page ${String(first.done)} of ${String(pages)}, killed on the line for page ${String(killAt)}${delayMs === 0 ? '' : ` + ${String(delayMs)} ms`}; ` +
          `after it: catalog ${whole}, ${after === undefined ? 'nothing staged' : `${String(after.nextPage)} pages staged`}`,
      );
      if (whole === 'B') restorePristine();
    }

    device = spawnDevice('device (last run)', test.hub.url, dataDir, code);
    await device.waitForLine('the snapshot to finish', atHeads(headsB), { seconds: 60 });
    await stopDevice(device);
    const final = inspectCatalogFile(catalogPath);
    expect(final.integrity).toBe('ok');
    expect(wholeCatalog(final, expected), describeContent(final, expected)).toBe('B');
    expect(final.cursors).toEqual(headsB);
    expect(final.staged).toEqual([]);
    // Stock (the store scopes' snapshots) is whole too: what the hub has for the device's SKUs.
    expect(final.stock.length).toBeGreaterThan(1000);
    expect(final.stock).toEqual(hubStock(join(hubDir, 'hub.db'), final));
  }, 120_000);

  it('a device SIGKILLed while taking a catalog image keeps a whole catalog, then finishes', async () => {
    const random = seededRandom(seed ^ 0x1a9e);
    note('device kills during a catalog image');
    const hubDir = tempDir();
    // Images of any catalog, rebuilt after any change; a short log, so a device behind takes one.
    const test = await hubs.start(hubDir, {
      maxChangesPerScope: 50,
      catalogImages: { minRecords: 0, rebuildAfter: 1 },
    });
    const recordsA = records(300, 42);
    const recordsB = records(1500, 7);
    const expected = { A: expectedContent(recordsA), B: expectedContent([...recordsA, ...recordsB]) };
    await test.hub.importFeed(jsonLines(recordsA), { fileName: 'a.jsonl' });
    await test.hub.catalogImages.idle();
    const { code, dataDir, catalogPath, headsA, restorePristine } = await firstSynced(test);
    let device: Spawned;

    await test.hub.importFeed(jsonLines(recordsB), { fileName: 'b.jsonl' });
    await test.hub.catalogImages.idle();
    const headsB = await headsOf(test.hub.store);
    expect(test.hub.catalogImages.newest()?.cursor).toBe(headsB.catalog);

    const outcomes: string[] = [];
    for (let kill = 1; kill <= 6; kill++) {
      device = spawnDevice(`device (image run ${String(kill)})`, test.hub.url, dataDir, code);
      // From the first sign of the image (its download) to well past the swap of this catalog.
      const delayMs = Math.floor(random() * 400);
      await device.waitForLine('the image to start', (line) => catalogProgress(line) !== undefined, {
        seconds: 60,
        onMatch: () => {
          setTimeout(() => void device.kill('SIGKILL'), delayMs);
        },
      });
      const exit = await device.exited;
      const state = inspectCatalogFile(catalogPath);
      expect(state.integrity).toBe('ok');
      const whole = wholeCatalog(state, expected);
      expect(whole, describeContent(state, expected)).not.toBe('mixed');
      expect(state.cursors.catalog).toBe(whole === 'A' ? headsA.catalog : headsB.catalog);
      const images = join(dataDir, 'catalog-images');
      const part = (existsSync(images) ? readdirSync(images).join(', ') : '') || 'nothing';
      outcomes.push(
        `${String(delayMs)} ms: catalog ${whole}, ${exit.signal ?? 'exited'}, download folder: ${part}`,
      );
      if (whole === 'B') restorePristine();
    }
    note(`image kills: ${outcomes.join('; ')}`);

    device = spawnDevice('device (last run)', test.hub.url, dataDir, code);
    await device.waitForLine('the image to finish', atHeads(headsB), { seconds: 60 });
    await stopDevice(device);
    const final = inspectCatalogFile(catalogPath);
    expect(final.integrity).toBe('ok');
    expect(wholeCatalog(final, expected), describeContent(final, expected)).toBe('B');
    expect(final.cursors).toEqual(headsB);
    expect(final.stock).toEqual(hubStock(join(hubDir, 'hub.db'), final));
    expect(test.logs.filter((l) => l.msg === 'catalog image download').length).toBeGreaterThan(1);
  }, 120_000);

  it('the hub SIGKILLed mid-snapshot and restarted: the device ends with the whole new catalog', async () => {
    const random = seededRandom(seed ^ 0x5eed);
    note('hub kill');
    const hubDir = tempDir();
    const port = await freePort();
    const hubUrl = `http://127.0.0.1:${String(port)}`;
    const startHubProcess = async (label: string): Promise<Spawned> => {
      const hub = processes(label, process.execPath, [
        'scripts/bin/vitrine.mjs',
        'hub',
        '--port',
        String(port),
        '--data',
        hubDir,
        // This test is of the paged snapshot; images have their own below.
        '--no-catalog-images',
      ]);
      await hub.waitForLine('the hub to listen', (line) => line.startsWith('hub listening at '), {
        seconds: 60,
      });
      return hub;
    };
    let hub = await startHubProcess('hub');
    const token = readFileSync(join(hubDir, 'admin-token'), 'utf8').trim();
    const admin = async (path: string, body: string | object): Promise<unknown> => {
      const response = await fetch(`${hubUrl}/api/v1/admin/${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json',
        },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      const json: unknown = await response.json();
      expect(response.ok, JSON.stringify(json)).toBe(true);
      return json;
    };
    const heads: Record<string, number> = {};
    const importFeed = async (name: string, list: Record<string, unknown>[]) => {
      const summary = (await admin(`import?file=${name}`, jsonLines(list))) as {
        grown: { scope: string; head: number }[];
        compacted: { scope: string; floor: number }[];
        problemCount: number;
      };
      expect(summary.problemCount).toBe(0);
      for (const { scope, head } of summary.grown) heads[scope] = head;
      return summary;
    };

    const recordsA = records(300, 42);
    await importFeed('a.jsonl', recordsA);
    const headA = heads.catalog!;
    const { enrollmentCode } = (await admin('devices', {
      storeCode: 'BER-MITTE',
      name: 'Entrance kiosk',
    })) as {
      enrollmentCode: string;
    };
    // The scopes the hub has the device sync (its store and the stores near it), from the admin API.
    const listed = (await (
      await fetch(`${hubUrl}/api/v1/admin/devices`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { devices: { scopes: string[] }[] };
    const scopes = listed.devices[0]?.scopes ?? [];
    expect(scopes).toContain('store:BER-MITTE');
    const dataDir = tempDir();
    let device = spawnDevice('device (first sync)', hubUrl, dataDir, enrollmentCode);
    await device.waitForLine('the first sync', atHeads(only(heads, scopes)), { seconds: 60 });
    await stopDevice(device);

    // `vitrine hub` keeps 50,000 changes per scope and 512 KB pages: a catalog past the log's
    // length (about five changes a product) makes the device's next pull a snapshot of many pages.
    const recordsB = records(10_000, 7, { stock: false });
    const b = await importFeed('b.jsonl', recordsB);
    expect(b.compacted.find((c) => c.scope === 'catalog')?.floor).toBeGreaterThan(headA);
    const expected = { A: expectedContent(recordsA), B: expectedContent([...recordsA, ...recordsB]) };

    device = spawnDevice('device', hubUrl, dataDir, enrollmentCode);
    const first = catalogProgress(
      await device.waitForLine('the snapshot to start', (line) => catalogProgress(line) !== undefined, {
        seconds: 60,
      }),
    )!;
    expect(first.total).toBeGreaterThan(3);
    const page = 1 + Math.floor(random() * (first.total - 2));
    let killedAt = 0;
    await device.waitForLine(
      `snapshot page ${String(page)}`,
      (line) => (catalogProgress(line)?.done ?? -1) >= page,
      {
        seconds: 60,
        onMatch: () => {
          killedAt = device.lines.length;
          void hub.kill('SIGKILL');
        },
      },
    );
    expect((await hub.exited).signal).toBe('SIGKILL');
    await device.waitForLine('the device to notice', (line) => status(line)?.phase === 'offline', {
      from: killedAt,
      seconds: 30,
    });
    const staged = inspectCatalogFile(join(dataDir, 'catalog.db')).staged.find((s) => s.scope === 'catalog');

    hub = await startHubProcess('hub (restarted)');
    const restartedAt = device.lines.length;
    await device.waitForLine('the whole new catalog', atHeads(only(heads, scopes)), {
      from: restartedAt,
      seconds: 90,
    });
    // Where each run of pages began after the restart: the staged snapshot's next page first; the
    // restarted hub has lost its plan (plans live in memory), so the device then starts over at 0.
    const starts: number[] = [];
    let previous: number | undefined;
    for (const line of device.lines.slice(restartedAt)) {
      const progress = catalogProgress(line);
      if (progress === undefined) continue;
      if (previous === undefined || progress.done < previous) starts.push(progress.done);
      previous = progress.done;
    }
    note(
      `hub killed on the line for page ${String(page)} of ${String(first.total)} (${String(staged?.nextPage ?? 0)} pages staged); ` +
        `after the restart, runs of pages began at ${starts.join(', ')}`,
    );
    expect(starts.length).toBeGreaterThan(0);
    await stopDevice(device);

    const final = inspectCatalogFile(join(dataDir, 'catalog.db'));
    expect(final.integrity).toBe('ok');
    expect(final.products).toBe(10_000);
    expect(wholeCatalog(final, expected), describeContent(final, expected)).toBe('B');
    expect(final.cursors).toEqual(only(heads, scopes));
    expect(final.staged).toEqual([]);
    expect(final.stock).toEqual(hubStock(join(hubDir, 'hub.db'), final));
    await hub.kill('SIGTERM');
  }, 120_000);
});
