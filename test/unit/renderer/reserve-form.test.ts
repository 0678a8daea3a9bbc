/**
 * The reserve form's rules, shared by the kiosk's reserve screen and the shop window: what is
 * wrong before sending, and which fields a refusal names (made by the real dispatcher, so both
 * ends of the refusal's format are held together).
 */
import { describe, expect, it } from 'vitest';
import {
  invalidFields,
  refusedFields,
  type ReserveDraft,
} from '../../../renderer/src/session/reserve-form.js';
import { BridgeError, createBridgeDispatcher, type BridgeHandlers } from '../../../shared/bridge/index.js';

const filled: ReserveDraft = {
  store: 'BER',
  name: 'Ada Lovelace',
  kind: 'phone',
  contact: '+49 30 1234567',
  consent: true,
};

/** The runtime's refusal of these reserve arguments, as the renderer's bridge client throws it. */
async function refusal(args: Record<string, unknown>): Promise<BridgeError> {
  const dispatch = createBridgeDispatcher({} as BridgeHandlers, () => undefined);
  const reply = await dispatch('session.reserve', {
    productId: 'P1',
    sku: 'S1',
    storeCode: 'BER',
    name: 'Ada',
    contact: { phone: '+49 30 1234567' },
    consent: true,
    ...args,
  });
  if (reply.ok) throw new Error('expected a refusal');
  return new BridgeError(reply.error.code, reply.error.message);
}

describe('reserve form: before sending', () => {
  it('a filled form has nothing wrong; blank space is no name', () => {
    expect([...invalidFields(filled)]).toEqual([]);
    expect([...invalidFields({ ...filled, name: '   ', contact: '  +49 30 1234567  ' })]).toEqual([
      ['name', 'name'],
    ]);
  });

  it('names each wrong field with what it needs, the contact by its kind', () => {
    const empty: ReserveDraft = { store: null, name: '', kind: 'phone', contact: '', consent: false };
    expect([...invalidFields(empty)]).toEqual([
      ['store', 'store'],
      ['name', 'name'],
      ['contact', 'phone'],
      ['consent', 'consent'],
    ]);
    expect(invalidFields({ ...filled, kind: 'email', contact: 'ada-at-example' }).get('contact')).toBe(
      'email',
    );
    expect(invalidFields({ ...filled, kind: 'email', contact: 'ada@example.com' }).size).toBe(0);
    expect(invalidFields({ ...filled, contact: '12' }).get('contact')).toBe('phone');
  });
});

describe('reserve form: a refusal from the runtime', () => {
  it('maps the refused paths to the form fields, with the runtime text for each', async () => {
    const refused = refusedFields(
      await refusal({ name: '', contact: { email: 'ada-at-example' }, consent: false }),
    );
    expect([...refused.keys()].sort()).toEqual(['consent', 'contact', 'name']);
    expect(refused.get('name')).toBe('Enter your name');
    expect(refused.get('consent')).toBe('The store may only contact you with your consent');
  });

  it('a refused store is the store field; a path the form has no field for goes to the form', async () => {
    expect([...refusedFields(await refusal({ storeCode: '' })).keys()]).toEqual(['store']);
    expect([...refusedFields(await refusal({ sku: '' })).keys()]).toEqual(['form']);
  });

  it('anything but a refusal of the arguments names no field', () => {
    expect(refusedFields(new BridgeError('unavailable', 'session.reserve: name: no')).size).toBe(0);
    expect(refusedFields(new Error('name: no')).size).toBe(0);
    expect(refusedFields(new BridgeError('invalid-call', 'session.reserve: not a field list')).size).toBe(0);
  });
});
