/**
 * What the renderer can ask of the runtime: the bridge handlers (shared/bridge/contract.ts) over
 * the catalog, the shopper's requests, the idle clock and the devices. Arguments arrive parsed
 * (shared/bridge/dispatch.ts); what is checked here is what a schema cannot know, such as
 * whether a SKU belongs to the product being reserved.
 */
import type { KioskConfig } from '../../../kiosk-config/index.js';
import {
  BRIDGE_VERSION,
  BridgeCallError,
  type AttractSlide,
  type BridgeHandlers,
  type DeviceStatusView,
  type KioskInfo,
  type SyncView,
} from '../../../shared/bridge/index.js';
import type { CatalogReader } from '../catalog/index.js';
import { modelSlide } from './attract-model.js';
import type { DeviceStatus } from '../devices/index.js';
import type { SessionAnalytics } from './analytics.js';
import type { IdleClock } from './idle.js';
import type { SessionLanguage } from './language.js';
import type { MemberCallName } from './member-handlers.js';
import { accessibilityInfo } from './accessibility-info.js';
import { displayGeometry } from './display-geometry.js';
import type { ShopperRequests } from './requests.js';
import type { StoreHoursClock } from './store-hours.js';
import { compareSizes, hitOfProduct, scanEventOf } from './views.js';

export interface KioskServiceOptions {
  /** The config now in force (a pushed one replaces it; store and hub changes need a restart). */
  config: () => KioskConfig;
  appVersion: string;
  reader: CatalogReader;
  requests: ShopperRequests;
  idle: IdleClock;
  sync: () => SyncView;
  pending: () => number;
  hardware: () => DeviceStatus[];
  /** A scan typed into the page by a keyboard-wedge scanner: into the scan pipeline. */
  keyboardScan: (code: string) => void;
  /** An analytics event from the page (session/analytics.ts checks it; no-op without a hub). */
  track: (name: string, props: Record<string, string | number | boolean | null>) => void;
  /** The runtime's own analytics events: what became of a reservation or a hand-off. */
  record: SessionAnalytics['record'];
  /** Ends the session: wipes it and tells the page (`idle` reset). */
  endSession: (reason: 'done' | 'idle') => void;
  /** The session's language: catalog answers carry the feed's texts in it. */
  language: SessionLanguage;
  /** A media path for the page (media/…), or the https URL as it is. */
  mediaUrl: (ref: string, name: string) => string;
  hubUrl: string | null;
  /** Open or closed now, by the config's opening hours (window out-of-hours mode, pickup times). */
  storeHours: Pick<StoreHoursClock, 'view' | 'pickupFrom'>;
}

export function createKioskHandlers(
  options: KioskServiceOptions,
): Omit<
  BridgeHandlers,
  'staff.unlock' | 'staff.status' | 'staff.resync' | 'staff.exit' | 'staff.lock' | MemberCallName
> {
  const { reader } = options;
  const storeCode = options.config().store.code;

  const storeName = (code: string): string => reader.stores().find((s) => s.code === code)?.name ?? code;

  function currency(): string {
    return reader.search({ text: '', storeCode, limit: 1 }).hits[0]?.price?.currency ?? 'EUR';
  }

  function attract(config: KioskConfig): AttractSlide[] {
    return config.attract.playlist.flatMap((item, index): AttractSlide[] => {
      if (item.kind === 'product') {
        const product = reader.product(item.productId, storeCode);
        // A spotlight on a product the catalog no longer has is skipped, not shown empty.
        return product === undefined
          ? []
          : [
              {
                kind: 'product',
                durationSeconds: item.durationSeconds,
                product: hitOfProduct(product),
                ref: item.productId,
              },
            ];
      }
      if (item.kind === 'model') {
        const slide = modelSlide(item, index, { reader, storeCode, mediaUrl: options.mediaUrl });
        return slide === undefined ? [] : [slide];
      }
      const slide: AttractSlide = {
        kind: item.kind,
        src: options.mediaUrl(item.src, `attract/${index}`),
        ref: item.src.slice(0, 300),
      };
      if (item.durationSeconds !== undefined) slide.durationSeconds = item.durationSeconds;
      return [slide];
    });
  }

  return {
    'kiosk.info': (): KioskInfo => {
      const config = options.config();
      const store = reader.stores().find((s) => s.code === storeCode);
      const { branding } = config;
      const info: KioskInfo = {
        bridgeVersion: BRIDGE_VERSION,
        appVersion: options.appVersion,
        device: { name: config.device.name, mode: config.mode },
        store: { code: storeCode, name: store?.name ?? storeCode },
        branding: { name: branding.name ?? 'Vitrine', colors: branding.colors },
        languages: config.languages,
        locale: config.defaultLocale,
        currency: currency(),
        idle: config.idle,
        attract: attract(config),
        hubUrl: options.hubUrl,
        accessibility: accessibilityInfo(config),
      };
      if (store?.city !== undefined) info.store.city = store.city;
      if (store?.address !== undefined) info.store.address = store.address;
      const hours = options.storeHours.view();
      if (hours !== undefined) info.hours = hours;
      const display = displayGeometry(config);
      if (display !== undefined) info.display = display;
      if (branding.logo !== undefined) info.branding.logo = options.mediaUrl(branding.logo, 'logo');
      if (branding.font !== undefined) info.branding.font = branding.font;
      return info;
    },

    'catalog.search': (args) => reader.search({ ...args, storeCode, locale: options.language.current }),
    'catalog.product': ({ id }) => reader.product(id, storeCode, options.language.current) ?? null,
    'catalog.lookup': ({ code }) =>
      scanEventOf(code, reader.lookup(code, storeCode, options.language.current)),
    // Sold-out stores too: "none nearby either" is an answer a shopper can act on (ask staff, order).
    'catalog.nearby': ({ sku }) => reader.nearby(sku, storeCode, { inStockOnly: false }),
    'catalog.categories': () => reader.categories(),
    'catalog.featured': ({ limit = 8 }) =>
      reader.search({
        text: '',
        storeCode,
        limit,
        filters: { inStockHere: true },
        locale: options.language.current,
      }).hits,
    'catalog.facets': () => {
      const { sizes, colors } = reader.facets();
      return { sizes: sizes.sort(compareSizes), colors: colors.sort((a, b) => a.localeCompare(b)) };
    },

    'session.reserve': async (args) => {
      const product = reader.product(args.productId, storeCode);
      const variant = product?.variants.find((v) => v.sku === args.sku);
      if (product === undefined || variant === undefined) {
        throw new BridgeCallError(
          'invalid-call',
          `session.reserve: sku: "${args.sku}" is not a variant of product "${args.productId}"`,
        );
      }
      if (!reader.stores().some((s) => s.code === args.storeCode)) {
        throw new BridgeCallError('invalid-call', `session.reserve: storeCode: no store "${args.storeCode}"`);
      }
      options.idle.activity();
      // Reserved after closing: ready when this store opens again. Only this store's hours are
      // known here; another store's reservation is ready as soon as the hub holds it.
      const pickupFrom = args.storeCode === storeCode ? options.storeHours.pickupFrom() : undefined;
      const view = await options.requests.reserve({
        sku: args.sku,
        storeCode: args.storeCode,
        name: args.name,
        contact: args.contact,
        productTitle: product.title,
        ...(variant.size === undefined ? {} : { size: variant.size }),
        ...(variant.color === undefined ? {} : { color: variant.color }),
        storeName: storeName(args.storeCode),
        ...(pickupFrom === undefined ? {} : { pickupFrom: pickupFrom.toISOString() }),
      });
      options.record('reservation', { productId: product.id, sku: args.sku, status: view.status });
      return view;
    },
    'session.reservation': ({ id }) => options.requests.reservation(id),
    'session.handoff': async ({ productId, sku }) => {
      if (reader.product(productId, storeCode) === undefined) {
        throw new BridgeCallError('invalid-call', `session.handoff: productId: no product "${productId}"`);
      }
      options.idle.activity();
      const view = await options.requests.handoff(
        productId,
        sku,
        options.storeHours.pickupFrom()?.toISOString(),
      );
      options.record('handoff', { productId, status: view.status });
      return view;
    },
    'session.track': ({ name, props }) => {
      options.track(name, props);
      return null;
    },
    'session.activity': () => {
      options.idle.activity();
      return null;
    },
    'session.language': ({ locale }) => {
      options.language.choose(locale);
      return null;
    },
    'session.end': ({ reason }) => {
      options.endSession(reason);
      return null;
    },
    'device.keyboardScan': ({ code }) => {
      options.keyboardScan(code);
      return null;
    },
    'device.status': (): DeviceStatusView => ({
      sync: options.sync(),
      catalog: reader.counts(),
      hardware: options.hardware().map((d) => ({ kind: d.kind, name: d.name, connected: d.connected })),
      pending: options.pending(),
    }),
  };
}
