/**
 * The key the hub hashes member identifiers with (HMAC-SHA256). Loyalty numbers are short and
 * mostly predictable (a known prefix, then 8-12 digits), so a plain hash in the database could be
 * reversed by trying them all; under a key kept apart from the database (mode 0600, in the data
 * directory like the admin token) a stolen hub.db alone reveals no card number. Losing the key
 * means members must be imported again, so it is made once and never replaced.
 */
import { createHmac } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RandomBytes } from '../fleet/secrets.js';

export const MEMBER_KEY_FILE = 'member-key';

export type IdentifierKind = 'loyalty' | 'barcode' | 'qr';

/** Hashes identifiers of one kind; equal inputs give equal hashes, so the hash is the lookup key. */
export type IdentifierHasher = (kind: IdentifierKind, value: string) => string;

export function ensureMemberKey(dataDir: string, random: RandomBytes): Buffer {
  const path = join(dataDir, MEMBER_KEY_FILE);
  const made = random(32);
  try {
    // 'wx': never overwrite a key another start already made (its hashes would stop matching).
    writeFileSync(path, `${made.toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
    return made;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64url');
  if (key.length < 32) {
    throw new Error(
      `${path}: the member key is damaged (under 32 bytes); restore it from a backup, or delete it and import the members again`,
    );
  }
  return key;
}

/** The kind is part of the hashed text, so a QR token and a loyalty number never collide. */
export function identifierHasher(key: Buffer): IdentifierHasher {
  return (kind, value) => createHmac('sha256', key).update(`${kind}:${value}`).digest('hex');
}
