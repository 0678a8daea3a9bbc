/**
 * GET /api/v1/catalog-images/<name>: a catalog image (server/catalog/images.ts) for a device,
 * which authenticates as on its socket: `Authorization: Bearer <token>` and `X-Vitrine-Device:
 * <id>`. A download broken off (the network, the hub restarting) resumes with `Range: bytes=N-`;
 * `If-Range` with the image's ETag makes sure the bytes resumed are of the same file.
 */
import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { CATALOG_IMAGE_ROUTE, type CatalogImages } from '../catalog/images.js';
import { authenticateDevice, DEVICE_REFUSAL } from '../fleet/device-auth.js';
import type { HubContext } from '../hub-context.js';
import { sendError } from './errors.js';

/** `bytes=N-` or `bytes=N-M`, one range; anything else is answered with the whole file. */
function rangeOf(
  header: string | undefined,
  size: number,
): { start: number; end: number } | 'invalid' | undefined {
  if (header === undefined) return undefined;
  const match = /^bytes=(\d{1,15})-(\d{0,15})$/.exec(header.trim());
  if (match === null) return undefined;
  const start = Number(match[1]);
  const end = match[2] === '' || match[2] === undefined ? size - 1 : Math.min(Number(match[2]), size - 1);
  return start >= size || end < start ? 'invalid' : { start, end };
}

export function registerCatalogImageRoute(
  app: FastifyInstance,
  hub: HubContext,
  images: CatalogImages,
): void {
  app.get<{ Params: { name: string } }>(`${CATALOG_IMAGE_ROUTE}:name`, async (request, reply) => {
    const auth = request.headers.authorization;
    const deviceId = request.headers['x-vitrine-device'];
    const token = auth?.startsWith('Bearer ') === true ? auth.slice('Bearer '.length) : undefined;
    if (token === undefined || typeof deviceId !== 'string' || deviceId.length === 0) {
      return sendError(
        reply,
        401,
        'unauthorized',
        'a device token (Authorization: Bearer) and X-Vitrine-Device are required',
      );
    }
    const device = await authenticateDevice(hub, deviceId, token);
    if (device === null) return sendError(reply, 401, 'unauthorized', DEVICE_REFUSAL);
    const found = images.file(request.params.name);
    if (found === undefined) {
      return sendError(
        reply,
        404,
        'not-found',
        `no catalog image ${request.params.name} on this hub: pull again`,
      );
    }
    const { path, image } = found;
    const etag = `"${image.sha256}"`;
    const ifRange = request.headers['if-range'];
    const range =
      ifRange === undefined || ifRange === etag ? rangeOf(request.headers.range, image.bytes) : undefined;
    reply
      .header('etag', etag)
      .header('accept-ranges', 'bytes')
      .header('content-type', 'application/vnd.sqlite3')
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff');
    if (range === 'invalid') {
      return reply
        .code(416)
        .header('content-range', `bytes */${String(image.bytes)}`)
        .send();
    }
    hub.logger.info(
      { deviceId: device.deviceId, image: image.name, from: range === undefined ? 0 : range.start },
      'catalog image download',
    );
    if (range === undefined) {
      return reply.header('content-length', String(image.bytes)).send(createReadStream(path));
    }
    return reply
      .code(206)
      .header('content-range', `bytes ${String(range.start)}-${String(range.end)}/${String(image.bytes)}`)
      .header('content-length', String(range.end - range.start + 1))
      .send(createReadStream(path, { start: range.start, end: range.end }));
  });
}
