import { describe, expect, it } from 'vitest';
import {
  newDeviceId,
  newEnrollmentCode,
  newPickupCode,
  normalizeEnrollmentCode,
  randomCode,
  secretsEqual,
  UNAMBIGUOUS_ALPHABET,
} from '../../../server/fleet/secrets.js';
import { canonicalJson } from '../../../server/storage/canonical-json.js';
import { escapeHtml } from '../../../server/http/handoff-page.js';

/** Deterministic bytes: 0, 1, 2, … wrapping at 256. */
function counter(): (size: number) => Buffer {
  let next = 0;
  return (size) => Buffer.from(Array.from({ length: size }, () => next++ % 256));
}

describe('hub secrets and codes', () => {
  it('draws codes only from the unambiguous alphabet, without modulo bias', () => {
    expect(UNAMBIGUOUS_ALPHABET).not.toMatch(/[01OIL]/);
    const code = randomCode(counter(), 500);
    expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{500}$/);
    // Bytes >= 248 (= 256 - 256 % 31) are skipped, so each letter appears equally often in 0..247.
    expect(randomCode(() => Buffer.from([247, 248, 255, 0]), 2)).toBe(`${UNAMBIGUOUS_ALPHABET[247 % 31]!}A`);
    expect(newPickupCode(counter())).toHaveLength(6);
  });

  it('makes enrollment codes the config accepts, and device ids that are config slugs', () => {
    const code = newEnrollmentCode(counter());
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(normalizeEnrollmentCode(code.toLowerCase())).toBe(code.replace(/-/g, ''));
    for (const store of ['BER-MITTE', 'hh_pop.03', '---', 'A'.repeat(80)]) {
      expect(newDeviceId(store, counter())).toMatch(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/);
    }
    expect(newDeviceId('BER-MITTE', counter())).toMatch(/^ber-mitte-[a-z2-9]{6}$/);
  });

  it('compares secrets of any length', () => {
    expect(secretsEqual('abc', 'abc')).toBe(true);
    expect(secretsEqual('abc', 'abcd')).toBe(false);
  });

  it('writes canonical JSON whatever the key order, and escapes HTML', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ f: 1, e: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[{"e":2,"f":1}]},"b":1}',
    );
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
  });
});
