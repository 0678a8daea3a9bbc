/**
 * The staff PIN hash format, `scrypt$N$r$p$<salt base64>$<hash base64>` (scrypt: RFC 7914).
 * Only the shape lives here, so the config check and the Node code that hashes and verifies
 * (main/runtime/session/pin.ts) agree on one parser; computing scrypt needs node:crypto.
 */
import { z } from 'zod';

/**
 * Parameters for new hashes. OWASP's scrypt baseline is N=2^17 r=8 p=1; 2^15 (32 MiB, ~140 ms on
 * one server core, slower on kiosk CPUs) keeps a PIN check quick at the device. A 4-12 digit PIN
 * cannot survive an offline search of a leaked config at any affordable cost; the hash keeps the
 * PIN out of plain sight in files and logs, and the lockout after failed tries guards the device.
 */
export const PIN_HASH_DEFAULTS = { N: 32768, r: 8, p: 1, saltBytes: 16, keyBytes: 32 } as const;

/** Weakest cost accepted in a config (2^14, the old scrypt interactive-login recommendation). */
export const MIN_PIN_HASH_N = 16384;
/** Memory scrypt needs is 128·N·r bytes; a config asking for more would stall or kill the device
 * on every PIN check, so it is refused when the file is loaded instead. */
export const MAX_PIN_HASH_MEMORY = 256 * 1024 * 1024;
const MIN_SALT_BYTES = 16;
const MIN_HASH_BYTES = 32;

export interface PinHashParams {
  /** CPU/memory cost, a power of two. */
  N: number;
  /** Block size. */
  r: number;
  /** Parallelization. */
  p: number;
  /** Salt, standard base64. */
  salt: string;
  /** Derived key, standard base64; its decoded length is the key length to derive when verifying. */
  hash: string;
}

export type PinHashParse = { ok: true; params: PinHashParams } | { ok: false; error: string };

export const PLAIN_PIN_MESSAGE = 'looks like a plain PIN; store its scrypt hash: npx vitrine config hash-pin';

/** Decoded byte length of standard base64 (padding optional), or null when it is not base64. */
export function base64ByteLength(text: string): number | null {
  const match = /^([A-Za-z0-9+/]*)(={0,2})$/.exec(text);
  const body = match?.[1];
  if (body === undefined || body.length === 0) return null;
  const padding = match?.[2]?.length ?? 0;
  if (padding > 0 && (body.length + padding) % 4 !== 0) return null;
  if (body.length % 4 === 1) return null; // no byte count encodes to 4k+1 characters
  return Math.floor((body.length * 3) / 4);
}

function positiveInt(text: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(text)) return null;
  return Number(text);
}

/** Splits and checks an encoded PIN hash; the error says what is wrong without echoing secrets. */
export function parsePinHash(encoded: string): PinHashParse {
  if (/^\d+$/.test(encoded.trim())) return { ok: false, error: PLAIN_PIN_MESSAGE };
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') {
    return {
      ok: false,
      error: 'expected "scrypt$N$r$p$<salt base64>$<hash base64>" (npx vitrine config hash-pin)',
    };
  }
  const [, nText = '', rText = '', pText = '', salt = '', hash = ''] = parts;
  const N = positiveInt(nText);
  const r = positiveInt(rText);
  const p = positiveInt(pText);
  if (N === null || !Number.isSafeInteger(N) || N < MIN_PIN_HASH_N || (N & (N - 1)) !== 0) {
    return {
      ok: false,
      error: `scrypt N must be a power of 2 of at least ${String(MIN_PIN_HASH_N)}, got "${nText}"`,
    };
  }
  if (r === null) return { ok: false, error: `scrypt r must be a positive integer, got "${rText}"` };
  if (p === null) return { ok: false, error: `scrypt p must be a positive integer, got "${pText}"` };
  if (128 * N * r > MAX_PIN_HASH_MEMORY || p > 16) {
    return {
      ok: false,
      error: `scrypt cost N=${nText} r=${rText} p=${pText} is too high for a kiosk (max 256 MiB, p <= 16)`,
    };
  }
  const saltBytes = base64ByteLength(salt);
  if (saltBytes === null || saltBytes < MIN_SALT_BYTES) {
    return { ok: false, error: `scrypt salt must be base64 of at least ${String(MIN_SALT_BYTES)} bytes` };
  }
  const hashBytes = base64ByteLength(hash);
  if (hashBytes === null || hashBytes < MIN_HASH_BYTES) {
    return { ok: false, error: `scrypt hash must be base64 of at least ${String(MIN_HASH_BYTES)} bytes` };
  }
  return { ok: true, params: { N, r, p, salt, hash } };
}

/** The encoded form of a hash; the inverse of parsePinHash. */
export function formatPinHash(params: PinHashParams): string {
  return ['scrypt', params.N, params.r, params.p, params.salt, params.hash].join('$');
}

/** Why a typed PIN is not acceptable, or null when it is: 4-12 digits, so any keypad can enter it. */
export function checkPinFormat(pin: string): string | null {
  if (!/^\d+$/.test(pin)) return 'a PIN has digits only';
  if (pin.length < 4 || pin.length > 12)
    return `a PIN has 4 to 12 digits, this one has ${String(pin.length)}`;
  return null;
}

/** The config field: a well-formed PIN hash, never the PIN itself. */
export const pinHash = z
  .string()
  .superRefine((value, ctx) => {
    const parsed = parsePinHash(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error });
  })
  .meta({
    // Shape only, for editors; the cost and length rules above need code. (A zod .regex here would
    // report a plain PIN twice: once as a pattern mismatch, once with the hash-pin hint.)
    pattern: '^scrypt\\$[0-9]+\\$[0-9]+\\$[0-9]+\\$[A-Za-z0-9+/]+={0,2}\\$[A-Za-z0-9+/]+={0,2}$',
    description:
      'scrypt hash of the staff PIN, "scrypt$N$r$p$<salt base64>$<hash base64>"; make one with `npx vitrine config hash-pin`.',
  });
