/**
 * An analytics event as the hub stores it: checked against the catalogue (shared/analytics), then
 * reduced to the columns the dashboard groups by, and to what it adds to its session's roll-up.
 */
import { eventScope, parseAnalyticsEvent, type AnalyticsEvent } from '../../shared/analytics/index.js';
import type { OutboxItem, Parsed } from '../../shared/protocol/index.js';

export type EventItem = Extract<OutboxItem, { kind: 'event' }>;

export interface EventRow {
  name: AnalyticsEvent['name'];
  atMs: number;
  sessionId: string | null;
  productId: string | null;
  term: string | null;
  outcome: string | null;
  amount: number | null;
}

/** What one event adds to its session's row (analytics_sessions). */
export interface SessionDelta {
  startedMs: number | null;
  end: { atMs: number; reason: string; durationMs: number } | null;
  scans: number;
  searches: number;
  views: number;
  reservations: number;
  handoffs: number;
}

const none = { productId: null, term: null, outcome: null, amount: null };

function columnsOf(event: AnalyticsEvent): Pick<EventRow, 'productId' | 'term' | 'outcome' | 'amount'> {
  switch (event.name) {
    case 'session.start':
      return none;
    case 'session.end':
      return { ...none, outcome: event.props.reason, amount: event.props.durationMs };
    case 'screen.view':
      return { ...none, outcome: event.props.screen };
    case 'scan':
      return {
        ...none,
        productId: event.props.productId ?? null,
        term: event.props.gtin ?? null,
        outcome: event.props.outcome,
      };
    case 'search':
      return {
        ...none,
        term: event.props.query,
        outcome: event.props.redacted ? 'redacted' : null,
        amount: event.props.results,
      };
    case 'search.select':
      return {
        ...none,
        term: event.props.query,
        productId: event.props.productId,
        amount: event.props.position,
      };
    case 'product.view':
      return { ...none, productId: event.props.productId, outcome: event.props.source };
    case 'reservation':
    case 'handoff':
      return { ...none, productId: event.props.productId, outcome: event.props.status };
    case 'card':
      return { ...none, outcome: event.props.kind };
    case 'attract.impression':
      return {
        ...none,
        term: event.props.itemRef,
        outcome: event.props.itemKind,
        amount: event.props.durationMs,
      };
    // Events no chart groups by (member.*): kept with their props, in no column.
    default:
      return none;
  }
}

/** The event's row, or why the catalogue refuses it (`search: props.query: …`). */
export function eventRowOf(item: EventItem): Parsed<EventRow> {
  const parsed = parseAnalyticsEvent(item.name, item.props);
  if (!parsed.ok) return parsed;
  const event = parsed.value;
  return {
    ok: true,
    value: { name: event.name, atMs: Date.parse(item.at), sessionId: event.sessionId, ...columnsOf(event) },
  };
}

/** What the event adds to its session; null for an event of no session, or the device's own. */
export function sessionDeltaOf(row: EventRow): SessionDelta | null {
  if (row.sessionId === null || eventScope(row.name) !== 'session') return null;
  const delta: SessionDelta = {
    startedMs: null,
    end: null,
    scans: 0,
    searches: 0,
    views: 0,
    reservations: 0,
    handoffs: 0,
  };
  switch (row.name) {
    case 'session.start':
      delta.startedMs = row.atMs;
      break;
    case 'session.end':
      delta.end = { atMs: row.atMs, reason: row.outcome ?? 'done', durationMs: row.amount ?? 0 };
      break;
    case 'scan':
      delta.scans = 1;
      break;
    case 'search':
      delta.searches = 1;
      break;
    case 'product.view':
      delta.views = 1;
      break;
    // A refused reservation or a link the hub could not make is not a conversion.
    case 'reservation':
      delta.reservations = row.outcome === 'refused' ? 0 : 1;
      break;
    case 'handoff':
      delta.handoffs = row.outcome === 'ready' ? 1 : 0;
      break;
    default:
      break;
  }
  return delta;
}
