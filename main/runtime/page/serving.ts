/**
 * The rules the kiosk page is served by, one set for both shells: the browser host's loopback
 * server (main/host/static-server.ts) and the Electron shell's app:// scheme
 * (main/electron/app-protocol.ts). Its Content-Security-Policy, the headers and caching of each
 * kind of response, the content types of what it loads, and the path checks that keep a request
 * inside the folder it is served from. Here, in the layer both shells import, so a source the UI
 * needs (a 3D model host, a worker) or a tightened check cannot reach one shell and miss the other.
 */
import { extname, join, resolve, sep } from 'node:path';

/**
 * The policy's directives (Electron's security checklist §7) but the bridge's: the page connects
 * to its own origin, plus whatever the shell's bridge transport needs (none for Electron's IPC).
 */
const CSP_DIRECTIVES: readonly (readonly [string, readonly string[]])[] = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'"]],
  // React sets style attributes (positions, the theme's custom properties from the config).
  ['style-src', ["'self'", "'unsafe-inline'"]],
  // Product images and campaign media come from the retailer's CDN (feed URLs are https).
  ['img-src', ["'self'", 'data:', 'blob:', 'https:']],
  ['media-src', ["'self'", 'https:', 'blob:']],
  ['connect-src', ["'self'"]],
  ['font-src', ["'self'", 'data:']],
  ['object-src', ["'none'"]],
  ['base-uri', ["'none'"]],
  ['frame-ancestors', ["'none'"]],
  // The page has no forms that submit anywhere; its inputs are handled in script.
  ['form-action', ["'none'"]],
];

/** The page's Content-Security-Policy; `bridgeSources` are added to `connect-src`. */
export function pageContentSecurityPolicy(bridgeSources: readonly string[]): string {
  return CSP_DIRECTIVES.map(([directive, sources]) =>
    [directive, ...sources, ...(directive === 'connect-src' ? bridgeSources : [])].join(' '),
  ).join('; ');
}

/** Sent with every response, the page's and the 404s alike. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** The headers of an HTML page (index.html, the shell's own pages) under `csp`. */
export function pageHeaders(csp: string): Readonly<Record<string, string>> {
  return {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': csp,
    // The index names the current hashed assets: always ask whether a rebuild replaced it.
    'Cache-Control': 'no-cache',
  };
}

/** Vite names assets by content hash, so a name never changes its bytes. */
export const ASSET_CACHE = 'public, max-age=31536000, immutable';
/** Media paths (`media/attract/2`) keep their name when a config push changes the file. */
export const MEDIA_CACHE = 'no-cache';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.glb': 'model/gltf-binary',
  '.gltf': 'model/gltf+json',
};

/** The content type of a file the page loads, or undefined for a kind the shells do not serve as an asset. */
export function contentTypeOf(file: string): string | undefined {
  return CONTENT_TYPES[extname(file).toLowerCase()];
}

/** The content type of a media file: the runtime names it, so an unknown kind is still served, as bytes. */
export function mediaContentTypeOf(file: string): string {
  return contentTypeOf(file) ?? 'application/octet-stream';
}

/**
 * The decoded segments of a path (`assets/a.js` gives `['assets', 'a.js']`; no leading slash), or
 * undefined when any segment is empty, `.`, `..`, hidden, badly encoded, or decodes to a separator
 * or NUL: such a request is answered 404 whatever it points at. URL parsers resolve a plain `..`
 * but leave the encoded ones (`%2e%2e`, `%2f`), and node:http parses nothing, so this is the check.
 */
export function safeSegments(encodedPath: string): string[] | undefined {
  if (encodedPath === '') return undefined;
  const segments: string[] = [];
  for (const raw of encodedPath.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment === '' || segment.startsWith('.') || /[/\\\0]/.test(segment)) return undefined;
    segments.push(segment);
  }
  return segments;
}

/** `root/segments…`, or undefined if it would not lie inside `root` (the check after the check). */
export function fileInside(root: string, segments: readonly string[]): string | undefined {
  const base = resolve(root);
  const file = resolve(base, ...segments);
  return file.startsWith(base + sep) ? file : undefined;
}

/**
 * The built renderer's asset at `segments` below `assets/`, with its content type; undefined
 * outside the folder or for a kind the page does not load (Vite emits only the kinds listed).
 */
export function assetFile(
  rendererDir: string,
  segments: readonly string[],
): { file: string; type: string } | undefined {
  const file = fileInside(join(rendererDir, 'assets'), segments);
  const type = file === undefined ? undefined : contentTypeOf(file);
  return file === undefined || type === undefined ? undefined : { file, type };
}
