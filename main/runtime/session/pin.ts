/**
 * Staff PIN hashing with scrypt (RFC 7914) from node:crypto. The encoded format and its checks
 * live in kiosk-config/pin-hash-format.ts so the config validator and this code agree on it.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import {
  checkPinFormat,
  formatPinHash,
  parsePinHash,
  PIN_HASH_DEFAULTS,
} from '../../../kiosk-config/index.js';

/** Thrown when a stored PIN hash is malformed; a loaded config never has one (the schema checks it). */
export class PinHashFormatError extends Error {
  override readonly name = 'PinHashFormatError';
}

function derive(
  pin: string,
  salt: Buffer,
  keyBytes: number,
  cost: { N: number; r: number; p: number },
): Promise<Buffer> {
  const options: ScryptOptions = {
    N: cost.N,
    r: cost.r,
    p: cost.p,
    // Node refuses when 128·N·r reaches maxmem (default 32 MiB, exactly N=2^15 r=8); allow twice that.
    maxmem: 256 * cost.N * cost.r,
  };
  return new Promise((resolve, reject) => {
    scrypt(pin.normalize('NFKC'), salt, keyBytes, options, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

/** Hashes a 4-12 digit PIN into the config's `scrypt$N$r$p$salt$hash` form, with a fresh random salt. */
export async function hashPin(pin: string): Promise<string> {
  const problem = checkPinFormat(pin);
  if (problem !== null) throw new RangeError(problem);
  const { N, r, p, saltBytes, keyBytes } = PIN_HASH_DEFAULTS;
  const salt = randomBytes(saltBytes);
  const key = await derive(pin, salt, keyBytes, { N, r, p });
  return formatPinHash({ N, r, p, salt: salt.toString('base64'), hash: key.toString('base64') });
}

/**
 * Whether `pin` matches an encoded hash. The cost and key length come from the hash itself, so
 * hashes made with other parameters keep working. Compared in constant time so response timing
 * does not reveal how much of a guess was right. Lockout after failures is the caller's job.
 */
export async function verifyPin(pin: string, encoded: string): Promise<boolean> {
  const parsed = parsePinHash(encoded);
  if (!parsed.ok) throw new PinHashFormatError(`invalid PIN hash: ${parsed.error}`);
  const { N, r, p, salt, hash } = parsed.params;
  const expected = Buffer.from(hash, 'base64');
  const actual = await derive(pin, Buffer.from(salt, 'base64'), expected.length, { N, r, p });
  return timingSafeEqual(actual, expected);
}
