/**
 * `npm run bench -- sync [--products N] [--devices N]`: hub to device sync with real parts — a
 * hub (startHub, SQLite store, socket.io) and devices (openCatalog + createSyncClient), all on
 * 127.0.0.1. Defaults: a 100,000-product catalog and 1,000 devices.
 *
 * The hub runs in a child process of this script (`sync --role hub`, driven over IPC), so its
 * memory is its own and it has its own event loop, as on a real server. The devices run in this
 * process; the lookups of part 4 run in a second child (`sync --role lookups`) on the device's
 * catalog file, because a snapshot swap is one synchronous transaction that would stall any
 * reader sharing the device's event loop.
 *
 *   1. initial sync of the whole catalog to one device, against the raw insert rate of SQLite;
 *   2. one price change fanned out to N connected devices (a full sync client and catalog each);
 *   3. hub memory per connected device;
 *   4. barcode lookups on the device while a snapshot of the whole catalog is applied.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { parseFeed } from '../../shared/catalog/index.js';
import { syntheticCatalog, syntheticGtin } from '../../shared/catalog/synthetic.js';
import type { CatalogBatch } from '../../shared/catalog/types.js';
import { enrollResponseSchema, parseMessage, PROTOCOL_VERSION } from '../../shared/protocol/index.js';
import {
  openCatalog,
  openCatalogWriter,
  type Catalog,
  type CatalogWriterThread,
  type SyncTarget,
} from '../../main/runtime/catalog/index.js';
import {
  createSyncClient,
  silentLog,
  type DeviceCredentials,
  type SyncClient,
} from '../../main/runtime/sync/index.js';
import { DEFAULT_NEARBY, scopesForStore, startHub, type Hub } from '../../server/index.js';
import { argValue, count, fmt, machineLine, rssMb, settledHeapMb, summarize, table, timed } from './stats.js';

const STORE = 'BER-MITTE';
const HOST = '127.0.0.1';
const mainScript = fileURLToPath(new URL('./main.ts', import.meta.url));

const now = (): number => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Polls `condition` every `everyMs` until it holds; throws after `seconds`. */
async function until(what: string, condition: () => boolean, seconds: number, everyMs = 10): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`gave up after ${String(seconds)} s waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** Runs `work(0..n-1)` with at most `width` in flight. */
async function pool<T>(n: number, width: number, work: (i: number) => Promise<T>): Promise<T[]> {
  const out = new Array<T>(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, n) }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await work(i);
      }
    }),
  );
  return out;
}

function catalogText(products: number, stores: number, seed: number): string {
  const lines: string[] = [];
  for (const record of syntheticCatalog({ products, stores, seed })) lines.push(JSON.stringify(record));
  return `${lines.join('\n')}\n`;
}

function rowsOf(batch: CatalogBatch): number {
  let variants = 0;
  for (const p of batch.products) variants += p.variants.length;
  return batch.products.length + variants + batch.prices.length + batch.stock.length + batch.stores.length;
}

// Child processes, driven over IPC -------------------------------------------------------------

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
type Command = { cmd: string } & Record<string, unknown>;

/** A child process of this script in another role, answering commands over IPC. */
class Child {
  private readonly proc: ChildProcess;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly exited: Promise<void>;

  constructor(role: string) {
    this.proc = fork(mainScript, ['sync', '--role', role], {
      execArgv: ['--expose-gc', '--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.proc.on('message', (raw) => {
      const reply = raw as Reply;
      const waiter = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.ok) waiter?.resolve(reply.value);
      else waiter?.reject(new Error(`${role}: ${reply.error}`));
    });
    this.exited = new Promise((resolve) => {
      this.proc.once('exit', (code) => {
        for (const waiter of this.pending.values())
          waiter.reject(new Error(`${role} exited (${String(code)})`));
        this.pending.clear();
        resolve();
      });
    });
  }

  get pid(): number | undefined {
    return this.proc.pid;
  }

  call<T>(command: Command, timeoutMs = 300_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${command.cmd}: no answer in ${String(timeoutMs / 1000)} s`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.proc.send({ id, ...command });
    });
  }

  /** Asks the child to finish, and kills it (this one process, by its handle) if it does not. */
  async close(): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    await this.call({ cmd: 'close' }, 30_000).catch(() => undefined);
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(timer);
  }
}

/** The child's side: answers commands until told to close (or until the parent goes away). */
function serve(handle: (command: Command) => Promise<unknown>, onEnd: () => Promise<void>): void {
  const send = (reply: Reply) => process.send?.(reply);
  let ending = false;
  const end = async () => {
    if (ending) return;
    ending = true;
    await onEnd();
    process.disconnect();
  };
  process.on('disconnect', () => void end());
  process.on('message', (raw) => {
    const { id, ...command } = raw as Command & { id: number };
    if (command.cmd === 'close') {
      void end().then(() => undefined);
      send({ id, ok: true, value: null });
      return;
    }
    handle(command).then(
      (value) => send({ id, ok: true, value: value ?? null }),
      (error: unknown) => send({ id, ok: false, error: errorText(error) }),
    );
  });
}

interface MemoryFigures {
  rss: number;
  heapUsed: number;
  /** C++ objects bound to JS ones, socket and zlib buffers among them. */
  external: number;
}

function settledMemory(): MemoryFigures {
  settledHeapMb(); // collects twice
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external };
}

function hubRole(): void {
  let hub: Hub | undefined;
  serve(
    async (command) => {
      switch (command.cmd) {
        case 'start': {
          hub = await startHub({
            dataDir: command.dataDir as string,
            ...(typeof command.maxChangesPerScope === 'number'
              ? { maxChangesPerScope: command.maxChangesPerScope }
              : {}),
            port: 0,
            host: HOST,
            logger: pino({ level: 'silent' }),
            onAdminTokenCreated: () => undefined,
          });
          return { url: hub.url, adminToken: hub.adminToken };
        }
        case 'import-synthetic': {
          const text = catalogText(
            command.products as number,
            command.stores as number,
            command.seed as number,
          );
          const t0 = now();
          const summary = await need(hub).importFeed(text, { fileName: 'catalog.jsonl' });
          return { ms: now() - t0, problems: summary.problems.length, changed: summary.changed };
        }
        case 'import': {
          const t0 = now();
          const summary = await need(hub).importFeed(command.text as string, {
            fileName: command.fileName as string,
          });
          return { ms: now() - t0, problems: summary.problems.length, changed: summary.changed };
        }
        case 'image': {
          // The hub builds the catalog image after an import; devices are offered it once built.
          const t0 = now();
          await need(hub).catalogImages.idle();
          const image = need(hub).catalogImages.newest();
          return image === undefined
            ? null
            : { waitedMs: now() - t0, buildMs: image.buildMs, bytes: image.bytes };
        }
        case 'heads': {
          const scopes = await need(hub).store.listScopes();
          return Object.fromEntries(scopes.map((s) => [s.scope, s.head]));
        }
        case 'online':
          return need(hub).online().size;
        case 'memory':
          return settledMemory();
        default:
          throw new Error(`unknown command ${command.cmd}`);
      }
    },
    async () => {
      await hub?.close();
    },
  );
}

function need(hub: Hub | undefined): Hub {
  if (hub === undefined) throw new Error('hub not started');
  return hub;
}

interface LookupSample {
  at: number;
  ms: number;
}

function lookupsRole(): void {
  let catalog: Catalog | undefined;
  const state = { running: false };
  let samples: LookupSample[] = [];
  let found = 0;
  let loop: Promise<void> = Promise.resolve();
  serve(
    async (command) => {
      switch (command.cmd) {
        case 'open': {
          catalog = openCatalog(command.path as string);
          return null;
        }
        case 'start': {
          const c = catalog;
          if (c === undefined) throw new Error('catalog not open');
          const variants = command.variants as number;
          const everyMs = command.everyMs as number;
          // Warm up the reader's statements and cache, as a kiosk in use would be.
          for (let i = 0; i < 500; i++) c.reader.lookup(syntheticGtin(1 + ((i * 7919) % variants)), STORE);
          state.running = true;
          samples = [];
          found = 0;
          loop = (async () => {
            while (state.running) {
              const code = syntheticGtin(1 + Math.floor(Math.random() * variants));
              const at = now();
              const t = timed(() => c.reader.lookup(code, STORE));
              if (t.value.result !== null) found++;
              samples.push({ at, ms: t.ms });
              await sleep(everyMs);
            }
          })();
          return null;
        }
        case 'stop': {
          state.running = false;
          await loop;
          return { samples, found };
        }
        default:
          throw new Error(`unknown command ${command.cmd}`);
      }
    },
    async () => {
      state.running = false;
      await loop;
      catalog?.close();
    },
  );
}

// The parent: hub and device helpers --------------------------------------------------------------

interface HubHandle {
  child: Child;
  url: string;
  adminToken: string;
}

async function startHubChild(dataDir: string, maxChangesPerScope?: number): Promise<HubHandle> {
  const child = new Child('hub');
  try {
    const started = await child.call<{ url: string; adminToken: string }>({
      cmd: 'start',
      dataDir,
      ...(maxChangesPerScope === undefined ? {} : { maxChangesPerScope }),
    });
    if (!started.url.startsWith(`http://${HOST}:`)) throw new Error(`hub listens on ${started.url}`);
    return { child, ...started };
  } catch (error) {
    await child.close();
    throw error;
  }
}

/** Creates a device through the admin API; returns its one-time enrollment code. */
async function provision(hub: HubHandle, name: string): Promise<string> {
  const response = await fetch(`${hub.url}/api/v1/admin/devices`, {
    method: 'POST',
    headers: { authorization: `Bearer ${hub.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ storeCode: STORE, name }),
  });
  if (response.status !== 201) throw new Error(`device not created: ${String(response.status)}`);
  return ((await response.json()) as { enrollmentCode: string }).enrollmentCode;
}

/** Trades an enrollment code for credentials, as the sync client does on first start. */
async function enroll(hub: HubHandle, code: string): Promise<DeviceCredentials> {
  const response = await fetch(`${hub.url}/api/v1/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ protocol: PROTOCOL_VERSION, code, appVersion: 'bench' }),
  });
  const parsed = parseMessage(enrollResponseSchema, await response.json(), 'enroll');
  if (!parsed.ok) throw new Error(`enrollment failed (${String(response.status)}): ${parsed.error}`);
  return parsed.value;
}

interface Device {
  catalog: Catalog;
  client: SyncClient;
  close(): void;
}

function device(
  hub: HubHandle,
  dataDir: string,
  auth: { enrollmentCode: string } | { credentials: DeviceCredentials },
  firstConnectJitterMs: number,
  opened?: { catalog: Catalog; writer: SyncTarget },
): Device {
  mkdirSync(dataDir, { recursive: true });
  const catalog = opened?.catalog ?? openCatalog(join(dataDir, 'catalog.db'));
  const client = createSyncClient({
    hubUrl: hub.url,
    dataDir,
    catalog: opened?.writer ?? catalog.sync,
    ...auth,
    appVersion: 'bench',
    log: silentLog,
    now: () => new Date(),
    random: Math.random,
    firstConnectJitterMs,
  });
  return {
    catalog,
    client,
    close() {
      client.stop();
      catalog.close();
    },
  };
}

/** The heads of the given scopes. */
function only(heads: Record<string, number>, scopes: ReadonlySet<string>): Record<string, number> {
  return Object.fromEntries(Object.entries(heads).filter(([scope]) => scopes.has(scope)));
}

/** Online, and every scope's cursor at the hub's head. */
function caughtUp(client: SyncClient, heads: Record<string, number>): boolean {
  const status = client.status();
  return (
    status.phase === 'online' &&
    Object.entries(heads).every(([scope, head]) => status.cursors[scope] === head)
  );
}

const allParts = ['initial', 'snapshot', 'fanout'] as const;

/** `--parts initial,fanout`: run some parts only (the snapshot part follows the initial sync). */
function partsOf(args: string[]): Set<string> {
  const i = args.indexOf('--parts');
  if (i < 0) return new Set(allParts);
  const parts = new Set((args[i + 1] ?? '').split(','));
  for (const part of parts) {
    if (!(allParts as readonly string[]).includes(part))
      throw new Error(`--parts: expected some of ${allParts.join(', ')}, got "${part}"`);
  }
  if (parts.has('snapshot')) parts.add('initial');
  return parts;
}

const budget = (ok: boolean, text: string) => `${text} ${ok ? 'ok' : 'MISSED'}`;

// The benchmark --------------------------------------------------------------------------------

export async function runSyncBench(args: string[]): Promise<void> {
  const role = args[args.indexOf('--role') + 1];
  if (args.includes('--role')) {
    if (role === 'hub') hubRole();
    else if (role === 'lookups') lookupsRole();
    else throw new Error(`--role: expected hub or lookups, got ${String(role)}`);
    return;
  }
  const products = argValue(args, '--products', 100_000);
  const devices = argValue(args, '--devices', 1_000);
  const parts = partsOf(args);
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-bench-sync-'));
  try {
    console.log(`Vitrine sync benchmark — ${machineLine()}, SQLite ${sqliteVersion()}`);
    console.log(
      `hub in a child process on ${HOST}; devices (catalog file + sync client each) in this process\n`,
    );
    const rows1and4 = parts.has('initial')
      ? await catalogToOneDevice(dir, products, parts.has('snapshot'))
      : [];
    const rows2and3 = parts.has('fanout') ? await fanOut(dir, devices) : [];
    console.log(table(['sync', 'value', 'budget'], [...rows1and4, ...rows2and3]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function sqliteVersion(): string {
  const db = new Database(':memory:');
  try {
    return (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  } finally {
    db.close();
  }
}

/** Parts 1 and 4: the whole catalog to one device, then a snapshot under lookups. */
async function catalogToOneDevice(dir: string, products: number, withSnapshot: boolean): Promise<string[][]> {
  const whole = parseFeed(catalogText(products, 8, 42), { fileName: 'catalog.jsonl' }).batch;
  // What the device syncs (and the raw insert writes): the catalog, and the prices and stock of
  // its store and the stores near it (server/catalog/device-scopes.ts).
  const scopes = new Set(scopesForStore(whole.stores, STORE, DEFAULT_NEARBY));
  const mine = (storeCode: string | null) => storeCode === null || scopes.has(`store:${storeCode}`);
  const batch: CatalogBatch = {
    ...whole,
    prices: whole.prices.filter((p) => mine(p.storeCode)),
    stock: whole.stock.filter((k) => mine(k.storeCode)),
  };
  const rows = rowsOf(batch);
  const variantCount = batch.products.reduce((n, p) => n + p.variants.length, 0);
  console.log(
    `catalog: ${count(batch.products.length)} products, ${count(variantCount)} variants, ${count(batch.prices.length)} prices, ` +
      `${count(batch.stock.length)} stock rows, ${String(batch.stores.length)} stores = ${count(rows)} rows ` +
      `for a device in ${STORE} (scopes: ${[...scopes].join(', ')}; the hub has ${count(whole.stock.length)} stock rows in all)`,
  );
  const raw = rawInsert(join(dir, 'raw.db'), batch);

  const hubDir = join(dir, 'hub-a');
  let hub = await startHubChild(hubDir);
  let dev: Device | undefined;
  let writerThread: CatalogWriterThread | undefined;
  let client4: SyncClient | undefined;
  let lookups: Child | undefined;
  try {
    const imported = await hub.child.call<{ ms: number; problems: number }>({
      cmd: 'import-synthetic',
      products,
      stores: 8,
      seed: 42,
    });
    if (imported.problems > 0) throw new Error(`import: ${String(imported.problems)} problems`);
    const image = await hub.child.call<{ waitedMs: number; buildMs: number; bytes: number } | null>({
      cmd: 'image',
    });

    // 1. Initial sync, enrollment included, from start() to every product and 'online'.
    const dataDir = join(dir, 'device-a');
    const code = await provision(hub, 'Entrance kiosk');
    // As the runtime does: reads on this thread, sync writes on the catalog writer thread.
    mkdirSync(dataDir, { recursive: true });
    const opened = openCatalog(join(dataDir, 'catalog.db'));
    const writer = await openCatalogWriter(join(dataDir, 'catalog.db'), opened.sync);
    writerThread = writer;
    dev = device(hub, dataDir, { enrollmentCode: code }, 0, { catalog: opened, writer });
    const d = dev;
    const t0 = now();
    // When each scope first shows progress and when its cursor first moves: where the time goes.
    const timeline = new Map<string, { started?: number; done?: number }>();
    const offTimeline = d.client.onStatus((status) => {
      const at = now() - t0;
      const p = status.progress;
      if (p !== undefined) {
        const entry = timeline.get(p.scope) ?? {};
        entry.started ??= at;
        timeline.set(p.scope, entry);
      }
      for (const [scope, cursor] of Object.entries(status.cursors)) {
        const entry = timeline.get(scope) ?? {};
        if (cursor > 0 && entry.done === undefined) entry.done = at;
        timeline.set(scope, entry);
      }
    });
    d.client.start();
    await until(
      'the initial sync',
      () => d.client.status().phase === 'online' && d.catalog.reader.counts().products === products,
      600,
    );
    const syncS = (now() - t0) / 1000;
    offTimeline();
    const heads = only(await hub.child.call<Record<string, number>>({ cmd: 'heads' }), scopes);
    if (!caughtUp(d.client, heads)) throw new Error('initial sync: cursors are not at the hub heads');
    const syncRate = rows / syncS;
    const initialRows = [
      ['1. hub import (parse + compare + log + compact)', `${fmt(imported.ms / 1000)} s`, ''],
      [
        '   hub: images built after the import (not timed below)',
        image === null
          ? 'none (devices take paged snapshots)'
          : `catalog ${fmt(image.buildMs / 1000)} s, ${fmt(image.bytes / 1024 ** 2)} MiB; every scope's ready ${fmt(image.waitedMs / 1000)} s after the import`,
        '',
      ],
      [
        '   initial sync to one device (start to online)',
        `${fmt(syncS)} s, ${count(syncRate)} rows/s`,
        budget(syncS < 10, '< 10 s'),
      ],
      [
        '   … per scope: transfer started / applied',
        [...timeline]
          .map(
            ([scope, t]) => `${scope} ${fmt((t.started ?? 0) / 1000, 1)} / ${fmt((t.done ?? 0) / 1000, 1)} s`,
          )
          .join(', '),
        '',
      ],
      ['   raw better-sqlite3 insert, same rows', `${fmt(raw.ms / 1000)} s, ${count(raw.rate)} rows/s`, ''],
      ['   sync rate / raw rate', fmt(syncRate / raw.rate, 3), budget(syncRate >= raw.rate / 4, '>= 0.25')],
    ];
    if (!withSnapshot) return initialRows;

    // 4. The device goes away; the hub restarts keeping only 1,000 changes per scope, and takes a
    // second catalog (new seed: every product changes). The device's cursors are now behind the
    // compacted log, so on return it takes a snapshot of every scope, whatever the catalog size.
    d.client.stop();
    await hub.child.close();
    hub = await startHubChild(hubDir, 1000);
    const second = await hub.child.call<{ ms: number }>({
      cmd: 'import-synthetic',
      products,
      stores: 8,
      seed: 7,
    });
    const image2 = await hub.child.call<{ buildMs: number; bytes: number } | null>({ cmd: 'image' });
    const heads2 = only(await hub.child.call<Record<string, number>>({ cmd: 'heads' }), scopes);
    lookups = new Child('lookups');
    await lookups.call({ cmd: 'open', path: join(dataDir, 'catalog.db') });
    // The same device (its catalog file and stored credentials), pointed at the restarted hub.
    const client = createSyncClient({
      hubUrl: hub.url,
      dataDir,
      catalog: writerThread,
      appVersion: 'bench',
      log: silentLog,
      now: () => new Date(),
      random: Math.random,
      firstConnectJitterMs: 0,
    });
    client4 = client;
    // Swap windows: from the last page staged to the snapshot in place (finishSnapshot).
    // Swap windows, per scope (scopes take their snapshots side by side): from the last page
    // staged to the scope's cursor moving to the snapshot's (finishSnapshot committed).
    const swaps: [number, number][] = [];
    const swapStart = new Map<string, { at: number; cursor: number }>();
    let snapshots = 0;
    const off = client.onStatus((status) => {
      const p = status.progress;
      if (p !== undefined && p.done === p.total && !swapStart.has(p.scope)) {
        swapStart.set(p.scope, { at: now(), cursor: status.cursors[p.scope] ?? 0 });
      }
      for (const [scope, start] of swapStart) {
        if ((status.cursors[scope] ?? 0) !== start.cursor) {
          swaps.push([start.at, now()]);
          swapStart.delete(scope);
          snapshots++;
        }
      }
    });
    await lookups.call({ cmd: 'start', variants: variantCount, everyMs: 5 });
    const t1 = now();
    client.start();
    await until('the snapshot', () => caughtUp(client, heads2), 600, 20);
    const snapshotS = (now() - t1) / 1000;
    off();
    const sampled = await lookups.call<{ samples: LookupSample[]; found: number }>({ cmd: 'stop' });
    const all = summarize(sampled.samples.map((s) => s.ms));
    const inSwap = summarize(
      sampled.samples.filter((s) => swaps.some(([a, b]) => s.at + s.ms >= a && s.at <= b)).map((s) => s.ms),
    );
    const swapMs = swaps.reduce((sum, [a, b]) => sum + (b - a), 0);

    return [
      ...initialRows,
      ['4. second import (every product changed; log kept: 1,000)', `${fmt(second.ms / 1000)} s`, ''],
      [
        '   hub: catalog image built after it',
        image2 === null ? 'none' : `${fmt(image2.buildMs / 1000)} s, ${fmt(image2.bytes / 1024 ** 2)} MiB`,
        '',
      ],
      [
        '   snapshot sync (start to caught up)',
        `${fmt(snapshotS)} s, ${String(snapshots)} scopes: last page staged to swapped in, ${fmt(swapMs / 1000)} s summed (store scopes wait for the catalog)`,
        '',
      ],
      [
        '   lookup p50 / p95 / p99 / max during it',
        `${fmt(all.p50, 3)} / ${fmt(all.p95, 3)} / ${fmt(all.p99, 3)} / ${fmt(all.max, 1)} ms (n ${String(all.n)}, ${String(sampled.found)} found)`,
        budget(all.p99 < 50, 'p99 < 50 ms'),
      ],
      [
        '   … of those overlapping a swap',
        inSwap.n === 0
          ? 'none'
          : `${fmt(inSwap.p50, 3)} / ${fmt(inSwap.p95, 3)} / ${fmt(inSwap.p99, 3)} / ${fmt(inSwap.max, 1)} ms (n ${String(inSwap.n)})`,
        '',
      ],
    ];
  } finally {
    client4?.stop();
    await writerThread?.close();
    dev?.close();
    await lookups?.close();
    await hub.child.close();
  }
}

/**
 * The floor for part 1: the same rows into plain tables (products as id + JSON), prepared
 * statements, transactions of 10,000 rows, the device catalog's pragmas (WAL, synchronous=NORMAL).
 */
function rawInsert(path: string, batch: CatalogBatch): { ms: number; rate: number } {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(`
      CREATE TABLE stores (code TEXT PRIMARY KEY, json TEXT NOT NULL);
      CREATE TABLE products (id TEXT PRIMARY KEY, json TEXT NOT NULL);
      CREATE TABLE variants (sku TEXT PRIMARY KEY, product_id TEXT NOT NULL, gtin TEXT, size TEXT, color TEXT);
      CREATE TABLE prices (sku TEXT NOT NULL, store_code TEXT NOT NULL, currency TEXT NOT NULL,
        regular INTEGER NOT NULL, sale INTEGER, member INTEGER, PRIMARY KEY (sku, store_code));
      CREATE TABLE stock (sku TEXT NOT NULL, store_code TEXT NOT NULL, quantity INTEGER NOT NULL,
        PRIMARY KEY (sku, store_code));`);
    const s = {
      store: db.prepare('INSERT INTO stores VALUES (?, ?)'),
      product: db.prepare('INSERT INTO products VALUES (?, ?)'),
      variant: db.prepare('INSERT INTO variants VALUES (?, ?, ?, ?, ?)'),
      price: db.prepare('INSERT INTO prices VALUES (?, ?, ?, ?, ?, ?)'),
      stock: db.prepare('INSERT INTO stock VALUES (?, ?, ?)'),
    };
    let inTransaction = 0;
    let rows = 0;
    const row = (insert: () => void) => {
      if (inTransaction === 0) db.exec('BEGIN');
      insert();
      rows++;
      if (++inTransaction === 10_000) {
        db.exec('COMMIT');
        inTransaction = 0;
      }
    };
    const t = timed(() => {
      for (const st of batch.stores) row(() => s.store.run(st.code, JSON.stringify(st)));
      for (const p of batch.products) {
        row(() => s.product.run(p.id, JSON.stringify(p)));
        for (const v of p.variants)
          row(() => s.variant.run(v.sku, p.id, v.gtins[0] ?? null, v.size ?? null, v.color ?? null));
      }
      for (const p of batch.prices)
        row(() =>
          s.price.run(p.sku, p.storeCode ?? '', p.currency, p.regular, p.sale ?? null, p.member ?? null),
        );
      for (const k of batch.stock) row(() => s.stock.run(k.sku, k.storeCode, k.quantity));
      if (inTransaction > 0) db.exec('COMMIT');
    });
    return { ms: t.ms, rate: rows / (t.ms / 1000) };
  } finally {
    db.close();
  }
}

/** Parts 2 and 3: N devices on a small catalog, one price change, hub memory per device. */
async function fanOut(dir: string, n: number): Promise<string[][]> {
  const small = catalogText(20, 1, 42);
  const batch = parseFeed(small, { fileName: 'small.jsonl' }).batch;
  // A SKU with a stock row here: the feed repeats its quantity, so only the price changes.
  const stock = batch.stock.find((k) => k.storeCode === STORE);
  if (stock === undefined) throw new Error(`no stock in ${STORE}`);
  const product = batch.products.find((p) => p.variants.some((v) => v.sku === stock.sku));
  if (product === undefined) throw new Error(`no product for ${stock.sku}`);
  const target = 1777; // 17.77 EUR, a store price none of the generated prices has

  const hub = await startHubChild(join(dir, 'hub-b'));
  const fleet: Device[] = [];
  try {
    const imported = await hub.child.call<{ problems: number }>({
      cmd: 'import',
      text: small,
      fileName: 'small.jsonl',
    });
    if (imported.problems > 0) throw new Error(`import: ${String(imported.problems)} problems`);
    const heads = await hub.child.call<Record<string, number>>({ cmd: 'heads' });

    // Enrollment through the admin API and POST /api/v1/enroll, 16 in flight.
    const enrollStart = now();
    const credentials = await pool(n, 16, async (i) =>
      enroll(hub, await provision(hub, `Kiosk ${String(i + 1)}`)),
    );
    const enrollMs = now() - enrollStart;
    const hubBefore = await hub.child.call<MemoryFigures>({ cmd: 'memory' });
    const hereHeap = settledHeapMb();
    const hereRss = rssMb();

    // Connect: each device its own catalog file and sync client, first connects spread over up
    // to 5 s as the client's jitter does after a hub restart.
    const jitterMs = Math.min(5_000, n * 5);
    const connectStart = now();
    for (const [i, creds] of credentials.entries()) {
      const dev = device(hub, join(dir, 'fleet', String(i)), { credentials: creds }, jitterMs);
      fleet.push(dev);
      dev.client.start();
    }
    await until(
      'every device online and synced',
      () => fleet.every((d) => caughtUp(d.client, heads)),
      300,
      50,
    );
    const connectS = (now() - connectStart) / 1000;
    const online = await hub.child.call<number>({ cmd: 'online' });
    await sleep(1000); // let first heartbeats and upgrades settle
    const hubAfter = await hub.child.call<MemoryFigures>({ cmd: 'memory' });
    const hereHeapPer = ((settledHeapMb() - hereHeap) * 1024) / n;
    const hereRssPer = ((rssMb() - hereRss) * 1024) / n;

    // 2. One store price, fanned out: per device, import start to the price read back.
    const applied = new Array<number | undefined>(n).fill(undefined);
    let t0 = 0;
    const check = (i: number) => {
      const dev = fleet[i];
      if (dev === undefined || applied[i] !== undefined || t0 === 0) return;
      const view = dev.catalog.reader.product(product.id, STORE);
      if (view?.variants.find((v) => v.sku === stock.sku)?.price?.current === target) applied[i] = now() - t0;
    };
    const offs = fleet.map((d, i) =>
      d.client.onStatus(() => {
        check(i);
      }),
    );
    const tsv = `store_code\tid\tquantity\tprice\n${STORE}\t${stock.sku}\t${String(stock.quantity)}\t17.77 EUR\n`;
    t0 = now();
    const change = await hub.child.call<{ ms: number; changed: Record<string, number> }>({
      cmd: 'import',
      text: tsv,
      fileName: 'local.tsv',
    });
    await until(
      'the price on every device',
      () => {
        for (let i = 0; i < n; i++) check(i); // the status listener is exact; this is the backstop
        return applied.every((ms) => ms !== undefined);
      },
      120,
      50,
    );
    for (const off of offs) off();
    const fan = summarize(applied.map((ms) => ms ?? Number.NaN));

    const perRss = ((hubAfter.rss - hubBefore.rss) / 1024 / n).toFixed(0);
    const perHeap = ((hubAfter.heapUsed - hubBefore.heapUsed) / 1024 / n).toFixed(0);
    const perExternal = ((hubAfter.external - hubBefore.external) / 1024 / n).toFixed(0);
    const first = Math.min(...applied.map((ms) => ms ?? Number.NaN));
    return [
      [
        `2. enroll ${count(n)} devices (admin API + enroll, 16 at a time)`,
        `${fmt(enrollMs / 1000)} s, ${count(n / (enrollMs / 1000))} devices/s`,
        '',
      ],
      [
        `   connect + first sync of ${count(n)} devices (20 products)`,
        `${fmt(connectS)} s (jitter ≤ ${String(jitterMs / 1000)} s), ${String(online)} online`,
        '',
      ],
      [
        '   price import on the hub (importFeed)',
        `${fmt(change.ms, 1)} ms, ${JSON.stringify(change.changed)}`,
        '',
      ],
      [
        `   price on device min / p50 / p95 / max (${String(fan.n)})`,
        `${fmt(first, 0)} / ${fmt(fan.p50, 0)} / ${fmt(fan.p95, 0)} / ${fmt(fan.max, 0)} ms`,
        budget(fan.p95 < 1000, 'p95 < 1 s'),
      ],
      [
        `3. hub memory per connected device (${count(n)})`,
        `RSS ${perRss} KiB, heap ${perHeap} KiB, external ${perExternal} KiB (hub process only)`,
        '',
      ],
      [
        `   hub total before / after`,
        `RSS ${fmt(hubBefore.rss / 2 ** 20, 0)} / ${fmt(hubAfter.rss / 2 ** 20, 0)} MiB, heap ${fmt(hubBefore.heapUsed / 2 ** 20, 0)} / ${fmt(hubAfter.heapUsed / 2 ** 20, 0)} MiB`,
        '',
      ],
      [
        '   device side per device (this process)',
        `RSS ${hereRssPer.toFixed(0)} KiB, heap ${hereHeapPer.toFixed(0)} KiB (catalog + client + socket)`,
        '',
      ],
    ];
  } finally {
    for (const dev of fleet) dev.close();
    await hub.child.close();
  }
}
