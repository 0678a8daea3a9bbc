/**
 * Tokens, codes and ids the hub hands out. All come from one injectable source of random bytes,
 * so tests can make them deterministic.
 *
 * Device tokens and enrollment codes are stored as plain SHA-256, not as scrypt hashes like staff
 * PINs: they are 256 and ~59 bits of randomness chosen by the hub, not secrets a person picked, so
 * there is no dictionary to slow down; the hash only keeps a leaked database from granting access.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export type RandomBytes = (size: number) => Buffer;

/** No 0/O, 1/I/L: codes are read off a screen or a receipt and typed by people. */
export const UNAMBIGUOUS_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const SLUG_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** `length` characters drawn uniformly from `alphabet` (rejection sampling: no modulo bias). */
export function randomCode(random: RandomBytes, length: number, alphabet = UNAMBIGUOUS_ALPHABET): string {
  const limit = 256 - (256 % alphabet.length);
  let code = '';
  while (code.length < length) {
    for (const byte of random(length * 2)) {
      if (byte >= limit) continue;
      code += alphabet[byte % alphabet.length] ?? '';
      if (code.length === length) break;
    }
  }
  return code;
}

/** A device token: 32 random bytes, base64url (43 characters). */
export function newDeviceToken(random: RandomBytes): string {
  return random(32).toString('base64url');
}

/** A hand-off token for a phone URL: 16 random bytes, base64url (22 characters). */
export function newHandoffToken(random: RandomBytes): string {
  return random(16).toString('base64url');
}

/** `K7Q2-9XPM-4DLA`: 12 characters (~59 bits), grouped for reading aloud. */
export function newEnrollmentCode(random: RandomBytes): string {
  const code = randomCode(random, 12);
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** Enrollment codes compare without case or hyphens: people retype them. */
export function normalizeEnrollmentCode(code: string): string {
  return code.toUpperCase().replace(/-/g, '');
}

/** A reservation's pickup code: 6 characters from the unambiguous alphabet. */
export function newPickupCode(random: RandomBytes): string {
  return randomCode(random, 6);
}

/** A device id that is also a valid config `device.id` slug: `<store>-<6 random>`. */
export function newDeviceId(storeCode: string, random: RandomBytes): string {
  const store = storeCode
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `${store === '' ? 'device' : store}-${randomCode(random, 6, SLUG_ALPHABET)}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Compares secrets in constant time; hashing first makes the lengths equal. */
export function secretsEqual(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}
