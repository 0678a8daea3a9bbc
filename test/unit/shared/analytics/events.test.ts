import { describe, expect, it } from 'vitest';
import {
  analyticsEvents,
  looksPersonal,
  normalizeSearchQuery,
  pageEventNames,
  parseAnalyticsEvent,
} from '../../../../shared/analytics/index.js';

const SESSION = '0d6c1f3e-8a1b-4b4e-9d55-3b2f1c9e7a10';

function ok(name: string, props: Record<string, unknown>) {
  const parsed = parseAnalyticsEvent(name, props);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

function error(name: string, props: unknown): string {
  const parsed = parseAnalyticsEvent(name, props);
  if (parsed.ok) throw new Error(`${name} was accepted: ${JSON.stringify(props)}`);
  return parsed.error;
}

describe('the analytics event catalogue', () => {
  it('accepts each event of a shopper journey with its session id', () => {
    const journey: [string, Record<string, unknown>][] = [
      ['session.start', {}],
      ['screen.view', { screen: 'home' }],
      ['search', { query: 'black boots', results: 12, hasResults: true, filters: 0, redacted: false }],
      ['search', { query: 'zzz', results: 0, hasResults: false, filters: 1, redacted: false }],
      ['search.select', { query: 'black boots', productId: 'P000001', position: 0 }],
      ['scan', { outcome: 'product', productId: 'P000001', matchedBy: 'gtin' }],
      ['scan', { outcome: 'not-found', gtin: '4006381333931' }],
      ['scan', { outcome: 'unreadable' }],
      ['product.view', { productId: 'P000001', source: 'browse' }],
      ['reservation', { productId: 'P000001', sku: 'P000001-42', status: 'confirmed' }],
      ['handoff', { productId: 'P000001', status: 'ready' }],
      ['session.end', { reason: 'done', durationMs: 93_000 }],
    ];
    for (const [name, props] of journey) {
      expect(ok(name, { ...props, sessionId: SESSION })).toMatchObject({ name, sessionId: SESSION, props });
    }
  });

  it('device events need no session; session events refuse to go without one', () => {
    const impression = { itemKind: 'product', itemRef: 'P000007', durationMs: 8000 };
    expect(ok('attract.impression', impression).sessionId).toBeNull();
    expect(ok('attract.impression', { ...impression, sessionId: SESSION }).sessionId).toBe(SESSION);
    expect(ok('card', { kind: 'payment-card' }).props).toEqual({ kind: 'payment-card' });
    expect(error('screen.view', { screen: 'home' })).toMatch(/^screen\.view: props\.sessionId: /);
    expect(error('session.start', { sessionId: 'short' })).toBe(
      'session.start: props.sessionId: expected a session id: 8 to 64 letters, digits or dashes',
    );
  });

  it('names the event and the field in every refusal', () => {
    const s = { sessionId: SESSION };
    expect(error('page.print', s)).toMatch(/^page\.print: unknown event; known: session\.start, /);
    expect(
      error('search', { ...s, query: 'boots', results: 3, hasResults: false, filters: 0, redacted: false }),
    ).toBe('search: props.hasResults: hasResults must say whether results > 0');
    expect(error('session.end', { ...s, reason: 'bored', durationMs: 5 })).toMatch(
      /^session\.end: props\.reason: /,
    );
    expect(error('product.view', { ...s, productId: 'P1', source: 'browse', extra: 1 })).toMatch(
      /^product\.view: props: .*"extra"/,
    );
    expect(error('scan', { ...s, outcome: 'product' })).toBe(
      'scan: props.productId: productId comes with outcome "product", and only with it',
    );
    expect(error('scan', { ...s, outcome: 'unreadable', gtin: '4006381333931' })).toBe(
      'scan: props.gtin: gtin is kept only for codes the catalog does not have',
    );
    expect(error('screen.view', null)).toBe('screen.view: props: expected an object');
  });

  it('refuses a search that carries personal data or a query that was not normalized', () => {
    const search = (query: string, redacted = false) => ({
      sessionId: SESSION,
      query,
      results: 0,
      hasResults: false,
      filters: 0,
      redacted,
    });
    expect(error('search', search('ana@example.com'))).toMatch(
      /^search: props\.query: expected a normalized query/,
    );
    expect(error('search', search('+49 30 1234567'))).toMatch(/^search: props\.query: /);
    expect(error('search', search('Black  Boots'))).toMatch(/^search: props\.query: /);
    expect(error('search', search('boots', true))).toBe(
      'search: props.query: a redacted query is sent empty',
    );
    expect(ok('search', search('', true)).props).toMatchObject({ query: '', redacted: true });
  });

  it('lets pages send only the events the page sees', () => {
    expect(pageEventNames.sort()).toEqual(
      Object.entries(analyticsEvents)
        .filter(([, spec]) => spec.source === 'page')
        .map(([name]) => name)
        .sort(),
    );
    expect(pageEventNames).toContain('search');
    expect(pageEventNames).not.toContain('session.start');
    expect(pageEventNames).not.toContain('reservation');
  });
});

describe('search queries', () => {
  it('are normalized: NFKC, lower case, single spaces, trimmed, at most 100 characters', () => {
    expect(normalizeSearchQuery('  Black\tBOOTS  ')).toEqual({ query: 'black boots', redacted: false });
    expect(normalizeSearchQuery('ＳＮＥＡＫＥＲ')).toEqual({ query: 'sneaker', redacted: false });
    expect(normalizeSearchQuery('size 42 shoe')).toEqual({ query: 'size 42 shoe', redacted: false });
    expect(normalizeSearchQuery(`${'a'.repeat(99)} b`).query).toBe('a'.repeat(99));
  });

  it('drop anything that looks like an email address, a phone or a card number', () => {
    for (const text of [
      'ana@example.com',
      '030 1234567',
      '+49 (30) 123-45-67',
      '4111 1111 1111 1111',
      'call 1234567',
    ]) {
      expect(looksPersonal(text)).toBe(true);
      expect(normalizeSearchQuery(text)).toEqual({ query: '', redacted: true });
    }
    for (const text of ['boots 42', 'levi 501', 'size 10.5', 'iphone 15 case'])
      expect(looksPersonal(text)).toBe(false);
  });
});
