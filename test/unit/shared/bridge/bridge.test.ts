/** The bridge contract's dispatcher and client, joined by an in-memory transport. */
import { describe, expect, it } from 'vitest';
import {
  BridgeCallError,
  BridgeError,
  createBridgeClient,
  createBridgeDispatcher,
  type BridgeEventEnvelope,
  type BridgeHandlers,
} from '../../../../shared/bridge/index.js';

function handlers(overrides: Partial<BridgeHandlers>): BridgeHandlers {
  const missing = (): never => {
    throw new Error('not used in this test');
  };
  return new Proxy(overrides as BridgeHandlers, {
    get: (target, name: string) => (target as Record<string, unknown>)[name] ?? missing,
  });
}

describe('bridge dispatcher', () => {
  const errors: string[] = [];
  const dispatch = createBridgeDispatcher(
    handlers({
      'catalog.search': ({ text }) => ({ hits: [], hasMore: false, corrections: { [text]: [] } }),
      'session.handoff': () => {
        throw new BridgeCallError('unavailable', 'no hub');
      },
      'device.status': () => {
        throw new Error('disk on fire');
      },
    }),
    (name, error) => errors.push(`${name}: ${String(error)}`),
  );

  it('hands parsed arguments to the handler and wraps its answer', async () => {
    expect(await dispatch('catalog.search', { text: 'boot' })).toEqual({
      ok: true,
      value: { hits: [], hasMore: false, corrections: { boot: [] } },
    });
  });

  it('refuses unknown calls, prototype names and bad arguments, naming the call and field', async () => {
    expect(await dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'invalid-call' } });
    expect(await dispatch(7, {})).toEqual({
      ok: false,
      error: { code: 'invalid-call', message: 'unknown bridge call number' },
    });
    const extra = await dispatch('catalog.search', { text: 'a', sql: 'DROP TABLE products' });
    expect(extra.ok ? '' : extra.error.message).toMatch(/^catalog\.search: .*sql/);
    const long = await dispatch('catalog.search', { text: 'x'.repeat(201) });
    expect(long.ok ? '' : long.error.message).toMatch(/^catalog\.search: text: /);
    const email = await dispatch('session.reserve', {
      productId: 'P1',
      sku: 'S1',
      storeCode: 'BER',
      name: 'Ada',
      contact: { email: 'not-an-address' },
      consent: true,
    });
    expect(email.ok ? '' : email.error.message).toMatch(/contact/);
  });

  it("passes a handler's own refusal on, and hides an unexpected failure behind a generic answer", async () => {
    expect(await dispatch('session.handoff', { productId: 'P1' })).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'no hub' },
    });
    expect(await dispatch('device.status', {})).toEqual({
      ok: false,
      error: { code: 'failed', message: 'device.status failed; see the device log' },
    });
    expect(errors).toEqual(['device.status: Error: disk on fire']);
  });

  it('through the client: typed results, refusals as BridgeError, events by name', async () => {
    const listeners = new Set<(e: BridgeEventEnvelope) => void>();
    const client = createBridgeClient({
      call: (name, args) => dispatch(name, args),
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    });
    expect((await client.call('catalog.search', { text: 'x' })).hasMore).toBe(false);
    await expect(client.call('session.handoff', { productId: 'P1' })).rejects.toEqual(
      new BridgeError('unavailable', 'no hub'),
    );
    const idle: unknown[] = [];
    const off = client.on('idle', (payload) => idle.push(payload));
    for (const l of listeners) l({ name: 'idle', payload: { phase: 'reset' } });
    for (const l of listeners) l({ name: 'scan', payload: { outcome: 'not-found', code: '1' } });
    off();
    for (const l of listeners) l({ name: 'idle', payload: { phase: 'active' } });
    expect(idle).toEqual([{ phase: 'reset' }]);
  });
});
