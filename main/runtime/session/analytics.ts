/**
 * The shopper session's analytics: a random session id from the first touch to the end, and
 * every event checked against the catalogue (shared/analytics) before it enters the outbox, so
 * the hub never has to reject what this version sends. The runtime records what it sees itself
 * (session start and end, scans, cards, reservations, hand-offs); the page sends the rest through
 * `session.track`, which may not use the runtime's names.
 */
import { randomUUID } from 'node:crypto';
import {
  eventScope,
  eventSource,
  isAnalyticsEventName,
  parseAnalyticsEvent,
  type AnalyticsProps,
  type RuntimeEventName,
} from '../../../shared/analytics/index.js';
import { BridgeCallError } from '../../../shared/bridge/index.js';
import type { DeviceUiEvent } from '../devices/index.js';
import type { Outbox, SyncLog } from '../sync/index.js';
import { scanEventOf } from './views.js';

type PropValue = string | number | boolean | null;

export interface SessionAnalyticsOptions {
  /** Undefined without a hub (standalone): there is nowhere to send events, so none are made. */
  outbox: Outbox | undefined;
  now: () => Date;
  log: SyncLog;
  /** Tests pass a predictable one; default randomUUID. */
  newSessionId?: () => string;
}

export interface SessionAnalytics {
  /** The id of the session running now, or null between sessions. */
  readonly sessionId: string | null;
  /** A session began (the idle clock's first touch or scan): a new id, and `session.start`. */
  start(): void;
  /** The session ended: `session.end` with its duration, and the id is forgotten. */
  end(reason: 'done' | 'idle'): void;
  /** One of the runtime's own events (a plain function: handlers take it on its own). */
  record: <K extends RuntimeEventName>(name: K, props: AnalyticsProps<K>) => void;
  /** An event from the page (`session.track`); a wrong one is refused with the field named. */
  fromPage(name: string, props: Record<string, PropValue>): void;
  /** A scan or card, reduced to what analytics may keep (never a card's data, never a raw code). */
  device(event: DeviceUiEvent): void;
}

export function createSessionAnalytics(options: SessionAnalyticsOptions): SessionAnalytics {
  const { outbox, now, log } = options;
  const newSessionId = options.newSessionId ?? randomUUID;
  let session: { id: string; startedAt: number } | null = null;

  /** Adds the session id, checks, enqueues; returns the catalogue's complaint, if any. */
  function send(name: string, props: Record<string, PropValue>): string | null {
    if (outbox === undefined) return null;
    if (isAnalyticsEventName(name) && eventScope(name) === 'session' && session === null) {
      // A page's event racing the end of a session (the last screen unmounting): it belongs to
      // no session, and starting one for it would count a shopper who is not there.
      log.debug({ event: name }, 'analytics event outside a session dropped');
      return null;
    }
    const withSession = session === null ? props : { ...props, sessionId: session.id };
    const parsed = parseAnalyticsEvent(name, withSession);
    if (!parsed.ok) return parsed.error;
    try {
      outbox.enqueue({ kind: 'event', at: now().toISOString(), name, props: withSession });
    } catch (error) {
      log.error({ event: name, err: String(error) }, 'analytics event could not be queued');
    }
    return null;
  }

  function record<K extends RuntimeEventName>(name: K, props: AnalyticsProps<K>): void {
    const problem = send(name, props);
    // The runtime's own events are built by this code: a refusal is a bug, logged, not thrown
    // into the shopper's path.
    if (problem !== null) log.error({ event: name, problem }, 'analytics event refused by the catalogue');
  }

  return {
    get sessionId() {
      return session?.id ?? null;
    },

    start() {
      session = { id: newSessionId(), startedAt: now().getTime() };
      record('session.start', {});
    },

    end(reason) {
      if (session === null) return;
      const durationMs = Math.max(0, now().getTime() - session.startedAt);
      record('session.end', { reason, durationMs });
      session = null;
    },

    record,

    fromPage(name, props) {
      if (isAnalyticsEventName(name) && eventSource(name) === 'runtime') {
        throw new BridgeCallError(
          'invalid-call',
          `session.track: name: "${name}" is recorded by the runtime`,
        );
      }
      if (Object.hasOwn(props, 'sessionId')) {
        throw new BridgeCallError('invalid-call', 'session.track: props.sessionId: the runtime adds it');
      }
      const problem = send(name, props);
      if (problem !== null) throw new BridgeCallError('invalid-call', `session.track: ${problem}`);
    },

    device(event) {
      if (event.kind === 'member') {
        record('card', { kind: 'member' });
        return;
      }
      if (event.kind === 'card-refused') {
        record('card', { kind: event.reason });
        return;
      }
      const scan = scanEventOf(event.code, event.outcome);
      if (scan.outcome === 'product') {
        record('scan', { outcome: 'product', productId: scan.product.id, matchedBy: scan.matchedBy });
        return;
      }
      // A code the catalog lacks is worth listing ("shoppers scan things we don't sell") only as
      // a GTIN: any other text a scanner reads (a QR code's URL, a label) may say anything.
      const gtin = event.outcome.barcode.ok ? event.outcome.barcode.value.gtin : undefined;
      record(
        'scan',
        scan.outcome === 'not-found' && gtin !== undefined && /^\d{8,14}$/.test(gtin)
          ? { outcome: 'not-found', gtin }
          : { outcome: scan.outcome },
      );
    },
  };
}
