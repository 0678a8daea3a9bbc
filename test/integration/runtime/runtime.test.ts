/**
 * The composed runtime against a real hub on loopback: real catalog and outbox files, the sync
 * client, the simulated HID scanner (development.simulation), and the bridge dispatcher the
 * shells put a transport in front of.
 */
import { readFileSync, writeFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfigValue, type KioskConfig } from '../../../kiosk-config/index.js';
import { startRuntime, type Runtime } from '../../../main/runtime/runtime.js';
import { FakeHidBus } from '../../support/fake-hid.js';
import type {
  BridgeEventEnvelope,
  BridgeReply,
  KioskInfo,
  ReservationView,
  ScanEvent,
  StaffStatusView,
} from '../../../shared/bridge/index.js';
import type { ProductView } from '../../../shared/catalog/views.js';
import { useTempDir } from '../../support/temp.js';
import { catalogText, useHubs, type TestHub } from '../hub/hub-fixture.js';
import { provision, silentLog, until } from '../sync/device-fixture.js';

const hubs = useHubs();
const temp = useTempDir();
const PIN_HASH = 'scrypt$32768$8$1$0HzzWKcBYQHgSubqorTfFA==$5FaoILZnSbxkqjBRceLTV3zKInjULUSpBmdf528+mYw=';

function configFor(
  hubUrl: string,
  enrollmentCode: string,
  idle = { timeoutSeconds: 60, warningSeconds: 20 },
): KioskConfig {
  const parsed = parseConfigValue({
    device: { id: 'ber-mitte-kiosk-1', name: 'Entrance kiosk' },
    store: { code: 'BER-MITTE' },
    mode: 'kiosk',
    hub: { url: hubUrl, enrollmentCode },
    staff: { pinHash: PIN_HASH },
    idle,
    development: { simulation: true },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.config;
}

async function call<T>(runtime: Runtime, name: string, args: unknown): Promise<T> {
  const reply: BridgeReply = await runtime.dispatch(name, args);
  if (!reply.ok) throw new Error(`${name}: ${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

/** A runtime enrolled on `test`; with `configPath`, its config is also that file (as the host runs it). */
async function started(test: TestHub, dataDir: string, options: { configPath?: string } = {}) {
  const config = configFor(test.hub.url, await provision(test));
  if (options.configPath !== undefined) writeFileSync(options.configPath, JSON.stringify(config));
  const runtime = await startRuntime({
    config,
    configDir: dataDir,
    ...options,
    dataDir,
    appVersion: '0.1.0-test',
    log: silentLog,
    transport: new FakeHidBus(),
    firstConnectJitterMs: 0,
  });
  const events: BridgeEventEnvelope[] = [];
  runtime.onEvent((e) => events.push(e));
  return { runtime, events };
}

describe('the runtime behind the bridge', () => {
  it('syncs, answers search and product calls, opens a scanned product, refuses bad calls precisely', async () => {
    const test = await hubs.start(temp());
    await test.hub.importFeed(catalogText(60), { fileName: 'catalog.jsonl' });
    const { runtime, events } = await started(test, temp());
    try {
      await until(
        'the catalog',
        async () =>
          (await call<{ catalog: { products: number } }>(runtime, 'device.status', {})).catalog.products ===
          60,
      );
      await until('online', () =>
        events.some((e) => e.name === 'sync' && (e.payload as { online: boolean }).online),
      );

      const product = await call<ProductView>(runtime, 'catalog.product', { id: 'P000007' });
      const typo = product.title
        .split(' ')
        .at(-1)!
        .toLowerCase()
        .replace(/(.)(.)$/, '$2$1'); // "boot" -> "boto"
      const found = await call<{ hits: { id: string }[] }>(runtime, 'catalog.search', { text: typo });
      expect(found.hits.length).toBeGreaterThan(0);

      const gtin = product.variants[0]!.gtins[0]!;
      expect(runtime.simulator?.scan(gtin.slice(1), ']E0')).toBe(true);
      await until('the scan event', () => events.some((e) => e.name === 'scan'));
      const scan = events.find((e) => e.name === 'scan')!.payload as ScanEvent;
      expect(scan.outcome).toBe('product');
      if (scan.outcome === 'product') {
        expect(scan.product.id).toBe('P000007');
        expect(scan.variantSku).toBe(product.variants[0]!.sku);
      }

      // The page's keyboard-wedge path goes through the same pipeline: an unknown code is "not found".
      await call(runtime, 'device.keyboardScan', { code: '4006381333931' });
      await until('a not-found scan', () =>
        events.some((e) => e.name === 'scan' && (e.payload as ScanEvent).outcome === 'not-found'),
      );

      expect(await runtime.dispatch('catalog.search', { text: 42 })).toEqual({
        ok: false,
        error: {
          code: 'invalid-call',
          message: 'catalog.search: text: Invalid input: expected string, received number',
        },
      });
      expect(await runtime.dispatch('catalog.drop', {})).toEqual({
        ok: false,
        error: { code: 'invalid-call', message: 'unknown bridge call "catalog.drop"' },
      });
      const wrongSku = await runtime.dispatch('session.reserve', {
        productId: 'P000007',
        sku: 'P000001-X',
        storeCode: 'BER-MITTE',
        name: 'Ada',
        contact: { email: 'ada@example.com' },
        consent: true,
      });
      expect(wrongSku.ok ? '' : wrongSku.error.message).toMatch(/^session\.reserve: sku: /);
      const noConsent = await runtime.dispatch('session.reserve', {
        productId: 'P000007',
        sku: product.variants[0]!.sku,
        storeCode: 'BER-MITTE',
        name: 'Ada',
        contact: { email: 'ada@example.com' },
        consent: false,
      });
      expect(noConsent.ok ? '' : noConsent.error.message).toMatch(/^session\.reserve: consent: .*consent/);
    } finally {
      await runtime.stop();
    }
  });

  it('reserves with a pickup code online; offline it queues, says so, and confirms once the hub is back', async () => {
    const hubDir = temp();
    let test = await hubs.start(hubDir);
    await test.hub.importFeed(catalogText(40), { fileName: 'catalog.jsonl' });
    const port = test.hub.port;
    const dataDir = temp();
    const { runtime, events } = await started(test, dataDir);
    try {
      await until('online with the catalog', async () => {
        const status = await call<{ sync: { phase: string }; catalog: { products: number } }>(
          runtime,
          'device.status',
          {},
        );
        return status.sync.phase === 'online' && status.catalog.products === 40;
      });
      const hits = await call<{ id: string }[]>(runtime, 'catalog.featured', {});
      const product = await call<ProductView>(runtime, 'catalog.product', { id: hits[0]!.id });
      const variant = product.variants.find((v) => (v.stockHere ?? 0) > 0)!;
      const reserve = {
        productId: product.id,
        sku: variant.sku,
        storeCode: 'BER-MITTE',
        name: 'Ada Lovelace',
        contact: { phone: '+49 30 1234567' },
        consent: true,
      };
      const online = await call<ReservationView>(runtime, 'session.reserve', reserve);
      expect(online).toMatchObject({
        status: 'confirmed',
        storeName: 'Berlin Mitte',
        productTitle: product.title,
      });
      expect(online.pickupCode).toMatch(/\S{4,}/);

      const handoff = await call<{ status: string; url?: string }>(runtime, 'session.handoff', {
        productId: product.id,
      });
      expect(handoff.status).toBe('ready');
      expect(handoff.url).toMatch(new RegExp(`^${test.hub.url}/p/`));

      await test.hub.close();
      await until(
        'offline',
        async () => !(await call<{ sync: { online: boolean } }>(runtime, 'device.status', {})).sync.online,
      );
      const queued = await call<ReservationView>(runtime, 'session.reserve', reserve);
      expect(queued.status).toBe('queued');
      expect(
        await call<{ status: string }>(runtime, 'session.handoff', { productId: product.id }),
      ).toMatchObject({
        status: 'unavailable',
      });

      test = await hubs.start(hubDir, { port });
      await until('the queued reservation confirmed', () =>
        events.some(
          (e) =>
            e.name === 'reservation' &&
            (e.payload as ReservationView).id === queued.id &&
            (e.payload as ReservationView).status === 'confirmed',
        ),
      );
      const confirmed = await call<ReservationView>(runtime, 'session.reservation', { id: queued.id });
      expect(confirmed.pickupCode).toMatch(/\S{4,}/);

      // Ending the session forgets it here (the outbox still delivered it).
      await call(runtime, 'session.end', { reason: 'done' });
      expect(await call(runtime, 'session.reservation', { id: queued.id })).toBeNull();
      expect(events.at(-1)).toEqual({ name: 'idle', payload: { phase: 'reset' } });
    } finally {
      await runtime.stop();
    }
  });

  it('standalone: applies the feed at the first start and again only when its content changed', async () => {
    const dir = temp();
    const feed = join(dir, 'catalog.jsonl');
    writeFileSync(feed, catalogText(5));
    const parsed = parseConfigValue({
      device: { id: 'standalone-1', name: 'Standalone kiosk' },
      store: { code: 'BER-MITTE' },
      mode: 'kiosk',
      standalone: { catalogFeed: './catalog.jsonl' },
      staff: { pinHash: PIN_HASH },
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const applied: string[] = [];
    const log = { ...silentLog, info: (_: object, message: string) => applied.push(message) };
    const start = async () => {
      const runtime = await startRuntime({
        config: parsed.config,
        configDir: dir,
        dataDir: join(dir, 'data'),
        appVersion: '0.1.0-test',
        log,
        transport: new FakeHidBus(),
      });
      const counts = await call<{ catalog: { products: number } }>(runtime, 'device.status', {});
      await runtime.stop();
      return [applied.filter((m) => m === 'catalog feed applied').length, counts.catalog.products];
    };
    expect(await start()).toEqual([1, 5]);
    expect(await start()).toEqual([1, 5]); // unchanged: not read again
    utimesSync(feed, new Date(), new Date(Date.now() + 5000));
    expect(await start()).toEqual([1, 5]); // touched, same content: not applied again
    writeFileSync(feed, catalogText(8));
    expect(await start()).toEqual([2, 8]);
  });

  it('a config pushed from the hub changes the attract playlist and idle timing at once, and is kept on disk', async () => {
    const test = await hubs.start(temp());
    await test.hub.importFeed(catalogText(10), { fileName: 'catalog.jsonl' });
    const dir = temp();
    const configPath = join(dir, 'kiosk.json');
    const { runtime, events } = await started(test, dir, { configPath });
    try {
      await until(
        'online',
        async () =>
          (await call<{ sync: { phase: string } }>(runtime, 'device.status', {})).sync.phase === 'online',
      );
      expect((await call<KioskInfo>(runtime, 'kiosk.info', {})).attract).toEqual([]);
      const listed = await test.admin('GET', 'devices');
      const deviceId = (listed.json as { devices: { id: string }[] }).devices[0]!.id;
      const pushed = {
        ...(JSON.parse(readFileSync(configPath, 'utf8')) as Record<string, unknown>),
        idle: { timeoutSeconds: 90, warningSeconds: 30 },
        attract: { playlist: [{ kind: 'product', productId: 'P000003', durationSeconds: 6 }] },
        branding: { name: 'Northfield Winter' },
      } as Record<string, unknown>;
      const sent = await test.admin('POST', `devices/${deviceId}/commands`, {
        kind: 'config',
        config: pushed,
      });
      expect(sent.status).toBe(202);
      await until('the kiosk told to fetch its config', () => events.some((e) => e.name === 'kiosk'));
      expect(events.find((e) => e.name === 'kiosk')!.payload).toEqual({ change: 'config' });
      const info = await call<KioskInfo>(runtime, 'kiosk.info', {});
      expect(info.attract).toMatchObject([
        { kind: 'product', durationSeconds: 6, product: { id: 'P000003' } },
      ]);
      expect(info.idle).toEqual({ timeoutSeconds: 90, warningSeconds: 30 });
      expect(info.branding.name).toBe('Northfield Winter');
      // Kept for the next start, as a valid config.
      const kept = parseConfigValue(JSON.parse(readFileSync(configPath, 'utf8')));
      expect(kept.ok && kept.config.attract.playlist).toEqual([
        { kind: 'product', productId: 'P000003', durationSeconds: 6 },
      ]);
    } finally {
      await runtime.stop();
    }
  });

  it('staff: status and resync are refused until the PIN unlocks them; the status tells device, sync, catalog and hardware', async () => {
    const test = await hubs.start(temp());
    await test.hub.importFeed(catalogText(12), { fileName: 'catalog.jsonl' });
    const { runtime } = await started(test, temp());
    try {
      await until(
        'online',
        async () =>
          (await call<{ sync: { phase: string } }>(runtime, 'device.status', {})).sync.phase === 'online',
      );
      expect(await runtime.dispatch('staff.status', {})).toEqual({
        ok: false,
        error: { code: 'unavailable', message: 'staff.status: the staff panel is locked' },
      });
      const badPin = await runtime.dispatch('staff.unlock', { pin: '12ab' });
      expect(badPin.ok ? '' : badPin.error.message).toBe(
        'staff.unlock: pin: enter the 4 to 12 digit staff PIN',
      );
      expect(await call(runtime, 'staff.unlock', { pin: '000000' })).toEqual({
        status: 'wrong',
        triesLeft: 4,
      });
      expect(await call(runtime, 'staff.unlock', { pin: '482916' })).toMatchObject({ status: 'unlocked' });
      const status = await call<StaffStatusView>(runtime, 'staff.status', {});
      expect(status.device).toEqual({ id: 'ber-mitte-kiosk-1', name: 'Entrance kiosk', mode: 'kiosk' });
      expect(status.store).toEqual({ code: 'BER-MITTE', name: 'Berlin Mitte' });
      expect(status.sync).toMatchObject({ phase: 'online', online: true, hubUrl: test.hub.url });
      expect(status.sync.cursors.catalog).toBeGreaterThan(0);
      expect(status.catalog.products).toBe(12);
      expect(status.hardware.map((d) => d.kind).sort()).toEqual(['card-reader', 'scanner']);
      expect(await call<{ ok: boolean }>(runtime, 'staff.resync', {})).toMatchObject({ ok: true });
      await call(runtime, 'staff.lock', {});
      expect((await runtime.dispatch('staff.resync', {})).ok).toBe(false);
    } finally {
      await runtime.stop();
    }
  });
});
