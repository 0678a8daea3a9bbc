/**
 * GET /media/<path> — the hub's media folder (`<data>/media`), for feeds that name media by a
 * relative path (`models/sneaker.glb`, FORMAT.md). Devices fetch models from here into their
 * cache by content hash. Only paths a feed could name are served (the feed grammar: no `..`, no
 * hidden files), and only regular files inside the folder; the folder is not listed.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { isRelativeMediaPath } from '../../shared/catalog/media-ref.js';
import type { HubContext } from '../hub-context.js';
import { sendError } from './errors.js';

export const MEDIA_DIR = 'media';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.glb': 'model/gltf-binary',
  '.gltf': 'model/gltf+json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
};

export function registerMediaRoute(app: FastifyInstance, hub: HubContext): void {
  const root = resolve(hub.dataDir, MEDIA_DIR);
  app.get<{ Params: { '*': string } }>('/media/*', async (request, reply) => {
    const path = request.params['*'];
    const file = isRelativeMediaPath(path) ? join(root, path) : undefined;
    const info = file?.startsWith(root + sep) === true ? await stat(file).catch(() => undefined) : undefined;
    if (file === undefined || info?.isFile() !== true) {
      return sendError(reply, 404, 'not-found', `no media file "${path}" on this hub`);
    }
    return (
      reply
        .header('content-type', CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream')
        .header('content-length', String(info.size))
        .header('x-content-type-options', 'nosniff')
        // Names can be reused for new content; devices check the feed's sha256 anyway.
        .header('cache-control', 'no-cache')
        .send(createReadStream(file))
    );
  });
}
