/**
 * From a request path to a file the host may serve: the content type by extension, and the
 * segments of a path checked one by one so that nothing (`..`, an encoded `/`, a dotfile, a NUL)
 * can step outside the folder it is served from.
 */
import { extname, resolve, sep } from 'node:path';

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

/** The content type of a file the host serves, or undefined for a kind it does not serve. */
export function contentTypeOf(file: string): string | undefined {
  return CONTENT_TYPES[extname(file).toLowerCase()];
}

/**
 * The decoded segments of a path below a route prefix (`/assets/a.js` after `/assets/` gives
 * `['a.js']`), or undefined when any segment is empty, `.`, `..`, hidden, badly encoded, or
 * decodes to a separator or NUL: such a request is answered 404 whatever it points at.
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
