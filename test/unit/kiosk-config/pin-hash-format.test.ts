import { describe, expect, it } from 'vitest';
import { base64ByteLength } from '../../../kiosk-config/pin-hash-format.js';
import { checkPinFormat, formatPinHash, parsePinHash } from '../../../kiosk-config/index.js';
import { PIN_HASH } from './config-fixture.js';

const SALT = 'AAAAAAAAAAAAAAAAAAAAAA=='; // 16 bytes
const HASH = 'A'.repeat(43) + '='; // 32 bytes

describe('parsePinHash', () => {
  it('reads a hash made by hash-pin and writes it back unchanged', () => {
    const parsed = parsePinHash(PIN_HASH);
    expect(parsed).toMatchObject({ ok: true, params: { N: 32768, r: 8, p: 1 } });
    expect(parsed.ok && formatPinHash(parsed.params)).toBe(PIN_HASH);
  });

  it('refuses a plain PIN with the command that makes a hash', () => {
    expect(parsePinHash('4711')).toEqual({
      ok: false,
      error: 'looks like a plain PIN; store its scrypt hash: npx vitrine config hash-pin',
    });
  });

  it.each([
    ['bcrypt$2b$10$abc', /expected "scrypt\$N\$r\$p/],
    [`scrypt$1024$8$1$${SALT}$${HASH}`, /power of 2 of at least 16384/],
    [`scrypt$30000$8$1$${SALT}$${HASH}`, /power of 2/],
    [`scrypt$16384$0$1$${SALT}$${HASH}`, /r must be a positive integer/],
    [`scrypt$16384$8$x$${SALT}$${HASH}`, /p must be a positive integer/],
    [`scrypt$4194304$8$1$${SALT}$${HASH}`, /too high for a kiosk/],
    [`scrypt$16384$8$1$AAAAAAAA$${HASH}`, /salt must be base64 of at least 16 bytes/],
    [`scrypt$16384$8$1$${SALT}$AAAA`, /hash must be base64 of at least 32 bytes/],
    [`scrypt$16384$8$1$${SALT}$not*base64${HASH}`, /hash must be base64/],
  ])('refuses %s', (encoded, message) => {
    const parsed = parsePinHash(encoded);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.error).toMatch(message);
  });
});

describe('base64ByteLength', () => {
  it('counts decoded bytes with or without padding', () => {
    expect(base64ByteLength('AA==')).toBe(1);
    expect(base64ByteLength('AAA=')).toBe(2);
    expect(base64ByteLength('AAAA')).toBe(3);
    expect(base64ByteLength('AA')).toBe(1);
    expect(base64ByteLength('A')).toBeNull();
    expect(base64ByteLength('AA=')).toBeNull();
    expect(base64ByteLength('')).toBeNull();
  });
});

describe('checkPinFormat', () => {
  it('accepts 4 to 12 digits only', () => {
    expect(checkPinFormat('0000')).toBeNull();
    expect(checkPinFormat('123456789012')).toBeNull();
    expect(checkPinFormat('123')).toMatch(/4 to 12 digits/);
    expect(checkPinFormat('1234567890123')).toMatch(/4 to 12 digits/);
    expect(checkPinFormat('12a4')).toMatch(/digits only/);
  });
});
