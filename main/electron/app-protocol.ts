/**
 * The `app://vitrine/` scheme: the built renderer (`index.html`, `assets/…`), the media files the
 * runtime hands out (`media/…`), and the shell's own pages (`shell/…`), each with the CSP and
 * nothing else. Registered privileged and standard (a real origin, so the same-origin checks and
 * the CSP's 'self' work) and secure (a secure context, like https), before the app is ready.
 *
 * Files are read through `net.fetch` on their file: URL, Electron's documented pattern: Chromium's
 * file loader answers Range requests, which video seeking needs. What is served, with which
 * headers and content types, follows the rules both shells share (main/runtime/page/serving.ts).
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { CustomScheme } from 'electron';
import {
  ASSET_CACHE,
  assetFile,
  MEDIA_CACHE,
  mediaContentTypeOf,
  pageContentSecurityPolicy,
  pageHeaders,
  safeSegments,
  SECURITY_HEADERS,
} from '../runtime/page/serving.js';
import type { SyncLog } from '../runtime/sync/index.js';
import { APP_HOST, APP_SCHEME } from './origin.js';

export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
};

export interface AppProtocolDeps {
  /** The built renderer, `dist/renderer`. */
  rendererDir: string;
  /** The runtime's media lookup (`media/logo` to a file), across the process boundary. */
  mediaFile(path: string): Promise<string | undefined>;
  /** The shell's pages by name (`safe.html?display=0`), or undefined; see shell-pages.ts. */
  shellPage(name: string, query: URLSearchParams): { html: string } | { file: string } | undefined;
  /** A file as a response, Range honoured: `net.fetch` of its file: URL. */
  fetchFile(fileUrl: string, init: { headers: Record<string, string> }): Promise<Response>;
  log: SyncLog;
}

/** The page's policy: here the bridge is IPC, so the page connects to nothing beyond its own origin. */
export const SHELL_CONTENT_SECURITY_POLICY = pageContentSecurityPolicy([]);
const PAGE_HEADERS = pageHeaders(SHELL_CONTENT_SECURITY_POLICY);
/**
 * Headers of the file response passed on; the content type is ours (the same table as the browser
 * host's), and the rest (Set-Cookie and the like) cannot come from a file anyway.
 */
const PASSED_ON = ['content-length', 'content-range', 'accept-ranges', 'last-modified'];

function mediaHeaders(file: string): Readonly<Record<string, string>> {
  return { ...SECURITY_HEADERS, 'Content-Type': mediaContentTypeOf(file), 'Cache-Control': MEDIA_CACHE };
}

function notFound(): Response {
  return new Response('not found\n', {
    status: 404,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** A developer run before `npm run build:renderer`: say so, rather than a blank window. */
function notBuilt(rendererDir: string): Response {
  const dir = rendererDir.replace(/[<>&"]/g, (c) => `&#${String(c.charCodeAt(0))};`);
  return new Response(
    `<!doctype html><meta charset="utf-8"><title>Vitrine: renderer not built</title>` +
      `<p>The renderer is not built: there is no index.html in ${dir}.</p>` +
      `<p>Run <code>npm run build:renderer</code>, then restart the kiosk.</p>\n`,
    { status: 503, headers: PAGE_HEADERS },
  );
}

export function createAppProtocolHandler(deps: AppProtocolDeps): (request: Request) => Promise<Response> {
  const sendFile = async (
    request: Request,
    file: string,
    headers: Readonly<Record<string, string>>,
  ): Promise<Response> => {
    const range = request.headers.get('range');
    const response = await deps.fetchFile(pathToFileURL(file).href, {
      headers: range === null ? {} : { Range: range },
    });
    if (!response.ok) return notFound();
    // Our headers replace the file's (set, not append: a second Content-Type would be joined to the first).
    const merged = new Headers();
    for (const name of PASSED_ON) {
      const value = response.headers.get(name);
      if (value !== null) merged.set(name, value);
    }
    for (const [name, value] of Object.entries(headers)) merged.set(name, value);
    return new Response(request.method === 'HEAD' ? null : response.body, {
      status: response.status,
      headers: merged,
    });
  };

  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || (request.method !== 'GET' && request.method !== 'HEAD')) return notFound();
    const segments = url.pathname === '/' ? ['index.html'] : safeSegments(url.pathname.slice(1));
    if (segments === undefined) return notFound();
    const [first, ...rest] = segments;
    try {
      if (first === 'index.html' && rest.length === 0) {
        const index = join(deps.rendererDir, 'index.html');
        if (!existsSync(index)) return notBuilt(deps.rendererDir);
        return await sendFile(request, index, PAGE_HEADERS);
      }
      if (first === 'assets' && rest.length > 0) {
        const asset = assetFile(deps.rendererDir, rest);
        if (asset !== undefined)
          return await sendFile(request, asset.file, {
            ...SECURITY_HEADERS,
            'Content-Type': asset.type,
            'Cache-Control': ASSET_CACHE,
          });
      }
      if (first === 'media' && rest.length > 0) {
        const file = await deps.mediaFile(segments.join('/'));
        if (file !== undefined) return await sendFile(request, file, mediaHeaders(file));
      }
      if (first === 'shell' && rest.length === 1 && rest[0] !== undefined) {
        const page = deps.shellPage(rest[0], url.searchParams);
        if (page !== undefined && 'html' in page)
          return new Response(page.html, { status: 200, headers: PAGE_HEADERS });
        if (page !== undefined) return await sendFile(request, page.file, mediaHeaders(page.file));
      }
    } catch (error) {
      deps.log.warn({ url: request.url.slice(0, 200), err: String(error) }, 'app protocol: a request failed');
    }
    return notFound();
  };
}
