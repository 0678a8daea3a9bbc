/**
 * The bridge: the one API between the renderer and the runtime (DESIGN.md, "One runtime, two
 * shells"). Calls are named `area.verb` and map arguments to a promised result; events flow from
 * the runtime to the renderer. Both transports (socket.io for the browser host, IPC through the
 * Electron preload) carry the same envelopes over the channel names below, so neither can drift
 * from this file, and the runtime parses every call's arguments with the schemas here before a
 * handler sees them (the renderer is a web page: whatever it sends is input from outside).
 */
import { z } from 'zod';
import type {
  CatalogCounts,
  NearbyStock,
  ProductView,
  SearchHit,
  SearchResult,
  LookupMatch,
} from '../catalog/views.js';
import type { DisplayGeometry } from '../accessibility/reach.js';
import { memberCallArgs, type MemberEvent, type MemberResults } from './member.js';

export const BRIDGE_VERSION = 1;

/** Channel names both transports use: one for calls (with a reply), one for events. */
export { BRIDGE_CALL_CHANNEL, BRIDGE_EVENT_CHANNEL, BRIDGE_PRELOAD_GLOBAL } from './channels.js';

const id = z.string().min(1).max(200);
const text = (max: number) => z.string().max(max);
const minor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const none = z.strictObject({});

export const searchArgs = z.strictObject({
  text: text(200),
  filters: z
    .strictObject({
      category: text(500).optional(),
      sizes: z.array(text(50)).max(50).optional(),
      colors: z.array(text(50)).max(50).optional(),
      minPrice: minor.optional(),
      maxPrice: minor.optional(),
      inStockHere: z.boolean().optional(),
    })
    .optional(),
  limit: z.number().int().min(1).max(100).optional(),
  offset: z.number().int().min(0).max(10_000).optional(),
});

export const reserveArgs = z.strictObject({
  productId: id,
  sku: id,
  storeCode: id,
  name: z.string().trim().min(1, 'enter your name').max(100, 'at most 100 characters'),
  contact: z.union([
    z.strictObject({
      phone: z
        .string()
        .trim()
        .regex(/^\+?[0-9 ()-]{6,20}$/, 'enter a phone number, e.g. +49 30 1234567'),
    }),
    z.strictObject({ email: z.email('enter an email address, e.g. name@example.com') }),
  ]),
  consent: z.literal(true, 'the store may only contact you with your consent'),
});

const propValue = z.union([z.string().max(500), z.number(), z.boolean(), z.null()]);

/** Each call's arguments. A call the runtime does not know, or arguments these refuse, get an error. */
export const bridgeCallArgs = {
  /** Who and where this device is, its look, idle timing and attract playlist. */
  'kiosk.info': none,
  'catalog.search': searchArgs,
  'catalog.product': z.strictObject({ id }),
  /** A code typed or shown by hand; scans arrive as `scan` events. */
  'catalog.lookup': z.strictObject({ code: text(500).min(1) }),
  /** Stock of one variant in the stores near this one, nearest first. */
  'catalog.nearby': z.strictObject({ sku: id }),
  'catalog.categories': none,
  'catalog.featured': z.strictObject({ limit: z.number().int().min(1).max(24).optional() }),
  /** Sizes and colours the catalog has, for the search filters. */
  'catalog.facets': none,
  'session.reserve': reserveArgs,
  /** Where a reservation stands (queued while the hub is away). */
  'session.reservation': z.strictObject({ id }),
  'session.handoff': z.strictObject({ productId: id, sku: id.optional() }),
  'session.track': z.strictObject({
    name: z.string().regex(/^[a-z][a-z0-9_.:-]{0,63}$/, 'expected an event name like "product.view"'),
    props: z
      .record(z.string().max(64), propValue)
      .refine((p) => Object.keys(p).length <= 50, 'at most 50 props'),
  }),
  /** A touch: the session's idle timer starts over. */
  'session.activity': none,
  /**
   * The shopper picked a language (one of kiosk.info's `languages`): catalog answers and scans
   * carry the feed's texts in it until the session ends, when the default comes back.
   */
  'session.language': z.strictObject({
    locale: z
      .string()
      .max(35)
      .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, 'expected a BCP 47 language tag like "de-DE"'),
  }),
  /** The shopper is done (or the idle timer ran out in the renderer's view): the session is wiped. */
  'session.end': z.strictObject({ reason: z.enum(['done', 'idle']) }),
  /** A scan typed by a keyboard-wedge scanner into the page (held back by shared/input/burst.ts). */
  'device.keyboardScan': z.strictObject({ code: text(500).min(1) }),
  'device.status': none,
  /** The staff PIN (hidden gesture on the page); wrong ones count towards a lockout. */
  'staff.unlock': z.strictObject({
    pin: z.string().regex(/^\d{4,12}$/, 'enter the 4 to 12 digit staff PIN'),
  }),
  /** What staff see; refused unless the panel is unlocked. */
  'staff.status': none,
  /** Pulls every scope from the hub now (staged snapshots are dropped first). */
  'staff.resync': none,
  /** Leaves the kiosk: the shell quits (what starts next is the system's). Only where canExit says so. */
  'staff.exit': none,
  'staff.lock': none,
  ...memberCallArgs,
} as const;

export type BridgeCallName = keyof typeof bridgeCallArgs;
export type BridgeArgs<K extends BridgeCallName> = z.input<(typeof bridgeCallArgs)[K]>;
export type BridgeParsedArgs<K extends BridgeCallName> = z.output<(typeof bridgeCallArgs)[K]>;

export interface AttractSlide {
  kind: 'image' | 'video' | 'product' | 'model';
  /** Seconds on screen; a video without one plays to its end. */
  durationSeconds?: number;
  /** A media URL the renderer can load (served by the host). */
  src?: string;
  /**
   * For a product spotlight, or a 3D model slide of a product: the product as the catalog has it
   * now (absent when it is gone).
   */
  product?: SearchHit;
  /** The playlist item as configured (media file or URL, or product id): what proof of play names. */
  ref?: string;
}

export interface KioskInfo {
  bridgeVersion: number;
  appVersion: string;
  device: { name: string; mode: 'kiosk' | 'window' };
  store: { code: string; name: string; city?: string; address?: string };
  branding: {
    name: string;
    logo?: string;
    colors: { primary: string; accent: string; background: string; text: string };
    font?: string;
  };
  languages: string[];
  locale: string;
  currency: string;
  idle: { timeoutSeconds: number; warningSeconds: number };
  attract: AttractSlide[];
  /** Where the shopper's phone will open hand-off pages; null without a hub. */
  hubUrl: string | null;
  /** The store's opening hours as they stand now; absent when the config has none. */
  hours?: StoreHoursView;
  /** The size of the screen this page fills, from the config's `displays` (window mode sizes from it). */
  display?: { widthMm: number; heightMm: number };
  /** The config's starting accessibility settings, and where this page's screen sits for low reach. */
  accessibility: AccessibilityInfo;
}

/** Starting settings: a shopper changes them for their session, and a new session starts from these. */
export interface AccessibilityInfo {
  lowReach: boolean;
  highContrast: boolean;
  /** Text size factor, 1 to 2. */
  textScale: number;
  speech: boolean;
  /** Speech volume, 0 to 1. */
  volume: number;
  /** The screen this page fills, as configured (shared/accessibility/reach.ts); null without `displays`. */
  display: DisplayGeometry | null;
}

/**
 * Whether the store is open, from the config's `openingHours` in the store's time zone
 * (shared/schedule/opening-hours.ts). Instants are ISO strings; the `hours` event sends a new
 * one whenever `open` flips.
 */
export interface StoreHoursView {
  timeZone: string;
  open: boolean;
  /** While open: when it closes. */
  closesAt: string | null;
  /** The next opening (while open: after `closesAt`); null when none is within a year. */
  nextOpen: string | null;
  /** The store's next seven days from today, local dates "YYYY-MM-DD", with their opening intervals. */
  days: { date: string; intervals: { open: string; close: string }[] }[];
}

export interface ReservationView {
  id: string;
  /** queued: waiting for the hub; confirmed: the hub holds the stock; refused: it cannot. */
  status: 'queued' | 'confirmed' | 'refused';
  pickupCode?: string;
  /** Until when the store holds it (hub time), when confirmed. */
  holdUntil?: string;
  /** Made while the store was closed: ready for pickup from this opening (hub time). */
  pickupFrom?: string;
  /** Why it was refused, for the shopper. */
  message?: string;
  productTitle: string;
  size?: string;
  color?: string;
  storeName: string;
}

export type HandoffView =
  | { status: 'ready'; url: string; expiresAt?: string }
  /** The hub could not be reached in time: there is no link to show yet. */
  | { status: 'unavailable'; message: string };

export interface FacetsView {
  sizes: string[];
  colors: string[];
}

export interface SyncView {
  phase:
    | 'idle'
    | 'enrolling'
    | 'connecting'
    | 'pulling'
    | 'snapshot'
    | 'online'
    | 'offline'
    | 'error'
    | 'standalone';
  /** True when the hub answered last (reservations and hand-offs go through at once). */
  online: boolean;
  rows?: { done: number; total: number };
  lastError?: string;
}

export interface DeviceStatusView {
  sync: SyncView;
  catalog: CatalogCounts;
  hardware: { kind: 'scanner' | 'card-reader'; name: string; connected: boolean }[];
  /** Outbox items waiting for the hub. */
  pending: number;
}

export type StaffUnlockView =
  | { status: 'unlocked'; until: string }
  | { status: 'wrong'; triesLeft: number }
  | { status: 'locked'; until: string };

export interface StaffStatusView {
  device: { id: string; name: string; mode: 'kiosk' | 'window' };
  store: { code: string; name: string };
  versions: { app: string; bridge: number; node: string };
  sync: SyncView & { cursors: Record<string, number>; hubUrl: string | null };
  catalog: CatalogCounts;
  hardware: {
    kind: 'scanner' | 'card-reader';
    name: string;
    usbId: string;
    connected: boolean;
    lastEventAt: string | null;
    errors: number;
    lastError: string | null;
  }[];
  outbox: { pending: number; dead: number };
  /** The latest warnings and errors of the runtime's log, newest first (messages only). */
  recentProblems: { at: string; level: 'warn' | 'error'; message: string }[];
  uptimeSeconds: number;
  /** Whether the shell this kiosk runs in can be left from the panel (staff.exit). */
  canExit: boolean;
}

/** What each call answers. */
export interface BridgeResults extends MemberResults {
  'kiosk.info': KioskInfo;
  'catalog.search': SearchResult;
  'catalog.product': ProductView | null;
  'catalog.lookup': ScanEvent;
  'catalog.nearby': NearbyStock[];
  'catalog.categories': { path: string; name: string; products: number }[];
  'catalog.featured': SearchHit[];
  'catalog.facets': FacetsView;
  'session.reserve': ReservationView;
  'session.reservation': ReservationView | null;
  'session.handoff': HandoffView;
  'session.track': null;
  'session.activity': null;
  'session.language': null;
  'session.end': null;
  'device.keyboardScan': null;
  'device.status': DeviceStatusView;
  'staff.unlock': StaffUnlockView;
  'staff.status': StaffStatusView;
  'staff.resync': { ok: boolean; message: string };
  'staff.exit': { ok: boolean; message: string };
  'staff.lock': null;
}

/** A scanned (or typed) code and what the catalog made of it. */
export type ScanEvent =
  | {
      outcome: 'product';
      code: string;
      product: ProductView;
      variantSku: string | null;
      matchedBy: LookupMatch;
      receivedAt?: number;
    }
  /** A well-formed code the catalog does not have. */
  | { outcome: 'not-found'; code: string; receivedAt?: number }
  /** A code that is not a valid barcode (bad check digit, damaged label). */
  | { outcome: 'unreadable'; code: string; message: string; receivedAt?: number };

export type CardEvent =
  { kind: 'member' } | { kind: 'refused'; reason: 'payment-card' | 'not-a-loyalty-card' | 'unreadable' };

export type IdleEvent =
  | { phase: 'active' }
  /** Nobody touched for a while: ask "still there?"; `secondsLeft` until the session is wiped. */
  | { phase: 'warning'; secondsLeft: number }
  /** The session was wiped: back to the attract loop. */
  | { phase: 'reset' };

export interface BridgeEvents {
  scan: ScanEvent;
  card: CardEvent;
  sync: SyncView;
  idle: IdleEvent;
  /** A queued reservation moved on (the hub came back). */
  reservation: ReservationView;
  /** The hub pushed a config (fetch kiosk.info again) or asked for a reload of the page. */
  kiosk: { change: 'config' | 'reload' };
  /** The store opened or closed (by its opening hours), or a pushed config changed the hours. */
  hours: StoreHoursView;
  /** A loyalty member was read, answered, consented, or forgotten (shared/bridge/member.ts). */
  member: MemberEvent;
}

export type BridgeEventName = keyof BridgeEvents;

/** What a call's reply carries over either transport. */
export type BridgeReply<T = unknown> =
  | { ok: true; value: T }
  | { ok: false; error: { code: 'invalid-call' | 'unavailable' | 'failed'; message: string } };

/** An event as it crosses either transport. */
export interface BridgeEventEnvelope<K extends BridgeEventName = BridgeEventName> {
  name: K;
  payload: BridgeEvents[K];
}

/** The handlers the runtime provides: one per call, with parsed arguments. */
export type BridgeHandlers = {
  [K in BridgeCallName]: (args: BridgeParsedArgs<K>) => BridgeResults[K] | Promise<BridgeResults[K]>;
};
