import { describe, expect, it } from 'vitest';
import { parsePinHash } from '../../../../../kiosk-config/index.js';
import { hashPin, PinHashFormatError, verifyPin } from '../../../../../main/runtime/session/pin.js';

describe('hashPin / verifyPin', () => {
  it('round-trips: the hash verifies the PIN and refuses others', async () => {
    const encoded = await hashPin('482916');
    expect(parsePinHash(encoded)).toMatchObject({ ok: true, params: { N: 32768, r: 8, p: 1 } });
    expect(encoded).not.toContain('482916');
    await expect(verifyPin('482916', encoded)).resolves.toBe(true);
    await expect(verifyPin('482917', encoded)).resolves.toBe(false);
    await expect(verifyPin('', encoded)).resolves.toBe(false);
  });

  it('salts every hash', async () => {
    const [a, b] = await Promise.all([hashPin('1234'), hashPin('1234')]);
    expect(a).not.toBe(b);
  });

  it('verifies hashes made with other scrypt costs', async () => {
    // Made with node:crypto scryptSync directly (N=16384 r=8 p=1, salt "saltsaltsaltsalt"), for PIN 2580.
    const encoded = 'scrypt$16384$8$1$c2FsdHNhbHRzYWx0c2FsdA==$BwN/vcyWjryiu/nIEim46dUNV0O/ISdntLZrOuj+Efg=';
    await expect(verifyPin('2580', encoded)).resolves.toBe(true);
    await expect(verifyPin('2581', encoded)).resolves.toBe(false);
  });

  it('refuses PINs that are not 4-12 digits', async () => {
    await expect(hashPin('12')).rejects.toThrow(RangeError);
    await expect(hashPin('12ab')).rejects.toThrow(/digits only/);
  });

  it('throws a typed error for a malformed hash', async () => {
    await expect(verifyPin('1234', '1234')).rejects.toThrow(PinHashFormatError);
  });
});
