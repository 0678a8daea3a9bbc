import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LookupOutcome } from '../../../../../main/runtime/catalog/index.js';
import { createSessionAnalytics } from '../../../../../main/runtime/session/analytics.js';
import { IdleClock } from '../../../../../main/runtime/session/idle.js';
import { openOutbox, silentLog, type Outbox } from '../../../../../main/runtime/sync/index.js';
import { BridgeCallError } from '../../../../../shared/bridge/index.js';
import { parseBarcode } from '../../../../../shared/barcode/index.js';
import type { ProductView } from '../../../../../shared/catalog/views.js';
import { ManualTime } from '../../../../support/manual-time.js';
import { useTempDir } from '../../../../support/temp.js';

const tempDir = useTempDir();
const outboxes: Outbox[] = [];
afterEach(() => {
  for (const outbox of outboxes.splice(0)) outbox.close();
});

const START = Date.parse('2026-03-02T10:00:00Z');

function setup() {
  const time = new ManualTime();
  const now = () => new Date(START + time.now);
  const outbox = openOutbox(join(tempDir(), 'outbox.db'), { now });
  outboxes.push(outbox);
  let n = 0;
  const logged: { level: string; message: string; details: object }[] = [];
  const log = {
    ...silentLog,
    debug: (details: object, message: string) => logged.push({ level: 'debug', message, details }),
    error: (details: object, message: string) => logged.push({ level: 'error', message, details }),
  };
  const analytics = createSessionAnalytics({
    outbox,
    now,
    log,
    newSessionId: () => `session-${String(++n)}`,
  });
  const events = () =>
    outbox
      .due(1000, 1_000_000)
      .flatMap((item) =>
        item.kind === 'event' ? [{ at: item.at, name: item.name, props: item.props }] : [],
      );
  return { time, now, outbox, analytics, events, logged };
}

const product = { id: 'P000001' } as ProductView;
function lookup(code: string, found: boolean): LookupOutcome {
  return {
    result: found ? { product, variantSku: 'P000001-42', matchedBy: 'gtin' } : null,
    barcode: parseBarcode(code),
  };
}

describe('session analytics', () => {
  it('a session from the idle clock: start, the page’s events with its id, end with its duration', async () => {
    const { time, analytics, events } = setup();
    const idle = new IdleClock({
      timeoutSeconds: 60,
      warningSeconds: 20,
      timers: time,
      onStart: () => {
        analytics.start();
      },
      onWarning: () => undefined,
      onActive: () => undefined,
      onTimeout: () => {
        analytics.end('idle');
      },
    });
    idle.activity();
    await time.advance(5_000);
    idle.activity(); // the same session goes on
    analytics.fromPage('screen.view', { screen: 'home' });
    await time.advance(60_000); // 40 s to the warning, 20 s more: timed out
    expect(analytics.sessionId).toBeNull();
    idle.activity(); // the next shopper
    expect(events()).toEqual([
      { at: '2026-03-02T10:00:00.000Z', name: 'session.start', props: { sessionId: 'session-1' } },
      {
        at: '2026-03-02T10:00:05.000Z',
        name: 'screen.view',
        props: { screen: 'home', sessionId: 'session-1' },
      },
      {
        at: '2026-03-02T10:01:05.000Z',
        name: 'session.end',
        props: { reason: 'idle', durationMs: 65_000, sessionId: 'session-1' },
      },
      { at: '2026-03-02T10:01:05.000Z', name: 'session.start', props: { sessionId: 'session-2' } },
    ]);
  });

  it('refuses from the page what the runtime records, a session id, and anything the catalogue refuses', () => {
    const { analytics, events } = setup();
    analytics.start();
    const refusal = (name: string, props: Record<string, string | number | boolean | null>) => {
      try {
        analytics.fromPage(name, props);
      } catch (error) {
        expect(error).toBeInstanceOf(BridgeCallError);
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(refusal('session.start', {})).toBe(
      'session.track: name: "session.start" is recorded by the runtime',
    );
    expect(refusal('reservation', { productId: 'P1', sku: 'S', status: 'confirmed' })).toMatch(
      /is recorded by the runtime$/,
    );
    expect(refusal('screen.view', { screen: 'home', sessionId: 'session-9' })).toBe(
      'session.track: props.sessionId: the runtime adds it',
    );
    expect(
      refusal('search', { query: 'Boots', results: 1, hasResults: true, filters: 0, redacted: false }),
    ).toMatch(/^session\.track: search: props\.query: expected a normalized query/);
    expect(refusal('page.print', {})).toMatch(/^session\.track: page\.print: unknown event/);
    expect(events().map((e) => e.name)).toEqual(['session.start']);
  });

  it('drops a page event that arrives after the session ended, and makes none without a hub', () => {
    const { analytics, events, logged } = setup();
    analytics.start();
    analytics.end('done');
    analytics.end('done'); // once only
    analytics.fromPage('search', {
      query: 'boots',
      results: 1,
      hasResults: true,
      filters: 0,
      redacted: false,
    });
    // Device events need no session.
    analytics.fromPage('attract.impression', { itemKind: 'brand', itemRef: 'brand-stage', durationMs: 8000 });
    expect(events().map((e) => e.name)).toEqual(['session.start', 'session.end', 'attract.impression']);
    expect(logged).toContainEqual({
      level: 'debug',
      message: 'analytics event outside a session dropped',
      details: { event: 'search' },
    });

    const standalone = createSessionAnalytics({ outbox: undefined, now: () => new Date(), log: silentLog });
    standalone.start();
    expect(() => {
      standalone.fromPage('screen.view', { screen: 'home' });
    }).not.toThrow();
  });

  it('keeps of scans and cards only what analytics may: a product, a well-formed GTIN, a card’s kind', () => {
    const { analytics, events } = setup();
    analytics.start();
    const scan = (code: string, found: boolean) => {
      analytics.device({
        kind: 'scan',
        code,
        aim: ']E0',
        device: 'sim',
        outcome: lookup(code, found),
        tookMs: 1,
      });
    };
    scan('4006381333931', true);
    scan('4006381333931', false);
    scan('4006381333932', false); // bad check digit: unreadable, and its text is not kept
    scan('https://example.com/my-profile?id=42', false);
    analytics.device({ kind: 'member', memberId: '6012345678901' });
    analytics.device({ kind: 'card-refused', reason: 'payment-card' });
    expect(
      events()
        .slice(1)
        .map((e) => [e.name, e.props]),
    ).toEqual([
      ['scan', { outcome: 'product', productId: 'P000001', matchedBy: 'gtin', sessionId: 'session-1' }],
      ['scan', { outcome: 'not-found', gtin: '04006381333931', sessionId: 'session-1' }],
      ['scan', { outcome: 'unreadable', sessionId: 'session-1' }],
      ['scan', { outcome: 'not-found', sessionId: 'session-1' }],
      ['card', { kind: 'member', sessionId: 'session-1' }],
      ['card', { kind: 'payment-card', sessionId: 'session-1' }],
    ]);
    expect(JSON.stringify(events())).not.toMatch(/6012345678901|my-profile/);
  });
});
