/**
 * The analytics event catalogue: every event a kiosk may send, with the props it carries. Events
 * travel as outbox items `{ kind: 'event', name, props }` (shared/protocol/messages.ts); the
 * runtime checks them here before they enter the outbox, and the hub checks them again on ingest,
 * because a device of another version may send something this one does not know.
 *
 * Session-scoped events carry `sessionId`: a random id made when a shopper's session starts and
 * forgotten when it ends, never linked to a person, so "sessions that viewed a product and then
 * reserved" can be counted without knowing who anyone is. Device-scoped events (proof of play)
 * carry one only when a session is running: an attract impression with a session id is the one
 * a shopper interrupted to start that session.
 *
 * `source` says who emits an event: the runtime (what it sees itself: the idle clock, scanners,
 * requests to the hub) or the page (what only the screen knows), through the bridge's
 * `session.track`, which refuses the runtime's names.
 */
import { z } from 'zod';
import type { Parsed } from '../protocol/validate.js';
import { isNormalizedQuery, MAX_QUERY_LENGTH } from './search-query.js';

export const sessionIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9-]{8,64}$/, 'expected a session id: 8 to 64 letters, digits or dashes');

const productId = z.string().min(1).max(200);
const DAY_MS = 24 * 3600_000;
const durationMs = z.int().min(0).max(DAY_MS);
const query = z
  .string()
  .max(MAX_QUERY_LENGTH)
  .refine(
    (q) => q === '' || isNormalizedQuery(q),
    'expected a normalized query without personal data (see normalizeSearchQuery)',
  );

export type EventScope = 'session' | 'device';
export type EventSource = 'runtime' | 'page';

export const analyticsEvents = {
  /** The first touch or scan after the attract loop. */
  'session.start': { scope: 'session', source: 'runtime', props: z.strictObject({}) },
  /** "I'm done", or the idle timeout (then the duration includes the timeout). */
  'session.end': {
    scope: 'session',
    source: 'runtime',
    props: z.strictObject({
      reason: z.enum(['done', 'idle']),
      durationMs: z
        .int()
        .min(0)
        .max(7 * DAY_MS),
    }),
  },
  /** A screen came to the top of the shopper's stack (the attract loop is not a session screen). */
  'screen.view': {
    scope: 'session',
    source: 'page',
    props: z.strictObject({
      screen: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'expected a screen name like "product"'),
    }),
  },
  /** A code from a scanner. Only a well-formed GTIN of a code the catalog lacks is kept as text. */
  scan: {
    scope: 'session',
    source: 'runtime',
    props: z
      .strictObject({
        outcome: z.enum(['product', 'not-found', 'unreadable']),
        productId: productId.optional(),
        matchedBy: z.enum(['gtin', 'sku', 'product-id', 'internal']).optional(),
        gtin: z
          .string()
          .regex(/^\d{8,14}$/, 'expected 8 to 14 digits')
          .optional(),
      })
      .refine((p) => (p.outcome === 'product') === (p.productId !== undefined), {
        message: 'productId comes with outcome "product", and only with it',
        path: ['productId'],
      })
      .refine((p) => p.gtin === undefined || p.outcome === 'not-found', {
        message: 'gtin is kept only for codes the catalog does not have',
        path: ['gtin'],
      }),
  },
  /** A search as the shopper left it: sent once when the typing settles, never per keystroke. */
  search: {
    scope: 'session',
    source: 'page',
    props: z
      .strictObject({
        query,
        /** Results shown for it (the first page: at most the page size). */
        results: z.int().min(0).max(10_000),
        hasResults: z.boolean(),
        /** Filters in use (category, sizes, colours, price, in stock). */
        filters: z.int().min(0).max(20),
        redacted: z.boolean(),
      })
      .refine((p) => p.hasResults === p.results > 0, {
        message: 'hasResults must say whether results > 0',
        path: ['hasResults'],
      })
      .refine((p) => !p.redacted || p.query === '', {
        message: 'a redacted query is sent empty',
        path: ['query'],
      }),
  },
  /** A search result opened: what shoppers found by searching. */
  'search.select': {
    scope: 'session',
    source: 'page',
    props: z.strictObject({ query, productId, position: z.int().min(0).max(10_000) }),
  },
  'product.view': {
    scope: 'session',
    source: 'page',
    props: z.strictObject({ productId, source: z.enum(['scan', 'browse', 'window']) }),
  },
  /** A reservation the shopper sent, with where it stood when the kiosk answered them. */
  reservation: {
    scope: 'session',
    source: 'runtime',
    props: z.strictObject({
      productId,
      sku: z.string().min(1).max(200),
      status: z.enum(['queued', 'confirmed', 'refused']),
    }),
  },
  /** "Send to phone": ready when the hub made the link, unavailable when it could not be reached. */
  handoff: {
    scope: 'session',
    source: 'runtime',
    props: z.strictObject({ productId, status: z.enum(['ready', 'unavailable']) }),
  },
  /** A card on the reader: its kind only (a member id is personal, a payment card is never read). */
  card: {
    scope: 'device',
    source: 'runtime',
    props: z.strictObject({
      kind: z.enum(['member', 'payment-card', 'not-a-loyalty-card', 'unreadable']),
    }),
  },
  /**
   * A loyalty card, barcode or member QR was looked up on the hub: how, and what came of it.
   * Never who: the member's identity stays on the hub (shared/protocol/member-messages.ts).
   */
  'member.identify': {
    scope: 'session',
    source: 'runtime',
    props: z.strictObject({
      via: z.enum(['card', 'barcode', 'qr']),
      outcome: z.enum(['member', 'unknown', 'offline']),
    }),
  },
  /** A member's answers to the consent sheet, counted without the member (the hub keeps the record). */
  'member.consent': {
    scope: 'session',
    source: 'runtime',
    props: z.strictObject({ personalization: z.boolean(), marketing: z.boolean() }),
  },
  /** Proof of play: an attract item was on screen this long (to its end, or until a touch). */
  'attract.impression': {
    scope: 'device',
    source: 'page',
    props: z.strictObject({
      itemKind: z.enum(['image', 'video', 'product', 'model', 'brand']),
      /** The playlist item as configured: a media file name or URL, or a product id. */
      itemRef: z.string().min(1).max(300),
      durationMs,
    }),
  },
  /**
   * The Electron shell's watchdog gave up reloading a display's UI (more than 5 failures in 10
   * minutes) and shows the safe page until things calm down: the fleet should look at it.
   */
  'shell.safe-page': {
    scope: 'device',
    source: 'runtime',
    props: z.strictObject({
      /** Index in the config's `displays`. */
      display: z.int().min(0).max(63),
      failures: z.int().min(1).max(10_000),
      /** The last failure, e.g. "renderer oom (exit code 139)". */
      reason: z.string().min(1).max(200),
    }),
  },
} as const satisfies Record<string, { scope: EventScope; source: EventSource; props: z.ZodType }>;

export type AnalyticsEventName = keyof typeof analyticsEvents;
type Spec<K extends AnalyticsEventName> = (typeof analyticsEvents)[K];

/** Props as the emitter gives them (the runtime adds `sessionId`). */
export type AnalyticsProps<K extends AnalyticsEventName> = z.input<Spec<K>['props']>;

export type PageEventName = {
  [K in AnalyticsEventName]: Spec<K>['source'] extends 'page' ? K : never;
}[AnalyticsEventName];
export type RuntimeEventName = Exclude<AnalyticsEventName, PageEventName>;

/** An event as the hub keeps it: checked props, and the session it belongs to. */
export type AnalyticsEvent = {
  [K in AnalyticsEventName]: { name: K; sessionId: string | null; props: z.output<Spec<K>['props']> };
}[AnalyticsEventName];

export function isAnalyticsEventName(name: string): name is AnalyticsEventName {
  return Object.hasOwn(analyticsEvents, name);
}

export function eventScope(name: AnalyticsEventName): EventScope {
  return analyticsEvents[name].scope;
}

export function eventSource(name: AnalyticsEventName): EventSource {
  return analyticsEvents[name].source;
}

/** The names a page may send through `session.track`. */
export const pageEventNames = (Object.keys(analyticsEvents) as AnalyticsEventName[]).filter(
  (name): name is PageEventName => analyticsEvents[name].source === 'page',
);

/** `props.a.b: message` for each issue, the first five. */
function problems(issues: readonly z.core.$ZodIssue[], prefix: string): string {
  const listed = issues.slice(0, 5).map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${String(p)}]` : `.${String(p)}`)).join('');
    return `${prefix}${path}: ${issue.message}`;
  });
  return issues.length > 5
    ? `${listed.join('; ')}; and ${String(issues.length - 5)} more`
    : listed.join('; ');
}

/**
 * Checks an event's name and props (with `sessionId` among them, as the outbox carries it).
 * The error names the event and the field, e.g. `search: props.hasResults: hasResults must …`.
 */
export function parseAnalyticsEvent(name: string, props: unknown): Parsed<AnalyticsEvent> {
  if (!isAnalyticsEventName(name)) {
    return {
      ok: false,
      error: `${name}: unknown event; known: ${Object.keys(analyticsEvents).join(', ')}`,
    };
  }
  const spec: { scope: EventScope; props: z.ZodType } = analyticsEvents[name];
  if (typeof props !== 'object' || props === null || Array.isArray(props)) {
    return { ok: false, error: `${name}: props: expected an object` };
  }
  const { sessionId, ...own } = props as Record<string, unknown>;
  const session = (spec.scope === 'session' ? sessionIdSchema : sessionIdSchema.optional()).safeParse(
    sessionId,
  );
  if (!session.success)
    return { ok: false, error: `${name}: ${problems(session.error.issues, 'props.sessionId')}` };
  const parsed = spec.props.safeParse(own);
  if (!parsed.success) return { ok: false, error: `${name}: ${problems(parsed.error.issues, 'props')}` };
  return {
    ok: true,
    value: { name, sessionId: session.data ?? null, props: parsed.data } as AnalyticsEvent,
  };
}
