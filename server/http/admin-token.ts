/**
 * The admin API's bearer token: made on the hub's first start, kept in the data directory with
 * mode 0600 (readable by the hub's user only), and shown once when it is made.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RandomBytes } from '../fleet/secrets.js';

export const ADMIN_TOKEN_FILE = 'admin-token';

export function ensureAdminToken(
  dataDir: string,
  random: RandomBytes,
): { token: string; path: string; created: boolean } {
  const path = join(dataDir, ADMIN_TOKEN_FILE);
  const token = random(32).toString('base64url');
  try {
    // 'wx': never overwrite a token another start already made.
    writeFileSync(path, `${token}\n`, { mode: 0o600, flag: 'wx' });
    return { token, path, created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const existing = readFileSync(path, 'utf8').trim();
  if (existing.length < 20)
    throw new Error(`${path}: admin token is missing or too short; delete the file to make a new one`);
  return { token: existing, path, created: false };
}
