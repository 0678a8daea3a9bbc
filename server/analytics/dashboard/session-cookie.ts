/**
 * Signing in to the dashboard. The admin API takes `Authorization: Bearer <admin token>`, which a
 * browser cannot send when it opens a page, so the dashboard trades the same token, typed once
 * into a sign-in form, for a cookie:
 *
 * - The form POSTs the token (never in a URL, so it stays out of history, logs and Referer).
 * - The cookie is `<expiry ms>.<nonce>.<HMAC-SHA256(admin token, expiry.nonce)>`: stateless, so
 *   it survives hub restarts, and void as soon as the admin token is replaced (delete the
 *   token file and restart). It cannot be forged without the token and lasts 12 hours.
 * - HttpOnly (no script reads it; the page runs none anyway), SameSite=Strict (no other site's
 *   page or link sends it: no CSRF on the GET filters or the sign-out POST), Path=/admin, and
 *   Secure whenever the request came over https.
 */
import { createHmac } from 'node:crypto';
import { secretsEqual, type RandomBytes } from '../../fleet/secrets.js';

export const DASHBOARD_COOKIE = 'vitrine_dashboard';
export const DASHBOARD_SESSION_MS = 12 * 3600_000;

function signature(adminToken: string, payload: string): string {
  return createHmac('sha256', `vitrine-dashboard:${adminToken}`).update(payload).digest('base64url');
}

export function newDashboardSession(adminToken: string, now: Date, random: RandomBytes): string {
  const payload = `${String(now.getTime() + DASHBOARD_SESSION_MS)}.${random(16).toString('base64url')}`;
  return `${payload}.${signature(adminToken, payload)}`;
}

export function isDashboardSession(value: string | undefined, adminToken: string, now: Date): boolean {
  const match =
    value === undefined ? null : /^(\d{1,16})\.([A-Za-z0-9_-]{10,64})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (match === null) return false;
  const [, expiry = '', nonce = '', mac = ''] = match;
  if (!secretsEqual(mac, signature(adminToken, `${expiry}.${nonce}`))) return false;
  return Number(expiry) > now.getTime();
}

/** The value of one cookie from a Cookie header (no parser dependency for one name). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

export function sessionCookie(value: string, secure: boolean): string {
  return [
    `${DASHBOARD_COOKIE}=${value}`,
    'HttpOnly',
    'SameSite=Strict',
    'Path=/admin',
    `Max-Age=${String(DASHBOARD_SESSION_MS / 1000)}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export function clearedCookie(secure: boolean): string {
  return [
    `${DASHBOARD_COOKIE}=`,
    'HttpOnly',
    'SameSite=Strict',
    'Path=/admin',
    'Max-Age=0',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}
