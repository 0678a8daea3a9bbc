/**
 * Where the kiosk page comes from, and how a URL is compared with it.
 *
 * The page is served by the shell itself on a privileged standard scheme (`app://vitrine/`, see
 * app-protocol.ts) rather than from the browser host's loopback server: no port is open that
 * another local program could read or talk to, no launch secret has to travel in a URL, and the
 * origin is one fixed string that every check below compares against.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'vitrine';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The kiosk UI. Each window adds `?display=N` (its index in the config's `displays`). */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * `scheme://host[:port]` of a URL, by the URL parser, or null when it does not parse. Scheme and
 * host rather than `URL#origin`, which is "null" for a custom scheme outside the browser even
 * when Electron registered it as a standard one.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/** Whether `url` is on `origin`: compared parsed, never by string prefix (`app://vitrine.evil`). */
export function isSameOrigin(url: string, origin: string): boolean {
  return originOf(url) === origin;
}
