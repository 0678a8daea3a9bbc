/**
 * Where a medium lives: an absolute http(s) URL, or a path relative to where the catalog came
 * from. A standalone kiosk reads relative paths beside its feed file; a hub serves them from its
 * media folder at `/media/<path>`. The path grammar is narrow on purpose (no `..`, no hidden
 * segments, no backslashes, no scheme) so a path can be joined to a folder without escaping it.
 */

const HTTP_URL = /^https?:\/\/[^\s/?#]+[^\s]*$/i;
/** Segments of letters, digits and `._~-`, not starting with a dot; at most 16 of them. */
const RELATIVE_PATH = /^(?!\.)[\w~-][\w.~-]{0,127}(?:\/(?!\.)[\w~-][\w.~-]{0,127}){0,15}$/;

export function isHttpUrl(url: string): boolean {
  return HTTP_URL.test(url);
}

export function isRelativeMediaPath(url: string): boolean {
  return RELATIVE_PATH.test(url);
}

/** The medium's URL as a feed gives it, checked; the error says what would be accepted. */
export function parseMediaUrl(text: string): { ok: true; value: string } | { ok: false; error: string } {
  if (isHttpUrl(text) || isRelativeMediaPath(text)) return { ok: true, value: text };
  return {
    ok: false,
    error: `"${text}" is neither an absolute http(s) URL nor a relative path such as "models/sneaker.glb" (letters, digits, "._~-", no "..")`,
  };
}
