/**
 * The renderer over HTTP on loopback: `/` is its index.html, `/assets/…` its hashed build output,
 * `/media/…` the files the runtime hands out. Nothing else is served: the folder is not browsable
 * and a path that tries to leave it is a 404 like any other unknown path.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { SyncLog } from '../runtime/sync/index.js';
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
import { sendFile } from './file-response.js';

/** The page's policy (main/runtime/page/serving.ts), its bridge being socket.io on this loopback server. */
const HTML_HEADERS = pageHeaders(pageContentSecurityPolicy(['ws://127.0.0.1:*']));

export interface StaticServerOptions {
  /** The built renderer (`dist/renderer`): index.html and assets/. */
  rendererDir: string;
  /** The runtime's media lookup (Runtime.mediaFile): `media/logo` to a file, or undefined. */
  mediaFile: (path: string) => string | undefined | Promise<string | undefined>;
  /** 0 for any free port. */
  port: number;
  log: SyncLog;
}

export interface StaticServer {
  readonly server: Server;
  readonly port: number;
  /** `http://127.0.0.1:PORT`, the only origin the page and the bridge accept. */
  readonly origin: string;
  close(): Promise<void>;
}

function plain(response: ServerResponse, status: number, text: string, extra: object = {}): void {
  response
    .writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...extra })
    .end(`${text}\n`);
}

function notBuilt(response: ServerResponse, rendererDir: string): void {
  const dir = rendererDir.replace(/[<>&"]/g, (c) => `&#${String(c.charCodeAt(0))};`);
  response
    .writeHead(503, HTML_HEADERS)
    .end(
      `<!doctype html><meta charset="utf-8"><title>Vitrine: renderer not built</title>` +
        `<p>The renderer is not built: there is no index.html in ${dir}.</p>` +
        `<p>Run <code>npm run build:renderer</code>, then reload this page.</p>\n`,
    );
}

/** The request handler; `expectedHost` is `127.0.0.1:PORT` once the port is known. */
export function createStaticHandler(
  options: Omit<StaticServerOptions, 'port'> & { expectedHost: () => string },
): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const { rendererDir, mediaFile, log } = options;
  let warnedNotBuilt = false;

  return async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      plain(response, 405, `${String(request.method)} not allowed: only GET and HEAD`, {
        Allow: 'GET, HEAD',
      });
      return;
    }
    // A page on another site that rebinds its DNS name to 127.0.0.1 sends its own name as Host.
    if (request.headers.host !== options.expectedHost()) {
      plain(response, 421, `this kiosk answers only at http://${options.expectedHost()}/`);
      return;
    }
    const path = (request.url ?? '/').split(/[?#]/, 1)[0] ?? '/';

    if (path === '/' || path === '/index.html') {
      const served = await sendFile(request, response, join(rendererDir, 'index.html'), HTML_HEADERS);
      if (served) return;
      if (!warnedNotBuilt) log.warn({ rendererDir }, 'host: no index.html; run npm run build:renderer');
      warnedNotBuilt = true;
      notBuilt(response, rendererDir);
      return;
    }

    if (path.startsWith('/assets/')) {
      const segments = safeSegments(path.slice('/assets/'.length));
      const asset = segments === undefined ? undefined : assetFile(rendererDir, segments);
      if (
        asset !== undefined &&
        (await sendFile(request, response, asset.file, {
          ...SECURITY_HEADERS,
          'Content-Type': asset.type,
          'Cache-Control': ASSET_CACHE,
        }))
      )
        return;
    }

    if (path.startsWith('/media/')) {
      const segments = safeSegments(path.slice(1));
      const file = segments === undefined ? undefined : await mediaFile(segments.join('/'));
      if (file !== undefined) {
        const headers = {
          ...SECURITY_HEADERS,
          'Content-Type': mediaContentTypeOf(file),
          'Cache-Control': MEDIA_CACHE,
        };
        if (await sendFile(request, response, file, headers)) return;
        log.warn({ path, file }, 'host: the runtime named a media file that is not there');
      }
    }

    plain(response, 404, 'not found');
  };
}

/** Serves the renderer on 127.0.0.1 only: the kiosk's browser is on the same machine. */
export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  let port = options.port;
  const handle = createStaticHandler({ ...options, expectedHost: () => `127.0.0.1:${String(port)}` });
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      options.log.error({ err: error, url: request.url }, 'host: request failed');
      if (!response.headersSent) plain(response, 500, 'internal error; see the device log');
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException): void => {
      reject(
        new Error(
          `host: cannot listen on 127.0.0.1:${String(options.port)}: ${error.code === 'EADDRINUSE' ? 'the port is in use' : error.message}`,
        ),
      );
    };
    server.once('error', fail);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', fail);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('host: the server has no TCP address');
  port = address.port;
  return {
    server,
    port,
    origin: `http://127.0.0.1:${String(port)}`,
    close: () => closeServer(server),
  };
}

/** Closes the server (if the bridge has not already) without waiting for idle keep-alive connections. */
function closeServer(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve) => {
    server.close(() => {
      resolve();
    });
    server.closeAllConnections();
  });
}
